// The report as GitHub-flavoured Markdown: report.md, the job summary and the sticky PR comment.
// Every string from the config goes through markdownText(). Only the comment and the summary have a size
// limit (limits.ts); report.md carries every row.
import { BOUND_WORDS } from '../bound-text.js';
import type { SizeLimit } from '../limits.js';
import { cutToFit, fits, less, maxOf } from '../text-size.js';
import { notesLine } from '../gate/index.js';
import { markdownText } from './escape.js';
import { changedCount, changedTitle, OP_COLUMNS, opRow, withChangedOps, type OpColumn } from './op-rows.js';
import { isChanged } from './changed-pairs.js';
import { findingGroups, type FindingGroup } from './finding-groups.js';
import { narrowColumnsFor, narrowRow, roofFootnote, snapshotText, type NarrowColumn } from './table.js';
import { adviceTotal, findingCounts, findingTotal, moreText } from './listed.js';
import type { Report, ReportResult } from './types.js';
import { levelsLeftOutNote } from './levels-left-out.js';
import { tokenLines } from './token-lines.js';
import { wholeNumber } from '../format.js';

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
   * The size the body must fit in, in GitHub's unit: COMMENT_MAX (characters) for the PR comment,
   * SUMMARY_MAX (bytes) for the job summary, null for report.md and stdout, which carry everything.
   * Required, so that no caller cuts by default.
   */
  limit: SizeLimit | null;
}

const ICON = { pass: '✅', warn: '⚠️', fail: '❌' } as const;
const MARK = { fail: '🔴', warn: '🟡' } as const;
// Efficiency abbreviated: its cells (44.3%) are half its full name's width, which would push a table with a
// long model name past the 900 px conversation column.
const HEADINGS: Record<NarrowColumn, string> = {
  model: 'Model', change: 'Change', hardware: 'Hardware', bound: 'Bound', intensity: 'Intensity / ridge', throughput: 'Throughput', efficiency: 'Eff.',
};
const ALIGN: Partial<Record<NarrowColumn | OpColumn, string>> = { change: '---:', intensity: '---:', throughput: '---:', efficiency: '---:', time: '---:' };
const OP_HEADINGS: Record<OpColumn, string> = { op: 'Op', time: 'Time/pass', change: 'Change', moved: 'What moved', bound: 'Bound' };

/** The shortest finding or group line: `- 🔴 **m**: x` is 13 characters, the 🔴 two of them. */
const MIN_LINE = 13;

/** Where everything left out of a body that had to fit a limit can be read. */
const COMPLETE = 'report.md and report.json in the out dir';

/**
 * Renders the report, answer first: the verdict, one line per model and cause (finding-groups.ts) with the
 * findings folded under them, the changed pairs, then the unchanged pairs folded. To fit `options.limit`
 * it sheds advice first, then the changed ops' rows, the unchanged rows, the folded findings, a text
 * chart, the changed rows and the group lines, and says what was left out and where to read it all.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions): string {
  const groups = findingGroups(report);
  const changed = report.results.filter(isChanged);
  const unchanged = report.results.filter((result) => !isChanged(result));
  const parts: Parts = { groups, changed, unchanged, ...renderedOnce(report) };
  const { limit } = options;
  // No more lines than could fit: a table row is at least 3 characters a column (`| ` ... ` | ` ... ` |`,
  // empty cells), a finding or group line at least MIN_LINE, an advice line 3 (`- x`); a character is at
  // least one byte. So 300,000 pairs are never all formatted for a summary that shows a few thousand.
  const most = (count: number, shortest: number) => (limit === null ? count : Math.min(count, Math.floor(maxOf(limit) / shortest) + 1));
  const row = 3 * parts.columns.length;
  const shown: Shown = {
    advice: most(report.advice.length, 3),
    opRows: report.results.reduce((widest, result) => Math.max(widest, result.ops?.changed?.length ?? 0), 0),
    unchanged: most(unchanged.length, row),
    findings: most(report.findings.length, MIN_LINE),
    chart: options.chart?.kind === 'text' ? 1 : 0,
    changed: most(changed.length, row),
    groups: most(groups.length, MIN_LINE),
  };
  // Shed the least needed first; halve to converge fast (each row is rendered once, whatever the rounds).
  const order: Array<keyof Shown> = ['advice', 'opRows', 'unchanged', 'findings', 'chart', 'changed', 'groups'];
  for (;;) {
    const body = compose(report, options, parts, shown);
    if (limit === null || fits(body, limit)) return body;
    const next = order.find((key) => shown[key] > (key === 'changed' || key === 'groups' ? 1 : 0));
    if (next === undefined) {
      const cut = `\n\n_…cut to fit GitHub's size limit; ${COMPLETE} have it all._\n`;
      return `${cutToFit(body, less(limit, cut), '')}${cut}`;
    }
    shown[next] = Math.floor(shown[next] / 2);
  }
}

/** How many of each part the body shows. */
interface Shown {
  advice: number;
  /** Changed ops listed per pair (0: the part is left out). */
  opRows: number;
  unchanged: number;
  findings: number;
  /** 1: the text chart is shown; 0: only why there is no image. */
  chart: number;
  changed: number;
  groups: number;
}

