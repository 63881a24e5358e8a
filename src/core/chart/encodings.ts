// How the roofline view's fields map to what is seen: the two log axes, device -> colour and shape, bound ->
// fill, and the two legends (Hardware and Bound) those draw, with the room the legends take.
import { BOUND_WORDS } from '../bound-text.js';
import { SI_PREFIXES, flopPerByte, flopRate } from '../format.js';
import { type Geometry, decades } from './geometry.js';
import type { LegendPlace } from './layout.js';
import type { DeviceStyle } from './devices.js';
import { BOUND_COLORS, LABEL_FONT_SIZE, MUTED_COLOR } from './theme.js';
import { textWidth } from './text-width.js';

/** The x axis: arithmetic intensity on a log scale over the geometry's domain, a tick per decade. */
export function xEncoding(g: Geometry) {
  const title = 'Arithmetic intensity (FLOP/byte)';
  return {
    field: 'x',
    type: 'quantitative',
    scale: { type: 'log', domain: g.x, nice: false },
    axis: {
      title,
      description: axisDescription('X', title, flopPerByte(g.x[0]), flopPerByte(g.x[1])),
      values: decades(g.x),
      labelExpr: siLabelExpr(''),
      grid: true,
    },
  } as const;
}

/** The y axis: FLOP/s on a log scale, a tick per decade; it names the × marks when there are any. */
export function yEncoding(g: Geometry) {
  const title = g.points.some((p) => p.measured) ? 'Attainable and achieved (×) FLOP/s' : 'Attainable FLOP/s';
  return {
    field: 'y',
    type: 'quantitative',
    scale: { type: 'log', domain: g.y, nice: false },
    axis: {
      title,
      description: axisDescription('Y', title, flopRate(g.y[0], undefined), flopRate(g.y[1], undefined)),
      values: decades(g.y),
      labelExpr: siLabelExpr(' '),
      grid: true,
    },
  } as const;
}

/**
 * An axis's ARIA label in Vega's own wording (vega-scenegraph's axisCaption: "X-axis titled '...' for a log
 * scale with values from ... to ..."), its ends formatted as the rest of the report writes them rather than
 * as Vega prints a float. The domains are the geometry's, unniced, so these are the axis's true ends.
 */
function axisDescription(xy: 'X' | 'Y', title: string, from: string, to: string): string {
  return `${xy}-axis titled '${title}' for a log scale with values from ${from} to ${to}`;
}

/** Device -> outline colour, for lines and marks (devices.ts: by the device's id). */
export function strokeEncoding(device: DeviceStyle, legend: LegendPlace) {
  return deviceEncoding(device.names, device.colors, legend);
}

/** Device -> point shape; with the same field and title as the colours, Vega-Lite draws one legend for both. */
export function shapeEncoding(device: DeviceStyle, legend: LegendPlace) {
  return deviceEncoding(device.names, device.shapes, legend);
}

function deviceEncoding(names: readonly string[], range: readonly string[], legend: LegendPlace) {
  return {
    field: 'device',
    type: 'nominal',
    scale: { domain: names, range },
    legend: { title: 'Hardware', orient: legend },
  } as const;
}

/** What bounds a point -> its fill. */
export function fillEncoding(legend: LegendPlace) {
  return {
    field: 'bound',
    type: 'nominal',
    scale: { domain: ['compute', 'memory'], range: [BOUND_COLORS.compute, BOUND_COLORS.memory] },
    legend: { title: 'Bound', orient: legend, labelExpr: BOUND_LABEL_EXPR, symbolStrokeColor: MUTED_COLOR },
  } as const;
}

/**
 * The room the two legends take side by side, Hardware then Bound: each a title and a row per entry,
 * framed and padded (theme.ts CONFIG.legend).
 */
export function legendSize(deviceNames: readonly string[]): { width: number; height: number } {
  const legendWidth = (labels: readonly string[]) => Math.max(...labels.map((l) => textWidth(l, LABEL_FONT_SIZE))) + 36;
  return {
    width: legendWidth([...deviceNames, 'Hardware']) + 8 + legendWidth(Object.values(BOUND_WORDS)),
    height: Math.max(deviceNames.length, 2) * 17 + 34,
  };
}

/** The Bound legend's labels, from the one wording (bound-text.ts): the scale's values are `compute` and `memory`. */
const BOUND_LABEL_EXPR = `datum.label === 'compute' ? ${JSON.stringify(BOUND_WORDS.compute)} : ${JSON.stringify(BOUND_WORDS.memory)}`;

/**
 * A Vega expression labelling powers of ten with SI prefixes: 1e13 -> "10 T" (with `separator` ' '),
 * 1000 -> "1k" (with ''); below 1000 plain numbers: 0.1, 1, 10.
 */
function siLabelExpr(separator: string): string {
  return SI_PREFIXES.reduceRight<string>(
    (otherwise, [prefix, factor]) =>
      `datum.value >= ${factor} ? format(datum.value / ${factor}, '~g') + '${separator}${prefix}' : ${otherwise}`,
    "format(datum.value, '~g')",
  );
}
