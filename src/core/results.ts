// What the engine produces, defined once: placements, their baselines, findings and advice, as zod schemas
// from which the TypeScript types are derived. report.json is these shapes serialised (report/schema.ts
// validates a file against them), so a type and its validation can never drift apart, and every limit they
// check is one of limits.ts: what the engine writes, the action's `report:` input reads back.
//
// All quantities are in base SI units: FLOP, bytes, seconds, per second.
import * as z from './zod.js';
import { CHANGED_OPS, EXPLAINING_OPS, MAX_LEVELS, MAX_REPORT_ITEMS, MESSAGE_LENGTH, NAME_LENGTH } from './limits.js';
import { PRECISIONS, ROOF_KINDS } from './types.js';

const name = z.string().check(z.minLength(1)).check(z.maxLength(NAME_LENGTH));
const message = z.string().check(z.maxLength(MESSAGE_LENGTH));
/**
 * A config key path an advice item changes: the longest advice.ts writes is `bytes.` and a level name
 * (`bits.weights`, `precision`, `batch`, `hardware` are shorter), so 6 more than a name.
 */
const figure = z.string().check(z.minLength(1)).check(z.maxLength('bytes.'.length + NAME_LENGTH));
// zod 4's numbers refuse Infinity and NaN already: classic zod's `.finite()` returned the schema as it was.
const finite = z.number();
const positive = finite.check(z.gt(0));
const nonNegative = finite.check(z.gte(0));
const perLevel = <T extends z.ZodMiniType>(value: T) =>
  z
    .record(z.string().check(z.minLength(1)).check(z.maxLength(NAME_LENGTH)), value)
    .check(z.refine((record) => Object.keys(record).length <= MAX_LEVELS, `at most ${MAX_LEVELS} memory levels`));
/**
 * FLOP per byte per level. No bytes through a level is an infinite intensity, which JSON cannot hold:
 * report.json writes it as null, and reading turns null back into Infinity.
 */
const intensity = perLevel(z.pipe(z.nullable(nonNegative), z.transform((value: number | null) => value ?? Infinity)));
/** A finding's figure: null stands for an infinite one (JSON.stringify writes Infinity as null). */
const finiteOrNull = z.nullable(finite);
/**
 * Samples per second. A pass whose time underflows to 0 s (a few bytes at TB/s, no FLOPs) has an infinite
 * throughput: written as null, read back as Infinity, as intensities are.
 */
const throughput = z.pipe(z.nullable(nonNegative), z.transform((value: number | null) => value ?? Infinity));
const count = z.number().check(z.int()).check(z.gte(0));

export const list = <T extends z.ZodMiniType>(item: T) => z.array(item).check(z.maxLength(MAX_REPORT_ITEMS));

export const boundSchema = z.enum(['compute', 'memory']);
export const severitySchema = z.enum(['warn', 'fail']);
export const statusSchema = z.enum(['pass', 'warn', 'fail']);
export const ruleSchema = z.enum([
  'intensity-drop', 'throughput-drop', 'bound-shift', 'efficiency-drop', 'min-throughput', 'max-latency', 'ridge-margin', 'above-roof',
  'exceeds-memory', 'max-crossover-batch',
]);

/** What an `llm:` model keeps resident on a device (llm/footprint.ts), bytes. */
export const footprintSchema = z.strictObject({
  weightsBytes: nonNegative,
  kvBytes: nonNegative,
  activationBytes: nonNegative,
  totalBytes: nonNegative,
});

/** One op's time on a device: the larger of its compute time and its slowest level's memory time. */
export const opTimeSchema = z.strictObject({
  name,
  seconds: nonNegative,
  computeSeconds: nonNegative,
  memorySeconds: nonNegative,
  /** `compute`, or the level whose traffic takes longest. */
  bindingLevel: name,
  /**
   * The op's measured seconds per pass (an imported kernel time, or the op table's `measured` column) and
   * its efficiency, `seconds / measuredSeconds`; null when the op is not measured on this device. Absent
   * in reports written before ops carried them.
   */
  measuredSeconds: z._default(z.nullable(positive), null),
  efficiency: z._default(z.nullable(nonNegative), null),
});

