// The sticky comment's Markdown, and the chart as the comment and the summary show it. Pure: a function
// of the report and of what share.ts found out. The body fits COMMENT_MAX; report.md carries the rest.
import { asciiRoofline, vegaEditorUrl } from '../core/chart/index.js';
import { COMMENT_MAX, EDITOR_URL_MAX_CHARS } from '../core/limits.js';
import { renderMarkdown, type ChartEmbed } from '../core/report/markdown.js';
import type { Report } from '../core/report/types.js';
import { stampLine, type Stamp } from '../github/comment.js';

/**
 * The text roofline, drawn once per run (main.ts) and shown where the image is not; null, and a warning
 * that names it, when it cannot be drawn: a chart is never worth the verdict.
 */
export function drawTextChart(report: Report, warn: (message: string) => void, draw: (report: Report) => string = asciiRoofline): string | null {
  try {
    return draw(report);
  } catch (error) {
    warn(`The text roofline chart could not be drawn (${(error as Error).message}); the job summary and comment show none. The verdict is unaffected.`);
    return null;
  }
}

/** The text roofline where the image is not, and why; no chart when the text one could not be drawn either. */
export function textChart(text: string | null, reason: string): ChartEmbed {
  return text === null ? { kind: 'none' } : { kind: 'text', text, reason };
}

/** The link that opens the chart in the Vega editor; null when there is no chart or the link is too long. */
export function editorLink(spec: unknown): string | null {
  // A comment holds 65,536 characters; a link of up to 20,000 still leaves room for the report.
  return spec ? vegaEditorUrl(spec, EDITOR_URL_MAX_CHARS) : null;
}

/** The changed pairs' throughput over the last default-branch commits: an image, or one sparkline per pair. */
export type TrendEmbed = { kind: 'image'; url: string } | { kind: 'text'; lines: string[] };

export interface CommentParts {
  chart: ChartEmbed;
  /** Absent or null: no trend section. */
  trend?: TrendEmbed | null;
  editorUrl: string | null;
  /** The sticky marker of the config (stickyMarker()). */
  marker: string;
  stamp: Stamp;
  /** The commit the report is about, shown short in the footer. */
  headSha: string;
  runUrl: string;
}

/** Marker and stamp lines first (they find and order the comment), the report, then a footer. */
export function commentBody(report: Report, { chart, trend, editorUrl, marker, stamp, headSha, runUrl }: CommentParts): string {
  const footer = `<sub>roofline-gate for ${headSha.slice(0, 7)} · [workflow run](${runUrl})</sub>`;
  return renderMarkdown(report, {
    chart,
    editorUrl,
    header: `${marker}\n${stampLine(stamp)}`,
    footer: trend ? `${trendSection(trend)}\n\n${footer}` : footer,
    limit: COMMENT_MAX,
  });
}

/** The trend, before the footer: the image, or each pair's sparkline as code (the blocks need a fixed font). */
function trendSection(trend: TrendEmbed): string {
  const title = '**Trend**: throughput over the last default-branch commits, then this pull request';
  if (trend.kind === 'image') return `${title}\n\n![Throughput trend](${trend.url})`;
  return `${title}\n\n${trend.lines.map((line) => `- \`${line.replace(/`/g, "'")}\``).join('\n')}`;
}
