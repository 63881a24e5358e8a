// Where the roofline's labels go, as a pure function of what is on the plot. The chart knows its scales exactly
// (explicit log domains, fixed size), so every label is placed in pixel space, where it overlaps nothing,
// before Vega ever sees the spec. The caller writes the texts; this module only chooses among them and places
// them.
import { type Shape, type TextPlacement, Occupancy, rectangle, segment, textBox } from './shapes.js';
import { LABEL_FONT_SIZE, MEASURED_RADIUS, POINT_RADIUS, SMALL_FONT_SIZE } from './theme.js';
import { textWidth } from './text-width.js';

type Pixel = readonly [number, number];

/** A mark labels must never cover: a square of half-size `radius` around its centre. */
export interface Mark {
  x: number;
  y: number;
  radius: number;
}

/** Everything on the plot and every label to place, in pixels (y grows downwards). */
export interface LabelScene {
  width: number;
  height: number;
  /** Points, baseline marks, measured marks, ridges: never covered. */
  marks: readonly Mark[];
  /** Lines besides roofs and eaves (dashed rules, arrows): avoided where a label can. */
  lines: ReadonlyArray<readonly [Pixel, Pixel]>;
  /** The two legends side by side, in pixels; they go in a corner of the plot, or under it. */
  legend: { width: number; height: number };
  /**
   * One per roof (a line from `start` to the plot's right edge): its height, where it starts, and its
   * label's texts, longest (preferred) first, in as many forms as every other roof's, the i-th of each in
   * one style; `terse`, shorter still (every roof's or none), is tried only where none of them fits.
   */
  roofs: ReadonlyArray<{ y: number; start: number; texts: readonly string[]; terse?: string }>;
  /** One per point: its name, and the number that replaces it when not every name fits. */
  points: ReadonlyArray<{ x: number; y: number; name: string; number: string }>;
  /** One per sweep line: the pixels it runs through, and its label's texts, placed by its last point (x, y). */
  sweeps: ReadonlyArray<{ through: readonly Pixel[]; x: number; y: number; texts: readonly string[] }>;
  /** One per measured mark; a `required` label is drawn even where nothing fits. */
  measured: ReadonlyArray<{ x: number; y: number; texts: readonly string[]; required: boolean }>;
  /** One per eave: its ends, and its label's texts; the label runs along it at `eaveAngle` degrees. */
  eaves: ReadonlyArray<{ from: Pixel; to: Pixel; texts: readonly string[] }>;
  eaveAngle: number;
  /** One per ridge. */
  ridges: ReadonlyArray<{ x: number; y: number; text: string }>;
}

/** A label placed: its text, its anchor in pixels, how it sits there, and its size. */
export interface PlacedLabel {
  text: string;
  x: number;
  y: number;
  at: TextPlacement;
  fontSize: number;
}

export type LegendPlace = 'top-left' | 'bottom-right' | 'bottom';

/** Where everything went, in the order of the scene's lists; null where a label was left out. */
export interface LabelLayout {
  legend: LegendPlace;
  /** True when points carry numbers (keyed in a list under the plot) rather than names. */
  numbered: boolean;
  roofs: PlacedLabel[];
  points: PlacedLabel[];
  sweeps: Array<PlacedLabel | null>;
  measured: Array<PlacedLabel | null>;
  eaves: Array<PlacedLabel | null>;
  ridges: Array<PlacedLabel | null>;
}

/** Where a label goes: its anchor's x in pixels, and how it sits there. */
type Spot = { x: number; at: TextPlacement };

/** Above this many points, labels are numbers keyed in a list under the plot rather than model names. */
export const MAX_NAMED_POINTS = 12;
/** How far (px) a roof label above its roof may reach left of the ridge. */
const ABOVE_RIDGE_REACH = 40;
/** A roof label's spots: right-aligned just above, or just below, the line. */
const ABOVE_LINE: TextPlacement = { align: 'right', baseline: 'bottom', dx: 0, dy: -3 };
const BELOW_LINE: TextPlacement = { align: 'right', baseline: 'top', dx: 0, dy: 3 };
/** Where along an eave its label may start, as fractions of the room it leaves: spread out first. */
const EAVE_FRACTIONS = [0.1, 0.3, 0.5, 0.7, 0.9, 0.2, 0.4, 0.6, 0.8, 0, 1];

