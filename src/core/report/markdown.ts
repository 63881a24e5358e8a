// The report as GitHub-flavoured Markdown: report.md, the job summary and the sticky PR comment.
// Every string from the config goes through markdownText(). Only the comment and the summary have a size
// limit (limits.ts); report.md carries every row.
import { BOUND_WORDS } from '../bound-text.js';
import { notesLine } from '../gate/index.js';
import { markdownText } from './escape.js';
import { changedCount, changedTitle, OP_COLUMNS, opRow, withChangedOps, type OpColumn } from './op-rows.js';
import { isChanged } from './changed-pairs.js';
import { findingGroups, type FindingGroup } from './finding-groups.js';
import { narrowColumnsFor, narrowRow, roofFootnote, snapshotText, type NarrowColumn } from './table.js';
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
   * Characters the body must fit in: COMMENT_LIMIT for the PR comment, SUMMARY_LIMIT for the job summary,
   * null for report.md and stdout, which carry everything. Required, so that no caller cuts by default.
   */
  limit: number | null;
}

const ICON = { pass: '✅', warn: '⚠️', fail: '❌' } as const;
const MARK = { fail: '🔴', warn: '🟡' } as const;
const HEADINGS: Record<NarrowColumn, string> = {
  model: 'Model', change: 'Change', hardware: 'Hardware', bound: 'Bound', intensity: 'Intensity / ridge', throughput: 'Throughput', efficiency: 'Efficiency',
};
const ALIGN: Partial<Record<NarrowColumn | OpColumn, string>> = { change: '---:', intensity: '---:', throughput: '---:', efficiency: '---:', time: '---:' };
const OP_HEADINGS: Record<OpColumn, string> = { op: 'Op', time: 'Time/pass', change: 'Change', moved: 'What moved', bound: 'Bound' };

/** Where everything left out of a body that had to fit a limit can be read. */
const COMPLETE = 'report.md and report.json in the out dir';

/**
 * Renders the report, answer first: the verdict, one line per model and cause (finding-groups.ts) with the
 * findings folded under them, the changed pairs, then the unchanged pairs folded. To fit `options.limit`
 * it sheds advice first, then the changed ops' rows, the unchanged rows, the folded findings, the changed
 * rows and the group lines, and says what was left out and where to read it all.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions): string {
  const limit = options.limit ?? Infinity;
  const groups = findingGroups(report);
  const changed = report.results.filter(isChanged);
  const unchanged = report.results.filter((result) => !isChanged(result));
  const parts = { groups, changed, unchanged };
  const shown: Shown = {
    advice: report.advice.length,
    opRows: Math.max(0, ...report.results.map((result) => result.ops?.changed?.length ?? 0)),
    unchanged: unchanged.length,
    findings: report.findings.length,
    changed: changed.length,
    groups: groups.length,
  };
  // Shed the least needed first; halve to converge fast.
  const order: Array<keyof Shown> = ['advice', 'opRows', 'unchanged', 'findings', 'changed', 'groups'];
  for (;;) {
    const body = compose(report, options, parts, shown);
    if (body.length <= limit) return body;
    const next = order.find((key) => shown[key] > (key === 'changed' || key === 'groups' ? 1 : 0));
    if (next === undefined) return `${body.slice(0, limit - 100)}\n\n_…cut to fit GitHub's size limit; ${COMPLETE} have it all._\n`;
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
  changed: number;
  groups: number;
}

interface Parts {
  groups: FindingGroup[];
  /** Pairs that moved against the baseline, or every pair without one. */
  changed: ReportResult[];
  unchanged: ReportResult[];
}

