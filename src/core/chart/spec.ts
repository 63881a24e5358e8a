// The roofline chart as a Vega-Lite spec: a pure function of the report. Log-log axes; per device a roof per
// precision in use and an eave per memory level in use, labelled, with their ridges; a point per model x
// hardware filled by what bounds it and shaped by device; the baseline as a hollow mark with an arrow to the
// head; a measured pair's achieved FLOP/s as an x under (or, when the inputs are off, over) its point; below,
// when models were given as ops, each one's slowest ops split into compute and memory time.
//
// The scales are fixed here (explicit log domains, fixed plot size), so labels are placed in pixel space
// before Vega sees the spec (layout.ts), with text widths of the font the chart names (text-width.ts).
import type { TopLevelSpec } from 'vega-lite';
import { isAboveRoof } from '../above-roof.js';
import { BOUND_WORDS, boundText } from '../bound-text.js';
import { byteRate, efficiency, flopPerByte, flopRate, intensity, levelText, perSecond, SI_PREFIXES, time } from '../format.js';
import type { Report } from '../report/types.js';
import { type ChartPoint, type Geometry, type LogScale, decades, geometry, logScale } from './geometry.js';
import { type Shape, type TextPlacement, Occupancy, rectangle, segment, textBox } from './shapes.js';
import { opsViews } from './ops-view.js';
import {
  ABOVE_ROOF_COLOR,
  BOUND_COLORS,
  CONFIG,
  DEVICE_COLORS,
  DEVICE_SHAPES,
  LABEL_FONT_SIZE,
  MEASURED_RADIUS,
  MUTED_COLOR,
  PLOT_HEIGHT,
  PLOT_WIDTH,
  POINT_RADIUS,
  POINT_SIZE,
  SMALL_FONT_SIZE,
  TEXT_COLOR,
} from './theme.js';
import { textWidth } from './text-width.js';

export interface ChartOptions {
  /** Display names by device id (`{ 'h100-sxm': 'H100 SXM' }`); the id is shown for any other device. */
  deviceNames?: Readonly<Record<string, string>>;
}

type VConcat = Extract<TopLevelSpec, { vconcat: unknown }>;
/** One view of the chart's vertical stack. */
export type View = VConcat['vconcat'][number];
type Layer = Extract<View, { layer: unknown }>['layer'][number];
type Row = Record<string, string | number | boolean | null>;
type LegendPlace = 'top-left' | 'bottom-right' | 'bottom';
/** Where a label goes: its anchor's x in pixels, and how it sits there. */
type Spot = { x: number; at: TextPlacement };

/** Above this many points, labels are numbers keyed in a list under the plot rather than model names. */
const MAX_NAMED_POINTS = 12;
/** How far (px) a roof label above its roof may reach left of the ridge. */
const ABOVE_RIDGE_REACH = 40;
/** An arrow shorter than this (px) would hide under its own head: the point did not move visibly. */
const MIN_ARROW = 14;
/** The measured mark: an x, as a Vega symbol path (scaled to half its size), stroked not filled. */
const X_SHAPE = 'M-1,-1L1,1M-1,1L1,-1';
/** A dashed rule shorter than this (px) between the marks it joins is left out: they nearly touch. */
const MIN_RULE = 4;

/**
 * The Vega-Lite spec of the roofline chart of `report`. Pure: the same report always gives the same spec.
 * Nothing in it is NaN or infinite: values a log scale cannot show (intensity 0 or infinity, zero FLOP/s)
 * are drawn at the plot's edge and said so in the tooltip and the subtitle.
 */
export function rooflineSpec(report: Report, options: ChartOptions = {}): TopLevelSpec {
  const g = geometry(report);
  const chart = new RooflineView(g, options.deviceNames ?? {});
  const views: View[] = [chart.view(), ...chart.keyView(), ...opsViews(report.results, chart.deviceName)];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: `Roofline of ${plural(g.points.length, 'model × hardware pair')} on ${plural(g.devices.length, 'device')}`,
    title: { text: 'Roofline', subtitle: subtitle(report, g, chart.numbered) },
    config: CONFIG,
    vconcat: views,
    // Each view keeps its own legends: the roofline's sit inside its plot, the list and the bars need none.
    resolve: {
      scale: { fill: 'independent', shape: 'independent', stroke: 'independent' },
      legend: { fill: 'independent', shape: 'independent', stroke: 'independent' },
    },
  };
}

