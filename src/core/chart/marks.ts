// The roofline view's lines and marks as Vega-Lite layers, each a plain function of the geometry: roofs and
// eaves, sweep lines, ridges, baseline marks and the arrows from them, measured pairs, and the points themselves.
import { isAboveRoof } from '../above-roof.js';
import { byteRate, flopPerByte, flopRate, levelText } from '../format.js';
import { DESCRIBED, HIDDEN } from './aria.js';
import type { DeviceStyle } from './devices.js';
import { fillEncoding, shapeEncoding, strokeEncoding, xEncoding, yEncoding } from './encodings.js';
import { type Frame, arrow, eaveStart, measuredRule } from './frame.js';
import type { Geometry } from './geometry.js';
import type { LegendPlace } from './layout.js';
import type { Layer, Row } from './spec-types.js';
import { ABOVE_ROOF_COLOR, MEASURED_RADIUS, MUTED_COLOR, POINT_SIZE } from './theme.js';
import { sweptText, tooltipFields, tooltipRows } from './tooltip.js';

/** What every layer is drawn from: the geometry, its pixel frame, the devices' styles, where the legends sit. */
export interface Plot {
  g: Geometry;
  f: Frame;
  device: DeviceStyle;
  legend: LegendPlace;
}

/** The measured mark: an x, as a Vega symbol path (scaled to half its size), stroked not filled. */
const X_SHAPE = 'M-1,-1L1,1M-1,1L1,-1';

/** Roofs and eaves as rules from (x, y) to (x2, y2), coloured by device. */
export function roofLinesLayer({ g, f, device, legend }: Plot): Layer {
  const values: Row[] = [];
  for (const d of g.devices) {
    const name = device.name(d.id);
    for (const roof of d.roofs) {
      values.push(described({
        x: roof.fromIntensity,
        y: roof.flopsPerSecond,
        x2: g.x[1],
        y2: roof.flopsPerSecond,
        device: name,
        what: `${roof.precision} roof`,
        value: flopRate(roof.flopsPerSecond, roof.precision),
      }));
    }
    for (const eave of d.eaves) {
      const from = eaveStart(f, eave.bytesPerSecond);
      values.push(described({
        x: from,
        y: from * eave.bytesPerSecond,
        x2: eave.toIntensity,
        y2: eave.toIntensity * eave.bytesPerSecond,
        device: name,
        what: `${levelText(eave.level)} bandwidth`,
        value: byteRate(eave.bytesPerSecond),
      }));
    }
  }
  return {
    data: { values },
    mark: { type: 'rule', strokeWidth: 2, strokeCap: 'round' },
    encoding: {
      x: xEncoding(g),
      y: yEncoding(g),
      x2: { field: 'x2' },
      y2: { field: 'y2' },
      stroke: strokeEncoding(device, legend),
      ...DESCRIBED,
      tooltip: [
        { field: 'device', title: 'hardware' },
        { field: 'what', title: 'line' },
        { field: 'value', title: 'value' },
      ],
    },
  };
}

/** A roof's or an eave's datum and its description, from the texts of its tooltip: 'h100-sxm fp16 roof, 989 TFLOP/s'. */
function described<T extends { device: string; what: string; value: string }>(line: T): T & { description: string } {
  return { ...line, description: `${line.device} ${line.what}, ${line.value}` };
}

/**
 * Each sweep line, a thin line in its device's colour through its points in the order of the swept
 * value (Vega-Lite would join them in x order): one layer per line, drawn under the points.
 */
export function sweepLineLayers({ g, device }: Plot): Layer[] {
  return g.sweeps.map((line) => {
    const sweep = `${line.of} on ${device.name(line.hardware)}`;
    // A line is one mark: Vega reads the description of its first datum.
    const description = `sweep of ${sweep} by ${line.by}: ${line.points.map((p) => sweptText(p.sweep!)).join(', ')}`;
    return {
      data: {
        values: line.points.map((p, order) => ({ x: p.x, y: p.y, order, sweep, by: line.by, description })),
      },
      mark: { type: 'line', stroke: device.color(line.hardware), strokeWidth: 1.2, opacity: 0.75, strokeCap: 'round' },
      encoding: {
        x: xEncoding(g),
        y: yEncoding(g),
        order: { field: 'order', type: 'quantitative' },
        ...DESCRIBED,
        tooltip: [
          { field: 'sweep', title: 'sweep' },
          { field: 'by', title: 'swept' },
        ],
      },
    };
  });
}

