// The numbered list under the plot, when points carry numbers rather than names: per point its mark, its
// number and "model · hardware · bound". One column up to 8 points, or up to 24 where two columns would cut
// an entry; else two. An entry too long for its column is shortened (keyText), never in the hardware: two
// entries that differ only by device stay apart.
import { BOUND_WORDS, boundText } from '../bound-text.js';
import type { Bound } from '../types.js';
import { HIDDEN } from './aria.js';
import { fillEncoding, shapeEncoding, strokeEncoding } from './encodings.js';
import type { Plot } from './marks.js';
import type { View } from './spec-types.js';
import { LABEL_FONT_SIZE, PLOT_WIDTH, TEXT_COLOR } from './theme.js';
import { textWidth } from './text-width.js';
import { tooltipFields, tooltipRows } from './tooltip.js';

const ROW_HEIGHT = 17;
/** Where an entry's text starts, right of its mark and number (px from the column's left edge, less 8). */
const TEXT_INSET = 36;
/** The fewest characters of a model's name an entry keeps, with the `…` that stands for the rest. */
const MIN_MODEL_CHARS = 10;

/** Up to this many points, a list that two columns would cut takes one (24 rows: about the plot's height). */
const MAX_ONE_COLUMN = 24;

export function keyView({ g, device, legend }: Plot): View {
  const room = (columns: number) => PLOT_WIDTH / columns - TEXT_INSET - 12;
  const whole = (r: (typeof g.points)[number]['result']) => `${r.model} · ${device.name(r.hardware)} · ${boundText(r.bindingLevel)}`;
  const twoFit = g.points.every((p) => textWidth(whole(p.result), LABEL_FONT_SIZE) <= room(2));
  const columns = g.points.length > 8 && (twoFit || g.points.length > MAX_ONE_COLUMN) ? 2 : 1;
  const columnWidth = PLOT_WIDTH / columns;
  const rows = Math.ceil(g.points.length / columns);
  const values = g.points.map((p, i) => {
    const column = Math.floor(i / rows);
    const r = p.result;
    return {
      px: column * columnWidth + 8,
      py: (i % rows) * ROW_HEIGHT + ROW_HEIGHT / 2,
      number: String(p.number),
      text: keyText(r.model, device.name(r.hardware), r.bound, r.bindingLevel, room(columns)),
      device: device.name(r.hardware),
      bound: r.bound,
      ...tooltipFields(p, device.name),
    };
  });
  const px = { field: 'px', type: 'quantitative', scale: null, axis: null } as const;
  const py = { field: 'py', type: 'quantitative', scale: null, axis: null } as const;
  return {
    width: PLOT_WIDTH,
    height: rows * ROW_HEIGHT,
    data: { values },
    view: { stroke: null },
    // The list repeats the plot's points, whose descriptions carry their numbers: a screen reader skips it.
    layer: [
      {
        mark: { type: 'point', filled: true, size: 60, strokeWidth: 1.2, opacity: 1, ...HIDDEN },
        encoding: {
          x: px,
          y: py,
          // The plot's legends already say what shapes and colours mean.
          shape: { ...shapeEncoding(device, legend), legend: null },
          stroke: { ...strokeEncoding(device, legend), legend: null },
          fill: { ...fillEncoding(legend), legend: null },
          tooltip: tooltipRows(g),
        },
      },
      {
        mark: { type: 'text', align: 'right', baseline: 'middle', dx: 30, fontWeight: 'bold', color: TEXT_COLOR, ...HIDDEN },
        encoding: { x: px, y: py, text: { field: 'number' } },
      },
      {
        // The limit only where even the shortest entry (keyText) is too wide: a device name of 40 characters.
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: TEXT_INSET, color: TEXT_COLOR, limit: room(columns), ...HIDDEN },
        encoding: { x: px, y: py, text: { field: 'text' }, tooltip: tooltipRows(g) },
      },
    ],
  };
}

/**
 * "model · hardware · bound" in at most `width` px. Where it is wider, the bound goes first, its level then
 * all of it (the mark's fill still shows it, the tooltip all of it); then the model's name is shortened in
 * its middle, keeping more of its start than its end, and all of a sweep suffix (`@b32`), down to
 * MIN_MODEL_CHARS. The hardware stays whole: entries that differ only by it stay apart.
 */
export function keyText(model: string, device: string, bound: Bound, bindingLevel: string, width: number): string {
  const fits = (text: string) => textWidth(text, LABEL_FONT_SIZE) <= width;
  const hardware = ` · ${device}`;
  for (const rest of [`${hardware} · ${boundText(bindingLevel)}`, `${hardware} · ${BOUND_WORDS[bound]}`, hardware]) {
    if (fits(model + rest)) return model + rest;
  }
  const names = shortenings(model);
  return (names.find((name) => fits(name + hardware)) ?? names.at(-1)!) + hardware;
}
/**
 * A model's name shortened in its middle one character at a time, longest first, down to MIN_MODEL_CHARS
 * characters and the `…`: two fifths of what is kept from its end, or its whole sweep suffix if longer.
 */
function shortenings(model: string): string[] {
  const chars = [...model];
  const at = model.lastIndexOf('@');
  const suffix = at > 0 ? [...model.slice(at)].length : 0;
  const out: string[] = [];
  for (let keep = chars.length - 1; keep >= MIN_MODEL_CHARS; keep--) {
    const tail = Math.min(Math.max(suffix, Math.floor((keep * 2) / 5)), keep - 1);
    out.push(`${chars.slice(0, keep - tail).join('')}…${chars.slice(chars.length - tail).join('')}`);
  }
  return out.length ? out : [model];
}
