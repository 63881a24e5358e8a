// Results, baseline and gate config -> the Report every rendering is made from.
import { cutToFit } from '../text-size.js';
import type { Config } from '../config/index.js';
import { advise, evaluate, opChangesOf } from '../gate/index.js';
import { LABEL_LENGTH } from '../limits.js';
import { placeAll } from '../roofline.js';
import type { Result } from '../types.js';
import { REPORT_VERSION } from './schema.js';
import type { Report } from './types.js';

/**
 * Analyses `head`, compares it with `base` when there is one, and gathers findings and advice.
 * `baseline` says where the baseline came from, for the reader (`old.yml`, `git:main`).
 */
export function buildReport(head: Config, base: Config | null, baseline: string | null): Report {
  const headResults = placeAll(head.models, head.devices);
  const baseResults: Result[] | null = base ? placeAll(base.models, base.devices) : null;
  const evaluation = evaluate(headResults, baseResults, head.gate, base ? opChangesOf(head, base) : undefined);
  const { advice, notes } = advise(evaluation.results, head.models, head.devices, head.advice.devices);
  return {
    version: REPORT_VERSION,
    status: evaluation.status,
    baseline: base && baseline !== null ? cutToFit(baseline, { chars: LABEL_LENGTH }) : null,
    results: evaluation.results,
    removed: evaluation.removed,
    findings: evaluation.findings,
    advice,
    notes,
  };
}

/**
 * report.json. JSON has no Infinity: an infinite intensity (no bytes through a level) is written as null,
 * which readers tell from "not given" by the level's bytes being 0. NaN never arises (roofline.ts).
 */
export function reportJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

