// Everything the out dir holds, rendered in memory: report.json, report.md and the chart (SVG and its
// Vega-Lite spec). Rendering everything before writing means a failure never leaves half a folder.
import type { TopLevelSpec } from 'vega-lite';
import { reportJson } from '../core/report/build.js';
import { renderMarkdown, type MarkdownOptions } from '../core/report/markdown.js';
import type { Report } from '../core/report/types.js';
import { unreadableReport } from '../core/report/schema.js';

export interface Artifacts {
  'report.json': string;
  'report.md': string;
  'roofline.svg'?: string;
  'roofline.vl.json'?: string;
}

/** The out dir's files, and the chart's spec as an object, for what is made from it besides the file (the Vega editor link). */
export interface Rendered {
  files: Artifacts;
  /** What roofline.vl.json holds; null when the chart could not be drawn. */
  spec: TopLevelSpec | null;
}

/**
 * Renders everything the out dir holds. The chart is drawn on the chart thread when the entry point started
 * it (src/shell/chart-thread.ts), else here, with vega loaded on demand. A chart that cannot be drawn is a
 * warning, never a lost verdict: the report is written without it.
 */
export async function renderArtifacts(
  report: Report,
  markdown: Omit<MarkdownOptions, 'limit'> = {},
  warn: (message: string) => void = () => undefined,
): Promise<Rendered> {
  const base = { 'report.json': reportJson(report) };
  const unreadable = unreadableReport(base['report.json']);
  if (unreadable !== null) warn(unreadable);
  try {
    const { rooflineSpec } = await import('../core/chart/index.js');
    const { renderChart } = await import('./chart-thread.js');
    const spec = rooflineSpec(report);
    const svg = await renderChart(spec);
    const files = {
      ...base,
      'report.md': renderMarkdown(report, { chart: { kind: 'image', url: 'roofline.svg' }, ...markdown, limit: null }),
      'roofline.svg': svg,
      'roofline.vl.json': `${JSON.stringify(spec, null, 2)}\n`,
    };
    return { files, spec };
  } catch (error) {
    warn(`the roofline chart could not be drawn (${(error as Error).message}); the report is written without it`);
    return { files: { ...base, 'report.md': renderMarkdown(report, { ...markdown, limit: null }) }, spec: null };
  }
}
