// The plot's pixel frame: the geometry's data units mapped onto the fixed plot (x right, y down), and the
// pixel shapes more than one part of the chart needs (an eave's ends, a measured pair's dashed rule, the
// arrow from a baseline mark to its head point).
import type { ChartPoint, Eave, Geometry, LogScale } from './geometry.js';
import { logScale } from './geometry.js';
import { MEASURED_RADIUS, PLOT_HEIGHT, PLOT_WIDTH, POINT_RADIUS } from './theme.js';

export type Pixel = [number, number];

export interface Frame {
  x: LogScale;
  y: LogScale;
  /** The data domains the scales map, lowest first. */
  domain: { x: [number, number]; y: [number, number] };
  /** Angle of every eave on screen, degrees clockwise: all have slope 1 in log-log. */
  eaveAngle: number;
}

/** A dashed rule shorter than this (px) between the marks it joins is left out: they nearly touch. */
const MIN_RULE = 4;
/**
 * An arrow's shaft is drawn at least this long (px) even when the point moved less: it then starts inside
 * (or behind) the baseline mark, so that a move of a pixel or two still shows which way it went.
 */
export const MIN_ARROW_SHAFT = 10;
/** A move shorter than this (px) has no direction worth drawing: the point did not move. */
const NO_MOVE = 0.01;

export function frame(g: Geometry): Frame {
  const decadeWidth = PLOT_WIDTH / Math.log10(g.x[1] / g.x[0]);
  const decadeHeight = PLOT_HEIGHT / Math.log10(g.y[1] / g.y[0]);
  return {
    x: logScale(g.x, [0, PLOT_WIDTH]),
    y: logScale(g.y, [PLOT_HEIGHT, 0]),
    domain: { x: g.x, y: g.y },
    eaveAngle: (-Math.atan2(decadeHeight, decadeWidth) * 180) / Math.PI,
  };
}

export function pixel(f: Frame, p: { x: number; y: number }): Pixel {
  return [f.x(p.x), f.y(p.y)];
}

/** Where an eave enters the plot (left or bottom edge), in data units. */
export function eaveStart(f: Frame, bytesPerSecond: number): number {
  return Math.max(f.domain.x[0], f.domain.y[0] / bytesPerSecond);
}

/** Pixel ends of an eave: from where it enters the plot to its ridge with the top roof. */
export function eaveEnds(f: Frame, eave: Pick<Eave, 'bytesPerSecond' | 'toIntensity'>): [Pixel, Pixel] {
  const from = eaveStart(f, eave.bytesPerSecond);
  return [pixel(f, { x: from, y: from * eave.bytesPerSecond }), pixel(f, { x: eave.toIntensity, y: eave.toIntensity * eave.bytesPerSecond })];
}

/**
 * The dashed rule from a point to its measured mark, in data units, its ends kept clear of both marks;
 * null when they nearly touch.
 */
export function measuredRule(f: Frame, p: ChartPoint): { x: number; y: number; y2: number } | null {
  if (!p.measured) return null;
  const [x, from] = pixel(f, p);
  const to = f.y(p.measured.y);
  const direction = Math.sign(to - from);
  const start = from + direction * (POINT_RADIUS + 1);
  const end = to - direction * (MEASURED_RADIUS + 2);
  if ((end - start) * direction < MIN_RULE) return null;
  return { x: f.x.invert(x), y: f.y.invert(start), y2: f.y.invert(end) };
}

/** An arrow in pixels: from `start` to `tip` (where its head is drawn), and the head's angle, degrees clockwise from up. */
export interface Arrow {
  start: Pixel;
  tip: Pixel;
  angle: number;
}

/**
 * The arrow from a point's baseline mark to the point: its shaft from the edge of the baseline mark to just
 * short of the point's mark, and at least MIN_ARROW_SHAFT long, so that a small move is drawn as a short
 * arrow ending at the head point (reaching back over the baseline mark) rather than left out. Null when
 * there is no baseline or the point did not move.
 */
export function arrow(f: Frame, p: ChartPoint): Arrow | null {
  if (!p.base) return null;
  const [bx, by] = pixel(f, p.base);
  const [hx, hy] = pixel(f, p);
  const length = Math.hypot(hx - bx, hy - by);
  if (length < NO_MOVE) return null;
  const [ux, uy] = [(hx - bx) / length, (hy - by) / length];
  const tipBack = POINT_RADIUS + 4;
  const shaft = Math.max(MIN_ARROW_SHAFT, length - (POINT_RADIUS + 1) - tipBack);
  const tip: Pixel = [hx - ux * tipBack, hy - uy * tipBack];
  return {
    start: [tip[0] - ux * shaft, tip[1] - uy * shaft],
    tip,
    // The head is a triangle pointing up, turned clockwise to point from base to head.
    angle: ((Math.atan2(ux, -uy) * 180) / Math.PI + 360) % 360,
  };
}