/**
 * The eight spots around a point, right of it first; then, for crowded points, rings of the same eight 6 and
 * 12 px farther out: a number a little off its point beats one over another point, but a near spot across
 * a line (the label's backing breaks it) beats a far one.
 */
const POINT_RINGS = [0, 6, 12].map((farther) => pointSpots(POINT_RADIUS + 2 + farther));
/** For a label that must be drawn and fits in none of them: two rings farther still, before it covers another label. */
const LAST_RINGS = [...POINT_RINGS, ...[18, 24].map((farther) => pointSpots(POINT_RADIUS + 2 + farther))].flat();
/** The eight spots around a measured mark: beside it first, then under and over. */
const MEASURED_SPOTS = measuredSpots(MEASURED_RADIUS + 2);

/** Spots `r` px clear of a point's centre. */
function pointSpots(r: number): TextPlacement[] {
  return [
    { align: 'left', baseline: 'middle', dx: r + 1, dy: 0 },
    { align: 'right', baseline: 'middle', dx: -r - 1, dy: 0 },
    { align: 'center', baseline: 'bottom', dx: 0, dy: -r },
    { align: 'center', baseline: 'top', dx: 0, dy: r },
    { align: 'left', baseline: 'bottom', dx: r / 2, dy: -r - 1 },
    { align: 'left', baseline: 'top', dx: r / 2, dy: r + 1 },
    { align: 'right', baseline: 'bottom', dx: -r / 2, dy: -r - 1 },
    { align: 'right', baseline: 'top', dx: -r / 2, dy: r + 1 },
  ];
}

/** Spots `r` px clear of a measured mark's centre. */
function measuredSpots(r: number): TextPlacement[] {
  return [
    { align: 'left', baseline: 'middle', dx: r + 1, dy: 0 },
    { align: 'right', baseline: 'middle', dx: -r - 1, dy: 0 },
    { align: 'left', baseline: 'top', dx: r / 2, dy: r },
    { align: 'right', baseline: 'top', dx: -r / 2, dy: r },
    { align: 'left', baseline: 'bottom', dx: r / 2, dy: -r },
    { align: 'right', baseline: 'bottom', dx: -r / 2, dy: -r },
    { align: 'center', baseline: 'top', dx: 0, dy: r + 1 },
    { align: 'center', baseline: 'bottom', dx: 0, dy: -r - 1 },
  ];
}

/** Under a ridge's mark first, then beside and over it. */
const RIDGE_SPOTS: readonly TextPlacement[] = [
  { align: 'center', baseline: 'top', dx: 0, dy: 6 },
  { align: 'left', baseline: 'top', dx: 4, dy: 5 },
  { align: 'right', baseline: 'top', dx: -4, dy: 5 },
  { align: 'left', baseline: 'middle', dx: 7, dy: 0 },
  { align: 'center', baseline: 'bottom', dx: 0, dy: -6 },
];

/**
 * Every label of the plot, placed most important first: the legends in a corner, then points (names if
 * every one fits, else numbers; they have nowhere else to go), roofs, sweep lines, measured marks, eaves, ridges. Each
 * takes the first spot, in its own order of preference, that covers no mark, no earlier label and no line
 * (but its own), else the first that covers no mark and no label; a label that fits nowhere is left out,
 * unless it must be drawn (roofs, points and required measured labels): then it takes the first spot that
 * covers no label (over a mark if need be), and only where there is none, its first spot anyway.
 */