/** A small white diamond where a roof meets an eave. */
export function ridgeLayer({ g, device, legend }: Plot): Layer {
  const values = g.devices.flatMap((d) =>
    d.ridges.map((ridge) => ({
      x: ridge.intensity,
      y: ridge.flopsPerSecond,
      device: device.name(d.id),
      ridge: `${flopPerByte(ridge.intensity)} (${ridge.precision} roof, ${levelText(ridge.level)})`,
    })),
  ).map((ridge) => ({ ...ridge, description: `${ridge.device} ridge point, ${ridge.ridge}` }));
  return {
    data: { values },
    mark: { type: 'point', shape: 'diamond', size: 40, filled: true, fill: 'white', strokeWidth: 1.5 },
    encoding: {
      x: xEncoding(g),
      y: yEncoding(g),
      stroke: strokeEncoding(device, legend),
      ...DESCRIBED,
      tooltip: [
        { field: 'device', title: 'hardware' },
        { field: 'ridge', title: 'ridge point' },
      ],
    },
  };
}

/** Hollow baseline marks, in their device's shape and colour; none without a baseline. */
export function baselineLayers({ g, device, legend }: Plot): Layer[] {
  const marks: Row[] = g.points.flatMap((p) =>
    p.base ? [baselineRow(p.base, device.name(p.result.hardware), tooltipFields(p, device.name))] : [],
  );
  if (marks.length === 0) return [];
  return [
    {
      data: { values: marks },
      mark: { type: 'point', filled: false, size: POINT_SIZE, strokeWidth: 1.5, opacity: 0.9 },
      encoding: {
        x: xEncoding(g),
        y: yEncoding(g),
        shape: shapeEncoding(device, legend),
        stroke: strokeEncoding(device, legend),
        ...DESCRIBED,
        tooltip: tooltipRows(g),
      },
    },
  ];
}

/** A baseline mark's datum: the pair's tooltip, described by what the baseline was. */
function baselineRow(base: { x: number; y: number }, device: string, fields: Row): Row {
  return { x: base.x, y: base.y, device, ...fields, description: `baseline of ${fields.pair}: ${fields.baseline}` };
}

/**
 * An arrow from each baseline mark to its head point, where it moved: a rule, and a triangle at its tip;
 * at least MIN_ARROW_SHAFT long (frame.ts arrow), so that a small move still shows.
 */
export function arrowLayers({ g, f }: Plot): Layer[] {
  const arrows: Row[] = g.points.flatMap((p) => {
    const a = arrow(f, p);
    return a ? [{ x: f.x.invert(a.start[0]), y: f.y.invert(a.start[1]), x2: f.x.invert(a.tip[0]), y2: f.y.invert(a.tip[1]), angle: a.angle }] : [];
  });
  if (arrows.length === 0) return [];
  return [
    {
      data: { values: arrows },
      // The baseline mark and the point say where it was and where it is: the arrow only shows the way.
      mark: { type: 'rule', color: MUTED_COLOR, strokeWidth: 1.3, ...HIDDEN },
      encoding: { x: xEncoding(g), y: yEncoding(g), x2: { field: 'x2' }, y2: { field: 'y2' } },
    },
    {
      data: { values: arrows },
      mark: { type: 'point', shape: 'triangle-up', filled: true, color: MUTED_COLOR, size: 36, opacity: 1, ...HIDDEN },
      encoding: {
        x: { field: 'x2', type: 'quantitative', scale: { type: 'log', domain: g.x, nice: false } },
        y: { field: 'y2', type: 'quantitative', scale: { type: 'log', domain: g.y, nice: false } },
        angle: { field: 'angle', type: 'quantitative', scale: null },
      },
    },
  ];
}