function subtitle(report: Report, g: Geometry, numbered: boolean): string[] {
  const lines = [
    `${plural(g.points.length, 'model × hardware pair')} at their attainable FLOP/s, filled by what bounds each.`,
  ];
  const measured = g.points.filter((p) => p.measured);
  if (measured.length) {
    const above = measured.some((p) => isAboveRoof(p.result));
    lines.push(`×: achieved FLOP/s from the measured time, dashed to its attainable point${above ? '; red ×: above its roof, so its inputs are off' : ''}.`);
  }
  if (g.points.some((p) => p.base)) lines.push(`Hollow marks: baseline${report.baseline ? ` (${report.baseline})` : ''}; arrows lead to this change.`);
  if (g.points.some((p) => p.clamp === 'infinite-intensity')) lines.push('At the right edge: no bytes moved (infinite intensity).');
  if (g.points.some((p) => p.clamp === 'zero-intensity')) lines.push('At the left edge: no FLOPs (zero intensity).');
  if (numbered) lines.push('Numbers refer to the list below the plot.');
  return lines;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The roofline view: everything drawn in the plot, with labels placed as it goes. */
class RooflineView {
  readonly numbered: boolean;
  readonly deviceName: (id: string) => string;
  private readonly sx: LogScale;
  private readonly sy: LogScale;
  private readonly occupancy = new Occupancy(PLOT_WIDTH, PLOT_HEIGHT);
  private readonly labels: Row[] = [];
  private readonly backings: Row[] = [];
  private readonly deviceIndex: Map<string, number>;
  /** Angle of every eave on screen, degrees clockwise: all have slope 1 in log-log. */
  private readonly eaveAngle: number;
  private readonly legendCorner: LegendPlace;

  constructor(
    private readonly g: Geometry,
    names: Readonly<Record<string, string>>,
  ) {
    // Legends map names to styles: two devices under one name would share a style, so repeats get their id.
    const shown = new Map<string, string>();
    for (const { id } of g.devices) {
      const name = names[id] ?? id;
      shown.set(id, [...shown.values()].includes(name) ? `${name} (${id})` : name);
    }
    this.deviceName = (id) => shown.get(id) ?? names[id] ?? id;
    this.sx = logScale(g.x, [0, PLOT_WIDTH]);
    this.sy = logScale(g.y, [PLOT_HEIGHT, 0]);
    this.deviceIndex = new Map(g.devices.map((d, i) => [d.id, i]));
    const decadeWidth = PLOT_WIDTH / Math.log10(g.x[1] / g.x[0]);
    const decadeHeight = PLOT_HEIGHT / Math.log10(g.y[1] / g.y[0]);
    this.eaveAngle = (-Math.atan2(decadeHeight, decadeWidth) * 180) / Math.PI;

    this.blockMarks();
    this.legendCorner = this.placeLegend();
    // Most important first: roofs, then points (names if every one fits, else numbers), eaves, ridges.
    this.placeRoofLabels();
    const name = (p: ChartPoint) => pointText(p, p.result.model);
    this.numbered = g.points.length > MAX_NAMED_POINTS || !this.labelPoints(name, false);
    this.labelPoints(this.numbered ? (p) => String(p.number) : name, true);
    this.placeMeasuredLabels();
    this.placeEaveLabels();
    this.placeRidgeLabels();
  }

  view(): View {
    const layers: Layer[] = [
      this.linesLayer(),
      this.backingLayer(),
      this.ridgeLayer(),
      ...this.baseLayers(),
      ...this.measuredLayers(),
      this.pointLayer(),
      this.labelLayer(),
    ];
    return { width: PLOT_WIDTH, height: PLOT_HEIGHT, layer: layers };
  }

  /** The numbered list under the plot, when points carry numbers. */
  keyView(): View[] {
    if (!this.numbered) return [];
    const columns = this.g.points.length > 8 ? 2 : 1;
    const columnWidth = PLOT_WIDTH / columns;
    const rows = Math.ceil(this.g.points.length / columns);
    const rowHeight = 17;
    const values = this.g.points.map((p, i) => {
      const column = Math.floor(i / rows);
      const r = p.result;
      return {
        px: column * columnWidth + 8,
        py: (i % rows) * rowHeight + rowHeight / 2,
        number: String(p.number),
        text: `${r.model} · ${this.deviceName(r.hardware)} · ${boundText(r.bindingLevel)}`,
        device: this.deviceName(r.hardware),
        bound: r.bound,
        ...tooltip(p, this.deviceName),
      };
    });
    const px = { field: 'px', type: 'quantitative', scale: null, axis: null } as const;
    const py = { field: 'py', type: 'quantitative', scale: null, axis: null } as const;
    return [
      {
        width: PLOT_WIDTH,
        height: rows * rowHeight,
        data: { values },
        view: { stroke: null },
        layer: [
          {
            mark: { type: 'point', filled: true, size: 60, strokeWidth: 1.2, opacity: 1 },
            encoding: {
              x: px,
              y: py,
              shape: { ...this.shapeEncoding(), legend: null },
              stroke: { ...this.strokeEncoding(), legend: null },
              fill: { ...this.fillEncoding(), legend: null },
              tooltip: TOOLTIP,
            },
          },
          {
            mark: { type: 'text', align: 'right', baseline: 'middle', dx: 30, fontWeight: 'bold', color: TEXT_COLOR },
            encoding: { x: px, y: py, text: { field: 'number' } },
          },
          {
            mark: { type: 'text', align: 'left', baseline: 'middle', dx: 36, color: TEXT_COLOR, limit: columnWidth - 48 },
            encoding: { x: px, y: py, text: { field: 'text' }, tooltip: TOOLTIP },
          },
        ],
      },
    ];
  }

  // --- obstacles and placement -------------------------------------------------------------------

  private px(p: { x: number; y: number }): [number, number] {
    return [this.sx(p.x), this.sy(p.y)];
  }

  /** Points, baseline marks and ridges are hard obstacles; roofs and eaves soft ones. */
  private blockMarks(): void {
    const square = ([x, y]: [number, number], r: number) => rectangle(x - r, y - r, x + r, y + r);
    for (const p of this.g.points) {
      this.occupancy.block(square(this.px(p), POINT_RADIUS));
      if (p.base) this.occupancy.block(square(this.px(p.base), POINT_RADIUS));
      if (p.measured) {
        const [x, y] = this.px({ x: p.x, y: p.measured.y });
        this.occupancy.block(square([x, y], MEASURED_RADIUS + 1));
        const rule = this.measuredRule(p);
        if (rule) this.occupancy.block(segment(x, this.sy(rule.y), x, this.sy(rule.y2)), true);
      }
    }
    for (const device of this.g.devices) {
      for (const ridge of device.ridges) this.occupancy.block(square(this.px({ x: ridge.intensity, y: ridge.flopsPerSecond }), 3));
      for (const roof of device.roofs) {
        const y = this.sy(roof.flopsPerSecond);
        this.occupancy.block(segment(this.sx(roof.fromIntensity), y, PLOT_WIDTH, y), true);
      }
      for (const eave of device.eaves) {
        const [[x0, y0], [x1, y1]] = this.eaveEnds(eave.bytesPerSecond, eave.toIntensity);
        this.occupancy.block(segment(x0, y0, x1, y1), true);
      }
    }
  }

  /** Pixel ends of an eave: from where it enters the plot (left or bottom edge) to its ridge with the top roof. */
  private eaveEnds(bytesPerSecond: number, toIntensity: number): [[number, number], [number, number]] {
    const from = Math.max(this.g.x[0], this.g.y[0] / bytesPerSecond);
    return [
      [this.sx(from), this.sy(from * bytesPerSecond)],
      [this.sx(toIntensity), this.sy(toIntensity * bytesPerSecond)],
    ];
  }

  /**
   * The legends go inside the plot, in a corner the roofline never reaches with points: top-left lies above
   * every eave, bottom-right below every roof. Of the two, the one that covers fewer lines; under the plot
   * when both would hide a mark.
   */
  private placeLegend(): LegendPlace {
    const names = this.g.devices.map((d) => this.deviceName(d.id));
    // Two legends side by side, Hardware then Bound: each a title and a row per entry, framed and padded.
    const legendWidth = (labels: string[]) => Math.max(...labels.map((l) => textWidth(l, LABEL_FONT_SIZE))) + 36;
    const width = legendWidth([...names, 'Hardware']) + 8 + legendWidth(Object.values(BOUND_WORDS));
    const height = Math.max(names.length, 2) * 17 + 34;
    const corners = {
      'top-left': rectangle(0, 0, width + 8, height + 8),
      'bottom-right': rectangle(PLOT_WIDTH - width - 8, PLOT_HEIGHT - height - 8, PLOT_WIDTH, PLOT_HEIGHT),
    } as const;
    const cost = (box: Shape) => (this.occupancy.free(box, true) ? 0 : this.occupancy.free(box, false) ? 1 : 2);
    const corner = cost(corners['bottom-right']) <= cost(corners['top-left']) ? 'bottom-right' : 'top-left';
    if (cost(corners[corner]) === 2) return 'bottom';
    this.occupancy.block(corners[corner]);
    return corner;
  }

  private color(device: string): string {
    return DEVICE_COLORS[this.deviceIndex.get(device)! % DEVICE_COLORS.length]!;
  }

  /** Keeps a placed label: its anchor in data units, so that Vega puts it exactly where it was placed. */
  private keepLabel(text: string, x: number, y: number, at: TextPlacement, color: string, fontSize = LABEL_FONT_SIZE): void {
    this.labels.push({
      x: this.sx.invert(x),
      y: this.sy.invert(y),
      text,
      align: at.align,
      baseline: at.baseline,
      dx: at.dx,
      dy: at.dy,
      angle: at.angle ?? 0,
      color,
      fontSize,
    });
    if (!at.angle) {
      // A white backing for horizontal labels, so that a line crossing one is broken rather than drawn through.
      const corners = textBox(text, fontSize, x, y, at, false, 0.5).map(([px, py]) => [this.sx.invert(px), this.sy.invert(py)] as const);
      const xs = corners.map(([cx]) => cx);
      const ys = corners.map(([, cy]) => cy);
      this.backings.push({ x: Math.min(...xs), x2: Math.max(...xs), y: Math.min(...ys), y2: Math.max(...ys) });
    }
  }

  /**
   * "H100 SXM · fp16 roof 989 TFLOP/s", right-aligned above its roof (else below) as far right as it fits,
   * in a shorter form if need be (the line's colour still names the device); else in line with the roof,
   * left of where it starts.
   */
  private placeRoofLabels(): void {
    for (const device of this.g.devices) {
      const name = this.deviceName(device.id);
      for (const roof of device.roofs) {
        const value = flopRate(roof.flopsPerSecond, roof.precision);
        const texts = [`${name} · ${roof.precision} roof ${value}`, `${name} · ${roof.precision} ${value}`, `${roof.precision} ${value}`];
        const y = this.sy(roof.flopsPerSecond);
        const start = this.sx(roof.fromIntensity);
        const box = (text: string, spot: Spot) => textBox(text, LABEL_FONT_SIZE, spot.x, y, spot.at);
        const placed =
          firstPlaced(texts, (text) => this.occupancy.place(onRoofSpots(text, start), (spot) => box(text, spot))) ??
          firstPlaced(texts, (text) => this.occupancy.place(leftOfRoofSpots(text, start), (spot) => box(text, spot), false));
        // Crowded everywhere: the full label at the right end, over whatever is there, and kept clear of.
        const { text, spot } = placed ?? { text: texts[0]!, spot: onRoofSpots('', start)[0]! };
        if (!placed) this.occupancy.block(box(text, spot));
        this.keepLabel(text, spot.x, y, spot.at, this.color(device.id));
      }
    }
  }

  /** "dram 3.35 TB/s" along its eave, above the line, at the first stretch where it overlaps nothing. */
  private placeEaveLabels(): void {
    const at = { align: 'left', baseline: 'bottom', dx: 0, dy: -3, angle: this.eaveAngle } as const;
    const fractions = [0.1, 0.3, 0.5, 0.7, 0.9, 0.2, 0.4, 0.6, 0.8, 0, 1];
    for (const device of this.g.devices) {
      const name = this.deviceName(device.id);
      for (const eave of device.eaves) {
        const short = `${levelText(eave.level)} ${byteRate(eave.bytesPerSecond)}`;
        const texts = this.g.devices.length > 1 ? [`${name} · ${short}`, short] : [short];
        const [[x0, y0], [x1, y1]] = this.eaveEnds(eave.bytesPerSecond, eave.toIntensity);
        const length = Math.hypot(x1 - x0, y1 - y0);
        const placed = firstPlaced(texts, (text) => {
          const room = length - textWidth(text, LABEL_FONT_SIZE) - 10;
          if (room < 0) return null;
          const anchors = fractions.map((f) => [x0 + ((x1 - x0) * f * room) / length, y0 + ((y1 - y0) * f * room) / length] as const);
          return this.occupancy.place(anchors, ([x, y]) => textBox(text, LABEL_FONT_SIZE, x, y, at));
        });
        if (placed) this.keepLabel(placed.text, placed.spot[0], placed.spot[1], at, this.color(device.id));
      }
    }
  }

  /**
   * Labels every point, trying eight spots around it. With `commit` false it only tells whether every label
   * fits (the occupancy is left untouched); with it, a label that fits nowhere goes to the right anyway.
   */
  private labelPoints(textOf: (p: ChartPoint) => string, commit: boolean): boolean {
    const occupancy = commit ? this.occupancy : this.occupancy.clone();
    const r = POINT_RADIUS + 2;
    const spots: TextPlacement[] = [
      { align: 'left', baseline: 'middle', dx: r + 1, dy: 0 },
      { align: 'right', baseline: 'middle', dx: -r - 1, dy: 0 },
      { align: 'center', baseline: 'bottom', dx: 0, dy: -r },
      { align: 'center', baseline: 'top', dx: 0, dy: r },
      { align: 'left', baseline: 'bottom', dx: r / 2, dy: -r - 1 },
      { align: 'left', baseline: 'top', dx: r / 2, dy: r + 1 },
      { align: 'right', baseline: 'bottom', dx: -r / 2, dy: -r - 1 },
      { align: 'right', baseline: 'top', dx: -r / 2, dy: r + 1 },
    ];
    for (const p of this.g.points) {
      const text = textOf(p);
      const [x, y] = this.px(p);
      const chosen = occupancy.place(spots, (at) => textBox(text, LABEL_FONT_SIZE, x, y, at));
      if (!chosen && !commit) return false;
      if (commit) this.keepLabel(text, x, y, chosen ?? spots[0]!, TEXT_COLOR);
    }
    return true;
  }

  /**
   * "measured 44% of attainable" beside each measured mark, in its colour, shortened if need be; left out
   * where nothing fits (the tooltip has it). "above roof" is never left out: it says the inputs are off.
   */
  private placeMeasuredLabels(): void {
    const r = MEASURED_RADIUS + 2;
    const spots: TextPlacement[] = [
      { align: 'left', baseline: 'middle', dx: r + 1, dy: 0 },
      { align: 'right', baseline: 'middle', dx: -r - 1, dy: 0 },
      { align: 'left', baseline: 'top', dx: r / 2, dy: r },
      { align: 'right', baseline: 'top', dx: -r / 2, dy: r },
      { align: 'left', baseline: 'bottom', dx: r / 2, dy: -r },
      { align: 'right', baseline: 'bottom', dx: -r / 2, dy: -r },
      { align: 'center', baseline: 'top', dx: 0, dy: r + 1 },
      { align: 'center', baseline: 'bottom', dx: 0, dy: -r - 1 },
    ];
    for (const p of this.g.points) {
      if (!p.measured) continue;
      const share = efficiency(p.measured.efficiency);
      const above = isAboveRoof(p.result);
      const texts = above
        ? [`above roof: measured ${share} of attainable`, `above roof (${share})`, 'above roof']
        : [`measured ${share} of attainable`, `measured ${share}`, share];
      const [x, y] = this.px({ x: p.x, y: p.measured.y });
      const box = (text: string, at: TextPlacement) => textBox(text, SMALL_FONT_SIZE, x, y, at);
      const placed = firstPlaced(texts, (text) => this.occupancy.place(spots, (at) => box(text, at)));
      if (!placed && !above) continue;
      const { text, spot } = placed ?? { text: texts[0]!, spot: spots[0]! };
      if (!placed) this.occupancy.block(box(text, spot));
      this.keepLabel(text, x, y, spot, above ? ABOVE_ROOF_COLOR : this.color(p.result.hardware), SMALL_FONT_SIZE);
    }
  }

  /** The ridge's intensity under its mark, small, where there is room; the tooltip has it anyway. */
  private placeRidgeLabels(): void {
    for (const device of this.g.devices) {
      for (const ridge of device.ridges) {
        const text = intensity(ridge.intensity);
        const [x, y] = this.px({ x: ridge.intensity, y: ridge.flopsPerSecond });
        const spots: TextPlacement[] = [
          { align: 'center', baseline: 'top', dx: 0, dy: 6 },
          { align: 'left', baseline: 'top', dx: 4, dy: 5 },
          { align: 'right', baseline: 'top', dx: -4, dy: 5 },
          { align: 'left', baseline: 'middle', dx: 7, dy: 0 },
          { align: 'center', baseline: 'bottom', dx: 0, dy: -6 },
        ];
        const chosen = this.occupancy.place(spots, (at) => textBox(text, SMALL_FONT_SIZE, x, y, at));
        if (chosen) this.keepLabel(text, x, y, chosen, this.color(device.id), SMALL_FONT_SIZE);
      }
    }
  }

  // --- layers -------------------------------------------------------------------------------------

  private xEncoding() {
    return {
      field: 'x',
      type: 'quantitative',
      scale: { type: 'log', domain: this.g.x, nice: false },
      axis: {
        title: 'Arithmetic intensity (FLOP/byte)',
        values: decades(this.g.x),
        labelExpr: siLabelExpr(''),
        grid: true,
      },
    } as const;
  }

  private yEncoding() {
    return {
      field: 'y',
      type: 'quantitative',
      scale: { type: 'log', domain: this.g.y, nice: false },
      axis: { title: this.g.points.some((p) => p.measured) ? 'Attainable and achieved (×) FLOP/s' : 'Attainable FLOP/s', values: decades(this.g.y), labelExpr: siLabelExpr(' '), grid: true },
    } as const;
  }

  /** Device -> outline colour, for lines and marks. */
  private strokeEncoding() {
    return this.deviceEncoding(DEVICE_COLORS);
  }

  /** Device -> point shape; with the same field and title as the colours, Vega-Lite draws one legend for both. */
  private shapeEncoding() {
    return this.deviceEncoding(DEVICE_SHAPES);
  }

  private deviceEncoding(cycle: readonly string[]) {
    const names = this.g.devices.map((d) => this.deviceName(d.id));
    return {
      field: 'device',
      type: 'nominal',
      scale: { domain: names, range: names.map((_, i) => cycle[i % cycle.length]!) },
      legend: { title: 'Hardware', orient: this.legendCorner },
    } as const;
  }

  private fillEncoding() {
    return {
      field: 'bound',
      type: 'nominal',
      scale: { domain: ['compute', 'memory'], range: [BOUND_COLORS.compute, BOUND_COLORS.memory] },
      legend: { title: 'Bound', orient: this.legendCorner, labelExpr: BOUND_LABEL_EXPR, symbolStrokeColor: MUTED_COLOR },
    } as const;
  }

  /** Roofs and eaves as rules from (x, y) to (x2, y2). */
  private linesLayer(): Layer {
    const values: Row[] = [];
    for (const device of this.g.devices) {
      const name = this.deviceName(device.id);
      for (const roof of device.roofs) {
        values.push({
          x: roof.fromIntensity,
          y: roof.flopsPerSecond,
          x2: this.g.x[1],
          y2: roof.flopsPerSecond,
          device: name,
          what: `${roof.precision} roof`,
          value: flopRate(roof.flopsPerSecond, roof.precision),
        });
      }
      for (const eave of device.eaves) {
        const from = Math.max(this.g.x[0], this.g.y[0] / eave.bytesPerSecond);
        values.push({
          x: from,
          y: from * eave.bytesPerSecond,
          x2: eave.toIntensity,
          y2: eave.toIntensity * eave.bytesPerSecond,
          device: name,
          what: `${levelText(eave.level)} bandwidth`,
          value: byteRate(eave.bytesPerSecond),
        });
      }
    }
    return {
      data: { values },
      mark: { type: 'rule', strokeWidth: 2, strokeCap: 'round' },
      encoding: {
        x: this.xEncoding(),
        y: this.yEncoding(),
        x2: { field: 'x2' },
        y2: { field: 'y2' },
        stroke: this.strokeEncoding(),
        tooltip: [
          { field: 'device', title: 'hardware' },
          { field: 'what', title: 'line' },
          { field: 'value', title: 'value' },
        ],
      },
    };
  }

  private ridgeLayer(): Layer {
    const values = this.g.devices.flatMap((device) =>
      device.ridges.map((ridge) => ({
        x: ridge.intensity,
        y: ridge.flopsPerSecond,
        device: this.deviceName(device.id),
        ridge: `${flopPerByte(ridge.intensity)} (${ridge.precision} roof, ${levelText(ridge.level)})`,
      })),
    );
    return {
      data: { values },
      mark: { type: 'point', shape: 'diamond', size: 40, filled: true, fill: 'white', strokeWidth: 1.5 },
      encoding: {
        x: this.xEncoding(),
        y: this.yEncoding(),
        stroke: this.strokeEncoding(),
        tooltip: [
          { field: 'device', title: 'hardware' },
          { field: 'ridge', title: 'ridge point' },
        ],
      },
    };
  }

  /** Hollow baseline marks, and an arrow from each to its head point where it moved visibly. */
  private baseLayers(): Layer[] {
    const marks: Row[] = [];
    const arrows: Row[] = [];
    for (const p of this.g.points) {
      if (!p.base) continue;
      const device = this.deviceName(p.result.hardware);
      marks.push({ x: p.base.x, y: p.base.y, device, ...tooltip(p, this.deviceName) });
      const [bx, by] = this.px(p.base);
      const [hx, hy] = this.px(p);
      const length = Math.hypot(hx - bx, hy - by);
      if (length < MIN_ARROW) continue;
      const [ux, uy] = [(hx - bx) / length, (hy - by) / length];
      const start = [bx + ux * (POINT_RADIUS + 1), by + uy * (POINT_RADIUS + 1)] as const;
      const tip = [hx - ux * (POINT_RADIUS + 4), hy - uy * (POINT_RADIUS + 4)] as const;
      arrows.push({
        x: this.sx.invert(start[0]),
        y: this.sy.invert(start[1]),
        x2: this.sx.invert(tip[0]),
        y2: this.sy.invert(tip[1]),
        // The head is a triangle pointing up, turned clockwise to point from base to head.
        angle: ((Math.atan2(ux, -uy) * 180) / Math.PI + 360) % 360,
      });
    }
    if (marks.length === 0) return [];
    const layers: Layer[] = [
      {
        data: { values: marks },
        mark: { type: 'point', filled: false, size: POINT_SIZE, strokeWidth: 1.5, opacity: 0.9 },
        encoding: {
          x: this.xEncoding(),
          y: this.yEncoding(),
          shape: this.shapeEncoding(),
          stroke: this.strokeEncoding(),
          tooltip: TOOLTIP,
        },
      },
    ];
    if (arrows.length === 0) return layers;
    return [
      ...layers,
      {
        data: { values: arrows },
        mark: { type: 'rule', color: MUTED_COLOR, strokeWidth: 1.3 },
        encoding: { x: this.xEncoding(), y: this.yEncoding(), x2: { field: 'x2' }, y2: { field: 'y2' } },
      },
      {
        data: { values: arrows },
        mark: { type: 'point', shape: 'triangle-up', filled: true, color: MUTED_COLOR, size: 36, opacity: 1 },
        encoding: {
          x: { field: 'x2', type: 'quantitative', scale: { type: 'log', domain: this.g.x, nice: false } },
          y: { field: 'y2', type: 'quantitative', scale: { type: 'log', domain: this.g.y, nice: false } },
          angle: { field: 'angle', type: 'quantitative', scale: null },
        },
      },
    ];
  }

  /**
   * The dashed rule from a point to its measured mark, in data units, its ends kept clear of both marks;
   * null when they nearly touch.
   */
  private measuredRule(p: ChartPoint): { x: number; y: number; y2: number } | null {
    if (!p.measured) return null;
    const [x, from] = this.px(p);
    const to = this.sy(p.measured.y);
    const direction = Math.sign(to - from);
    const start = from + direction * (POINT_RADIUS + 1);
    const end = to - direction * (MEASURED_RADIUS + 2);
    if ((end - start) * direction < MIN_RULE) return null;
    return { x: this.sx.invert(x), y: this.sy.invert(start), y2: this.sy.invert(end) };
  }

  /** For pairs with a measured time: a thin dashed rule down (or up) from the point, and an x at achieved FLOP/s. */
  private measuredLayers(): Layer[] {
    const marks: Row[] = [];
    const rules: Row[] = [];
    for (const p of this.g.points) {
      if (!p.measured) continue;
      const above = isAboveRoof(p.result);
      const color = above ? ABOVE_ROOF_COLOR : this.color(p.result.hardware);
      const fields = tooltip(p, this.deviceName);
      marks.push({ x: p.x, y: p.measured.y, color, ...fields, above });
      const rule = this.measuredRule(p);
      if (rule) rules.push({ ...rule, color });
    }
    if (marks.length === 0) return [];
    // Colour from the datum, not a stroke encoding: that would join the device scale and split its legend.
    const stroke = { expr: 'datum.color' };
    return [
      {
        data: { values: rules },
        mark: { type: 'rule', strokeWidth: 1, strokeDash: [3, 3], stroke },
        encoding: { x: this.xEncoding(), y: this.yEncoding(), y2: { field: 'y2' } },
      },
      {
        data: { values: marks },
        mark: { type: 'point', shape: X_SHAPE, filled: false, size: (2 * MEASURED_RADIUS) ** 2, strokeWidth: 2, opacity: 1, stroke },
        encoding: { x: this.xEncoding(), y: this.yEncoding(), tooltip: TOOLTIP },
      },
    ];
  }

  private pointLayer(): Layer {
    const values = this.g.points.map((p) => ({
      x: p.x,
      y: p.y,
      device: this.deviceName(p.result.hardware),
      bound: p.result.bound,
      ...tooltip(p, this.deviceName),
    }));
    return {
      data: { values },
      mark: { type: 'point', filled: true, size: POINT_SIZE, strokeWidth: 1.5, opacity: 1 },
      encoding: {
        x: this.xEncoding(),
        y: this.yEncoding(),
        shape: this.shapeEncoding(),
        stroke: this.strokeEncoding(),
        fill: this.fillEncoding(),
        tooltip: TOOLTIP,
      },
    };
  }

  /**
   * White backings for horizontal labels, drawn over the lines but under the marks, so that a line crossing
   * a label is broken rather than drawn through its text.
   */
  private backingLayer(): Layer {
    return {
      data: { values: this.backings },
      mark: { type: 'rect', fill: 'white', opacity: 0.9 },
      encoding: { x: this.xEncoding(), y: this.yEncoding(), x2: { field: 'x2' }, y2: { field: 'y2' } },
    };
  }

  /** Every placed label; placement, colour and size come with each datum. */
  private labelLayer(): Layer {
    return {
      data: { values: this.labels },
      mark: {
        type: 'text',
        align: { expr: 'datum.align' },
        baseline: { expr: 'datum.baseline' },
        dx: { expr: 'datum.dx' },
        dy: { expr: 'datum.dy' },
        angle: { expr: 'datum.angle' },
        fontSize: { expr: 'datum.fontSize' },
        fill: { expr: 'datum.color' },
      },
      encoding: { x: this.xEncoding(), y: this.yEncoding(), text: { field: 'text' } },
    };
  }
}

/**
 * Right-aligned spots above, then below, a roof starting at pixel `start`, from the plot's right edge
 * leftwards. Above, a label may reach a little past the ridge: its own eave is below there.
 */
function onRoofSpots(text: string, start: number): Spot[] {
  const width = textWidth(text, LABEL_FONT_SIZE);
  const spots: Spot[] = [];
  for (let x = PLOT_WIDTH - 4; x - width >= start - ABOVE_RIDGE_REACH; x -= 16) {
    spots.push({ x, at: { align: 'right', baseline: 'bottom', dx: 0, dy: -3 } });
    if (x - width >= start) spots.push({ x, at: { align: 'right', baseline: 'top', dx: 0, dy: 3 } });
  }
  return spots;
}

/** Spots in line with a roof (or just above or below that line) left of where it starts, nearest first. */
function leftOfRoofSpots(text: string, start: number): Spot[] {
  const spots: Spot[] = [];
  for (let x = start - 8; x >= textWidth(text, LABEL_FONT_SIZE); x -= 16) {
    spots.push({ x, at: { align: 'right', baseline: 'middle', dx: 0, dy: 0 } });
    spots.push({ x, at: { align: 'right', baseline: 'bottom', dx: 0, dy: -3 } });
    spots.push({ x, at: { align: 'right', baseline: 'top', dx: 0, dy: 3 } });
  }
  return spots;
}

/** The first of `texts` that `place` finds room for, with where. */
function firstPlaced<T>(texts: readonly string[], place: (text: string) => T | null): { text: string; spot: T } | null {
  for (const text of texts) {
    const spot = place(text);
    if (spot) return { text, spot };
  }
  return null;
}

/** The Bound legend's labels, from the one wording (bound-text.ts): the scale's values are `compute` and `memory`. */
const BOUND_LABEL_EXPR = `datum.label === 'compute' ? ${JSON.stringify(BOUND_WORDS.compute)} : ${JSON.stringify(BOUND_WORDS.memory)}`;

/** A point's label; a value the log scale could not show is named. */
function pointText(p: ChartPoint, text: string): string {
  if (p.clamp === 'infinite-intensity') return `${text} (I = ∞)`;
  if (p.clamp === 'zero-intensity') return `${text} (I = 0)`;
  return text;
}

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

/** The tooltip fields of a point, every figure formatted for people. */
function tooltip(p: ChartPoint, deviceName: (id: string) => string): Row {
  const r = p.result;
  const intensities = Object.entries(r.intensity).map(([level, value]) => `${levelText(level)} ${flopPerByte(value)}`);
  const base = r.base ? `${flopRate(r.base.attainableFlops, undefined)}, ${boundText(r.base.bindingLevel)}, ${time(r.base.seconds)}` : 'none';
  const notes = [
    p.clamp === 'infinite-intensity' ? 'no bytes moved: infinite intensity, drawn at the right edge' : null,
    p.clamp === 'zero-intensity' ? 'no FLOPs: zero intensity, drawn at the left edge' : null,
    p.base?.clamp === 'infinite-intensity' ? 'baseline moved no bytes: drawn at the right edge' : null,
    p.base?.clamp === 'zero-intensity' ? 'baseline did no FLOPs: drawn at the left edge' : null,
    p.measured && isAboveRoof(p.result) ? 'measured above its roof: the measured time or the FLOPs, bytes or device figures are off' : null,
    p.measured?.clamped ? 'achieved FLOP/s not drawable on a log scale: drawn at the plot\'s edge' : null,
  ].filter((n) => n !== null);
  return {
    pair: `${p.number}. ${r.model} on ${deviceName(r.hardware)} (${r.precision}, batch ${r.batch})`,
    boundBy: boundText(r.bindingLevel),
    intensityText: intensities.join(', ') || 'no bytes given',
    attainable: flopRate(r.attainableFlops, r.precision),
    timeText: `${time(r.seconds)} (${perSecond(r.throughput)})`,
    measuredText:
      p.measured && r.measuredSeconds !== null
        ? `${time(r.measuredSeconds)}, ${flopRate(p.measured.flopsPerSecond, r.precision)}: measured ${efficiency(p.measured.efficiency)} of attainable`
        : 'not measured',
    baseline: base,
    note: notes.join('; ') || '-',
  };
}

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