export function placeLabels(scene: LabelScene): LabelLayout {
  const occupancy = new Occupancy(scene.width, scene.height);
  for (const { x, y, radius } of scene.marks) occupancy.block(rectangle(x - radius, y - radius, x + radius, y + radius), 'mark');
  const band = ([x0, y0]: Pixel, [x1, y1]: Pixel) => {
    const shape = segment(x0, y0, x1, y1);
    occupancy.block(shape, 'line');
    return shape;
  };
  for (const [from, to] of scene.lines) band(from, to);
  const roofBands = scene.roofs.map(({ y, start }) => band([start, y], [scene.width, y]));
  const eaveBands = scene.eaves.map(({ from, to }) => band(from, to));
  const sweepEnds = scene.sweeps.map(({ through }) => through.slice(1).map((to, i) => band(through[i]!, to)).at(-1)!);

  const legend = placeLegend(occupancy, scene);
  // Names where every one fits (that trial's placements kept), else numbers.
  const named =
    scene.points.length > MAX_NAMED_POINTS ? null : occupancy.attempt((trial) => labelPoints(trial, scene.points, scene.points.map((p) => p.name)), (labels) => labels.every((l) => l.fits));
  const numbered = named === null;
  const points = (named ?? labelPoints(occupancy, scene.points, scene.points.map((p) => p.number))).map((l) => l.label);
  const roofs = placeRoofLabels(occupancy, scene.roofs, roofBands, scene.width);
  const sweeps = scene.sweeps.map((sweep, i) => placeSweepLabel(occupancy, sweep, sweepEnds[i]!));
  const measured = scene.measured.map((mark) => placeMeasuredLabel(occupancy, mark));
  const eaves = scene.eaves.map((eave, i) => placeEaveLabel(occupancy, eave, eaveBands[i]!, scene.eaveAngle));
  const ridges = scene.ridges.map(({ x, y, text }) => {
    const chosen = occupancy.place(RIDGE_SPOTS, (at) => textBox(text, SMALL_FONT_SIZE, x, y, at));
    return chosen ? { text, x, y, at: chosen, fontSize: SMALL_FONT_SIZE } : null;
  });
  return { legend, numbered, roofs, points, sweeps, measured, eaves, ridges };
}

/**
 * The legends go inside the plot, in a corner the roofline never reaches with points: top-left lies above
 * every eave, bottom-right below every roof. Of the two, the one that covers fewer lines (bottom-right on a
 * tie); under the plot when both would hide a mark.
 */
function placeLegend(occupancy: Occupancy, { width: plotWidth, height: plotHeight, legend }: LabelScene): LegendPlace {
  const { width, height } = legend;
  const corners = {
    'top-left': rectangle(0, 0, width + 8, height + 8),
    'bottom-right': rectangle(plotWidth - width - 8, plotHeight - height - 8, plotWidth, plotHeight),
  } as const;
  const cost = (box: Shape) => (occupancy.free(box, true) ? 0 : occupancy.free(box, false) ? 1 : 2);
  const corner = cost(corners['bottom-right']) <= cost(corners['top-left']) ? 'bottom-right' : 'top-left';
  if (cost(corners[corner]) === 2) return 'bottom';
  occupancy.block(corners[corner]);
  return corner;
}

/**
 * Every roof's label in one style: the first of the forms (`texts`, longest first) in which every label fits
 * right-aligned above its roof (else below) as far right as it can; else the first in which every label fits
 * there or in line with its roof, left of where it starts; else the same in the terse form, if the roofs have
 * one. Where no form fits every label so, each takes its shortest: on or beside its roof if it can, else one
 * row further above or below the roof (its colour still ties it to its line), then two; crowded there too,
 * on or by the roof over a mark, but over another label never, unless the plot has no room left at all (then
 * at the right end).
 */
function placeRoofLabels(occupancy: Occupancy, roofs: LabelScene['roofs'], lines: readonly Shape[], plotWidth: number): PlacedLabel[] {
  const forms = Math.max(0, ...roofs.map((roof) => roof.texts.length));
  const form = (k: number) => roofs.map((roof) => roof.texts[Math.min(k, roof.texts.length - 1)]!);
  const longest = Array.from({ length: forms }, (_, k) => form(k));
  const terse = roofs.every((roof) => roof.terse !== undefined) ? [roofs.map((roof) => roof.terse!)] : [];
  const tries: Array<{ texts: string[]; left: boolean }> = [
    ...longest.map((texts) => ({ texts, left: false })),
    ...[...longest, ...terse].map((texts) => ({ texts, left: true })),
  ];
  const placeAll = (into: Occupancy, texts: readonly string[], left: boolean) =>
    roofs.map((roof, i) => placeOnOrLeft(into, roof.y, roof.start, texts[i]!, lines[i]!, plotWidth, left));
  // The first try that places every label, its placements kept.
  for (const { texts, left } of tries) {
    const placed = occupancy.attempt((trial) => placeAll(trial, texts, left), (labels) => labels.every((label) => label !== null));
    if (placed) return placed as PlacedLabel[];
  }
  const shortest = terse[0] ?? form(forms - 1);
  return roofs.map((roof, i) => placeRoofLabel(occupancy, roof.y, roof.start, shortest[i]!, lines[i]!, plotWidth));
}