interface Parts extends ReturnType<typeof renderedOnce> {
  groups: FindingGroup[];
  /** Pairs that moved against the baseline, or every pair without one. */
  changed: ReportResult[];
  unchanged: ReportResult[];
}

/**
 * What every round of shedding shows the same way, rendered once: a table row and a token line per pair
 * (a report of 300,000 pairs would otherwise format each row a dozen times), the table's columns, and the
 * note on levels left out.
 */
function renderedOnce(report: Report) {
  const columns = narrowColumnsFor(report);
  const rows = new Map<ReportResult, string>();
  const row = (result: ReportResult): string => {
    let line = rows.get(result);
    if (line === undefined) {
      const cells = narrowRow(result, report.baseline !== null);
      line = `| ${columns.map((c) => (c === 'bound' && result.bound === 'memory' ? `**${markdownText(cells[c])}**` : markdownText(cells[c]))).join(' | ')} |`;
      rows.set(result, line);
    }
    return line;
  };
  const tokens = new Map(tokenLines(report.results).map(({ result, text }) => [result, `- ${markdownText(result.model)} on ${markdownText(result.hardware)}: ${markdownText(text)}`]));
  return { columns, row, tokens, leftOut: levelsLeftOutNote(report.results) };
}

/** Appends `lines` one by one: a spread of 100,000 or more arguments overflows the stack. */
function append(out: string[], lines: readonly string[]): void {
  for (const line of lines) out.push(line);
}

