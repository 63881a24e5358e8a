// What the roofline chart draws, in data units, shared by the Vega-Lite spec and the text chart: the roof of
// each precision in use and the eave of each memory level in use on each device, the ridges where they meet,
// one point per model x hardware (and its baseline), and log-scale domains that hold them all.
//
// Points sit at their effective performance, F / T (roofline.ts): on the roofline for a model given as
// totals, below it for one given as ops whose ops bind on different roofs, since each op waits on its own
// bound while the aggregate's intensity assumes they all wait on one. A point is drawn at the intensity
// of its headline level (headline-level.ts: the binding level when memory-bound, so it sits on that level's
// eave; the level closest to binding when compute-bound), as the table shows it; its baseline at the same
// level, so the arrow between them compares like with like. A point with a measured time also has its
// achieved FLOP/s, drawn straight above or below it: same intensity. With bytes at several levels it is the
// hierarchical roofline's: one achieved point per level, all at the same FLOP/s, each at that level's
// intensity, so that the gap between a level's point and its eave shows how far that level is from binding.
//
// The points of one sweep (an `llm:` model with `batch: [...]` or `context: [...]`) on one device form a
// sweep line: its points in the order of the swept value, which the chart joins.
//
// This is the one place the chart reads the report's rates (effective, attainable, peak and achieved FLOP/s): every
// other part of the chart takes them from the geometry.
import { SI_PREFIXES } from '../format.js';
import { headlineLevel } from '../headline-level.js';
import type { Report, ReportResult } from '../report/types.js';
import { OUTERMOST } from '../roofline.js';
import type { Precision } from '../types.js';

export interface Roof {
  device: string;
  precision: Precision;
  flopsPerSecond: number;
  /** Where the roof starts: its ridge with the device's fastest level in use. */
  fromIntensity: number;
}

export interface Eave {
  device: string;
  level: string;
  bytesPerSecond: number;
  /** Where the eave ends: its ridge with the device's highest roof in use. */
  toIntensity: number;
}

export interface RidgePoint {
  device: string;
  precision: Precision;
  level: string;
  /** FLOP/byte. */
  intensity: number;
  flopsPerSecond: number;
}

export interface DeviceLines {
  id: string;
  roofs: Roof[];
  eaves: Eave[];
  ridges: RidgePoint[];
}

/** Why a value could not be drawn where it is: a log scale has no 0 and no infinity. */
export type Clamp = 'infinite-intensity' | 'zero-intensity' | null;

export interface ChartPoint {
  /** 1-based, in report order: the point's key in the text chart and the numbered legend. */
  number: number;
  result: ReportResult;
  /** The level whose intensity places the point. */
  level: string;
  /** True intensity (may be 0 or Infinity) and where it is drawn. */
  intensity: number;
  x: number;
  y: number;
  clamp: Clamp;
  /** Effective FLOP/s as the report has it (`y` is where it is drawn). */
  flopsPerSecond: number;
  /** The aggregate's attainable FLOP/s: `flopsPerSecond` itself for totals, above it when ops bind differently. */
  attainableFlopsPerSecond: number;
  /** The baseline's effective FLOP/s, and where it is drawn. */
  base: { intensity: number; x: number; y: number; clamp: Clamp; flopsPerSecond: number } | null;
  /** Where the measured time puts the pair: achieved FLOP/s at the point's own x; null when not measured. */
  measured: Measured | null;
  /** For a point of a sweep line: what is swept, this point's value and every drawn value, ascending. */
  sweep: { by: 'batch' | 'context'; value: number; values: number[] } | null;
}

/** The points of one sweep on one device, two or more, in the order of the swept value. */
export interface SweepLine {
  /** The model the config names, which the points sweep. */
  of: string;
  hardware: string;
  by: 'batch' | 'context';
  points: ChartPoint[];
}

export interface Measured {
  /** Achieved FLOP/s as the report has it, and where it is drawn. */
  flopsPerSecond: number;
  y: number;
  /** True when the log scale could not show it (0 or infinite FLOP/s): drawn at the plot's edge. */
  clamped: boolean;
  /** Predicted over measured time; above 1 the pair beat its roof, so its inputs are off. */
  efficiency: number;
  /**
   * For bytes at two levels or more: the achieved point at each level's intensity (the point's own level
   * included, at its x), in the result's level order; a level whose intensity a log scale cannot show
   * (no bytes through it) has none. Empty for a single level: the × at the point's x is the only one.
   */
  levels: LevelPoint[];
}

/** One achieved point of a hierarchical roofline: the measured FLOP/s at one level's intensity. */
export interface LevelPoint {
  level: string;
  /** FLOP per byte at the level, and where it is drawn (inside the x domain). */
  intensity: number;
  x: number;
}

