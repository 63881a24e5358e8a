// The report for a person at a terminal: an aligned table, human units, then findings, advice and the verdict.
import { notesLine } from '../gate/index.js';
import { changedCount, changedTitle, OP_COLUMNS, opRow, withChangedOps, type OpColumn } from './op-rows.js';
import { adviceTotal, findingCounts, findingTotal, moreText } from './listed.js';
import type { Report } from './types.js';
import { columnsFor, roofFootnote, row, snapshotText, type Column } from './table.js';
import { levelsLeftOutNote } from './levels-left-out.js';
import { tokenLines } from './token-lines.js';
import { commandSafe, withVisibleStrings } from './escape.js';
import { wholeNumber } from '../format.js';

export type Style = 'compute' | 'memory' | 'fail' | 'warn' | 'pass' | 'dim' | 'bold';

export interface TextOptions {
  /** Colours a piece of text; the shell passes one when stdout is a TTY. */
  paint?: (text: string, style: Style) => string;
  /** Advice items shown per report (the JSON has them all). */
  maxAdvice?: number;
}

const HEADINGS: Record<Column, string> = {
  model: 'MODEL', hardware: 'HARDWARE', precision: 'PREC', intensity: 'INTENSITY', ridge: 'RIDGE',
  bound: 'BOUND', attainable: 'ATTAINABLE', time: 'TIME/PASS', throughput: 'THROUGHPUT', efficiency: 'EFFICIENCY', change: 'CHANGE',
};
const RIGHT_ALIGNED = new Set<Column | OpColumn>(['ridge', 'attainable', 'time', 'throughput', 'efficiency', 'change']);

/** `rows` as aligned lines, each cell padded to its column's widest (right-aligned where numbers are). */
function aligned<C extends Column | OpColumn>(columns: readonly C[], rows: ReadonlyArray<Record<C, string>>): string[][] {
  // A loop, not Math.max(...rows): a spread of 100,000 or more arguments overflows the stack.
  const widths = columns.map((column) => rows.reduce((widest, r) => Math.max(widest, [...r[column]].length), 0));
  return rows.map((r) =>
    columns.map((column, index) => {
      const pad = ' '.repeat(widths[index]! - [...r[column]].length);
      return RIGHT_ALIGNED.has(column) ? pad + r[column] : r[column] + pad;
    }),
  );
}

/** The report as text; names from the config are shown visibly (escape.ts) and forge no workflow command. */
export function renderText(given: Report, options: TextOptions = {}): string {
  const report = withVisibleStrings(given);
  const paint = options.paint ?? ((text: string) => text);
  const hasBaseline = report.baseline !== null;
  const columns = columnsFor(report);
  const rows = report.results.map((result) => row(result, hasBaseline));
  const [heading, ...body] = aligned(columns, [HEADINGS, ...rows]);
  const lines = [paint(heading!.join('  ').trimEnd(), 'bold')];
  report.results.forEach((result, at) => {
    const cells = body[at]!.map((text, index) => (columns[index] === 'bound' ? paint(text, result.bound) : text));
    lines.push(cells.join('  ').trimEnd());
  });

  const footnote = roofFootnote(report.results);
  if (footnote) lines.push(paint(footnote, 'dim'));
  const leftOut = levelsLeftOutNote(report.results);
  if (leftOut) lines.push(paint(leftOut, 'dim'));
  for (const pair of report.removed) lines.push(paint(`removed: ${pair.model} on ${pair.hardware} (was ${snapshotText(pair.base)})`, 'dim'));

  const changed = withChangedOps(report.results);
  if (changed.length > 0) lines.push('', paint('Changed ops', 'bold'));
  for (const result of changed) {
    const listed = result.ops!.changed!;
    lines.push(`  ${result.model} on ${result.hardware}: ${changedTitle(result)}${listed.length < changedCount(result) ? `, the ${wholeNumber(listed.length)} largest changes:` : ''}`);
    for (const cells of aligned(OP_COLUMNS, listed.map(opRow))) lines.push(`    ${cells.join('  ').trimEnd()}`);
  }

  // LLM models: the two latencies a server is judged by, and the memory the workload needs.
  const tokens = tokenLines(report.results);
  if (tokens.length > 0) {
    lines.push('', paint('Tokens', 'bold'));
    for (const { result, text } of tokens) lines.push(`  ${result.model} on ${result.hardware}: ${text}`);
  }

  if (findingTotal(report) > 0) {
    lines.push('', paint('Findings', 'bold'));
    for (const finding of report.findings) lines.push(`  ${paint(finding.severity.toUpperCase().padEnd(4), finding.severity)}  ${finding.rule}: ${finding.message}`);
    const more = moreText(0, findingTotal(report) - report.findings.length, 'findings');
    if (more !== null) lines.push(paint(`  ... ${more}`, 'dim'));
  }

  const maxAdvice = options.maxAdvice ?? 8;
  const notes = notesLine(report.notes ?? []);
  if (adviceTotal(report) > 0 || notes !== null) {
    lines.push('', paint('Advice', 'bold'));
    for (const item of report.advice.slice(0, maxAdvice)) lines.push(`  - ${item.message}`);
    const more = moreText(Math.max(0, report.advice.length - maxAdvice), adviceTotal(report) - report.advice.length, '');
    if (more !== null) lines.push(paint(`  ... ${more}`, 'dim'));
    if (notes !== null) lines.push(paint(`  ${notes}`, 'dim'));
  }

  lines.push('', verdictLine(report, paint));
  return commandSafe(`${lines.join('\n')}\n`);
}

function verdictLine(report: Report, paint: NonNullable<TextOptions['paint']>): string {
  const against = report.baseline === null ? 'no baseline' : `against ${report.baseline}`;
  const { fail, warn } = findingCounts(report);
  const counts = `${wholeNumber(fail)} fail, ${wholeNumber(warn)} warn`;
  return `${paint(report.status.toUpperCase(), report.status)}  ${wholeNumber(report.results.length)} results, ${counts}, ${against}`;
}
