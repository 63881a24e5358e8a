// Vega-Lite spec -> SVG text, in Node: compiled by vega-lite, rendered by vega's headless View. No browser,
// no canvas: text is measured with the advance widths of the font the chart names (core/chart/text-width.ts), which
// is what lets Vega lay out axis titles, legends and labels where a browser will draw them.
// The only module that loads vega or touches its globals (its text metrics), loaded on demand: the shell
// imports it dynamically only when a chart is drawn.
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { textWidth } from '../core/chart/text-width.js';

/** The part of a Vega text item the width depends on. */
interface TextItem {
  fontSize?: number | string | null;
  fontWeight?: number | string | null;
  limit?: number | null;
}

/** vega-scenegraph's text measurement, which `vega` re-exports but its typings do not declare. */
interface TextMetrics {
  width: (item: TextItem, text?: unknown) => number;
  estimateWidth: (item: TextItem, text?: unknown) => number;
}

const metrics = (vega as unknown as { textMetrics: TextMetrics }).textMetrics;

/**
 * Width of one line of a text item, in px. A text longer than the item's `limit` is drawn truncated to
 * fit it, so its width is capped there: Vega's truncation then finds the cut with this same function.
 */
export function measureText(item: TextItem, text?: unknown): number {
  const fontSize = item.fontSize == null ? 11 : Number(item.fontSize) || 0;
  const line = text == null ? '' : String(text).trim();
  const width = textWidth(line, fontSize, isBold(item.fontWeight));
  return item.limit && item.limit > 0 ? Math.min(width, item.limit) : width;
}

function isBold(weight: TextItem['fontWeight']): boolean {
  if (typeof weight === 'number') return weight >= 600;
  return weight === 'bold' || weight === 'bolder' || (weight != null && Number(weight) >= 600);
}

/** Renders a Vega-Lite spec to a standalone SVG document. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  metrics.width = measureText;
  const { spec: vgSpec } = compile(spec);
  const view = new vega.View(vega.parse(vgSpec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