export interface Geometry {
  devices: DeviceLines[];
  points: ChartPoint[];
  /** In the order of their first point in the report. */
  sweeps: SweepLine[];
  /** Log-scale domains, lowest first; every drawn value lies inside. */
  x: [number, number];
  y: [number, number];
}

/** At least this many decades on each axis, so that a single point still shows its roofline around it. */
const MIN_DECADES = 3;
/** Room around the data: left of the lowest intensity, right of the highest ridge, above the highest roof. */
const PAD_LEFT = 2.5;
const PAD_RIGHT = 4;
const PAD_BELOW = 3;
const PAD_ABOVE = 2.2;

export function geometry(report: Report): Geometry {
  const devices = deviceLines(report.results);
  const placed = report.results.map((result, i) => {
    const level = headlineLevel(result) ?? OUTERMOST;
    const baseLevel = result.base && (level in result.base.intensity ? level : firstLevel(result.base.intensity));
    return {
      number: i + 1,
      result,
      level,
      intensity: result.intensity[level] ?? Infinity,
      flopsPerSecond: result.effectiveFlopsPerSecond,
      attainableFlopsPerSecond: result.attainableFlopsPerSecond,
      base: result.base && {
        intensity: baseLevel ? result.base.intensity[baseLevel]! : Infinity,
        flopsPerSecond: result.base.effectiveFlopsPerSecond,
      },
    };
  });

  const xs: number[] = [];
  const ys: number[] = [];
  for (const p of placed) {
    xs.push(p.intensity);
    ys.push(p.flopsPerSecond);
    if (p.base) {
      xs.push(p.base.intensity);
      ys.push(p.base.flopsPerSecond);
    }
    if (p.result.achievedFlopsPerSecond !== null) {
      ys.push(p.result.achievedFlopsPerSecond);
      xs.push(...levelIntensities(p.result).map(([, value]) => value));
    }
  }
  for (const ridge of devices.flatMap((d) => d.ridges)) {
    xs.push(ridge.intensity);
    ys.push(ridge.flopsPerSecond);
  }
  const x = domain(xs, PAD_LEFT, PAD_RIGHT, 0.5);
  // Room a narrow range lacks goes below the roofs: that is where the eaves are.
  const y = domain(ys, PAD_BELOW, PAD_ABOVE, 1);

  const points: ChartPoint[] = placed.map((p) => {
    const at = clamped(p.intensity, p.flopsPerSecond, x, y);
    const base = p.base ? { ...clamped(p.base.intensity, p.base.flopsPerSecond, x, y), flopsPerSecond: p.base.flopsPerSecond } : null;
    return {
      number: p.number, result: p.result, level: p.level, ...at, flopsPerSecond: p.flopsPerSecond,
      attainableFlopsPerSecond: p.attainableFlopsPerSecond, base, measured: measured(p.result, x, y), sweep: null,
    };
  });
  return { devices, points, sweeps: sweepLines(points), x, y };
}

/**
 * The points of each sweep on each device, ordered by the swept value, and each point told its place; a
 * sweep of which one point is drawn (the rest left out, drawn.ts) is no line, and its point no part of one.
 */
function sweepLines(points: ChartPoint[]): SweepLine[] {
  const byKey = new Map<string, SweepLine>();
  for (const p of points) {
    const sweep = p.result.sweep;
    if (!sweep) continue;
    const key = JSON.stringify([sweep.of, sweep.by, p.result.hardware]);
    const line = byKey.get(key) ?? { of: sweep.of, hardware: p.result.hardware, by: sweep.by, points: [] };
    byKey.set(key, line);
    line.points.push(p);
  }
  const lines = [...byKey.values()].filter((line) => line.points.length > 1);
  for (const line of lines) {
    line.points.sort((a, b) => sweptValue(a) - sweptValue(b));
    const values = line.points.map(sweptValue);
    for (const p of line.points) p.sweep = { by: line.by, value: sweptValue(p), values };
  }
  return lines;
}

function sweptValue(p: ChartPoint): number {
  const sweep = p.result.sweep!;
  return sweep.by === 'batch' ? sweep.batch : sweep.context;
}

function firstLevel(byLevel: Record<string, number>): string | undefined {
  return Object.keys(byLevel)[0];
}

