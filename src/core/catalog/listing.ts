// `roofline-gate hardware [ID]`: the catalog as a person reads it, with where each figure comes from.
import { PRECISIONS } from '../types.js';
import { si } from '../units.js';
import type { CatalogEntry, Figure } from './types.js';

const bytesText = (figure: Figure) => si(figure.value, 'B');

/** One line per device: id, name, the widest-to-narrowest roofs it has, and its DRAM bandwidth. */
export function catalogTable(entries: readonly CatalogEntry[]): string {
  const rows = entries.map((entry) => [
    entry.id,
    entry.name,
    PRECISIONS.filter((p) => entry.compute[p]).map((p) => `${p} ${si(entry.compute[p]!.value, 'FLOP/s')}`).join(', ') || '(no published compute figures)',
    `${si(entry.levels[0]!.bytesPerSecond.value, 'B/s')}`,
  ]);
  const head = ['ID', 'NAME', 'DENSE PEAK', 'DRAM'];
  const widths = head.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const format = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [format(head), ...rows.map(format), '', 'Details and sources: roofline-gate hardware ID'].join('\n') + '\n';
}

/** Every figure of one device with its source and note. */
export function catalogDetail(entry: CatalogEntry): string {
  const lines = [`${entry.name} (${entry.id})`, `aliases: ${entry.aliases.join(', ') || '-'}`, `vendor: ${entry.vendor}, ${entry.kind}, ${entry.year}`, ''];
  const cite = (figure: Figure) => `[${figure.source}]${figure.note ? ` ${figure.note}` : ''}`;
  lines.push('Dense peak (never a sparsity figure):');
  for (const precision of PRECISIONS) {
    const figure = entry.compute[precision];
    if (figure) lines.push(`  ${precision.padEnd(5)} ${si(figure.value, 'FLOP/s').padStart(14)}  ${cite(figure)}`);
  }
  lines.push('Memory:', `  capacity ${bytesText(entry.capacityBytes).padStart(11)}  ${cite(entry.capacityBytes)}`);
  for (const level of entry.levels) {
    lines.push(`  ${level.name.padEnd(8)} ${si(level.bytesPerSecond.value, 'B/s').padStart(11)}  ${cite(level.bytesPerSecond)}`);
  }
  lines.push('Sources:');
  for (const [key, source] of Object.entries(entry.sources)) lines.push(`  [${key}] ${source.title}: ${source.url}`);
  return `${lines.join('\n')}\n`;
}
