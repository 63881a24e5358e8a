// The report as GitHub-flavoured Markdown: report.md, the job summary and the sticky PR comment.
// Every string from the config goes through markdownText(). Only the comment and the summary have a size
// limit (limits.ts); report.md carries every row.
import { BOUND_WORDS } from '../bound-text.js';
import { notesLine } from '../gate/index.js';
import { markdownText } from './escape.js';
import { changedCount, changedTitle, OP_COLUMNS, opRow, withChangedOps, type OpColumn } from './op-rows.js';
import { columnsFor, roofFootnote, row, snapshotText, type Column } from './table.js';
import type { Report } from './types.js';
import { tokenLines } from './token-lines.js';

export type ChartEmbed =
  | { kind: 'image'; url: string }
  /** A text-mode roofline, and why the image is missing. */
  | { kind: 'text'; text: string; reason: string }
  | { kind: 'none' };

export interface MarkdownOptions {
  chart?: ChartEmbed;
  /** Link that opens the chart interactively (Vega editor), when short enough. */
  editorUrl?: string | null;
  /** First line, e.g. the hidden marker that finds the sticky comment. */
  header?: string;
  /** Last line, e.g. "updated for abc1234". */
  footer?: string;
  /**
   * Characters the body must fit in: COMMENT_LIMIT for the PR comment, SUMMARY_LIMIT for the job summary,
   * null for report.md and stdout, which carry everything. Required, so that no caller cuts by default.
   */
  limit: number | null;
}

const ICON = { pass: '✅', warn: '⚠️', fail: '❌' } as const;
const HEADINGS: Record<Column, string> = {
  model: 'Model', hardware: 'Hardware', precision: 'Precision', intensity: 'Intensity (FLOP/B)', ridge: 'Ridge',
  bound: 'Bound', attainable: 'Attainable', time: 'Time/pass', throughput: 'Throughput', efficiency: 'Efficiency', change: 'Change',
};
const ALIGN: Partial<Record<Column | OpColumn, string>> = { ridge: '---:', attainable: '---:', time: '---:', throughput: '---:', efficiency: '---:', change: '---:' };
const OP_HEADINGS: Record<OpColumn, string> = { op: 'Op', time: 'Time/pass', change: 'Change', moved: 'What moved', bound: 'Bound' };

/** Where everything left out of a body that had to fit a limit can be read. */
const COMPLETE = 'report.md and report.json in the out dir';

/**
 * Renders the report, folding to fit `options.limit` when there is one: advice is folded first, then the
 * changed ops' rows, then table rows and findings are cut, and the body says what was left out and where to
 * read it all.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions): string {
  const limit = options.limit ?? Infinity;
  let rows = report.results.length;
  let findings = report.findings.length;
  let advice = report.advice.length;
  let opRows = Math.max(0, ...report.results.map((result) => result.ops?.changed?.length ?? 0));
  for (;;) {
    const body = compose(report, options, { rows, findings, advice, opRows });
    if (body.length <= limit) return body;
    // Shed the least needed first: advice, then changed ops, then rows, then findings; halve to converge fast.
    if (advice > 0) advice = Math.floor(advice / 2);
    else if (opRows > 0) opRows = Math.floor(opRows / 2);
    else if (rows > 1) rows = Math.floor(rows / 2);
    else if (findings > 1) findings = Math.floor(findings / 2);
    else return `${body.slice(0, limit - 100)}\n\n_…cut to fit GitHub's size limit; ${COMPLETE} have it all._\n`;
  }
}

interface Shown {
  rows: number;
  findings: number;
  advice: number;
  /** Changed ops listed per pair (0: the part is left out). */
  opRows: number;
}

