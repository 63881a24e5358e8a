// The sinks a user reads after the run: the job summary, the step outputs, and the verdict.
import path from 'node:path';
import * as core from '@actions/core';
import { SUMMARY_MAX } from '../core/limits.js';
import { renderMarkdown } from '../core/report/markdown.js';
import type { Report } from '../core/report/types.js';
import type { Artifacts } from '../shell/artifacts.js';
import { failsStep } from './fail-on.js';
import type { FailOn } from './inputs.js';
import type { Shared } from './share.js';

export async function writeSummary(report: Report, shared: Shared): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return; // a local run
  const notes = shared.notes.map((note) => `> [!NOTE]\n> ${note}`).join('\n\n');
  const comment = shared.commentUrl ? `[Pull-request comment](${shared.commentUrl})` : '';
  const footer = [notes, comment].filter(Boolean).join('\n\n');
  await core.summary.addRaw(renderMarkdown(report, { chart: shared.chart, editorUrl: shared.editorUrl, footer, limit: SUMMARY_MAX })).write();
}

/** Paths are absolute, so that any later step finds them; a file the out dir does not hold is ''. */
export function setOutputs(report: Report, outDir: string, artifacts: Artifacts, shared: Shared): void {
  const file = (name: keyof Artifacts) => (artifacts[name] === undefined ? '' : path.resolve(outDir, name));
  core.setOutput('status', report.status);
  core.setOutput('findings', report.findings.length);
  core.setOutput('report-json', file('report.json'));
  core.setOutput('report-markdown', file('report.md'));
  core.setOutput('chart-svg', file('roofline.svg'));
  core.setOutput('chart-vega-lite', file('roofline.vl.json'));
  core.setOutput('comment-url', shared.commentUrl ?? '');
  core.setOutput('chart-url', shared.chartUrl ?? '');
}

/** Why the step fails under `fail-on`, or null when it passes. */
export function gateFailure(report: Report, failOn: FailOn): string | null {
  if (!failsStep(report.status, failOn)) return null;
  const count = (severity: string) => report.findings.filter((finding) => finding.severity === severity).length;
  return `roofline-gate: ${report.status} (${count('fail')} failing, ${count('warn')} warning findings; fail-on: ${failOn}). The job summary has the details.`;
}