function compose(report: Report, options: MarkdownOptions, parts: Parts, shown: Shown): string {
  const out: string[] = [];
  if (options.header) out.push(options.header);
  out.push(`### ${ICON[report.status]} roofline-gate: ${report.status}`, '', summaryLine(report), '');

  if (parts.groups.length > 0) {
    for (const group of parts.groups.slice(0, shown.groups)) out.push(`- ${MARK[group.severity]} **${markdownText(group.model)}**: ${markdownText(group.summary)}`);
    if (shown.groups < parts.groups.length) out.push(`- _…and ${wholeNumber(parts.groups.length - shown.groups)} more in report.json_`);
    out.push('', `<details><summary>Findings (${wholeNumber(report.findings.length)})</summary>`, '');
    for (const finding of report.findings.slice(0, shown.findings)) {
      out.push(`- ${MARK[finding.severity]} **${finding.severity}** \`${finding.rule}\`: ${markdownText(finding.message)}`);
    }
    if (shown.findings < report.findings.length) out.push(`- _…and ${wholeNumber(report.findings.length - shown.findings)} more findings in report.json_`);
    out.push('', '</details>', '');
  }

  const columns = narrowColumnsFor(report);
  const table = (results: readonly ReportResult[], count: number): string[] => [
    `| ${columns.map((c) => HEADINGS[c]).join(' | ')} |`,
    `| ${columns.map((c) => ALIGN[c] ?? '---').join(' | ')} |`,
    ...results.slice(0, count).map((result) => {
      const cells = narrowRow(result, report.baseline !== null);
      return `| ${columns.map((c) => (c === 'bound' && result.bound === 'memory' ? `**${markdownText(cells[c])}**` : markdownText(cells[c]))).join(' | ')} |`;
    }),
    ...(count < results.length ? ['', `_Showing ${wholeNumber(count)} of ${wholeNumber(results.length)} results to fit GitHub's size limit; ${COMPLETE} have them all._`] : []),
  ];
  if (parts.changed.length > 0) out.push(...table(parts.changed, shown.changed), '');
  else if (report.baseline !== null) out.push(`No pair changed against ${markdownText(report.baseline)}.`, '');
  if (parts.unchanged.length > 0) {
    out.push(`<details><summary>${wholeNumber(parts.unchanged.length)} unchanged pair${parts.unchanged.length === 1 ? '' : 's'}</summary>`, '');
    out.push(...(shown.unchanged > 0 ? table(parts.unchanged, shown.unchanged) : [`_Left out to fit GitHub's size limit; ${COMPLETE} have them all._`]), '', '</details>', '');
  }
  const footnote = roofFootnote([...parts.changed.slice(0, shown.changed), ...parts.unchanged.slice(0, shown.unchanged)]);
  if (footnote) out.push(markdownText(footnote), '');
  const leftOut = levelsLeftOutNote(report.results);
  if (leftOut) out.push(`_${markdownText(leftOut)}_`, '');
  for (const pair of report.removed) out.push(`Removed: ${markdownText(pair.model)} on ${markdownText(pair.hardware)} (was ${markdownText(snapshotText(pair.base))})`, '');
  if (shown.opRows > 0) for (const result of withChangedOps(parts.changed.slice(0, shown.changed))) out.push(...changedOps(result, shown.opRows));
  const tokens = tokenLines([...parts.changed.slice(0, shown.changed), ...parts.unchanged.slice(0, shown.unchanged)]);
  if (tokens.length > 0) out.push('**Tokens**', '', ...tokens.map(({ result, text }) => `- ${markdownText(result.model)} on ${markdownText(result.hardware)}: ${markdownText(text)}`), '');

  const notes = notesLine(report.notes ?? []);
  if (report.advice.length > 0 || notes !== null) {
    const items = report.advice.slice(0, shown.advice);
    out.push(`<details><summary>Advice (${wholeNumber(report.advice.length)})</summary>`, '');
    for (const item of items) out.push(`- ${markdownText(item.message)}`);
    if (items.length < report.advice.length) out.push(`- _…${wholeNumber(report.advice.length - items.length)} more in report.json_`);
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
  const fail = report.findings.filter((f) => f.severity === 'fail').length;
  const warn = report.findings.length - fail;
  const memory = report.results.filter((r) => r.bound === 'memory').length;
  const against = report.baseline === null ? 'no baseline' : `against ${markdownText(report.baseline)}`;
  return `${wholeNumber(report.results.length)} model × hardware pairs (${wholeNumber(memory)} ${BOUND_WORDS.memory}), ${wholeNumber(fail)} failing and ${wholeNumber(warn)} warning findings, ${against}.`;
}

/** A code block whose fence is longer than any backtick run inside, so the text cannot close it. */
export function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}text\n${text}\n${marks}`;
}
