// report.json as a zod schema, for reading a report that another job wrote: in the fork workflow the file
// comes from a pull request's own code, so nothing in it is trusted until it passes here. Strict objects,
// bounded strings and arrays, finite numbers; an infinite intensity, which report.json writes as null
// (build.ts), is read back as Infinity so that the result is a Report every renderer takes.
import { z } from 'zod';
import { PRECISIONS } from '../types.js';
import type { Report } from './types.js';

import { MAX_LEVELS, MAX_REPORT_ITEMS, MESSAGE_LENGTH, NAME_LENGTH, REPORT_MAX_BYTES } from '../limits.js';

export { REPORT_MAX_BYTES } from '../limits.js';

const name = z.string().min(1).max(NAME_LENGTH);
const message = z.string().max(MESSAGE_LENGTH);
const finite = z.number().finite();
const positive = finite.positive();
const nonNegative = finite.nonnegative();
const nullable = <T extends z.ZodType>(schema: T) => schema.nullable();
const perLevel = <T extends z.ZodType>(value: T) =>
  z.record(z.string().min(1).max(64), value).refine((record) => Object.keys(record).length <= MAX_LEVELS, `at most ${MAX_LEVELS} memory levels`);
/** FLOP per byte; null stands for infinity (no bytes through the level). */
const intensity = perLevel(nonNegative.nullable().transform((value) => value ?? Infinity));
const list = <T extends z.ZodType>(item: T) => z.array(item).max(MAX_REPORT_ITEMS);

const bound = z.enum(['compute', 'memory']);
const severity = z.enum(['warn', 'fail']);
const status = z.enum(['pass', 'warn', 'fail']);
const rule = z.enum(['intensity-drop', 'throughput-drop', 'bound-shift', 'efficiency-drop', 'min-throughput', 'max-latency', 'ridge-margin', 'above-roof']);

const snapshot = z.strictObject({
  intensity,
  attainableFlops: nonNegative,
  bound,
  bindingLevel: name,
  seconds: nonNegative,
  throughput: nonNegative,
  efficiency: nullable(nonNegative),
});

const opTime = z.strictObject({
  name,
  seconds: nonNegative,
  computeSeconds: nonNegative,
  memorySeconds: nonNegative,
  bindingLevel: name,
});

const result = z.strictObject({
  model: name,
  hardware: name,
  precision: z.enum(PRECISIONS),
  batch: positive,
  flops: nonNegative,
  bytes: perLevel(nonNegative),
  peakFlops: positive,
  bandwidth: perLevel(positive),
  intensity,
  ridge: perLevel(nonNegative),
  attainableFlops: nonNegative,
  bound,
  bindingLevel: name,
  seconds: nonNegative,
  throughput: nonNegative,
  measuredSeconds: nullable(positive),
  achievedFlops: nullable(nonNegative),
  efficiency: nullable(nonNegative),
  ops: nullable(z.strictObject({ count: z.number().int().nonnegative(), slowest: z.array(opTime).max(100) })),
  base: nullable(snapshot),
});

const finding = z.strictObject({
  rule,
  severity,
  model: name,
  hardware: name,
  message,
  level: name.optional(),
  before: nullable(finite).optional(),
  after: nullable(finite).optional(),
  limit: finite.optional(),
});

const advice = z.strictObject({
  model: name,
  hardware: name,
  kind: name,
  message,
  throughput: nonNegative,
  gain: nonNegative,
  change: z.strictObject({ figure: name, before: z.union([finite, name]), after: z.union([finite, name]) }).optional(),
});

export const reportSchema = z
  .strictObject({
    version: z.literal(1),
    status,
    baseline: nullable(z.string().max(NAME_LENGTH)),
    results: list(result),
    removed: list(z.strictObject({ model: name, hardware: name, base: snapshot })),
    findings: list(finding),
    advice: list(advice),
  })
  // The status is the worst finding's severity (gate/verdict.ts); a file that says otherwise was edited.
  .refine((report) => report.status === worst(report.findings.map((f) => f.severity)), {
    message: 'status does not match the findings',
    path: ['status'],
  });

function worst(severities: string[]): string {
  if (severities.includes('fail')) return 'fail';
  return severities.length > 0 ? 'warn' : 'pass';
}

/** Thrown for a report that is not JSON or not a report: says where, never echoes the content. */
export class ReportFileError extends Error {
  override name = 'ReportFileError';
}

/**
 * Parses and validates report.json text. `file` names it in errors.
 *
 *   parseReport(reportJson(report), 'report.json') //=> a Report equal to `report`
 */
export function parseReport(text: string, file: string): Report {
  if (text.length > REPORT_MAX_BYTES) throw new ReportFileError(`${file}: larger than ${REPORT_MAX_BYTES / 1024 / 1024} MB, not a roofline-gate report`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ReportFileError(`${file}: not JSON (${(error as Error).message.slice(0, 200)})`);
  }
  const parsed = reportSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((issue) => clip(`${issue.path.join('.') || '(top)'}: ${issue.message}`));
    throw new ReportFileError(`${file}: not a valid roofline-gate report.json:\n  ${issues.join('\n  ')}`);
  }
  return parsed.data satisfies Report;
}

/** Issue text can quote a key from the file: one short line of printable characters. */
function clip(text: string): string {
  const printable = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
  return printable.length > 200 ? `${printable.slice(0, 200)}…` : printable;
}