/**
 * For pairs with a measured time: a thin dashed rule down (or up) from the point, and an x at achieved
 * FLOP/s. With bytes at several levels, the hierarchical roofline's other achieved points as smaller x's
 * at the same FLOP/s, one per level's intensity, joined to the first by a dotted rule.
 */
export function measuredLayers({ g, f, device }: Plot): Layer[] {
  const marks: Row[] = [];
  const rules: Row[] = [];
  const levelMarks: Row[] = [];
  const levelRules: Row[] = [];
  for (const p of g.points) {
    if (!p.measured) continue;
    const above = isAboveRoof(p.result);
    const color = above ? ABOVE_ROOF_COLOR : device.color(p.result.hardware);
    const fields = tooltipFields(p, device.name);
    marks.push({ x: p.x, y: p.measured.y, color, ...fields, above, description: `${fields.pair}, measured: ${fields.measuredText}` });
    const rule = measuredRule(f, p);
    if (rule) rules.push({ ...rule, color });
    const others = p.measured.levels.filter((level) => level.level !== p.level);
    for (const level of others) {
      const intensityText = `${levelText(level.level)} ${flopPerByte(level.intensity)}: this level's achieved point`;
      levelMarks.push({ x: level.x, y: p.measured.y, color, ...fields, intensityText, above, description: `${fields.pair}, measured: ${intensityText}` });
    }
    if (others.length > 0) {
      const xs = [p.x, ...others.map((level) => level.x)];
      levelRules.push({ x: Math.min(...xs), x2: Math.max(...xs), y: p.measured.y, color });
    }
  }
  if (marks.length === 0) return [];
  // Colour from the datum, not a stroke encoding: that would join the device scale and split its legend.
  const stroke = { expr: 'datum.color' };
  const levelLayers: Layer[] = levelMarks.length === 0 ? [] : [
    {
      data: { values: levelRules },
      mark: { type: 'rule', strokeWidth: 1, strokeDash: [1, 3], stroke, opacity: 0.7, ...HIDDEN },
      encoding: { x: xEncoding(g), y: yEncoding(g), x2: { field: 'x2' } },
    },
    {
      data: { values: levelMarks },
      mark: { type: 'point', shape: X_SHAPE, filled: false, size: MEASURED_RADIUS ** 2 * 2, strokeWidth: 1.5, opacity: 1, stroke },
      encoding: { x: xEncoding(g), y: yEncoding(g), ...DESCRIBED, tooltip: tooltipRows(g) },
    },
  ];
  return [
    {
      data: { values: rules },
      // Joins the point to its x, each described: it tells nothing of its own.
      mark: { type: 'rule', strokeWidth: 1, strokeDash: [3, 3], stroke, ...HIDDEN },
      encoding: { x: xEncoding(g), y: yEncoding(g), y2: { field: 'y2' } },
    },
    ...levelLayers,
    {
      data: { values: marks },
      mark: { type: 'point', shape: X_SHAPE, filled: false, size: (2 * MEASURED_RADIUS) ** 2, strokeWidth: 2, opacity: 1, stroke },
      encoding: { x: xEncoding(g), y: yEncoding(g), ...DESCRIBED, tooltip: tooltipRows(g) },
    },
  ];
}

/** A point per model x hardware at its attainable FLOP/s: shaped and outlined by device, filled by bound. */
export function pointLayer({ g, device, legend }: Plot): Layer {
  const values = g.points.map((p) => ({
    x: p.x,
    y: p.y,
    device: device.name(p.result.hardware),
    bound: p.result.bound,
    ...tooltipFields(p, device.name),
  }));
  return {
    data: { values },
    mark: { type: 'point', filled: true, size: POINT_SIZE, strokeWidth: 1.5, opacity: 1 },
    encoding: {
      x: xEncoding(g),
      y: yEncoding(g),
      shape: shapeEncoding(device, legend),
      stroke: strokeEncoding(device, legend),
      fill: fillEncoding(legend),
      ...DESCRIBED,
      tooltip: tooltipRows(g),
    },
  };
}
