// `roofline-gate hardware [ID]`: the catalog as a person reads it, with where each figure comes from.
import { PRECISIONS, type Precision } from '../types.js';
import { levelText, si } from '../format.js';
import { type CatalogEntry, type Figure, LEVEL_NAMES } from './types.js';

/** Capacities in the binary units they are built in (16 GiB), where they are whole in them. */
const bytesText = (figure: Figure) => {
  const binary = ([['TiB', 2 ** 40], ['GiB', 2 ** 30]] as const).find(([, unit]) => figure.value >= unit && Number.isInteger(figure.value / unit));
  return binary ? `${figure.value / binary[1]} ${binary[0]}` : si(figure.value, 'B');
};

/** Precisions shown as columns in the overview; `hardware ID` shows every one. */
const OVERVIEW: readonly Precision[] = ['fp64', 'fp32', 'tf32', 'fp16', 'bf16', 'fp8', 'int8', 'fp4'];

/**
 * One line per device: its id, dense peak per precision (FLOP/s, OP/s for int8), bandwidth per memory level
 * (a column for each level any device has, outermost first: DRAM, LLC, L2, L1), and its name, with figures
 * in SI prefixes to 3 significant figures and `-` where there is no roof or no such level.
 */
export function catalogTable(entries: readonly CatalogEntry[]): string {
  const compact = (value: number) => si(value, '').trim();
  // The catalog's level names, outermost first, of those some device has.
  const levels = LEVEL_NAMES.filter((name) => entries.some((entry) => entry.levels.some((level) => level.name === name)));
  const head = ['ID', ...OVERVIEW.map((p) => p.toUpperCase()), ...levels.map((level) => `${levelText(level)} B/s`), 'NAME'];
  const rows = entries.map((entry) => [
    entry.id,
    ...OVERVIEW.map((p) => (entry.compute[p] ? compact(entry.compute[p]!.value) : '-')),
    ...levels.map((name) => {
      const level = entry.levels.find((l) => l.name === name);
      return level ? compact(level.bytesPerSecond.value) : '-';
    }),
    entry.name,
  ]);
  const widths = head.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const last = head.length - 1;
  const format = (row: string[]) =>
    row.map((cell, column) => (column === 0 || column === last ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd();
  return [
    format(head),
    ...rows.map(format),
    '',
    'Dense peaks in FLOP/s (OP/s for INT8), never a sparsity figure. Every figure and its source: roofline-gate hardware ID',
  ].join('\n') + '\n';
}

/** Every figure of one device with its source and note. */
export function catalogDetail(entry: CatalogEntry): string {
  const lines = [`${entry.name} (${entry.id})`, `aliases: ${entry.aliases.join(', ') || '-'}`, `vendor: ${entry.vendor}, ${entry.kind}, ${entry.year}`, ''];
  const cite = (figure: Figure) => `${figure.kind.padEnd(8)} [${figure.source}]${figure.note ? ` ${figure.note}` : ''}`;
  lines.push('Dense peak (never a sparsity figure):');
  for (const precision of PRECISIONS) {
    const figure = entry.compute[precision];
    const unit = precision.startsWith('int') ? 'OP/s' : 'FLOP/s';
    if (figure) lines.push(`  ${precision.padEnd(5)} ${si(figure.value, unit).padStart(14)}  ${cite(figure)}`);
  }
  lines.push('Memory:', `  capacity ${bytesText(entry.capacityBytes).padStart(11)}  ${cite(entry.capacityBytes)}`);
  for (const level of entry.levels) {
    lines.push(`  ${level.name.padEnd(8)} ${si(level.bytesPerSecond.value, 'B/s').padStart(11)}  ${cite(level.bytesPerSecond)}`);
  }
  lines.push(
    'Kinds: vendor = the source states it; derived = computed from vendor figures (the note gives how);',
    '       measured = a published benchmark (the note names who, on what, where); estimate = none of these.',
    'Sources:',
  );
  for (const [key, source] of Object.entries(entry.sources)) lines.push(`  [${key}] ${source.title}: ${source.url}`);
  return `${lines.join('\n')}\n`;
}
