// The roofline as text, for a Markdown code block where no image can be published: log-log, roofs as
// rows of one character per device, eaves as `/`, each model x hardware a letter keyed in the legend; the
// points of a sweep line are not joined but listed in its order in the legend (`sweep: A b1 -> D b128`).
import { boundText } from '../bound-text.js';
import { byteRate, flopPerByte, flopRate, levelText, timeChange } from '../format.js';
import { opDelta } from '../op-change-text.js';
import type { Report } from '../report/types.js';
import { commandSafe, withVisibleStrings } from '../report/escape.js';
import { drawnPairs, drawnReport, leftOutText } from './drawn.js';
import { type ChartPoint, type Geometry, decadeLabel, decades, geometry } from './geometry.js';
import { performanceText, sweptText } from './tooltip.js';

/** Changed ops named per point in the legend, largest change first (report.json has up to CHANGED_OPS). */
const LEGEND_OPS = 3;

/** Roof characters, one per device in turn; eaves are always `/`. */
const ROOF_CHARS = ['=', '-', '~', ':', '.'];
const EAVE_CHAR = '/';
const BASE_CHAR = 'o';
/** Two or more points in one cell. */
const CROWD_CHAR = '*';
const POINT_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Width of the y labels and the axis bar: `  10 T |`. */
const GUTTER = 8;

/**
 * A text roofline: `height` plot rows, then the x axis and its title, then the legend. No line is wider
 * than `width` characters (legend entries wrap).
 *
 *   asciiRoofline(report, 72, 20).split('\n').length //=> 20 + 3 + 1 + legend lines
 */
export function asciiRoofline(given: Report, width = 72, height = 20): string {
  // Names from the config shown visibly, and no line read as a workflow command (report/escape.ts).
  // The pairs the SVG chart draws, and no more: 300,000 pairs are no picture, and their legend no comment.
  const drawn = drawnPairs(given);
  const g = geometry(withVisibleStrings(drawnReport(given, drawn)));
  const columns = Math.max(8, width - GUTTER);
  const rows = Math.max(4, height);
  const grid = Array.from({ length: rows }, () => Array<string>(columns).fill(' '));
  const column = (x: number) => Math.round(fraction(x, g.x) * (columns - 1));
  const row = (y: number) => rows - 1 - Math.round(fraction(y, g.y) * (rows - 1));
  const put = (c: number, r: number, ch: string) => {
    if (c >= 0 && c < columns && r >= 0 && r < rows) grid[r]![c] = ch;
  };

  g.devices.forEach((device, i) => {
    const roofChar = ROOF_CHARS[i % ROOF_CHARS.length]!;
    for (const eave of device.eaves) {
      // Sample finer than a column so that a steep eave leaves no gaps.
      const from = Math.max(g.x[0], g.y[0] / eave.bytesPerSecond);
      const steps = 4 * columns;
      for (let s = 0; s <= steps; s++) {
        const x = from * (eave.toIntensity / from) ** (s / steps);
        put(column(x), row(x * eave.bytesPerSecond), EAVE_CHAR);
      }
    }
    for (const roof of device.roofs) {
      for (let c = column(roof.fromIntensity); c < columns; c++) put(c, row(roof.flopsPerSecond), roofChar);
    }
  });

  const cells = new Map<string, number>();
  const cellOf = (p: { x: number; y: number }) => `${column(p.x)},${row(p.y)}`;
  for (const p of g.points) cells.set(cellOf(p), (cells.get(cellOf(p)) ?? 0) + 1);
  for (const p of g.points) {
    if (p.base && !cells.has(cellOf(p.base))) put(column(p.base.x), row(p.base.y), BASE_CHAR);
  }
  for (const p of g.points) put(column(p.x), row(p.y), cells.get(cellOf(p))! > 1 ? CROWD_CHAR : pointChar(p));

  const yLabels = new Map(decades(g.y).map((v) => [row(v), decadeLabel(v, ' ')]));
  const lines = grid.map((cells, r) => `${(yLabels.get(r) ?? '').padStart(GUTTER - 2)} |${cells.join('').trimEnd()}`);
  lines.push(`${' '.repeat(GUTTER - 1)}+${'-'.repeat(columns)}`);
  lines.push(xTickLine(g.x, columns, column));
  lines.push(...wrap('x: arithmetic intensity (FLOP/byte), y: attainable FLOP/s, log-log', width).map((l) => centered(l, width)));
  lines.push('');
  const crowded = [...cells.values()].some((n) => n > 1) || g.points.length > POINT_CHARS.length;
  for (const line of legend(g, width, crowded)) lines.push(line);
  const leftOut = leftOutText(drawn, given.results.length);
  if (leftOut) lines.push(...wrap(leftOut, width));
  return commandSafe(lines.join('\n'));
}

