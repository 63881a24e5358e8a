// The results table, as strings, shared by the text and Markdown renderings.
import { isAboveRoof } from '../above-roof.js';
import { boundText } from '../bound-text.js';
import { figureOfKind } from '../figure-kind-text.js';
import type { Snapshot } from '../gate/types.js';
import { efficiency, flopRate, intensity, levelText, perSecond, signedPercent, time } from '../format.js';
import { headlineLevel } from '../headline-level.js';
import { unvendoredRoof } from '../roofline.js';
import type { Report, ReportResult } from './types.js';

export const COLUMNS = ['model', 'hardware', 'precision', 'intensity', 'ridge', 'bound', 'attainable', 'time', 'throughput', 'efficiency', 'change'] as const;
export type Column = (typeof COLUMNS)[number];
export type Row = Record<Column, string>;

/** The columns a report needs: efficiency only when something was measured, change only against a baseline. */
export function columnsFor(report: Report): Column[] {
  const measured = report.results.some((result) => result.efficiency !== null);
  return COLUMNS.filter((column) => (column !== 'change' || report.baseline !== null) && (column !== 'efficiency' || measured));
}

const intensityCell = (value: number | undefined): string => (value === undefined ? '-' : intensity(value));

/** Relative change of throughput against the baseline: '+3.1%', '-6.5%', 'new', '' without a baseline. */
export function changeText(result: ReportResult, hasBaseline: boolean): string {
  if (!hasBaseline) return '';
  if (result.base === null) return 'new';
  return signedPercent(result.throughput / result.base.throughput - 1);
}

/** Follows the bound of a result whose binding roof no vendor states; the footnote explains it. */
export const ROOF_MARK = '†';

/** The footnote for the marked rows, naming the kinds that occur; null when no row is marked. */
export function roofFootnote(results: ReadonlyArray<Pick<ReportResult, 'roofKind'>>): string | null {
  const kinds = [...new Set(results.map(unvendoredRoof).filter((kind) => kind !== null))];
  if (kinds.length === 0) return null;
  return `${ROOF_MARK} binding roof is ${figureOfKind(kinds)}, not one a vendor states (\`roofline-gate hardware ID\` shows how it was obtained)`;
}

export function row(result: ReportResult, hasBaseline: boolean): Row {
  const level = headlineLevel(result);
  return {
    model: result.model,
    hardware: result.hardware,
    precision: result.precision,
    intensity: level === undefined ? '-' : `${intensityCell(result.intensity[level])} (${levelText(level)})`,
    ridge: level === undefined ? '-' : intensityCell(result.ridge[level]),
    bound: `${boundText(result.bindingLevel)}${unvendoredRoof(result) ? ` ${ROOF_MARK}` : ''}`,
    attainable: flopRate(result.effectiveFlopsPerSecond, result.precision),
    time: time(result.seconds),
    throughput: perSecond(result.throughput),
    efficiency: result.efficiency === null ? '' : `${efficiency(result.efficiency)}${isAboveRoof(result) ? ' (above roof)' : ''}`,
    change: changeText(result, hasBaseline),
  };
}

/**
 * The Markdown table's columns: fewer than the text table's, so that 12 models x 3 devices fit a pull
 * request's conversation column (about 900 px) with no cell wrapped and Change beside Model. The ridge goes
 * with the intensity and names the level for the bound; the throughput (what Change is about) stands for
 * the time. Precision, attainable
 * FLOP/s and time per pass are in the text table, the chart's tooltips and report.json.
 */
export const NARROW_COLUMNS = ['model', 'change', 'hardware', 'bound', 'intensity', 'throughput', 'efficiency'] as const;
export type NarrowColumn = (typeof NARROW_COLUMNS)[number];

/** The narrow columns a report needs, by the same rule as columnsFor(). */
export function narrowColumnsFor(report: Report): NarrowColumn[] {
  const wide = new Set<string>(columnsFor(report));
  return NARROW_COLUMNS.filter((column) => wide.has(column));
}

/**
 * A row in the narrow columns: the bound bare, and without the "-bound" its header says (`memory`), since the
 * intensity beside it, with its ridge, names the level: `20.8 (DRAM) / 23.3`. So the example comment's
 * table (its 21-character model name, a measured efficiency) fits the 900 px column.
 */
export function narrowRow(result: ReportResult, hasBaseline: boolean): Record<NarrowColumn, string> {
  const cells = row(result, hasBaseline);
  return {
    model: cells.model,
    change: cells.change,
    hardware: cells.hardware,
    bound: `${result.bound}${unvendoredRoof(result) ? ` ${ROOF_MARK}` : ''}`,
    intensity: cells.ridge === '-' ? cells.intensity : `${cells.intensity} / ${cells.ridge}`,
    throughput: cells.throughput,
    efficiency: cells.efficiency,
  };
}

/** One line of the baseline figures, for a removed pair. */
export function snapshotText(base: Snapshot): string {
  return `${boundText(base.bindingLevel)}, ${flopRate(base.attainableFlopsPerSecond, undefined)}, ${time(base.seconds)}, ${perSecond(base.throughput)}`;
}
