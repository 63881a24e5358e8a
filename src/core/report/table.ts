// The results table, as strings, shared by the text and Markdown renderings.
import type { Snapshot } from '../gate/types.js';
import { percent, perSecond, si, significant, time } from '../format.js';
import type { Report, ReportResult } from './types.js';

export const COLUMNS = ['model', 'hardware', 'precision', 'intensity', 'ridge', 'bound', 'attainable', 'time', 'throughput', 'efficiency', 'change'] as const;
export type Column = (typeof COLUMNS)[number];
export type Row = Record<Column, string>;

/** The columns a report needs: efficiency only when something was measured, change only against a baseline. */
export function columnsFor(report: Report): Column[] {
  const measured = report.results.some((result) => result.efficiency !== null);
  return COLUMNS.filter((column) => (column !== 'change' || report.baseline !== null) && (column !== 'efficiency' || measured));
}

/**
 * The level a result is best summarised by: the binding level when memory-bound, else the level closest
 * to binding (lowest intensity relative to its ridge).
 */
export function headlineLevel(result: Pick<ReportResult, 'intensity' | 'ridge' | 'bindingLevel'>): string | undefined {
  if (result.bindingLevel !== 'compute') return result.bindingLevel;
  let best: string | undefined;
  let bestRatio = Infinity;
  for (const [level, value] of Object.entries(result.intensity)) {
    const ratio = value / result.ridge[level]!;
    if (best === undefined || ratio < bestRatio) [best, bestRatio] = [level, ratio];
  }
  return best;
}

export function boundText(bound: string, bindingLevel: string): string {
  return bound === 'compute' ? 'compute' : `memory (${bindingLevel})`;
}

function flopPerByte(value: number | undefined): string {
  if (value === undefined) return '-';
  return Number.isFinite(value) ? significant(value) : '∞';
}

/** Relative change of throughput against the baseline: '+3.1%', '-6.5%', 'new', '' without a baseline. */
export function changeText(result: ReportResult, hasBaseline: boolean): string {
  if (!hasBaseline) return '';
  if (result.base === null) return 'new';
  return signedPercent(result.throughput / result.base.throughput - 1);
}

export function signedPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return fraction > 0 ? '+∞' : '-100%';
  const text = percent(fraction);
  return fraction > 0 && text !== '0.0%' ? `+${text}` : text === '-0.0%' ? '0.0%' : text;
}

export function row(result: ReportResult, hasBaseline: boolean): Row {
  const level = headlineLevel(result);
  return {
    model: result.model,
    hardware: result.hardware,
    precision: result.precision,
    intensity: level === undefined ? '-' : `${flopPerByte(result.intensity[level])} (${level})`,
    ridge: level === undefined ? '-' : flopPerByte(result.ridge[level]),
    bound: boundText(result.bound, result.bindingLevel),
    attainable: si(result.attainableFlops, 'FLOP/s'),
    time: time(result.seconds),
    throughput: perSecond(result.throughput),
    efficiency: result.efficiency === null ? '' : `${percent(result.efficiency)}${result.efficiency > 1 ? ' (above roof)' : ''}`,
    change: changeText(result, hasBaseline),
  };
}

/** One line of the baseline figures, for a removed pair. */
export function snapshotText(base: Snapshot): string {
  return `${boundText(base.bound, base.bindingLevel)}, ${si(base.attainableFlops, 'FLOP/s')}, ${time(base.seconds)}, ${perSecond(base.throughput)}`;
}
