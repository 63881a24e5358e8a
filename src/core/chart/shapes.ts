// Shapes in pixel space, and which of them are taken: the boxes text covers, the bands lines cover, whether
// two overlap, and the plot's occupancy that label placement (layout.ts) fills as it goes.
import { textWidth } from './text-width.js';

type Point = readonly [number, number];
/** A convex polygon, corners in order. Text boxes may be rotated; everything else is a rectangle. */
export type Shape = readonly Point[];

export type Align = 'left' | 'center' | 'right';
export type Baseline = 'top' | 'middle' | 'bottom';

export interface TextPlacement {
  align: Align;
  baseline: Baseline;
  /** Offsets in pixels, in the text's rotated frame (as Vega applies them). */
  dx: number;
  dy: number;
  /** Degrees, clockwise. */
  angle?: number;
}

export function rectangle(x0: number, y0: number, x1: number, y1: number): Shape {
  return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
}

/** Clear space kept around every label, px, so that neighbours do not read as one. */
const TEXT_MARGIN = 2;

/** The box a one-line text covers when anchored at (x, y): Vega translates, rotates, then offsets. */
export function textBox(text: string, fontSize: number, x: number, y: number, at: TextPlacement, bold = false, margin = TEXT_MARGIN): Shape {
  const width = textWidth(text, fontSize, bold);
  const height = fontSize + 1;
  const left = at.dx - (at.align === 'left' ? 0 : at.align === 'center' ? width / 2 : width);
  const top = at.dy - (at.baseline === 'top' ? 0 : at.baseline === 'middle' ? height / 2 : height);
  const radians = ((at.angle ?? 0) * Math.PI) / 180;
  const [cos, sin] = [Math.cos(radians), Math.sin(radians)];
  const m = margin;
  return rectangle(left - m, top - m, left + width + m, top + height + m).map(([u, v]) => [x + u * cos - v * sin, y + u * sin + v * cos] as const);
}

/** A thin band along a line segment: lines are soft obstacles for labels. */
export function segment(x0: number, y0: number, x1: number, y1: number, halfWidth = 1.5): Shape {
  const length = Math.hypot(x1 - x0, y1 - y0) || 1;
  const [nx, ny] = [(-(y1 - y0) / length) * halfWidth, ((x1 - x0) / length) * halfWidth];
  return [[x0 + nx, y0 + ny], [x1 + nx, y1 + ny], [x1 - nx, y1 - ny], [x0 - nx, y0 - ny]];
}

/** Separating-axis test for two convex polygons. Touching edges do not count as overlap. */
export function overlaps(a: Shape, b: Shape): boolean {
  for (const shape of [a, b]) {
    for (let i = 0; i < shape.length; i++) {
      const [x0, y0] = shape[i]!;
      const [x1, y1] = shape[(i + 1) % shape.length]!;
      const [ax, ay] = [y0 - y1, x1 - x0];
      const [aMin, aMax] = project(a, ax, ay);
      const [bMin, bMax] = project(b, ax, ay);
      if (aMax <= bMin + 1e-9 || bMax <= aMin + 1e-9) return false;
    }
  }
  return true;
}

function project(shape: Shape, ax: number, ay: number): [number, number] {
  let [min, max] = [Infinity, -Infinity];
  for (const [x, y] of shape) {
    const d = x * ax + y * ay;
    [min, max] = [Math.min(min, d), Math.max(max, d)];
  }
  return [min, max];
}

/** What a shape on the plot is to a label: a mark or a line it should not cover, or a label (or the legend) it must not. */
export type Obstacle = 'label' | 'mark' | 'line';

/**
 * What is already on the plot: labels and the legend, which a label never covers; marks, which it covers
 * only where it must be drawn and fits nowhere else; and lines, which it avoids when it can.
 */
export class Occupancy {
  private readonly labels: Bounded[] = [];
  private readonly marks: Bounded[] = [];
  private readonly lines: Bounded[] = [];

  constructor(
    private readonly width: number,
    private readonly height: number,
  ) {}

  /**
   * `work` tried on a copy: when `keep` accepts what it gives, what it placed is kept here too (not placed
   * again) and that is returned; else nothing here changes, and null.
   */
  attempt<T>(work: (trial: Occupancy) => T, keep: (result: T) => boolean): T | null {
    const trial = new Occupancy(this.width, this.height);
    trial.take(this);
    const result = work(trial);
    if (!keep(result)) return null;
    this.take(trial);
    return result;
  }

  /** Holds what `other` holds, and nothing else. */
  private take(other: Occupancy): void {
    for (const kind of ['labels', 'marks', 'lines'] as const) this[kind].splice(0, this[kind].length, ...other[kind]);
  }

  block(shape: Shape, as: Obstacle = 'label'): void {
    ({ label: this.labels, mark: this.marks, line: this.lines })[as].push(bounded(shape));
  }

  /**
   * True when the shape lies inside the plot and covers no label, no mark (unless `overMarks`) and, if
   * `strict`, no line other than `except`: the line a label belongs to.
   */
  free(shape: Shape, strict: boolean, { except, overMarks = false }: { except?: Shape; overMarks?: boolean } = {}): boolean {
    const inside = shape.every(([x, y]) => x >= -0.5 && x <= this.width + 0.5 && y >= -0.5 && y <= this.height + 0.5);
    if (!inside) return false;
    const candidate = bounded(shape);
    if (this.labels.some((other) => covers(candidate, other))) return false;
    if (!overMarks && this.marks.some((other) => covers(candidate, other))) return false;
    return !strict || !this.lines.some((other) => other.shape !== except && covers(candidate, other));
  }

  /**
   * The first candidate that is free of everything (but `except`), else the first free of labels and marks
   * (only the latter when `avoidLines` is false: nearness matters more than crossing a line); with
   * `overMarks`, only the first free of labels. It is then blocked.
   */
  place<T>(
    candidates: readonly T[],
    shapeOf: (candidate: T) => Shape,
    { avoidLines = true, except, overMarks = false }: { avoidLines?: boolean; except?: Shape; overMarks?: boolean } = {},
  ): T | null {
    for (const strict of avoidLines && !overMarks ? [true, false] : [false]) {
      for (const candidate of candidates) {
        const shape = shapeOf(candidate);
        if (this.free(shape, strict, { except, overMarks })) {
          this.block(shape);
          return candidate;
        }
      }
    }
    return null;
  }
}

/** A shape with its bounding box, to rule out most pairs before the separating-axis test. */
interface Bounded {
  shape: Shape;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function bounded(shape: Shape): Bounded {
  const xs = shape.map(([x]) => x);
  const ys = shape.map(([, y]) => y);
  return { shape, x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

function covers(a: Bounded, b: Bounded): boolean {
  if (a.x1 <= b.x0 || b.x1 <= a.x0 || a.y1 <= b.y0 || b.y1 <= a.y0) return false;
  return overlaps(a.shape, b.shape);
}
