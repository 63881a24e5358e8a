// What the gate decides, and the advice it gives: the shapes report.json carries (SPEC section 4).
import type { Bound } from '../types.js';

export type Severity = 'warn' | 'fail';
export type Status = 'pass' | 'warn' | 'fail';

export type RuleId =
  | 'intensity-drop'
  | 'throughput-drop'
  | 'bound-shift'
  | 'efficiency-drop'
  | 'min-throughput'
  | 'max-latency'
  | 'ridge-margin'
  | 'above-roof';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  model: string;
  hardware: string;
  /** One line with the figures before and after. */
  message: string;
  /** The memory level the finding is about, for per-level rules. */
  level?: string;
  /** Figures in base units, when the rule compares two numbers. */
  before?: number | null;
  after?: number | null;
  /**
   * The threshold or budget that was crossed, in base units: a fraction for the relative rules, samples/s or
   * seconds for the budgets, the FLOP/B needed for ridge-margin, 1 (efficiency) for above-roof.
   */
  limit?: number;
}

/** The baseline's side of a pair, as report.json carries it under `base`. */
export interface Snapshot {
  intensity: Record<string, number>;
  attainableFlops: number;
  bound: Bound;
  bindingLevel: string;
  seconds: number;
  throughput: number;
  efficiency: number | null;
}

/** One concrete optimisation with the figure it would change; never above the roof. */
export interface Advice {
  model: string;
  hardware: string;
  /** Stable kind, e.g. `reach-ridge`, `quantize-8bit`, `quantize-4bit`, `fuse-level`, `lower-precision`, `move-device`. */
  kind: string;
  /** One line for a person: what to do and what it buys. */
  message: string;
  /** Throughput after the change, samples/s, and the gain as a ratio (1.5 = +50%). */
  throughput: number;
  gain: number;
  /**
   * The input the item changes, as a config key path (`bytes.dram`, `bytes.l2`, `precision`, `hardware`),
   * with its value before and after: what a reader would edit to get the figure.
   */
  change?: { figure: string; before: number | string; after: number | string };
}
