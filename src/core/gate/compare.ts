// Pairs the head's results with the baseline's by (model, hardware): what the rules compare.
import type { OpChanges } from '../results.js';
import type { Result } from '../types.js';
import type { RemovedPair, ReportResult, Snapshot } from './types.js';

/** The baseline's side of a pair: only the figures a comparison or a reader needs. */
export function snapshot(result: Result): Snapshot {
  return {
    flops: result.flops,
    bytes: { ...result.bytes },
    intensity: { ...result.intensity },
    attainableFlopsPerSecond: result.attainableFlopsPerSecond,
    effectiveFlopsPerSecond: result.effectiveFlopsPerSecond,
    bound: result.bound,
    bindingLevel: result.bindingLevel,
    seconds: result.seconds,
    throughput: result.throughput,
    efficiency: result.efficiency,
    ...(result.crossoverBatch !== undefined && { crossoverBatch: result.crossoverBatch }),
  };
}

// A separator no model name or device id can contain, so that ('a-b', 'c') and ('a', 'b-c') stay apart.
const pairKey = (result: { model: string; hardware: string }): string => `${result.model}\u0000${result.hardware}`;

/** The per-op comparison of a pair present on both sides (op-changes.ts), null when there is none. */
export type OpChangesOf = (pair: { model: string; hardware: string }) => OpChanges | null;

/**
 * Head results, each with its baseline (`base: null` when the pair is new or there is no baseline), and the
 * pairs only in the baseline, in baseline order. Neither added nor removed pairs are findings by themselves:
 * adding a target or retiring a model is a decision, not a regression. `opChangesOf` compares a pair given
 * as ops on both sides op by op (without it, `ops.changed` is null).
 */
export function compare(
  head: readonly Result[],
  base: readonly Result[] | null,
  opChangesOf: OpChangesOf = () => null,
): { results: ReportResult[]; removed: RemovedPair[] } {
  const baseByPair = new Map((base ?? []).map((result) => [pairKey(result), result]));
  const headPairs = new Set(head.map(pairKey));
  const results = head.map((result): ReportResult => {
    const before = baseByPair.get(pairKey(result));
    const changes = before?.ops && result.ops ? opChangesOf(result) : null;
    const ops = result.ops && { ...result.ops, changed: changes?.changed ?? null, moreChanged: changes?.moreChanged ?? 0 };
    return { ...result, ops, base: before ? snapshot(before) : null };
  });
  const removed = (base ?? [])
    .filter((result) => !headPairs.has(pairKey(result)))
    .map((result): RemovedPair => ({ model: result.model, hardware: result.hardware, base: snapshot(result) }));
  return { results, removed };
}
