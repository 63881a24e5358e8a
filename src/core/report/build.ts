// Results, baseline and gate config -> the Report every rendering is made from.
import { cutToFit, sizeIn } from '../text-size.js';
import type { Config } from '../config/index.js';
import { advise, evaluate, opChangesOf, type Advice, type AdviceNote, type Finding } from '../gate/index.js';
import { LABEL_LENGTH, REPORT_MAX_BYTES } from '../limits.js';
import { placeAll } from '../roofline.js';
import type { Result } from '../types.js';
import { listed } from './listed.js';
import { REPORT_VERSION } from './schema.js';
import type { Report } from './types.js';

/**
 * Analyses `head`, compares it with `base` when there is one, and gathers findings and advice, as many as
 * report.json can list (assembleReport).
 * `baseline` says where the baseline came from, for the reader (`old.yml`, `git:main`).
 */
export function buildReport(head: Config, base: Config | null, baseline: string | null): Report {
  const headResults = placeAll(head.models, head.devices);
  const baseResults: Result[] | null = base ? placeAll(base.models, base.devices) : null;
  const evaluation = evaluate(headResults, baseResults, head.gate, base ? opChangesOf(head, base) : undefined);
  const { advice, notes } = advise(evaluation.results, head.models, head.devices, head.advice.devices);
  const top: ReportTop = {
    version: REPORT_VERSION,
    status: evaluation.status,
    baseline: base && baseline !== null ? cutToFit(baseline, { chars: LABEL_LENGTH }) : null,
    results: evaluation.results,
    removed: evaluation.removed,
  };
  return assembleReport(top, evaluation.findings, advice, notes);
}

/** What a report holds besides its findings, advice and notes. */
export type ReportTop = Omit<Report, 'findings' | 'moreFindings' | 'advice' | 'moreAdvice' | 'notes'>;

/**
 * The report with the findings and advice report.json can list (listed.ts): what the lists may take is
 * what the rest of the file leaves. The status is `top`'s, decided on every finding.
 */
export function assembleReport(top: ReportTop, findings: readonly Finding[], advice: readonly Advice[], notes: AdviceNote[]): Report {
  const rest = sizeIn(reportJson({ ...top, findings: [], advice: [], notes }), { bytes: REPORT_MAX_BYTES });
  return { ...top, ...listed(findings, advice, rest), notes };
}

/**
 * report.json. JSON has no Infinity: an infinite intensity (no bytes through a level) is written as null,
 * which readers tell from "not given" by the level's bytes being 0. NaN never arises (roofline.ts).
 */
export function reportJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