function deviceLines(results: readonly ReportResult[]): DeviceLines[] {
  const byId = new Map<string, { peaks: Map<Precision, number>; bandwidths: Map<string, number> }>();
  for (const r of results) {
    const device = byId.get(r.hardware) ?? { peaks: new Map(), bandwidths: new Map() };
    byId.set(r.hardware, device);
    device.peaks.set(r.precision, r.peakFlopsPerSecond);
    for (const [level, bytesPerSecond] of Object.entries(r.bandwidth)) device.bandwidths.set(level, bytesPerSecond);
  }
  return [...byId].map(([id, { peaks, bandwidths }]) => {
    const fastest = Math.max(...bandwidths.values());
    const highest = Math.max(...peaks.values());
    const roofs = [...peaks]
      .sort((a, b) => b[1] - a[1])
      .map(([precision, flopsPerSecond]) => ({ device: id, precision, flopsPerSecond, fromIntensity: flopsPerSecond / fastest }));
    const eaves = [...bandwidths].map(([level, bytesPerSecond]) => ({
      device: id,
      level,
      bytesPerSecond,
      toIntensity: highest / bytesPerSecond,
    }));
    const ridges = roofs.flatMap((roof) =>
      eaves.map((eave) => ({
        device: id,
        precision: roof.precision,
        level: eave.level,
        intensity: roof.flopsPerSecond / eave.bytesPerSecond,
        flopsPerSecond: roof.flopsPerSecond,
      })),
    );
    return { id, roofs, eaves, ridges };
  });
}

/**
 * A log domain around the finite positive values, padded, at least MIN_DECADES wide: `lowShare` of the
 * decades it lacks are added below, the rest above.
 */
function domain(values: readonly number[], padLow: number, padHigh: number, lowShare: number): [number, number] {
  // A loop, not Math.min(...values): spreading 300,000 points' values overflows the stack.
  let least = Infinity;
  let most = -Infinity;
  for (const v of values) {
    if (!(v > 0 && Number.isFinite(v))) continue;
    if (v < least) least = v;
    if (v > most) most = v;
  }
  let lo = most >= least ? least / padLow : 1;
  let hi = most >= least ? most * padHigh : 10 ** MIN_DECADES;
  const missing = MIN_DECADES - Math.log10(hi / lo);
  if (missing > 0) [lo, hi] = [lo / 10 ** (missing * lowShare), hi * 10 ** (missing * (1 - lowShare))];
  return [lo, hi];
}

/** Where a value is drawn: 0 at the low edge, infinity at the high edge, said so by `clamp`. */
function clamped(intensity: number, flopsPerSecond: number, x: [number, number], y: [number, number]) {
  const clamp: Clamp = intensity === Infinity ? 'infinite-intensity' : intensity <= 0 ? 'zero-intensity' : null;
  return {
    intensity,
    x: Math.min(x[1], Math.max(x[0], intensity)),
    y: Math.min(y[1], Math.max(y[0], flopsPerSecond)),
    clamp,
  };
}

/** The intensities a hierarchical roofline places achieved points at: every level's that a log scale shows, when there are two or more. */
function levelIntensities(result: ReportResult): Array<[string, number]> {
  const levels = Object.entries(result.intensity);
  return levels.length < 2 ? [] : levels.filter(([, value]) => value > 0 && Number.isFinite(value));
}

function measured(result: ReportResult, x: [number, number], y: [number, number]): Measured | null {
  const { achievedFlopsPerSecond, efficiency } = result;
  if (achievedFlopsPerSecond === null || efficiency === null) return null;
  return {
    flopsPerSecond: achievedFlopsPerSecond,
    // NaN (no FLOPs in no time) and 0 go to the bottom edge, infinity to the top.
    y: achievedFlopsPerSecond > 0 ? Math.min(y[1], Math.max(y[0], achievedFlopsPerSecond)) : y[0],
    clamped: !(achievedFlopsPerSecond > 0 && Number.isFinite(achievedFlopsPerSecond)),
    efficiency,
    levels: levelIntensities(result).map(([level, intensity]) => ({ level, intensity, x: Math.min(x[1], Math.max(x[0], intensity)) })),
  };
}

/** A log10 scale from a domain onto pixels, with its inverse. */
export interface LogScale {
  (value: number): number;
  invert(pixel: number): number;
}

export function logScale([lo, hi]: [number, number], [from, to]: [number, number]): LogScale {
  const [a, b] = [Math.log10(lo), Math.log10(hi)];
  const scale = ((value: number) => from + ((Math.log10(value) - a) / (b - a)) * (to - from)) as LogScale;
  scale.invert = (pixel) => 10 ** (a + ((pixel - from) / (to - from)) * (b - a));
  return scale;
}

/** Powers of ten inside a domain: the axes' ticks. */
export function decades([lo, hi]: [number, number]): number[] {
  const out: number[] = [];
  for (let e = Math.ceil(Math.log10(lo) - 1e-9); e <= Math.floor(Math.log10(hi) + 1e-9); e++) out.push(10 ** e);
  return out;
}

/** An axis label for a power of ten: decadeLabel(1e13, ' ') //=> '10 T'; decadeLabel(0.1) //=> '0.1'. */
export function decadeLabel(value: number, separator = ''): string {
  for (const [prefix, factor] of SI_PREFIXES) {
    if (value >= factor) return `${Number((value / factor).toPrecision(6))}${separator}${prefix}`;
  }
  return String(Number(value.toPrecision(6)));
}
