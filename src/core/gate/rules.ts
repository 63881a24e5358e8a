// The gate's rules: each pair of results (head and baseline) against thresholds, and the head alone
// against budgets and its own roof. Thresholds come from the defaults, then the repo-wide `gate:` keys,
// then `gate.models[name]`, merged key by key.
//
// Threshold semantics, for every relative rule: the drop is (before - after) / before, rounded to 1e-9 so
// that a drop computed as 0.04999999999 from a 5% change still meets a 5% threshold. A drop that reaches
// the fail threshold fails; else one that reaches the warn threshold warns. Exactly at a threshold
// triggers. Only a drop (greater than zero) can trigger, so a 0% threshold means "any drop at all".
import { isAboveRoof } from '../above-roof.js';
import { ownValue } from '../user-keys.js';
import { boundText } from '../bound-text.js';
import type { GateConfig } from '../config/schema.js';
import type { ReportResult } from '../report/types.js';
import { crossoverText, footprintText } from '../footprint-text.js';
import { byteCount, efficiency, flopPerByte, intensity, INTENSITY_UNIT, levelText, perSecond, signedPercent, thresholdText, time, wholeNumber } from '../format.js';
import { explained } from './explain.js';
import type { Finding, RuleId, Severity } from './types.js';

/** Relative drops, as fractions, at which a rule warns and fails. */
export interface Thresholds {
  warn: number;
  fail: number;
}

export type Switch = Severity | 'off';

/** Absolute promises that need no baseline; each is off when absent. */
export interface Budgets {
  /** Lowest acceptable throughput, samples/s. */
  'min-throughput'?: number;
  /** Highest acceptable time per pass, seconds. */
  'max-latency'?: number;
  /** How far right of the ridge a model must stay at every level, as a fraction of the ridge. */
  'ridge-margin'?: number;
  /**
   * `llm:` decode models: the batch the team serves at. Fails when the crossover batch (where decode turns
   * compute-bound) is past it, so that serving at it leaves the device waiting on memory.
   */
  'max-crossover-batch'?: number;
}

/** The rules for one model, every key resolved. */
export interface Rules {
  'intensity-drop': Thresholds;
  'throughput-drop': Thresholds;
  'bound-shift': Switch;
  'efficiency-drop': Thresholds;
  'above-roof': Switch;
  'exceeds-memory': Switch;
  budgets: Budgets;
}

/**
 * The rules for a team that writes no `gate:` section. Throughput fails at 5% because that is what a user
 * feels; intensity only fails at 10% because it moves with harmless refactors of the byte count, yet a
 * steady 2% slide is worth a warning. Measured efficiency is noisy (clocks, drivers), hence 5%/15%.
 * A shift to memory-bound changes what to optimise, so it fails. A point above its roof means the inputs
 * are off, not the code, so it only warns. A model that does not fit its device cannot run there at all, so
that fails. No budgets: they are promises only the team can make.
 */
export const DEFAULT_GATE: Readonly<Rules> = Object.freeze({
  'intensity-drop': { warn: 0.02, fail: 0.1 },
  'throughput-drop': { warn: 0.02, fail: 0.05 },
  'bound-shift': 'fail',
  'efficiency-drop': { warn: 0.05, fail: 0.15 },
  'above-roof': 'warn',
  'exceeds-memory': 'fail',
  budgets: {},
});

type RuleKeys = Omit<GateConfig, 'models'>;

