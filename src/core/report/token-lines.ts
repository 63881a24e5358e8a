// The "Tokens" lines of the text and Markdown reports: for each LLM pair, the latencies a server is judged
// by, the memory its workload needs on the device, and the batch from which decode is compute-bound.
import { decodeBoundText, memoryText } from '../footprint-text.js';
import { time } from '../format.js';
import type { ReportResult } from './types.js';

/**
 * One line per generated pair (without its `model on hardware` prefix):
 * 'time per output token 7.10 ms, memory 16.6 GB of 85.9 GB (weights 16.1 GB, KV cache 537 MB, activations 1.05 MB)'.
 */
export function tokenLines(results: readonly ReportResult[]): Array<{ result: ReportResult; text: string }> {
  return results.flatMap((result) => {
    const parts = [
      result.ttftSeconds != null && `time to first token ${time(result.ttftSeconds)}`,
      result.tpotSeconds != null && `time per output token ${time(result.tpotSeconds)}`,
      memoryText(result),
      result.crossoverBatch !== undefined && decodeBoundText(result.crossoverBatch),
    ].filter((part): part is string => typeof part === 'string');
    return parts.length > 0 ? [{ result, text: parts.join(', ') }] : [];
  });
}
