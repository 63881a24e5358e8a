// A point's tooltip: the fields every mark of a model x hardware pair shows (its point, its baseline mark,
// its measured mark, its line in the numbered list), every figure formatted for people.
import { isAboveRoof } from '../above-roof.js';
import { unvendoredRoof } from '../roofline.js';
import { boundText } from '../bound-text.js';
import { figureOfKind } from '../figure-kind-text.js';
import { efficiency, flopPerByte, flopRate, levelText, perSecond, time } from '../format.js';
import type { ChartPoint, Geometry } from './geometry.js';
import type { Row } from './spec-types.js';

/** The tooltip's rows, in order, for Vega-Lite's `tooltip` channel; `sweep` only on a chart with a sweep line. */
export function tooltipRows(g: Pick<Geometry, 'sweeps'>) {
  return g.sweeps.length > 0 ? [...TOOLTIP, SWEEP_ROW] : TOOLTIP;
}

const SWEEP_ROW = { field: 'sweepText', title: 'sweep' };

const TOOLTIP = [
  { field: 'pair', title: 'model × hardware' },
  { field: 'boundBy', title: 'bound' },
  { field: 'intensityText', title: 'intensity' },
  { field: 'attainable', title: 'attainable' },
  { field: 'timeText', title: 'time per pass' },
  { field: 'measuredText', title: 'measured' },
  { field: 'baseline', title: 'baseline' },
  { field: 'note', title: 'note' },
];

/**
 * Where the point sits: its attainable FLOP/s, or, for a model given as ops whose ops bind differently,
 * its effective FLOP/s and the aggregate's attainable (compared as printed, so that equal figures read once).
 */
export function performanceText(p: Pick<ChartPoint, 'flopsPerSecond' | 'attainableFlopsPerSecond' | 'result'>): string {
  const attainable = flopRate(p.attainableFlopsPerSecond, p.result.precision);
  return bindsDifferently(p) ? `effective ${flopRate(p.flopsPerSecond, p.result.precision)} (ops bind differently), attainable ${attainable}` : attainable;
}

/** True when the point sits visibly below its aggregate's attainable FLOP/s: the two read differently as printed. */
export function bindsDifferently(p: Pick<ChartPoint, 'flopsPerSecond' | 'attainableFlopsPerSecond' | 'result'>): boolean {
  return flopRate(p.flopsPerSecond, p.result.precision) !== flopRate(p.attainableFlopsPerSecond, p.result.precision);
}

/** A point of a sweep line by its value: `b8`, `ctx8192`, as its name in the report ends. */
export function sweptText(sweep: NonNullable<ChartPoint['sweep']>): string {
  return `${sweep.by === 'batch' ? 'b' : 'ctx'}${sweep.value}`;
}

/**
 * The fields TOOLTIP names, for the datum of point `p`, and its `description` (aria.ts): the same texts in
 * one line, `pair; title: text; ...`, without the rows that would say there is nothing (not measured, no
 * baseline, no note, no sweep).
 */
export function tooltipFields(p: ChartPoint, deviceName: (id: string) => string): Row {
  const r = p.result;
  const intensities = Object.entries(r.intensity).map(([level, value]) => `${levelText(level)} ${flopPerByte(value)}`);
  const roofKind = unvendoredRoof(r);
  const notes = [
    p.clamp === 'infinite-intensity' ? 'no bytes moved: infinite intensity, drawn at the right edge' : null,
    p.clamp === 'zero-intensity' ? 'no FLOPs: zero intensity, drawn at the left edge' : null,
    p.base?.clamp === 'infinite-intensity' ? 'baseline moved no bytes: drawn at the right edge' : null,
    p.base?.clamp === 'zero-intensity' ? 'baseline did no FLOPs: drawn at the left edge' : null,
    p.measured && isAboveRoof(p.result) ? 'measured above its roof: the measured time or the FLOPs, bytes or device figures are off' : null,
    roofKind ? `binding roof is ${figureOfKind([roofKind])}, not one a vendor states (roofline-gate hardware ${r.hardware} shows how it was obtained)` : null,
    p.measured?.clamped ? 'achieved FLOP/s not drawable on a log scale: drawn at the plot\'s edge' : null,
  ].filter((n) => n !== null);
  // Null where the pair has none of it: the tooltip then says so, the description leaves the row out.
  const given: Record<string, string | null> = {
    pair: `${p.number}. ${r.model} on ${deviceName(r.hardware)} (${r.precision}, batch ${r.batch})`,
    boundBy: `${boundText(r.bindingLevel)}${unvendoredRoof(r) ? `, on a ${unvendoredRoof(r)} roof` : ''}`,
    intensityText: intensities.join(', ') || 'no bytes given',
    attainable: performanceText(p),
    timeText: `${time(r.seconds)} (${perSecond(r.throughput)})`,
    measuredText:
      p.measured && r.measuredSeconds !== null
        ? `${time(r.measuredSeconds)}, ${flopRate(p.measured.flopsPerSecond, r.precision)}: measured ${efficiency(p.measured.efficiency)} of attainable`
        : null,
    baseline: r.base && p.base ? `${flopRate(p.base.flopsPerSecond, undefined)}, ${boundText(r.base.bindingLevel)}, ${time(r.base.seconds)}` : null,
    note: notes.join('; ') || null,
    sweepText: p.sweep ? `${p.sweep.by} ${p.sweep.value} of ${p.sweep.values.join(', ')}` : null,
  };
  const [pairRow, ...rows] = [...TOOLTIP, SWEEP_ROW];
  const told = rows.filter((row) => given[row.field] !== null).map((row) => `${row.title}: ${given[row.field]}`);
  return {
    ...given,
    measuredText: given.measuredText ?? 'not measured',
    baseline: given.baseline ?? 'none',
    note: given.note ?? '-',
    sweepText: given.sweepText ?? '-',
    description: [given[pairRow!.field], ...told].join('; '),
  };
}
