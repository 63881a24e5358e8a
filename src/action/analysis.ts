// The report the action reports on: analysed here from the config and its baseline, or read from a
// report.json another job computed (the fork pattern), which is validated first as untrusted input.
import { readFile, stat } from 'node:fs/promises';
import type { Config } from '../core/config/index.js';
import { wholeNumber } from '../core/format.js';
import { parseReport, REPORT_MAX_BYTES, ReportFileError } from '../core/report/schema.js';
import type { Report } from '../core/report/types.js';
import { analyse, type Baseline } from '../shell/analyse.js';
import { workingTree } from '../shell/sources.js';
import { baseSource } from './base-source.js';
import { chooseBaseline, type BaselineChoice } from './baseline.js';
import type { Event } from './event.js';
import type { GitHubApi } from './github-api.js';
import type { Settings } from './inputs.js';
import type { Log } from './log.js';

export interface Analysis {
  report: Report;
  /** Where each model is defined, for annotations; null for a precomputed report. */
  positions: Config['positions'] | null;
}

export async function obtainReport(settings: Settings, event: Event, api: GitHubApi, workspace: string, log: Pick<Log, 'info' | 'warning'>): Promise<Analysis> {
  if (settings.report !== null) return { report: await readReport(settings.report), positions: null };
  const setting = settings.baseline;
  const fileExists = setting.kind === 'file' && (await workingTree(setting.file).readText(setting.file)) !== null;
  const choice = chooseBaseline({ setting, config: settings.config, event, fileExists });
  const { report, head, baseProblem } = await analyse({ source: workingTree(settings.config), file: settings.config }, baselineOf(choice, settings.token ? api : null, workspace, log));
  const none = choice.kind === 'none' ? choice.why : null;
  if (baseProblem !== null && choice.kind === 'commit') {
    log.warning(`The baseline at ${choice.commit.label} could not be used, so only budgets and above-roof apply:\n${baseProblem}`);
  } else if (none) log.info(`No baseline (${none}): only budgets and above-roof apply.`);
  else if (report.baseline === null) log.info(`No baseline (${settings.config} does not exist at the base): only budgets and above-roof apply.`);
  else log.info(`Baseline: ${report.baseline}`);
  return { report, positions: head.positions };
}

/** Where the chosen baseline is read from: the working tree, or the base commit through the API (null without a token: the clone). */
function baselineOf(choice: BaselineChoice, api: GitHubApi | null, workspace: string, log: Pick<Log, 'info' | 'warning'>): Baseline {
  if (choice.kind === 'none') return { kind: 'none' };
  if (choice.kind === 'file') return { kind: 'config', source: workingTree(choice.file), file: choice.file };
  const readAtBase = api && ((file: string) => api.readFileAt(choice.commit.sha, file));
  return { kind: 'config', source: baseSource({ commit: choice.commit, readAtBase, workspace, warn: log.warning, info: log.info }), file: choice.file, tolerant: true };
}

async function readReport(file: string): Promise<Report> {
  const size = await stat(file).then((s) => s.size, () => null);
  if (size === null) throw new ReportFileError(`report: ${file} not found; download the artifact the pull_request workflow uploaded before this step`);
  if (size > REPORT_MAX_BYTES) throw new ReportFileError(`report: ${file} is ${wholeNumber(size)} bytes, more than any roofline-gate report`);
  return parseReport(await readFile(file, 'utf8'), file);
}
