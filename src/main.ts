// The action: settings, the work, outputs. Everything that talks to GitHub's API lives in src/github/;
// the verdict depends only on the report and `fail-on`, never on whether a comment could be posted.
import * as core from '@actions/core';
import { context } from '@actions/github';
import { annotateConfigError, annotateFindings } from './action/annotations.js';
import { beginCheckRun, type CheckRun } from './action/check-run.js';
import { obtainReport } from './action/analysis.js';
import { readEvent } from './action/event.js';
import { InputError, readSettings } from './action/inputs.js';
import { gateFailure, setOutputs, writeSummary } from './action/outputs.js';
import { gitHubApi } from './action/github-api.js';
import { recordHistory } from './action/history.js';
import { share } from './action/share.js';
import { ConfigError } from './core/config/index.js';
import { ReportFileError } from './core/report/schema.js';
import { createClient } from './github/client.js';
import { renderArtifacts } from './shell/artifacts.js';
import { writeOutDir } from './shell/out-dir.js';

export async function run(): Promise<void> {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  let check: CheckRun | null = null;
  try {
    const settings = readSettings();
    const event = readEvent(context);
    const octokit = createClient(settings.token, { baseUrl: context.apiUrl, backoffMs: settings.backoffMs, log: core });
    const api = gitHubApi(octokit, event.repo, settings.token);
    check = beginCheckRun(settings, event, api, core);

    const analysis = await obtainReport(settings, event, api, workspace, core);
    const { report } = analysis;
    const artifacts = await renderArtifacts(report, {}, core.warning);
    await writeOutDir(settings.outDir, artifacts);
    annotateFindings(analysis, workspace);
    const chart = { svg: artifacts['roofline.svg'], spec: JSON.parse(artifacts['roofline.vl.json'] ?? 'null') as unknown };
    const shared = await share(report, chart, settings, event, api, core);
    await recordHistory(report, settings, event, api, core);
    await check.finish(report, shared);

    setOutputs(report, settings.outDir, artifacts, shared);
    await writeSummary(report, shared);
    const failure = gateFailure(report, settings.failOn);
    if (failure) core.setFailed(failure);
    else core.info(`roofline-gate: ${report.status}`);
  } catch (error) {
    if (error instanceof ConfigError) annotateConfigError(error, workspace);
    await check?.fail(explain(error));
    core.setFailed(explain(error));
  }
}

/** Input mistakes are shown as they are; anything else is ours, and says so. */
function explain(error: unknown): string {
  if (error instanceof ConfigError || error instanceof InputError || error instanceof ReportFileError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `roofline-gate: ${detail}${core.isDebug() && error instanceof Error ? `\n${error.stack}` : ''}`;
}