function compose(report: Report, options: MarkdownOptions, parts: Parts, shown: Shown): string {
  const out: string[] = [];
  if (options.header) out.push(options.header);
  out.push(`### ${ICON[report.status]} roofline-gate: ${report.status}`, '', summaryLine(report), '');

  if (findingTotal(report) > 0) {
    for (const group of parts.groups.slice(0, shown.groups)) out.push(`- ${MARK[group.severity]} **${markdownText(group.model)}**: ${markdownText(group.summary)}`);
    if (shown.groups < parts.groups.length) out.push(`- _…and ${wholeNumber(parts.groups.length - shown.groups)} more in report.json_`);
    out.push('', `<details><summary>Findings (${wholeNumber(findingTotal(report))})</summary>`, '');
    for (const finding of report.findings.slice(0, shown.findings)) {
      out.push(`- ${MARK[finding.severity]} **${finding.severity}** \`${finding.rule}\`: ${markdownText(finding.message)}`);
    }
    const more = moreText(report.findings.length - shown.findings, findingTotal(report) - report.findings.length, 'findings');
    if (more !== null) out.push(`- _…and ${more}_`);
    out.push('', '</details>', '');
  }

  const { columns } = parts;
  const table = (results: readonly ReportResult[], count: number): string[] => {
    const lines = [`| ${columns.map((c) => HEADINGS[c]).join(' | ')} |`, `| ${columns.map((c) => ALIGN[c] ?? '---').join(' | ')} |`];
    for (const result of results.slice(0, count)) lines.push(parts.row(result));
    if (count < results.length) lines.push('', `_Showing ${wholeNumber(count)} of ${wholeNumber(results.length)} results to fit GitHub's size limit; ${COMPLETE} have them all._`);
    return lines;
  };
  if (parts.changed.length > 0) append(out, [...table(parts.changed, shown.changed), '']);
  else if (report.baseline !== null) out.push(`No pair changed against ${markdownText(report.baseline)}.`, '');
  if (parts.unchanged.length > 0) {
    out.push(`<details><summary>${wholeNumber(parts.unchanged.length)} unchanged pair${parts.unchanged.length === 1 ? '' : 's'}</summary>`, '');
    append(out, shown.unchanged > 0 ? table(parts.unchanged, shown.unchanged) : [`_Left out to fit GitHub's size limit; ${COMPLETE} have them all._`]);
    out.push('', '</details>', '');
  }
  const footnote = roofFootnote([...parts.changed.slice(0, shown.changed), ...parts.unchanged.slice(0, shown.unchanged)]);
  if (footnote) out.push(markdownText(footnote), '');
  if (parts.leftOut) out.push(`_${markdownText(parts.leftOut)}_`, '');
  for (const pair of report.removed) out.push(`Removed: ${markdownText(pair.model)} on ${markdownText(pair.hardware)} (was ${markdownText(snapshotText(pair.base))})`, '');
  if (shown.opRows > 0) for (const result of withChangedOps(parts.changed.slice(0, shown.changed))) append(out, changedOps(result, shown.opRows));
  const tokens = [...parts.changed.slice(0, shown.changed), ...parts.unchanged.slice(0, shown.unchanged)].flatMap((result) => parts.tokens.get(result) ?? []);
  if (tokens.length > 0) append(out, ['**Tokens**', '', ...tokens, '']);

  const notes = notesLine(report.notes ?? []);
  if (adviceTotal(report) > 0 || notes !== null) {
    const items = report.advice.slice(0, shown.advice);
    out.push(`<details><summary>Advice (${wholeNumber(adviceTotal(report))})</summary>`, '');
    for (const item of items) out.push(`- ${markdownText(item.message)}`);
    const more = moreText(report.advice.length - items.length, adviceTotal(report) - report.advice.length, '');
    if (more !== null) out.push(`- _…${more}_`);
    if (notes !== null) out.push('', `_${markdownText(notes)}_`);
    out.push('', '</details>', '');
  }

  const chart = options.chart ?? { kind: 'none' };
  if (chart.kind === 'image') out.push(`![Roofline chart](${chart.url})`, '');
  if (chart.kind === 'text' && shown.chart > 0) out.push(fence(chart.text), '', `_${markdownText(chart.reason)}_`, '');
  if (chart.kind === 'text' && shown.chart === 0) out.push(`_The text roofline was left out to fit GitHub's size limit; roofline.svg in the out dir has the chart._`, '');
  if (options.editorUrl) out.push(`[Open the chart in the Vega editor](${options.editorUrl})`, '');
  if (options.footer) out.push(options.footer);
  return `${out.join('\n').trimEnd()}\n`;
}

/** A pair's "Changed ops" part: a title line and a small table of the largest changes. */
function changedOps(result: ReportResult, most: number): string[] {
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
  const { fail, warn } = findingCounts(report);
  const memory = report.results.filter((r) => r.bound === 'memory').length;
  const against = report.baseline === null ? 'no baseline' : `against ${markdownText(report.baseline)}`;
  return `${wholeNumber(report.results.length)} model × hardware pairs (${wholeNumber(memory)} ${BOUND_WORDS.memory}), ${wholeNumber(fail)} failing and ${wholeNumber(warn)} warning findings, ${against}.`;
}

/** A code block whose fence is longer than any backtick run inside, so the text cannot close it. */
export function fence(text: string): string {
  let longest = 2;
  for (const match of text.matchAll(/`+/g)) longest = Math.max(longest, match[0].length);
  const marks = '`'.repeat(longest + 1);
  return `${marks}text\n${text}\n${marks}`;
}