/** One model placed on one device: the roofline of SPEC section 1. */
export const placementSchema = z.strictObject({
  model: name,
  hardware: name,
  precision: z.enum(PRECISIONS),
  batch: positive,
  flops: nonNegative,
  bytes: perLevel(nonNegative),
  peakFlopsPerSecond: positive,
  bandwidth: perLevel(positive),
  /** Infinity when no bytes move through a level (null in report.json). */
  intensity,
  ridge: perLevel(nonNegative),
  attainableFlopsPerSecond: nonNegative,
  /**
   * FLOPs over the time per pass, F / T: the attainable figure for a model given as totals, and below it for
   * one given as ops whose ops bind on different roofs (each op waits on its own bound). What the table,
   * the text and the chart show.
   */
  effectiveFlopsPerSecond: nonNegative,
  bound: boundSchema,
  /** `compute` when compute-bound, else the memory level that gives the minimum. */
  bindingLevel: name,
  /**
   * What the binding roof is: a catalog figure's kind (`vendor`, `derived`, `measured`, `estimate`), or
   * `config` for a device the config defines. Absent in reports written before kinds existed.
   */
  roofKind: z.optional(z.enum(ROOF_KINDS)),
  seconds: nonNegative,
  throughput,
  measuredSeconds: z.nullable(positive),
  achievedFlopsPerSecond: z.nullable(nonNegative),
  efficiency: z.nullable(nonNegative),
  /**
   * For a model given as ops: how many, the slowest ones with their time split, and the measured ops that
   * beat their roofs (isAboveRoof: the EXPLAINING_OPS furthest above, highest efficiency first, and how
   * many in all);
   * null otherwise.
   */
  ops: z.nullable(
    z.strictObject({
      count,
      slowest: z.array(opTimeSchema).check(z.maxLength(100)),
      aboveRoof: z._default(z.array(opTimeSchema).check(z.maxLength(EXPLAINING_OPS)), []),
      aboveRoofCount: z._default(count, 0),
    }),
  ),
  /**
   * Levels the model's imported profiler counters give bytes for but the device publishes no bandwidth
   * for (an `l1` count on a catalog device without L1): left out of this placement's roofline, their bytes
   * taking no time. Absent when none is.
   */
  levelsLeftOut: z.optional(z.array(name).check(z.maxLength(MAX_LEVELS))),
  /**
   * Models generated with `llm:` only: seconds to the first token (the prefill) and per output token (one
   * decode step of the batch); null when the phase has none (a decode has no prefill).
   */
  ttftSeconds: z.optional(z.nullable(nonNegative)),
  tpotSeconds: z.optional(z.nullable(nonNegative)),
  /** Models generated with `llm:` only: what they keep in device memory, and the device's memory (null: not known). */
  footprint: z.optional(footprintSchema),
  capacityBytes: z.optional(z.nullable(positive)),
  /**
   * `llm:` decode and generate models only: the smallest batch at which a decode step is compute-bound on
   * this device (null: memory-bound at every batch).
   */
  crossoverBatch: z.optional(z.nullable(positive)),
  /** One point of a swept `llm:` model: what a chart needs to join the points of `of` on a device into a line. */
  sweep: z.optional(z.strictObject({ of: name, by: z.enum(['batch', 'context']), batch: positive, context: nonNegative })),
});

/** The baseline's side of a pair: only the figures a comparison or a reader needs. */
export const snapshotSchema = z.strictObject({
  /** The inputs, to say which one moved (null only in a version 1 report, which did not keep them). */
  flops: z.nullable(nonNegative),
  bytes: z.nullable(perLevel(nonNegative)),
  intensity,
  attainableFlopsPerSecond: nonNegative,
  effectiveFlopsPerSecond: nonNegative,
  bound: boundSchema,
  bindingLevel: name,
  seconds: nonNegative,
  throughput,
  efficiency: z.nullable(nonNegative),
  /** The baseline's crossover batch, for `llm:` decode models (absent otherwise). */
  crossoverBatch: z.optional(z.nullable(positive)),
});

/**
 * One op of a pair whose time changed against the baseline's op of the same name (and occurrence, for
 * repeated names). An op only in the head is `added`, one only in the baseline `removed`: the side it
 * lacks is null.
 */
export const opChangeSchema = z.strictObject({
  status: z.enum(['changed', 'added', 'removed']),
  name,
  seconds: z.nullable(nonNegative),
  baseSeconds: z.nullable(nonNegative),
  flops: z.nullable(nonNegative),
  baseFlops: z.nullable(nonNegative),
  bytes: z.nullable(perLevel(nonNegative)),
  baseBytes: z.nullable(perLevel(nonNegative)),
  bindingLevel: z.nullable(name),
  baseBindingLevel: z.nullable(name),
});

/** The ops of a pair that changed: the largest absolute time changes first, at most CHANGED_OPS, and how many more. */
export const opChangesSchema = z.strictObject({ changed: z.array(opChangeSchema).check(z.maxLength(CHANGED_OPS)), moreChanged: count });

