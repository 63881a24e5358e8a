// Vega-Lite spec -> SVG text, in Node: translated to Vega (core/chart/vega-spec.ts; compiled by vega-lite
// only when the spec is outside what that translates, such as the trend chart's facets), rendered by vega's
// headless View. No browser, no canvas: text is measured with the advance widths of the font the chart names (core/chart/text-width.ts), which
// is what lets Vega lay out axis titles, legends and labels where a browser will draw them.
// The only module that loads vega or touches its globals (its text metrics and its transform registry),
// loaded on demand: the shell imports it dynamically only when a chart is drawn. It loads vega's modules
// one by one rather than the `vega` bundle, which registers every transform vega has (geo, force, label,
// wordcloud...): the compiled chart uses only those of vega-transforms, vega-view-transforms and
// vega-encode; scripts/build.mjs keeps vega-lite from pulling the bundle back in. vega-lite itself is
// loaded only for a chart the translation leaves to it.
import { transforms } from 'vega-dataflow';
import * as encode from 'vega-encode';
import { parse } from 'vega-parser';
import { textMetrics } from 'vega-scenegraph';
import * as dataflowTransforms from 'vega-transforms';
import { View } from 'vega-view';
import * as viewTransforms from 'vega-view-transforms';
import type { Spec } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { textWidth } from '../core/chart/text-width.js';
import { UntranslatedSpec, vegaSpec } from '../core/chart/vega-spec.js';

/** The part of a Vega text item the width depends on. */
interface TextItem {
  fontSize?: number | string | null;
  fontWeight?: number | string | null;
  limit?: number | null;
}

/** vega-scenegraph's text measurement. */
interface TextMetrics {
  width: (item: TextItem, text?: unknown) => number;
  estimateWidth: (item: TextItem, text?: unknown) => number;
}

const metrics = textMetrics as TextMetrics;
Object.assign(transforms, dataflowTransforms, viewTransforms, encode);

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

/** Renders a Vega-Lite spec to a standalone SVG document, the one vega-lite's compile of it draws. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  let vgSpec: Spec;
  try {
    vgSpec = vegaSpec(spec);
  } catch (error) {
    if (!(error instanceof UntranslatedSpec)) throw error;
    const { compile } = await import('vega-lite');
    vgSpec = compile(spec).spec;
  }
  return renderVegaSvg(vgSpec);
}

/** Renders a Vega spec to a standalone SVG document. */
export async function renderVegaSvg(vgSpec: Spec): Promise<string> {
  metrics.width = measureText;
  const view = new View(parse(vgSpec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