/** `text` above or below its roof, else (`left`) in line with it left of where it starts; null where neither fits. */
function placeOnOrLeft(occupancy: Occupancy, y: number, start: number, text: string, line: Shape, plotWidth: number, left: boolean): PlacedLabel | null {
  const box = (spot: Spot) => textBox(text, LABEL_FONT_SIZE, spot.x, y, spot.at);
  const spot =
    occupancy.place(onRoofSpots(text, start, plotWidth), box, { except: line }) ??
    (left ? occupancy.place(leftOfRoofSpots(text, start), box, { avoidLines: false }) : null);
  return spot ? { text, x: spot.x, y, at: spot.at, fontSize: LABEL_FONT_SIZE } : null;
}

/** One roof's label, where not every roof's fits on or beside its roof: there if it can, else off it. */
function placeRoofLabel(occupancy: Occupancy, y: number, start: number, text: string, line: Shape, plotWidth: number): PlacedLabel {
  const box = (spot: Spot) => textBox(text, LABEL_FONT_SIZE, spot.x, y, spot.at);
  const stacked = stackedRoofSpots(text, start, plotWidth);
  const placed = placeOnOrLeft(occupancy, y, start, text, line, plotWidth, true);
  if (placed) return placed;
  let spot = occupancy.place(stacked, box, { avoidLines: false }) ?? occupancy.place([...onRoofSpots(text, start, plotWidth), ...stacked], box, { overMarks: true });
  if (!spot) occupancy.block(box((spot = { x: plotWidth - 4, at: ABOVE_LINE })));
  return { text, x: spot.x, y, at: spot.at, fontSize: LABEL_FONT_SIZE };
}

/** A row of labels: a label box's height (LABEL_FONT_SIZE + 1) with its margins, so stacked rows just touch. */
const ROOF_ROW = LABEL_FONT_SIZE + 5;

/** Rows off its roof a roof label may go: farther, it would read as another line's. */
const ROOF_ROWS = 2;

/**
 * Spots one row, then two rows, above and below a roof, each row from the plot's right edge leftwards as
 * far as a label above the roof reaches.
 */
function stackedRoofSpots(text: string, start: number, plotWidth: number): Spot[] {
  const width = textWidth(text, LABEL_FONT_SIZE);
  const spots: Spot[] = [];
  for (let row = 1; row <= ROOF_ROWS; row++) {
    for (let x = plotWidth - 4; x - width >= Math.max(0, start - ABOVE_RIDGE_REACH); x -= 16) {
      spots.push({ x, at: { ...ABOVE_LINE, dy: ABOVE_LINE.dy - row * ROOF_ROW } });
      spots.push({ x, at: { ...BELOW_LINE, dy: BELOW_LINE.dy + row * ROOF_ROW } });
    }
  }
  return spots;
}

/**
 * Spots above, then below, a roof starting at pixel `start`, from the plot's right edge leftwards, 16 px
 * apart. Above, a label may reach a little past the ridge: its own eave is below there.
 */
function onRoofSpots(text: string, start: number, plotWidth: number): Spot[] {
  const width = textWidth(text, LABEL_FONT_SIZE);
  const spots: Spot[] = [];
  for (let x = plotWidth - 4; x - width >= start - ABOVE_RIDGE_REACH; x -= 16) {
    spots.push({ x, at: ABOVE_LINE });
    if (x - width >= start) spots.push({ x, at: BELOW_LINE });
  }
  return spots;
}

/** Spots in line with a roof (or just above or below that line) left of where it starts, nearest first. */
function leftOfRoofSpots(text: string, start: number): Spot[] {
  const spots: Spot[] = [];
  for (let x = start - 8; x >= textWidth(text, LABEL_FONT_SIZE); x -= 16) {
    spots.push({ x, at: { align: 'right', baseline: 'middle', dx: 0, dy: 0 } });
    spots.push({ x, at: ABOVE_LINE });
    spots.push({ x, at: BELOW_LINE });
  }
  return spots;
}