/**
 * A placement with its baseline: null when the pair is new or there is no baseline. For a model given as
 * ops on both sides, `ops.changed` and `ops.moreChanged` compare them op by op (null and 0 otherwise).
 */
export const pairedSchema = z.extend(placementSchema, {
  ops: z.nullable(z.extend(placementSchema.shape.ops.def.innerType, { changed: z.nullable(opChangesSchema.shape.changed), moreChanged: count })),
  base: z.nullable(snapshotSchema),
});

/** A pair only in the baseline. */
export const removedSchema = z.strictObject({ model: name, hardware: name, base: snapshotSchema });

export const findingSchema = z.strictObject({
  rule: ruleSchema,
  severity: severitySchema,
  model: name,
  hardware: name,
  /** One line with the figures before and after. */
  message,
  /** The memory level the finding is about, for per-level rules. */
  level: z.optional(name),
  /** Figures in base units, when the rule compares two numbers (null: infinite). */
  before: z.optional(finiteOrNull),
  after: z.optional(finiteOrNull),
  /**
   * The threshold or budget that was crossed, in base units: a fraction for the relative rules, samples/s or
   * seconds for the budgets, the FLOP/B needed for ridge-margin, 1 (efficiency) for above-roof.
   */
  limit: z.optional(finite),
  /** For a model given as ops: the ops that explain the finding, named in its message too. */
  ops: z.optional(z.array(name).check(z.maxLength(EXPLAINING_OPS))),
});

/**
 * The findings report.json leaves out, by severity: it lists at most MAX_REPORT_ITEMS (report/listed.ts),
 * failures first.
 */
export const moreFindingsSchema = z.strictObject({ fail: count, warn: count });

/** The advice items report.json leaves out: it lists at most MAX_REPORT_ITEMS (report/listed.ts). */
export const moreAdviceSchema = count;

/**
 * The kinds of advice (SPEC section 6), each a change recomputed on the roofline: store one kind of bytes
 * in fewer bits, fuse an inner level's traffic away, compute at the next lower precision, raise the batch,
 * reach the ridge, move to a device the config lists under `advice.devices`.
 */
export const ADVICE_KINDS = [
  'quantize-weights', 'quantize-kv', 'quantize-activations', 'fuse-level', 'lower-precision', 'raise-batch', 'reach-ridge', 'move-device',
] as const;
export type AdviceKind = (typeof ADVICE_KINDS)[number];

/** One concrete optimisation with the figure it would change; never above the roof. */
export const adviceSchema = z.strictObject({
  model: name,
  hardware: name,
  /**
   * One of ADVICE_KINDS. Read as any name, so that a report written by another version of the tool (a
   * kind added or renamed) still reads back.
   */
  kind: name,
  /** One line for a person: what to do and what it buys. */
  message,
  /** Throughput after the change, samples/s, and the gain as a ratio (1.5 = +50%). */
  throughput: nonNegative,
  gain: nonNegative,
  /**
   * The input the item changes, as a config key path (`bits.weights`, `bytes.dram`, `precision`, `batch`,
   * `hardware`), before and after.
   */
  change: z.strictObject({ figure, before: z.union([finite, name]), after: z.union([finite, name]) }),
});

/**
 * What advice could not be given and why: `split-unknown` for a model with levels whose bytes are not split
 * by kind, where no width or batch change can be worked out.
 */
export const adviceNoteSchema = z.strictObject({
  model: name,
  kind: z.enum(['split-unknown']),
  /** The levels whose bytes are of unknown kind. */
  levels: z.array(name).check(z.maxLength(MAX_LEVELS)),
  message,
});

export type Bound = z.output<typeof boundSchema>;
export type Severity = z.output<typeof severitySchema>;
export type Status = z.output<typeof statusSchema>;
export type RuleId = z.output<typeof ruleSchema>;
export type OpTime = z.output<typeof opTimeSchema>;
export type OpChange = z.output<typeof opChangeSchema>;
export type OpChanges = z.output<typeof opChangesSchema>;
export type Result = z.output<typeof placementSchema>;
export type Snapshot = z.output<typeof snapshotSchema>;
export type ReportResult = z.output<typeof pairedSchema>;
export type RemovedPair = z.output<typeof removedSchema>;
export type Finding = z.output<typeof findingSchema>;
export type MoreFindings = z.output<typeof moreFindingsSchema>;
export type Advice = z.output<typeof adviceSchema>;
export type AdviceNote = z.output<typeof adviceNoteSchema>;
