// The format of an op table given without `format:`, read from the start of its content (the shell hands
// over the first few tens of kilobytes), with the file's extension as the tie-breaker for our own formats.
import { IMPORT_FORMATS, type ImportFormat } from './imported.js';
import { ncuHeaderStart } from './ncu.js';

/** How much of the file the shell reads before sniffing (more when the text before an ncu header is long). */
export const SNIFF_BYTES = 64 * 1024;

/**
 * The format of a file from its extension and first SNIFF_BYTES, or null when nothing matches.
 *
 *   sniffFormat('ops.csv', 'name,flops,bytes\n...')                          //=> 'csv'
 *   sniffFormat('profile.csv', '==PROF== Connected...\n"ID","Process ID",...') //=> 'ncu'
 */
export function sniffFormat(file: string, head: string): ImportFormat | null {
  const extension = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
  if (extension === 'json' || extension === 'jsonl') return extension;
  if (ncuHeaderStart(head) >= 0 || /^==PROF==/m.test(head)) return 'ncu';
  if (/^\|\s*module\s*\|.*#flops/im.test(head)) return 'fvcore';
  if (/DeepSpeed Flops Profiler/i.test(head) || /^\s*params, percentage of total params, MACs/m.test(head)) return 'deepspeed';
  if (/module name.*MAdd.*MemRead/i.test(head)) return 'torchstat';
  const firstLine = head.replace(/^\uFEFF/, '').split('\n', 1)[0]!;
  if (extension === 'csv' || /^\s*"?name"?\s*,/.test(firstLine)) return 'csv';
  return null;
}

/** The formats, for an error that lists them. */
export const FORMAT_LIST = IMPORT_FORMATS.join(', ');
