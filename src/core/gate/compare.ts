// Pairs the head's results with the baseline's by (model, hardware): what the rules compare.
import type { RemovedPair, ReportResult } from './types.js';
import type { Result } from '../types.js';
import type { Snapshot } from './types.js';

/** The baseline's side of a pair: only the figures a comparison or a reader needs. */
export function snapshot(result: Result): Snapshot {
  return {
    intensity: { ...result.intensity },
    attainableFlopsPerSecond: result.attainableFlopsPerSecond,
    bound: result.bound,
    bindingLevel: result.bindingLevel,
    seconds: result.seconds,
    throughput: result.throughput,
    efficiency: result.efficiency,
  };
}

// A separator no model name or device id can contain, so that ('a-b', 'c') and ('a', 'b-c') stay apart.
const pairKey = (result: { model: string; hardware: string }): string => `${result.model}\u0000${result.hardware}`;

/**
 * Head results, each with its baseline (`base: null` when the pair is new or there is no baseline), and the
 * pairs only in the baseline, in baseline order. Neither added nor removed pairs are findings by themselves:
 * adding a target or retiring a model is a decision, not a regression.
 */
export function compare(head: readonly Result[], base: readonly Result[] | null): { results: ReportResult[]; removed: RemovedPair[] } {
  const baseByPair = new Map((base ?? []).map((result) => [pairKey(result), result]));
  const headPairs = new Set(head.map(pairKey));
  const results = head.map((result): ReportResult => {
    const before = baseByPair.get(pairKey(result));
    return { ...result, base: before ? snapshot(before) : null };
  });
  const removed = (base ?? [])
    .filter((result) => !headPairs.has(pairKey(result)))
    .map((result): RemovedPair => ({ model: result.model, hardware: result.hardware, base: snapshot(result) }));
  return { results, removed };
}
