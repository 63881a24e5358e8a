// report.json as a zod schema, for reading a report that another job wrote: in the fork workflow the file
// comes from a pull request's own code, so nothing in it is trusted until it passes here. Strict objects,
// bounded strings and arrays, finite numbers; an infinite intensity, which report.json writes as null
// (build.ts), is read back as Infinity so that the result is a Report every renderer takes.
//
// The engine writes version 2. Version 1 (before the first release) named the FLOP rates as counts
// (`peakFlops`, `attainableFlops`, `achievedFlops`); it is still read, its keys renamed before validation.
// It had no effective FLOP/s (its points sat at the attainable figure, which is taken for it) and kept no
// baseline inputs (null).
import * as z from '../zod.js';
import { LABEL_LENGTH, REPORT_MAX_BYTES } from '../limits.js';
import { adviceNoteSchema, adviceSchema, findingSchema, list, moreAdviceSchema, moreFindingsSchema, pairedSchema, removedSchema, statusSchema } from '../results.js';
import { findingCounts } from './listed.js';
import { wholeNumber } from '../format.js';
import { fits, sizeIn } from '../text-size.js';

export { REPORT_MAX_BYTES } from '../limits.js';

/** The report.json version the engine writes. */
export const REPORT_VERSION = 2;

/** Version 1's names for the keys that version 2 renamed, in a result and in its baseline. */
const V1_RENAMES: Record<string, string> = {
  peakFlops: 'peakFlopsPerSecond',
  attainableFlops: 'attainableFlopsPerSecond',
  achievedFlops: 'achievedFlopsPerSecond',
};

export const reportSchema = z
  .strictObject({
    version: z.literal(REPORT_VERSION),
    status: statusSchema,
    /** Where the baseline came from (`--base old.yml`, `git:main`, ...); null when there was none. */
    baseline: z.nullable(z.string().check(z.maxLength(LABEL_LENGTH))),
    results: list(pairedSchema),
    /** Pairs only in the baseline. */
    removed: list(removedSchema),
    findings: list(findingSchema),
    /** Findings left out of `findings` (listed.ts): absent when none is. */
    moreFindings: z.optional(moreFindingsSchema),
    advice: list(adviceSchema),
    /** Advice items left out of `advice` (listed.ts): absent when none is. */
    moreAdvice: z.optional(moreAdviceSchema),
    /** What advice could not be given and why; left out by reports written before notes existed. */
    notes: z.optional(list(adviceNoteSchema)),
  })
  // The status is the worst finding's severity (gate/verdict.ts), listed or not; a file that says otherwise was edited.
  .check(z.refine((report) => report.status === worst(findingCounts(report)), {
    message: 'status does not match the findings',
    path: ['status'],
  }));

export type Report = z.output<typeof reportSchema>;

function worst({ fail, warn }: { fail: number; warn: number }): string {
  if (fail > 0) return 'fail';
  return warn > 0 ? 'warn' : 'pass';
}

/** Thrown for a report that is not JSON or not a report: says where, never echoes the content. */
export class ReportFileError extends Error {
  override name = 'ReportFileError';
}

/**
 * Why a run could not read `text` (report.json as reportJson writes it) back, or null when it can. The
 * findings and advice are cut to fit (listed.ts), but every pair's result is written: thousands of pairs
 * with many changed ops each can pass REPORT_MAX_BYTES, and such a file is refused as a baseline or a
 * history entry (parseReport, the action's `report:` input). Said when it is written, not a run later.
 */
export function unreadableReport(text: string): string | null {
  if (fits(text, { bytes: REPORT_MAX_BYTES })) return null;
  const size = sizeIn(text, { bytes: REPORT_MAX_BYTES });
  return `report.json is ${wholeNumber(size)} bytes, more than the ${REPORT_MAX_BYTES / 1024 / 1024} MiB a run reads back: it is written, but cannot be a later run's baseline or history entry (fewer pairs or changed ops make it fit)`;
}

/**
 * Parses and validates report.json text. `file` names it in errors.
 *
 *   parseReport(reportJson(report), 'report.json') //=> a Report equal to `report`
 */
export function parseReport(text: string, file: string): Report {
  if (text.length > REPORT_MAX_BYTES) throw new ReportFileError(`${file}: larger than ${REPORT_MAX_BYTES / 1024 / 1024} MiB, not a roofline-gate report`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ReportFileError(`${file}: not JSON (${(error as Error).message.slice(0, 200)})`);
  }
  const parsed = reportSchema.safeParse(fromVersion1(json));
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((issue) => clip(`${issue.path.join('.') || '(top)'}: ${issue.message}`));
    throw new ReportFileError(`${file}: not a valid roofline-gate report.json:\n  ${issues.join('\n  ')}`);
  }
  return parsed.data;
}

/**
 * A version 1 report as version 2: the renamed keys of every result, baseline and removed pair's baseline
 * take their new names; anything else (other versions, shapes that are not a report) is returned as it is,
 * for the schema to judge.
 */
function fromVersion1(json: unknown): unknown {
  if (!isRecord(json) || json.version !== 1) return json;
  const rename = (value: Record<string, unknown>) => {
    const renamed = Object.fromEntries(Object.entries(value).map(([key, v]) => [V1_RENAMES[key] ?? key, v]));
    return { ...renamed, effectiveFlopsPerSecond: renamed.attainableFlopsPerSecond };
  };
  const snapshot = (value: unknown): unknown => (isRecord(value) ? { ...rename(value), flops: null, bytes: null } : value);
  const result = (value: unknown): unknown => {
    if (!isRecord(value)) return value;
    const ops = isRecord(value.ops) ? { ...value.ops, changed: null, moreChanged: 0 } : value.ops;
    return { ...rename(value), ops, base: value.base === null ? null : snapshot(value.base) };
  };
  const removed = (value: unknown): unknown => (isRecord(value) ? { ...value, base: snapshot(value.base) } : value);
  const each = (list: unknown, upgrade: (value: unknown) => unknown) => (Array.isArray(list) ? list.map(upgrade) : list);
  return { ...json, version: REPORT_VERSION, results: each(json.results, result), removed: each(json.removed, removed) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Issue text can quote a key from the file: one short line of printable characters. */
function clip(text: string): string {
  const printable = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
  return printable.length > 200 ? `${printable.slice(0, 200)}…` : printable;
}