/** `under` with every key `over` defines laid on top: `{ fail: 1% }` keeps the warn below it. */
function overlay<T extends object>(under: T, over: Partial<T> | undefined): T {
  const out: T = { ...under };
  for (const [key, value] of Object.entries(over ?? {})) {
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

function layer(rules: Rules, keys: RuleKeys | undefined): Rules {
  if (!keys) return rules;
  return {
    'intensity-drop': overlay(rules['intensity-drop'], keys['intensity-drop']),
    'throughput-drop': overlay(rules['throughput-drop'], keys['throughput-drop']),
    'bound-shift': keys['bound-shift'] ?? rules['bound-shift'],
    'efficiency-drop': overlay(rules['efficiency-drop'], keys['efficiency-drop']),
    'above-roof': keys['above-roof'] ?? rules['above-roof'],
    'exceeds-memory': keys['exceeds-memory'] ?? rules['exceeds-memory'],
    budgets: overlay(rules.budgets, keys.budgets),
  };
}

/**
 * The rules for one model: defaults, then the repo-wide keys, then the model's own. A point of a sweep
 * (`name@b8`) takes the keys of the model it sweeps (`of`), then its own.
 */
export function rulesFor(gate: GateConfig | undefined, model: string, of?: string): Rules {
  const swept = of === undefined ? undefined : ownValue(gate?.models, of);
  return layer(layer(layer(DEFAULT_GATE, gate), swept), ownValue(gate?.models, model));
}

/** A fraction rounded to 1e-9, so that comparisons at a threshold do not hang on the last bit. */
function rounded(fraction: number): number {
  return Number.isFinite(fraction) ? Math.round(fraction * 1e9) / 1e9 : fraction;
}

/**
 * How far `after` fell below `before`, as a fraction of `before`, rounded to 1e-9: relativeDrop(100, 93) //=> 0.07.
 * A rise is negative. Infinity -> finite is a drop of 100%; nothing drops from zero or from Infinity to Infinity.
 */
export function relativeDrop(before: number, after: number): number {
  if (before === Infinity) return after === Infinity ? 0 : 1;
  if (before <= 0) return 0;
  return rounded((before - after) / before);
}

/** The severity a drop earns: fail first, exactly at a threshold included; null when it earns none. */
export function severityOf(drop: number, thresholds: Thresholds): Severity | null {
  if (drop <= 0) return null;
  if (drop >= rounded(thresholds.fail)) return 'fail';
  if (drop >= rounded(thresholds.warn)) return 'warn';
  return null;
}

const pairText = (result: ReportResult): string => `${result.model} on ${result.hardware}`;

/** Base units a report can carry: JSON has no Infinity, so an infinite figure is written as null. */
const finite = (value: number): number | null => (Number.isFinite(value) ? value : null);

type Check = (result: ReportResult, rules: Rules) => Finding[];

/**
 * One finding of a relative rule, when the drop from `before` to `after` earns one. `label`, `show` and
 * `unit` print the figure: `throughput 1.23k/s -> 1.15k/s`, `DRAM intensity 25.0 -> 20.8 FLOP/B`.
 */
function dropFinding(
  result: ReportResult,
  rule: RuleId,
  thresholds: Thresholds,
  figure: { before: number; after: number; label: string; show: (value: number) => string; unit?: string; level?: string },
): Finding[] {
  const drop = relativeDrop(figure.before, figure.after);
  const severity = severityOf(drop, thresholds);
  if (severity === null) return [];
  const limit = thresholds[severity];
  const message =
    `${pairText(result)}: ${figure.label} ${figure.show(figure.before)} -> ${figure.show(figure.after)}${figure.unit ?? ''} ` +
    `(${signedPercent(-drop)}), ${severity} at ${thresholdText(limit)}`;
  return [
    {
      rule, severity, model: result.model, hardware: result.hardware, message,
      ...(figure.level === undefined ? {} : { level: figure.level }),
      before: finite(figure.before), after: finite(figure.after), limit,
    },
  ];
}

const intensityDrop: Check = (result, rules) => {
  const base = result.base;
  if (!base) return [];
  return Object.keys(result.intensity)
    .filter((level) => level in base.intensity)
    .flatMap((level) =>
      dropFinding(result, 'intensity-drop', rules['intensity-drop'], {
        before: base.intensity[level]!, after: result.intensity[level]!, level,
        label: `${levelText(level)} intensity`, show: intensity, unit: ` ${INTENSITY_UNIT}`,
      }),
    );
};

// A throughput drop and a latency rise are the same event (throughput = batch / seconds); one rule covers both.
const throughputDrop: Check = (result, rules) =>
  result.base
    ? dropFinding(result, 'throughput-drop', rules['throughput-drop'], {
        before: result.base.throughput, after: result.throughput, label: 'throughput', show: (value) => perSecond(value),
      })
    : [];

const efficiencyDrop: Check = (result, rules) =>
  result.base?.efficiency != null && result.efficiency !== null
    ? dropFinding(result, 'efficiency-drop', rules['efficiency-drop'], {
        before: result.base.efficiency, after: result.efficiency, label: 'efficiency', show: efficiency,
      })
    : [];

/**
 * Compute-bound -> memory-bound, or bound by a slower, outer level than before (l2 -> dram): what limits
 * the model moved the wrong way, and with it what to optimise. Memory -> compute is the goal, and a move
 * to a faster, inner level (dram -> l2) means outer traffic was cut: neither is a finding.
 */
const boundShift: Check = (result, rules) => {
  const severity = rules['bound-shift'];
  const base = result.base;
  if (severity === 'off' || !base || result.bound === 'compute' || base.bindingLevel === result.bindingLevel) return [];
  const level = result.bindingLevel;
  const outward = base.bindingLevel === 'compute' || (result.bandwidth[level] ?? 0) < (result.bandwidth[base.bindingLevel] ?? Infinity);
  if (!outward) return [];
  const before = base.intensity[level];
  const after = result.intensity[level]!;
  const message =
    `${pairText(result)} moved from ${boundText(base.bindingLevel)} to ${boundText(level)}: ` +
    `intensity ${before === undefined ? '(not given)' : intensity(before)} -> ${flopPerByte(after)}, ` +
    `ridge ${intensity(result.ridge[level]!)}`;
  return [
    {
      rule: 'bound-shift', severity, model: result.model, hardware: result.hardware, message, level,
      before: before === undefined ? null : finite(before), after: finite(after),
    },
  ];
};

/** A budget is a promise, so breaking one always fails. `excess` > 0 (rounded) means it is broken. */
function budgetFinding(result: ReportResult, rule: RuleId, excess: number, message: string, figures: Partial<Finding>): Finding[] {
  if (rounded(excess) <= 0) return [];
  return [{ rule, severity: 'fail', model: result.model, hardware: result.hardware, message: `${pairText(result)}: ${message}`, ...figures }];
}

const minThroughput: Check = (result, rules) => {
  const budget = rules.budgets['min-throughput'];
  if (budget === undefined) return [];
  return budgetFinding(
    result, 'min-throughput', (budget - result.throughput) / budget,
    `throughput ${perSecond(result.throughput)} is below the budget of ${perSecond(budget)}`,
    { after: finite(result.throughput), limit: budget },
  );
};

const maxLatency: Check = (result, rules) => {
  const budget = rules.budgets['max-latency'];
  if (budget === undefined) return [];
  return budgetFinding(
    result, 'max-latency', (result.seconds - budget) / budget,
    `${time(result.seconds)} per pass is over the budget of ${time(budget)}`,
    { after: finite(result.seconds), limit: budget },
  );
};

/** Every level must have I_l >= R_l * (1 + margin): compute-bound with room to spare. One finding per level short of it. */
const ridgeMargin: Check = (result, rules) => {
  const margin = rules.budgets['ridge-margin'];
  if (margin === undefined) return [];
  return Object.keys(result.intensity).flatMap((level) => {
    const needed = result.ridge[level]! * (1 + margin);
    const actual = result.intensity[level]!;
    return budgetFinding(
      result, 'ridge-margin', (needed - actual) / needed,
      `${levelText(level)} intensity ${flopPerByte(actual)} is under ${intensity(needed)}, ` +
        `the ridge ${intensity(result.ridge[level]!)} plus the ${thresholdText(margin)} margin`,
      { level, after: finite(actual), limit: needed },
    );
  });
};

/**
 * A measured time below the attainable time: the point sits above its roof, so an input is off (SPEC
 * section 1). For a model given as ops, the same of any measured op: one kernel beating its roof is as sure
 * a sign as the whole pass doing so (explain.ts names the ops).
 */
const aboveRoof: Check = (result, rules) => {
  const severity = rules['above-roof'];
  const opsAbove = result.ops?.aboveRoofCount ?? 0;
  const modelAbove = result.measuredSeconds !== null && isAboveRoof(result);
  if (severity === 'off' || (!modelAbove && opsAbove === 0)) return [];
  const what = modelAbove
    ? `measured ${time(result.measuredSeconds!)} per pass beats the roofline's ${time(result.seconds)} (efficiency ${efficiency(result.efficiency!)})`
    : `${wholeNumber(opsAbove)} measured op${opsAbove === 1 ? ' beats its roof' : 's beat their roofs'}`;
  const message =
    `${pairText(result)}: ${what}, so an input is off: MACs given as FLOPs, bytes counted without ` +
    `cache reuse, a sparse peak, or a per-batch time against per-sample FLOPs?`;
  const after = modelAbove ? result.efficiency! : result.ops!.aboveRoof[0]!.efficiency!;
  return [{ rule: 'above-roof', severity, model: result.model, hardware: result.hardware, message, after, limit: 1 }];
};

/**
 * An `llm:` model whose footprint (weights, KV cache, largest activation) is more than its device's memory:
 * it cannot run there as configured. Only generated models have a footprint: an op table's bytes are
 * traffic, not size (weights or K/V read twice count twice), so no lower bound can be read from them.
 */
const exceedsMemory: Check = (result, rules) => {
  const severity = rules['exceeds-memory'];
  const capacity = result.capacityBytes;
  if (severity === 'off' || !result.footprint || capacity == null || result.footprint.totalBytes <= capacity) return [];
  const message = `${pairText(result)}: needs ${footprintText(result.footprint)}, more than its ${byteCount(capacity)} of memory`;
  return [{ rule: 'exceeds-memory', severity, model: result.model, hardware: result.hardware, message, after: result.footprint.totalBytes, limit: capacity }];
};

/** The crossover batch past the batch served at: at that batch, decode still waits on memory. */
const maxCrossoverBatch: Check = (result, rules) => {
  const budget = rules.budgets['max-crossover-batch'];
  if (budget === undefined || result.crossoverBatch === undefined) return [];
  const crossover = result.crossoverBatch;
  const before = result.base?.crossoverBatch;
  const moved = before === undefined || before === crossover ? '' : ` (was ${crossoverText(before)})`;
  const message = crossover === null
    ? `decode is memory-bound at every batch${moved}, the batch of ${wholeNumber(budget)} it is served at included`
    : `decode turns compute-bound ${crossoverText(crossover)}${moved}, past the batch of ${wholeNumber(budget)} it is served at`;
  return budgetFinding(result, 'max-crossover-batch', crossover === null ? 1 : crossover - budget, message, {
    ...(before !== undefined && { before }), after: crossover, limit: budget,
  });
};

const CHECKS: readonly Check[] = [
  boundShift, throughputDrop, intensityDrop, efficiencyDrop, minThroughput, maxLatency, ridgeMargin, aboveRoof, exceedsMemory, maxCrossoverBatch,
];

/**
 * Every finding for every pair, pair by pair in result order, each with what explains it (explain.ts).
 * Added pairs meet only budgets and above-roof.
 */
export function check(results: readonly ReportResult[], gate: GateConfig | undefined): Finding[] {
  return onePerSweep(results.flatMap((result) => {
    const rules = rulesFor(gate, result.model, result.sweep?.of);
    return CHECKS.flatMap((rule) => rule(result, rules)).map((finding) => explained(finding, result));
  }), results);
}

/**
 * The points of a batch sweep share their crossover: one max-crossover-batch finding per sweep and device
 * (on its first point) says it once, not once per batch.
 */
function onePerSweep(findings: Finding[], results: readonly ReportResult[]): Finding[] {
  const sweepOf = new Map(results.map((result) => [result.model, result.sweep?.of]));
  const said = new Set<string>();
  return findings.filter((finding) => {
    const of = sweepOf.get(finding.model);
    if (finding.rule !== 'max-crossover-batch' || of === undefined) return true;
    const key = `${of}\u0000${finding.hardware}\u0000${finding.after}`;
    if (said.has(key)) return false;
    said.add(key);
    return true;
  });
}
