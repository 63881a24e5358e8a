// What the roofline's labels are about, in pixels, and the texts each label may take (longest first): the
// scene that label placement (layout.ts) lays out. Marks are points, baseline marks, measured marks and
// ridges; besides roofs, eaves and sweep lines (whose labels the scene lists), lines are the dashed rules of
// measured pairs and the arrows from baseline marks. A point of a sweep line is named by its value (`b8`,
// `ctx8192`; numbered, by its number like every point), the line once by the model it sweeps.
import { isAboveRoof } from '../above-roof.js';
import { byteRate, efficiency, flopRate, intensity, levelText } from '../format.js';
import type { DeviceStyle } from './devices.js';
import { legendSize } from './encodings.js';
import { type Frame, arrow, eaveEnds, measuredRule, pixel } from './frame.js';
import type { ChartPoint, Geometry } from './geometry.js';
import type { LabelScene, Mark } from './layout.js';
import type { Precision } from '../types.js';
import { MEASURED_RADIUS, PLOT_HEIGHT, PLOT_WIDTH, POINT_RADIUS } from './theme.js';
import { sweptText } from './tooltip.js';

/** Half the size of the square a ridge's diamond keeps clear. */
const RIDGE_RADIUS = 3;

/** The scene of `g`'s labels; `roofs` is roofLabels(g), worked out once for this and the label layers (label-layers.ts). */
export function labelScene(g: Geometry, f: Frame, device: DeviceStyle, roofs: readonly RoofLabel[]): LabelScene {
  const marks: Mark[] = [];
  const lines: Array<[[number, number], [number, number]]> = [];
  for (const p of g.points) {
    marks.push(mark(pixel(f, p), POINT_RADIUS));
    if (p.base) marks.push(mark(pixel(f, p.base), POINT_RADIUS));
    if (p.measured) {
      const [x, y] = measuredPixel(f, p);
      marks.push(mark([x, y], MEASURED_RADIUS + 1));
      const rule = measuredRule(f, p);
      if (rule) lines.push([[x, f.y(rule.y)], [x, f.y(rule.y2)]]);
    }
    const moved = arrow(f, p);
    if (moved) lines.push([moved.start, moved.tip]);
  }
  for (const d of g.devices) {
    for (const ridge of d.ridges) marks.push(mark(pixel(f, { x: ridge.intensity, y: ridge.flopsPerSecond }), RIDGE_RADIUS));
  }

  // The value alone, the last resort for a label naming several precisions ("fp16/bf16"), is then every roof's:
  // the labels share one style.
  const terse = roofs.some((roof) => roof.precisions.length > 1);

  return {
    width: PLOT_WIDTH,
    height: PLOT_HEIGHT,
    marks,
    lines,
    legend: legendSize(device.names),
    roofs: roofs.map((roof) => ({ y: f.y(roof.flopsPerSecond), start: f.x(roof.fromIntensity), texts: roofTexts(roof, device), ...(terse ? { terse: roof.value } : {}) })),
    points: g.points.map((p) => {
      const [x, y] = pixel(f, p);
      return { x, y, name: pointText(p, p.sweep ? sweptText(p.sweep) : p.result.model), number: String(p.number) };
    }),
    sweeps: g.sweeps.map((line) => {
      const through = line.points.map((p) => pixel(f, p));
      const [x, y] = through[through.length - 1]!;
      return { through, x, y, texts: [line.of] };
    }),
    measured: g.points.flatMap((p) => {
      if (!p.measured) return [];
      const [x, y] = measuredPixel(f, p);
      const above = isAboveRoof(p.result);
      return [{ x, y, texts: measuredTexts(efficiency(p.measured.efficiency), above), required: above }];
    }),
    eaves: g.devices.flatMap((d) =>
      d.eaves.map((eave) => {
        const short = `${levelText(eave.level)} ${byteRate(eave.bytesPerSecond)}`;
        const [from, to] = eaveEnds(f, eave);
        return { from, to, texts: g.devices.length > 1 ? [`${device.name(d.id)} · ${short}`, short] : [short] };
      }),
    ),
    eaveAngle: f.eaveAngle,
    ridges: g.devices.flatMap((d) =>
      d.ridges.map((ridge) => {
        const [x, y] = pixel(f, { x: ridge.intensity, y: ridge.flopsPerSecond });
        return { x, y, text: intensity(ridge.intensity) };
      }),
    ),
  };
}

/** Where a measured pair's × is drawn: achieved FLOP/s at the point's own intensity. */
export function measuredPixel(f: Frame, p: ChartPoint): [number, number] {
  return pixel(f, { x: p.x, y: p.measured!.y });
}

function mark([x, y]: [number, number], radius: number): Mark {
  return { x, y, radius };
}

/**
 * The roofs one label names: every roof drawn at one height, shown as one value (`989 TFLOP/s`), of one
 * device or several. Their lines coincide, so one label says it once ("fp16/bf16 989 TFLOP/s") where two
 * would be stacked on one line. In the geometry's order of devices and roofs.
 */
export interface RoofLabel {
  devices: string[];
  precisions: Precision[];
  flopsPerSecond: number;
  /** Where the leftmost of the roofs starts. */
  fromIntensity: number;
  value: string;
}

export function roofLabels(g: Geometry): RoofLabel[] {
  const byValue = new Map<string, RoofLabel>();
  for (const d of g.devices) {
    for (const roof of d.roofs) {
      const value = flopRate(roof.flopsPerSecond, roof.precision);
      const label = byValue.get(value);
      if (!label) {
        byValue.set(value, { devices: [d.id], precisions: [roof.precision], flopsPerSecond: roof.flopsPerSecond, fromIntensity: roof.fromIntensity, value });
        continue;
      }
      if (!label.devices.includes(d.id)) label.devices.push(d.id);
      if (!label.precisions.includes(roof.precision)) label.precisions.push(roof.precision);
      label.fromIntensity = Math.min(label.fromIntensity, roof.fromIntensity);
    }
  }
  return [...byValue.values()];
}

/**
 * "H100 SXM · fp16 roof 989 TFLOP/s", then shorter: the line's colour still names the device. Roofs that
 * coincide share one: "H100 SXM, H200 SXM · fp16/bf16 roof 989 TFLOP/s"; its last resort is the value alone.
 */
function roofTexts({ devices, precisions, value }: RoofLabel, device: DeviceStyle): string[] {
  const names = devices.map((id) => device.name(id)).join(', ');
  const precision = precisions.join('/');
  return [`${names} · ${precision} roof ${value}`, `${names} · ${precision} ${value}`, `${precision} ${value}`];
}

/** "measured 44% of attainable", then shorter; "above roof" says the inputs are off, so it stays in every form. */
function measuredTexts(share: string, above: boolean): string[] {
  return above
    ? [`above roof: measured ${share} of attainable`, `above roof (${share})`, 'above roof']
    : [`measured ${share} of attainable`, `measured ${share}`, share];
}

/** A point's label; a value the log scale could not show is named. */
function pointText(p: ChartPoint, text: string): string {
  if (p.clamp === 'infinite-intensity') return `${text} (I = ∞)`;
  if (p.clamp === 'zero-intensity') return `${text} (I = 0)`;
  return text;
}