/**
 * Labels every point at the first free spot of its nearest ring that has one; one that fits nowhere takes
 * the first spot of its rings, or of two farther ones, that covers no label (over a mark), else goes to the
 * right anyway.
 */
function labelPoints(occupancy: Occupancy, points: LabelScene['points'], texts: readonly string[]): Array<{ label: PlacedLabel; fits: boolean }> {
  return points.map(({ x, y }, i) => {
    const text = texts[i]!;
    const box = (at: TextPlacement) => textBox(text, LABEL_FONT_SIZE, x, y, at);
    let chosen: TextPlacement | null = null;
    for (const ring of POINT_RINGS) {
      chosen = occupancy.place(ring, box);
      if (chosen) break;
    }
    const fits = chosen !== null;
    chosen ??= occupancy.place(LAST_RINGS, box, { overMarks: true });
    if (!chosen) occupancy.block(box((chosen = POINT_RINGS[0]![0]!)));
    return { label: { text, x, y, at: chosen, fontSize: LABEL_FONT_SIZE }, fits };
  });
}

/**
 * Around the last point of its sweep line, in the rings a point's label takes, clear of everything but the
 * line's last stretch; left out where nothing fits (the points' tooltips still name the sweep).
 */
function placeSweepLabel(occupancy: Occupancy, sweep: LabelScene['sweeps'][number], end: Shape): PlacedLabel | null {
  const { x, y, texts } = sweep;
  const placed = firstPlaced(texts, (text) => {
    for (const ring of POINT_RINGS) {
      const at = occupancy.place(ring, (spot) => textBox(text, LABEL_FONT_SIZE, x, y, spot), { except: end });
      if (at) return at;
    }
    return null;
  });
  return placed ? { text: placed.text, x, y, at: placed.spot, fontSize: LABEL_FONT_SIZE } : null;
}

/** Beside a measured mark, shortened if need be; left out where nothing fits unless required (then over a mark if need be). */
function placeMeasuredLabel(occupancy: Occupancy, mark: LabelScene['measured'][number]): PlacedLabel | null {
  const { x, y, texts, required } = mark;
  const box = (text: string, at: TextPlacement) => textBox(text, SMALL_FONT_SIZE, x, y, at);
  const placed =
    firstPlaced(texts, (text) => occupancy.place(MEASURED_SPOTS, (at) => box(text, at))) ??
    (required ? firstPlaced(texts, (text) => occupancy.place(MEASURED_SPOTS, (at) => box(text, at), { overMarks: true })) : null);
  if (!placed && !required) return null;
  const { text, spot } = placed ?? { text: texts[0]!, spot: MEASURED_SPOTS[0]! };
  if (!placed) occupancy.block(box(text, spot));
  return { text, x, y, at: spot, fontSize: SMALL_FONT_SIZE };
}

/** Along its eave, above the line, at the first stretch where it overlaps nothing; left out where none is. */
function placeEaveLabel(occupancy: Occupancy, eave: LabelScene['eaves'][number], line: Shape, angle: number): PlacedLabel | null {
  const at: TextPlacement = { align: 'left', baseline: 'bottom', dx: 0, dy: -3, angle };
  const [[x0, y0], [x1, y1]] = [eave.from, eave.to];
  const length = Math.hypot(x1 - x0, y1 - y0);
  const placed = firstPlaced(eave.texts, (text) => {
    const room = length - textWidth(text, LABEL_FONT_SIZE) - 10;
    if (room < 0) return null;
    const anchors = EAVE_FRACTIONS.map((f) => [x0 + ((x1 - x0) * f * room) / length, y0 + ((y1 - y0) * f * room) / length] as const);
    return occupancy.place(anchors, ([x, y]) => textBox(text, LABEL_FONT_SIZE, x, y, at), { except: line });
  });
  return placed ? { text: placed.text, x: placed.spot[0], y: placed.spot[1], at, fontSize: LABEL_FONT_SIZE } : null;
}

/** The first of `texts` that `place` finds room for, with where. */
function firstPlaced<T>(texts: readonly string[], place: (text: string) => T | null): { text: string; spot: T } | null {
  for (const text of texts) {
    const spot = place(text);
    if (spot) return { text, spot };
  }
  return null;
}
