// The placed labels as Vega-Lite layers: each label in its colour, anchored in data units so that Vega puts
// it exactly where layout.ts placed it, and a white backing under each horizontal one, drawn over the lines
// but under the marks, so that a line crossing a label is broken rather than drawn through its text.
import { isAboveRoof } from '../above-roof.js';
import { HIDDEN } from './aria.js';
import { xEncoding, yEncoding } from './encodings.js';
import type { RoofLabel } from './label-scene.js';
import type { LabelLayout, PlacedLabel } from './layout.js';
import type { Plot } from './marks.js';
import { textBox } from './shapes.js';
import type { Layer, Row } from './spec-types.js';
import { ABOVE_ROOF_COLOR, TEXT_COLOR } from './theme.js';

/** The backing layer and the text layer of every label `layout` placed; `roofs` are the roofs' labels the scene had (label-scene.ts). */
export function labelLayers(plot: Plot, layout: LabelLayout, roofs: readonly RoofLabel[]): { backings: Layer; labels: Layer } {
  const { g, device } = plot;
  const colored: Array<[PlacedLabel | null, string]> = [
    // A label of roofs of several devices is in none of their colours.
    ...zip(layout.roofs, roofs.map((roof) => (roof.devices.length === 1 ? device.color(roof.devices[0]!) : TEXT_COLOR))),
    ...layout.points.map((label) => [label, TEXT_COLOR] as [PlacedLabel, string]),
    ...zip(layout.sweeps, g.sweeps.map((line) => device.color(line.hardware))),
    ...zip(
      layout.measured,
      g.points.filter((p) => p.measured).map((p) => (isAboveRoof(p.result) ? ABOVE_ROOF_COLOR : device.color(p.result.hardware))),
    ),
    ...zip(layout.eaves, g.devices.flatMap((d) => d.eaves.map(() => device.color(d.id)))),
    ...zip(layout.ridges, g.devices.flatMap((d) => d.ridges.map(() => device.color(d.id)))),
  ];
  const placed = colored.filter((entry): entry is [PlacedLabel, string] => entry[0] !== null);
  const labels = placed.map(([label, color]) => labelRow(plot, label, color));
  const backings = placed.filter(([label]) => !label.at.angle).map(([label]) => backingRow(plot, label));
  return {
    backings: {
      data: { values: backings },
      mark: { type: 'rect', fill: 'white', opacity: 0.9, ...HIDDEN },
      encoding: { x: xEncoding(g), y: yEncoding(g), x2: { field: 'x2' }, y2: { field: 'y2' } },
    },
    labels: {
      data: { values: labels },
      // Each label names a mark whose description (marks.ts) already says all it does.
      mark: {
        ...HIDDEN,
        type: 'text',
        align: { expr: 'datum.align' },
        baseline: { expr: 'datum.baseline' },
        dx: { expr: 'datum.dx' },
        dy: { expr: 'datum.dy' },
        angle: { expr: 'datum.angle' },
        fontSize: { expr: 'datum.fontSize' },
        fill: { expr: 'datum.color' },
      },
      encoding: { x: xEncoding(g), y: yEncoding(g), text: { field: 'text' } },
    },
  };
}

/** A label's datum: its anchor in data units, and how it sits there. */
function labelRow({ f }: Plot, { text, x, y, at, fontSize }: PlacedLabel, color: string): Row {
  return {
    x: f.x.invert(x),
    y: f.y.invert(y),
    text,
    align: at.align,
    baseline: at.baseline,
    dx: at.dx,
    dy: at.dy,
    angle: at.angle ?? 0,
    color,
    fontSize,
  };
}

/** The data-unit rectangle just around a horizontal label's text. */
function backingRow({ f }: Plot, { text, x, y, at, fontSize }: PlacedLabel): Row {
  const corners = textBox(text, fontSize, x, y, at, false, 0.5).map(([px, py]) => [f.x.invert(px), f.y.invert(py)] as const);
  const xs = corners.map(([cx]) => cx);
  const ys = corners.map(([, cy]) => cy);
  return { x: Math.min(...xs), x2: Math.max(...xs), y: Math.min(...ys), y2: Math.max(...ys) };
}

function zip<A, B>(as: readonly A[], bs: readonly B[]): Array<[A, B]> {
  return as.map((a, i) => [a, bs[i]!]);
}
