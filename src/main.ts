// The action: settings, the work, outputs. Everything that talks to GitHub's API lives in src/github/;
// the verdict depends only on the report and `fail-on`, never on whether a comment could be posted, and it
// is written (outputs, out dir, summary) before waiting on any API call that could stall or fail (verdict.ts).
import * as core from '@actions/core';
import { context } from '@actions/github';
import { annotateConfigError } from './action/annotations.js';
import { beginCheckRun, type CheckRun } from './action/check-run.js';
import { obtainReport } from './action/analysis.js';
import { readEvent } from './action/event.js';
import { InputError, readSettings } from './action/inputs.js';
import { gitHubApi, WITHOUT_TOKEN } from './action/github-api.js';
import { deliverVerdict, shareVerdict } from './action/verdict.js';
import { lookUpComment } from './action/share.js';
import { ConfigError } from './core/config/index.js';
import { ReportFileError } from './core/report/schema.js';

export async function run(): Promise<void> {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  let check: CheckRun | null = null;
  try {
    const settings = readSettings();
    const event = readEvent(context);
    // An empty token (an unset secret) makes no call at all: getOctokit would throw on it before any verdict.
    const api = settings.token
      ? gitHubApi(settings.token, { baseUrl: context.apiUrl, backoffMs: settings.backoffMs, timeoutMs: settings.timeoutMs, log: core }, event.repo)
      : WITHOUT_TOKEN;
    check = beginCheckRun(settings, event, api, core);

    const analysis = await obtainReport(settings, event, api, workspace, core);
    // The pull request's sticky comments are looked up now (reads only), and answer while the verdict is written.
    const lookup = lookUpComment(settings, event, api);
    const delivered = await deliverVerdict(analysis, settings, event, workspace, core);
    // From here on nothing changes the exit status: it is the verdict's, set now.
    if (delivered.failure) core.setFailed(delivered.failure);
    const { report } = analysis;
    await shareVerdict(report, delivered, settings, event, api, check, core, lookup).catch((error: unknown) => core.warning(`Sharing the verdict failed (${(error as Error).message}). The verdict is unaffected.`));
    if (!delivered.failure) core.info(`roofline-gate: ${report.status}`);
  } catch (error) {
    // Only before the verdict: shareVerdict turns its failures into warnings.
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
