// The verdict is never lost: the step's `status` and `findings`, the out dir, the annotations and a first
// job summary are written before waiting on any API call that could stall or fail (the comment, the chart
// image, the history, the check run; the comment's lookup, only reads, is in flight meanwhile and waited on
// after). What is shared afterwards rewrites the summary with its links; a failure
// there, or in drawing a chart, is a warning that names what failed, and the verdict stands.
import { asciiRoofline } from '../core/chart/index.js';
import { renderArtifacts, type Rendered } from '../shell/artifacts.js';
import { writeOutDir } from '../shell/out-dir.js';
import type { Report } from '../core/report/types.js';
import type { Analysis } from './analysis.js';
import { annotateFindings } from './annotations.js';
import type { CheckRun } from './check-run.js';
import { drawTextChart, editorLink, textChart } from './comment-body.js';
import { outDirHint } from './comment-policy.js';
import type { Event } from './event.js';
import type { GitHubApi } from './github-api.js';
import { recordHistory } from './history.js';
import type { Settings } from './inputs.js';
import type { Log } from './log.js';
import { apiPlans, noTokenWarning, type TokenEvent, type TokenSettings } from './no-token.js';
import { gateFailure, setFileOutputs, setSharedOutputs, setVerdictOutputs, writeSummary, type SummaryParts } from './outputs.js';
import { share, type Chart, type CommentLookup, type Shared } from './share.js';

export interface Delivered {
  /** The chart as the comment and the summary show it. */
  chart: Chart;
  /** What the first summary showed; kept when sharing fails. */
  summary: SummaryParts;
  /** The first summary is the last: nothing will be shared (comments off, a fork, no token), so it is not written again. */
  summaryFinal: boolean;
  /** Why the step fails under `fail-on`; null when it passes. */
  failure: string | null;
}

/** What is drawn and written from the report alone, replaceable in tests by steps that fail. */
export interface OutDirSteps {
  render: typeof renderArtifacts;
  write: typeof writeOutDir;
  /** The text roofline. */
  text: (report: Report) => string;
}

const OUT_DIR: OutDirSteps = { render: renderArtifacts, write: writeOutDir, text: asciiRoofline };

/** Everything a user reads of the verdict, written from the report alone: no API call is made here. */
export async function deliverVerdict(
  analysis: Analysis,
  settings: Settings,
  event: TokenEvent,
  workspace: string,
  log: Log,
  steps: OutDirSteps = OUT_DIR,
): Promise<Delivered> {
  const { report } = analysis;
  setVerdictOutputs(report);
  const noToken = noTokenWarning(settings, event);
  if (noToken) log.warning(noToken);
  const { rendered, written } = await outDir(report, settings.outDir, log, steps);
  setFileOutputs(settings.outDir, written ? (rendered?.files ?? null) : null);
  attempt(log, 'The findings could not be annotated on the config', () => annotateFindings(analysis, workspace));

  const chart: Chart = {
    svg: rendered?.files['roofline.svg'],
    text: drawTextChart(report, log.warning, steps.text),
    editorUrl: attempt(log, 'The Vega editor link could not be made', () => editorLink(rendered?.spec ?? null)) ?? null,
  };
  const { parts: summary, final: summaryFinal } = firstSummary(chart, settings, event);
  await summaryOrWarning(report, summary, log);
  return { chart, summary, summaryFinal, failure: gateFailure(report, settings.failOn) };
}

/**
 * The summary before anything is shared: when nothing will be (comments off, a fork, no token), already the
 * final one (`final`); otherwise the text roofline, and a reason that only shows if the step ends before the
 * summary is written again with the comment's link and the image. An empty token's warning is its first note.
 */
export function firstSummary(chart: Chart, settings: TokenSettings, event: TokenEvent): { parts: SummaryParts; final: boolean } {
  const skip = apiPlans(settings, event).comment;
  const reason = skip?.chartReason ?? `No chart image: this summary was written before the chart was published, and the step ended before it was written again. ${outDirHint(settings.outDir)}.`;
  const parts = { chart: textChart(chart.text, reason), editorUrl: chart.editorUrl, notes: [...runNotes(settings, event), ...(skip?.note ? [skip.note] : [])], commentUrl: null };
  return { parts, final: skip !== null };
}

/** Notes that hold whatever is shared: an empty token's warning. */
function runNotes(settings: TokenSettings, event: TokenEvent): string[] {
  const noToken = noTokenWarning(settings, event);
  return noToken ? [noToken] : [];
}

/**
 * After the verdict: the comment and the chart image, the history, the check run, then the summary again
 * with their links (unless nothing was to be shared: then the first is the last), and the `comment-url`
 * and `chart-url` outputs. Each step's own failures are warnings
 * already (share.ts, history.ts, check-run.ts); anything else they throw is one more warning here. Without
 * a token every plan skips its part, so no call is made (no-token.ts).
 */
/** `lookup`: the comment's lookup, started before the verdict was written (main.ts); made now when not given. */
export async function shareVerdict(report: Report, delivered: Delivered, settings: Settings, event: Event, api: GitHubApi, check: CheckRun, log: Log, lookup?: Promise<CommentLookup | null>): Promise<void> {
  const made = await attemptAsync(log, 'No pull-request comment', () => share(report, delivered.chart, settings, event, api, log, lookup));
  // The first summary's notes already start with the run's notes.
  const shared: Shared = made ? { ...made, notes: [...runNotes(settings, event), ...made.notes] } : { ...delivered.summary, commentUrl: null, chartUrl: null };
  await attemptAsync(log, 'History not stored', () => recordHistory(report, settings, event, api, log));
  await attemptAsync(log, 'The check run was not completed', () => check.finish(report, shared));
  setSharedOutputs(shared);
  // Where nothing was shared, share() gave the first summary's parts again: written once is enough.
  if (!delivered.summaryFinal) await summaryOrWarning(report, shared, log);
}

/**
 * The out dir rendered, then written whole: what was rendered (null when rendering failed) and whether it was
 * written, each failure a warning naming the step. A chart rendered but not written is still shared.
 */
async function outDir(report: Report, dir: string, log: Log, steps: OutDirSteps): Promise<{ rendered: Rendered | null; written: boolean }> {
  const rendered = await attemptAsync(log, 'The out dir could not be rendered', () => steps.render(report, {}, log.warning));
  if (rendered === null) return { rendered, written: false };
  const written = (await attemptAsync(log, `The out dir ${dir} could not be written`, async () => (await steps.write(dir, rendered.files), true))) ?? false;
  return { rendered, written };
}

async function summaryOrWarning(report: Report, parts: SummaryParts, log: Log): Promise<void> {
  await attemptAsync(log, 'The job summary could not be written', () => writeSummary(report, parts));
}

/** `work()`, or null and a warning that starts with `what` when it throws. */
function attempt<T>(log: Log, what: string, work: () => T): T | null {
  try {
    return work();
  } catch (error) {
    log.warning(unaffected(what, error));
    return null;
  }
}

async function attemptAsync<T>(log: Log, what: string, work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    log.warning(unaffected(what, error));
    return null;
  }
}

function unaffected(what: string, error: unknown): string {
  const detail = String((error as Error | null)?.message ?? error).split('\n')[0]!.slice(0, 300);
  return `${what} (${detail}). The verdict is unaffected.`;
}
