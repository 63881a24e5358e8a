// The sinks a user reads after the run: the job summary, the step outputs, and the verdict. The verdict's
// outputs and a first summary are written before any API call (verdict.ts); the summary is written again,
// whole, with the comment's and the chart's links once they are known.
import path from 'node:path';
import * as core from '@actions/core';
import { SUMMARY_MAX } from '../core/limits.js';
import { findingCounts, findingTotal } from '../core/report/listed.js';
import { renderMarkdown, type ChartEmbed } from '../core/report/markdown.js';
import type { Report } from '../core/report/types.js';
import type { Artifacts } from '../shell/artifacts.js';
import { failsStep } from './fail-on.js';
import type { FailOn } from './inputs.js';

/** What the summary shows besides the report. */
export interface SummaryParts {
  chart: ChartEmbed;
  editorUrl: string | null;
  /** What was skipped and why. */
  notes: string[];
  commentUrl: string | null;
}

/** The job summary as the step's summary file holds it: the report within SUMMARY_MAX bytes, the notes and the comment's link last. */
export function summaryMarkdown(report: Report, { chart, editorUrl, notes, commentUrl }: SummaryParts): string {
  const noted = notes.map((note) => `> [!NOTE]\n> ${note}`).join('\n\n');
  const comment = commentUrl ? `[Pull-request comment](${commentUrl})` : '';
  const footer = [noted, comment].filter(Boolean).join('\n\n');
  return renderMarkdown(report, { chart, editorUrl, footer, limit: SUMMARY_MAX });
}

/** Writes the job summary, replacing what this step wrote before (the step's summary file is its own). */
export async function writeSummary(report: Report, parts: SummaryParts): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return; // a local run
  await core.summary.addRaw(summaryMarkdown(report, parts)).write({ overwrite: true });
}

/** The verdict: set first, before anything else can fail. */
export function setVerdictOutputs(report: Report): void {
  core.setOutput('status', report.status);
  core.setOutput('findings', findingTotal(report));
}

/** Paths are absolute, so that any later step finds them; a file the out dir does not hold is '' (all of them when it was not written). */
export function setFileOutputs(outDir: string, written: Artifacts | null): void {
  const file = (name: keyof Artifacts) => (written?.[name] === undefined ? '' : path.resolve(outDir, name));
  core.setOutput('report-json', file('report.json'));
  core.setOutput('report-markdown', file('report.md'));
  core.setOutput('chart-svg', file('roofline.svg'));
  core.setOutput('chart-vega-lite', file('roofline.vl.json'));
}

/** What was shared: set once sharing is over, '' for what was not. */
export function setSharedOutputs({ commentUrl, chartUrl }: { commentUrl: string | null; chartUrl: string | null }): void {
  core.setOutput('comment-url', commentUrl ?? '');
  core.setOutput('chart-url', chartUrl ?? '');
}

/** Why the step fails under `fail-on`, or null when it passes. */
export function gateFailure(report: Report, failOn: FailOn): string | null {
  if (!failsStep(report.status, failOn)) return null;
  const { fail, warn } = findingCounts(report);
  return `roofline-gate: ${report.status} (${fail} failing, ${warn} warning findings; fail-on: ${failOn}). The job summary has the details.`;
}