function compose(report: Report, options: MarkdownOptions, shown: Shown): string {
  const out: string[] = [];
  if (options.header) out.push(options.header);
  out.push(`### ${ICON[report.status]} roofline-gate: ${report.status}`, '', summaryLine(report), '');

  if (report.findings.length > 0) {
    out.push('**Findings**', '');
    for (const finding of report.findings.slice(0, shown.findings)) {
      const mark = finding.severity === 'fail' ? '🔴' : '🟡';
      out.push(`- ${mark} **${finding.severity}** \`${finding.rule}\`: ${markdownText(finding.message)}`);
    }
    if (shown.findings < report.findings.length) out.push(`- _…and ${report.findings.length - shown.findings} more findings in report.json_`);
    out.push('');
  }

  const hasBaseline = report.baseline !== null;
  const columns = columnsFor(report);
  out.push(`| ${columns.map((c) => HEADINGS[c]).join(' | ')} |`, `| ${columns.map((c) => ALIGN[c] ?? '---').join(' | ')} |`);
  for (const result of report.results.slice(0, shown.rows)) {
    const cells = row(result, hasBaseline);
    out.push(`| ${columns.map((c) => (c === 'bound' && result.bound === 'memory' ? `**${markdownText(cells[c])}**` : markdownText(cells[c]))).join(' | ')} |`);
  }
  const footnote = roofFootnote(report.results.slice(0, shown.rows));
  if (footnote) out.push('', markdownText(footnote));
  if (shown.rows < report.results.length) out.push('', `_Showing ${shown.rows} of ${report.results.length} results to fit GitHub's size limit; ${COMPLETE} have them all._`);
  for (const pair of report.removed) out.push('', `Removed: ${markdownText(pair.model)} on ${markdownText(pair.hardware)} (was ${markdownText(snapshotText(pair.base))})`);
  out.push('');
  const tokens = tokenLines(report.results.slice(0, shown.rows));
  if (tokens.length > 0) out.push('**Tokens**', '', ...tokens.map(({ result, text }) => `- ${markdownText(result.model)} on ${markdownText(result.hardware)}: ${markdownText(text)}`), '');
  if (shown.opRows > 0) for (const result of withChangedOps(report.results.slice(0, shown.rows))) out.push(...changedOps(result, shown.opRows));

  const notes = notesLine(report.notes ?? []);
  if (report.advice.length > 0 || notes !== null) {
    const items = report.advice.slice(0, shown.advice);
    out.push(`<details><summary>Advice (${report.advice.length})</summary>`, '');
    for (const item of items) out.push(`- ${markdownText(item.message)}`);
    if (items.length < report.advice.length) out.push(`- _…${report.advice.length - items.length} more in report.json_`);
    if (notes !== null) out.push('', `_${markdownText(notes)}_`);
    out.push('', '</details>', '');
  }

  const chart = options.chart ?? { kind: 'none' };
  if (chart.kind === 'image') out.push(`![Roofline chart](${chart.url})`, '');
  if (chart.kind === 'text') out.push(fence(chart.text), '', `_${markdownText(chart.reason)}_`, '');
  if (options.editorUrl) out.push(`[Open the chart in the Vega editor](${options.editorUrl})`, '');
  if (options.footer) out.push(options.footer);
  return `${out.join('\n').trimEnd()}\n`;
}

/** A pair's "Changed ops" part: a title line and a small table of the largest changes. */
function changedOps(result: Report['results'][number], most: number): string[] {
  const listed = result.ops!.changed!.slice(0, most);
  const left = changedCount(result) - listed.length;
  const cells = (r: Record<OpColumn, string>) => `| ${OP_COLUMNS.map((c) => markdownText(r[c])).join(' | ')} |`;
  return [
    `**Changed ops: ${markdownText(result.model)} on ${markdownText(result.hardware)}** (${changedTitle(result)})`,
    '',
    `| ${OP_COLUMNS.map((c) => OP_HEADINGS[c]).join(' | ')} |`,
    `| ${OP_COLUMNS.map((c) => ALIGN[c] ?? '---').join(' | ')} |`,
    ...listed.map((change) => cells(opRow(change))),
    ...(left > 0 ? ['', `_…and ${left} more in report.json_`] : []),
    '',
  ];
}

function summaryLine(report: Report): string {
  const fail = report.findings.filter((f) => f.severity === 'fail').length;
  const warn = report.findings.length - fail;
  const memory = report.results.filter((r) => r.bound === 'memory').length;
  const against = report.baseline === null ? 'no baseline' : `against ${markdownText(report.baseline)}`;
  return `${report.results.length} model × hardware pairs (${memory} ${BOUND_WORDS.memory}), ${fail} failing and ${warn} warning findings, ${against}.`;
}

/** A code block whose fence is longer than any backtick run inside, so the text cannot close it. */
export function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}text\n${text}\n${marks}`;
}
