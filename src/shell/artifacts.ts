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
 * it (src/shell/chart-thread.ts), else here, with vega loaded on demand; its spec goes first, so that the
 * thread draws while this one renders report.json and report.md. A chart that cannot be drawn is a
 * warning, never a lost verdict: the report is written without it.
 */
export async function renderArtifacts(
  report: Report,
  markdown: Omit<MarkdownOptions, 'limit'> = {},
  warn: (message: string) => void = () => undefined,
): Promise<Rendered> {
  let chart: { spec: TopLevelSpec; svg: Promise<string> } | { error: unknown };
  try {
    const [{ rooflineSpec }, { renderChart }] = await Promise.all([import('../core/chart/index.js'), import('./chart-thread.js')]);
    const spec = rooflineSpec(report);
    chart = { spec, svg: renderChart(spec) };
  } catch (error) {
    chart = { error };
  }
  // Nothing below yields to the event loop before the SVG is awaited, so a failed chart is never an unhandled rejection.
  const base = { 'report.json': reportJson(report) };
  const unreadable = unreadableReport(base['report.json']);
  if (unreadable !== null) warn(unreadable);
  if ('spec' in chart) {
    const withChart = renderMarkdown(report, { chart: { kind: 'image', url: 'roofline.svg' }, ...markdown, limit: null });
    const specFile = `${JSON.stringify(chart.spec, null, 2)}\n`;
    try {
      const files = { ...base, 'report.md': withChart, 'roofline.svg': await chart.svg, 'roofline.vl.json': specFile };
      return { files, spec: chart.spec };
    } catch (error) {
      chart = { error };
    }
  }
  warn(`the roofline chart could not be drawn (${(chart.error as Error).message}); the report is written without it`);
  return { files: { ...base, 'report.md': renderMarkdown(report, { ...markdown, limit: null }) }, spec: null };
}
