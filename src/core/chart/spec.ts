// The roofline chart as a Vega-Lite spec: a pure function of the report. Log-log axes; per device a roof per
// precision in use and an eave per memory level in use, labelled, with their ridges; a point per model x
// hardware filled by what bounds it and shaped by device, the points of a sweep on a device joined by a line;
// the baseline as a hollow mark with an arrow to the head; a measured pair's achieved FLOP/s as an x under
// (or, when the inputs are off, over) its point; below, when models were given as ops, each one's slowest ops
// split into compute and memory time.
//
// The steps, each a module: the pairs drawn (drawn.ts: all but in a very large report); their geometry in
// data units (geometry.ts); its pixel frame (frame.ts); the label scene (label-scene.ts) and its layout
// (layout.ts); then the layers (marks.ts, label-layers.ts), the numbered list (key-view.ts) and the per-op
// view (ops-view.ts).
import type { TopLevelSpec } from 'vega-lite';
import { isAboveRoof } from '../above-roof.js';
import { visibleText, withVisibleStrings } from '../report/escape.js';
import type { Report } from '../report/types.js';
import { deviceStyle } from './devices.js';
import { type Drawn, drawnPairs, drawnReport, leftOutText } from './drawn.js';
import { frame } from './frame.js';
import { type Geometry, geometry } from './geometry.js';
import { keyView } from './key-view.js';
import { labelLayers } from './label-layers.js';
import { type RoofLabel, labelScene, roofLabels } from './label-scene.js';
import { type LabelLayout, placeLabels } from './layout.js';
import { type Plot, arrowLayers, baselineLayers, measuredLayers, pointLayer, ridgeLayer, roofLinesLayer, sweepLineLayers } from './marks.js';
import { opsViews } from './ops-view.js';
import type { View } from './spec-types.js';
import { CONFIG, PLOT_HEIGHT, PLOT_WIDTH } from './theme.js';
import { bindsDifferently } from './tooltip.js';

export interface ChartOptions {
  /** Display names by device id (`{ 'h100-sxm': 'H100 SXM' }`); the id is shown for any other device. */
  deviceNames?: Readonly<Record<string, string>>;
}

/**
 * The Vega-Lite spec of the roofline chart of `report`. Pure: the same report always gives the same spec.
 * Nothing in it is NaN or infinite: values a log scale cannot show (intensity 0 or infinity, zero FLOP/s)
 * are drawn at the plot's edge and said so in the tooltip and the subtitle.
 */
export function rooflineSpec(report: Report, options: ChartOptions = {}): TopLevelSpec {
  const drawn = drawnPairs(report);
  // Names from the config are drawn as the text and the tables show them: an invisible or control
  // character as <U+XXXX> (one that XML does not allow, such as U+0001, would leave the SVG unreadable).
  const g = geometry(withVisibleStrings(drawnReport(report, drawn)));
  const f = frame(g);
  const device = deviceStyle(g, withVisibleStrings(options.deviceNames ?? {}));
  const roofs = roofLabels(g);
  const layout = placeLabels(labelScene(g, f, device, roofs));
  const plot: Plot = { g, f, device, legend: layout.legend };
  const views: View[] = [rooflineView(plot, layout, roofs), ...(layout.numbered ? [keyView(plot)] : []), ...opsViews(g.points, device.name)];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: `Roofline of ${plural(g.points.length, 'model × hardware pair')} on ${plural(g.devices.length, 'device')}`,
    title: { text: 'Roofline', subtitle: subtitle(report, g, drawn, layout.numbered) },
    config: CONFIG,
    vconcat: views,
    // Each view keeps its own legends: the roofline's sit inside its plot, the list and the bars need none.
    // The op panels pair their bars differently (compute and memory; baseline and head): offsets apart too.
    resolve: {
      scale: { fill: 'independent', shape: 'independent', stroke: 'independent', yOffset: 'independent' },
      legend: { fill: 'independent', shape: 'independent', stroke: 'independent' },
    },
  };
}

/** The plot, bottom layer first: lines (roofs, eaves, sweeps), label backings, ridges, baseline marks and arrows, measured pairs, points, labels. */
function rooflineView(plot: Plot, layout: LabelLayout, roofs: readonly RoofLabel[]): View {
  const { backings, labels } = labelLayers(plot, layout, roofs);
  return {
    width: PLOT_WIDTH,
    height: PLOT_HEIGHT,
    layer: [roofLinesLayer(plot), ...sweepLineLayers(plot), backings, ridgeLayer(plot), ...baselineLayers(plot), ...arrowLayers(plot), ...measuredLayers(plot), pointLayer(plot), labels],
  };
}

function subtitle(report: Report, g: Geometry, drawn: Drawn, numbered: boolean): string[] {
  const lines = [
    `${plural(g.points.length, 'model × hardware pair')} at their attainable FLOP/s, filled by what bounds each.`,
  ];
  const leftOut = leftOutText(drawn, report.results.length);
  if (leftOut) lines.push(leftOut);
  if (g.points.some(bindsDifferently)) lines.push('Models given as ops sit at their FLOPs over the summed op times: below the roof where ops bind differently.');
  const measured = g.points.filter((p) => p.measured);
  if (measured.length) {
    const above = measured.some((p) => isAboveRoof(p.result));
    lines.push(`×: achieved FLOP/s from the measured time, dashed to its attainable point${above ? '; red ×: above its roof, so its inputs are off' : ''}.`);
  }
  // Arrows are drawn at least MIN_ARROW_SHAFT long (frame.ts arrow): hence 'however small'.
  if (g.points.some((p) => p.base)) lines.push(`Hollow marks: baseline${report.baseline ? ` (${visibleText(report.baseline)})` : ''}; arrows lead to this change, however small.`);
  if (g.points.some((p) => p.clamp === 'infinite-intensity')) lines.push('At the right edge: no bytes moved (infinite intensity).');
  if (g.points.some((p) => p.clamp === 'zero-intensity')) lines.push('At the left edge: no FLOPs (zero intensity).');
  if (numbered) lines.push('Numbers refer to the list below the plot.');
  return lines;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
