// The gate: baseline comparison, rules, verdict and advice. Pure: results and config in, decisions out.
import type { GateConfig } from '../config/schema.js';
import type { RemovedPair, ReportResult } from './types.js';
import type { Result } from '../types.js';
import { compare, type OpChangesOf } from './compare.js';
import { check } from './rules.js';
import type { Finding, Status } from './types.js';
import { verdict } from './verdict.js';

export { advise, notesLine } from './advice.js';
export { compare, snapshot, type OpChangesOf } from './compare.js';
export { opChanges, opChangesOf } from './op-changes.js';
export { DEFAULT_GATE, check, relativeDrop, rulesFor, type Budgets, type Rules, type Switch, type Thresholds } from './rules.js';
export type { Advice, AdviceKind, AdviceNote, Finding, RuleId, Severity, Snapshot, Status } from './types.js';
export { verdict } from './verdict.js';

/**
 * Compares `head` with `base` (null: no baseline, so only budgets and above-roof apply) under `gate`
 * (undefined: DEFAULT_GATE), and decides. `opChangesOf` compares models given as ops op by op.
 */
export function evaluate(
  head: readonly Result[],
  base: readonly Result[] | null,
  gate: GateConfig | undefined,
  opChangesOf?: OpChangesOf,
): { results: ReportResult[]; removed: RemovedPair[]; findings: Finding[]; status: Status } {
  const { results, removed } = compare(head, base, opChangesOf);
  // Failures first, so that the reader meets what blocks the merge before what only warns.
  const findings = [...check(results, gate)].sort((a, b) => Number(b.severity === 'fail') - Number(a.severity === 'fail'));
  return { results, removed, findings, status: verdict(findings) };
}
