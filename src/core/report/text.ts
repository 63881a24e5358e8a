// The report for a person at a terminal: an aligned table, human units, then findings, advice and the verdict.
import { notesLine } from '../gate/index.js';
import type { Report } from './types.js';
import { columnsFor, row, snapshotText, type Column } from './table.js';

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
const RIGHT_ALIGNED = new Set<Column>(['ridge', 'attainable', 'time', 'throughput', 'efficiency', 'change']);

export function renderText(report: Report, options: TextOptions = {}): string {
  const paint = options.paint ?? ((text: string) => text);
  const hasBaseline = report.baseline !== null;
  const columns = columnsFor(report);
  const rows = report.results.map((result) => row(result, hasBaseline));
  const widths = columns.map((column) => Math.max(HEADINGS[column].length, ...rows.map((r) => [...r[column]].length)));
  const cell = (text: string, index: number) => {
    const column = columns[index]!;
    const pad = ' '.repeat(widths[index]! - [...text].length);
    return RIGHT_ALIGNED.has(column) ? pad + text : text + pad;
  };
  const lines = [paint(columns.map((column, index) => cell(HEADINGS[column], index)).join('  ').trimEnd(), 'bold')];
  report.results.forEach((result, at) => {
    const cells = columns.map((column, index) => {
      const text = cell(rows[at]![column], index);
      return column === 'bound' ? paint(text, result.bound) : text;
    });
    lines.push(cells.join('  ').trimEnd());
  });

  for (const pair of report.removed) lines.push(paint(`removed: ${pair.model} on ${pair.hardware} (was ${snapshotText(pair.base)})`, 'dim'));

  if (report.findings.length > 0) {
    lines.push('', paint('Findings', 'bold'));
    for (const finding of report.findings) lines.push(`  ${paint(finding.severity.toUpperCase().padEnd(4), finding.severity)}  ${finding.rule}: ${finding.message}`);
  }

  const maxAdvice = options.maxAdvice ?? 8;
  const notes = notesLine(report.notes ?? []);
  if (report.advice.length > 0 || notes !== null) {
    lines.push('', paint('Advice', 'bold'));
    for (const item of report.advice.slice(0, maxAdvice)) lines.push(`  - ${item.message}`);
    if (report.advice.length > maxAdvice) lines.push(paint(`  ... ${report.advice.length - maxAdvice} more in report.json`, 'dim'));
    if (notes !== null) lines.push(paint(`  ${notes}`, 'dim'));
  }

  lines.push('', verdictLine(report, paint));
  return `${lines.join('\n')}\n`;
}

function verdictLine(report: Report, paint: NonNullable<TextOptions['paint']>): string {
  const against = report.baseline === null ? 'no baseline' : `against ${report.baseline}`;
  const counts = ['fail', 'warn'].map((severity) => `${report.findings.filter((f) => f.severity === severity).length} ${severity}`).join(', ');
  return `${paint(report.status.toUpperCase(), report.status)}  ${report.results.length} results, ${counts}, ${against}`;
}