function fraction(value: number, [lo, hi]: [number, number]): number {
  return (Math.log10(value) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
}

function pointChar(p: ChartPoint): string {
  return POINT_CHARS[p.number - 1] ?? CROWD_CHAR;
}

/** Decade labels under the axis, centred on their column, skipped where they would touch a neighbour. */
function xTickLine(domain: [number, number], columns: number, column: (x: number) => number): string {
  const line = Array<string>(GUTTER + columns).fill(' ');
  let free = 0;
  for (const value of decades(domain)) {
    const label = decadeLabel(value);
    const start = Math.min(GUTTER + column(value) - Math.floor((label.length - 1) / 2), line.length - label.length);
    if (start < free) continue;
    for (let i = 0; i < label.length; i++) line[start + i] = label[i]!;
    free = start + label.length + 1;
  }
  return line.join('').trimEnd();
}

function centered(text: string, width: number): string {
  return text.length >= width ? text : `${' '.repeat(Math.floor((width - text.length) / 2))}${text}`;
}

function legend(g: Geometry, width: number, crowded: boolean): string[] {
  const out: string[] = [];
  g.devices.forEach((device, i) => {
    const roofs = device.roofs.map((r) => `${r.precision} ${flopRate(r.flopsPerSecond, r.precision)}`).join(', ');
    const eaves = device.eaves.map((e) => `${levelText(e.level)} ${byteRate(e.bytesPerSecond)}`).join(', ');
    out.push(...wrap(`${ROOF_CHARS[i % ROOF_CHARS.length]} ${EAVE_CHAR} ${device.id}: roof ${roofs}; eave ${eaves}`, width));
  });
  for (const p of g.points) {
    const r = p.result;
    const edge = p.clamp === 'infinite-intensity' ? ', at the right edge' : '';
    const intensity = `${flopPerByte(p.intensity)} (${levelText(p.level)}${edge})`;
    const moved = p.base && (p.base.flopsPerSecond !== p.flopsPerSecond || p.base.x !== p.x);
    const was = !p.base ? '' : moved ? `; was ${flopRate(p.base.flopsPerSecond, undefined)} (${BASE_CHAR})` : '; as in the baseline';
    out.push(...wrap(`${pointChar(p)} ${r.model} on ${r.hardware}: ${boundText(r.bindingLevel)}, ${intensity}, ${performanceText(p)}${was}`, width));
    const changed = r.ops?.changed ?? [];
    if (changed.length > 0) {
      const left = changed.length + r.ops!.moreChanged - Math.min(LEGEND_OPS, changed.length);
      const named = changed.slice(0, LEGEND_OPS).map((change) => `${change.name} ${timeChange(opDelta(change))}`);
      out.push(...wrap(`changed ops: ${named.join(', ')}${left > 0 ? `, and ${left} more` : ''}`, width - 4).map((line) => `    ${line}`));
    }
  }
  for (const line of g.sweeps) {
    const steps = line.points.map((p) => `${pointChar(p)} ${sweptText(p.sweep!)}`).join(' -> ');
    out.push(...wrap(`sweep of ${line.of} on ${line.hardware}: ${steps}`, width));
  }
  if (crowded) out.push(`${CROWD_CHAR} several points in one cell`);
  return out;
}

/** Words of `text` in lines of at most `width` characters, continuation lines indented. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= width || !line) line = candidate;
    else {
      lines.push(line);
      line = `    ${word}`;
    }
  }
  lines.push(line);
  return lines.map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l));
}
