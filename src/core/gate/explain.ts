// What explains a finding (SPEC section 6): for a model given as ops, the ops behind it, named in the
// message and listed in `ops`; for one given as totals, the input that moved. A finding about a change
// (against the baseline) names the changed ops that add most of the time change in its direction; one about
// the head alone (a budget, the roof) names the slowest ops, where the time goes. Where ops carry measured
// times, an efficiency finding names the ops by their own efficiency instead: above-roof the ops that beat
// their roofs, efficiency-drop the slowest ops furthest below theirs.
import { boundText } from '../bound-text.js';
import { efficiency, time, wholeNumber } from '../format.js';
import { EXPLAINING_OPS, MESSAGE_LENGTH } from '../limits.js';
import { cutToFit } from '../text-size.js';
import { inputsMoved, opChangeText, opDelta } from '../op-change-text.js';
import type { Finding, ReportResult, RuleId } from './types.js';
import type { OpTime } from '../results.js';

/** The rules that compare a pair with its baseline. */
const CHANGE_RULES: ReadonlySet<RuleId> = new Set(['throughput-drop', 'intensity-drop', 'bound-shift', 'efficiency-drop']);

/** The rules whose message already says what explains them: where the time goes does not (memory, the crossover). */
const SELF_EXPLAINED: ReadonlySet<RuleId> = new Set(['exceeds-memory', 'max-crossover-batch']);

interface Explanation {
  text: string;
  /** The ops named, for a model given as ops. */
  ops?: string[];
}

/** `finding` with its explanation appended to the message (`; attention: ...`) and its ops listed. */
export function explained(finding: Finding, result: ReportResult): Finding {
  if (SELF_EXPLAINED.has(finding.rule)) return finding;
  const why =
    finding.rule === 'efficiency-drop'
      ? (leastEfficientOps(result) ?? changeExplanation(result, finding.level))
      : finding.rule === 'above-roof'
        ? (opsAboveRoof(result) ?? slowestOps(result))
        : CHANGE_RULES.has(finding.rule) ? changeExplanation(result, finding.level) : slowestOps(result);
  if (why === null) return finding;
  // Names of up to 200 characters, of ops and of levels, could make it longer than report.json takes.
  const message = `${finding.message}; ${why.text}`;
  return { ...finding, message: cutToFit(message, { chars: MESSAGE_LENGTH }), ...(why.ops ? { ops: why.ops } : {}) };
}

const more = (count: number): string => `and ${wholeNumber(count)} more changed op${count === 1 ? '' : 's'}`;

function changeExplanation(result: ReportResult, level: string | undefined): Explanation | null {
  const base = result.base;
  const changed = result.ops?.changed;
  if (changed) {
    if (changed.length === 0) return { text: "no op's time changed", ops: [] };
    // The ops that moved the time the way the pair moved (all of them when it did not move), largest first.
    const direction = Math.sign(result.seconds - (base?.seconds ?? result.seconds));
    const shown = changed.filter((change) => direction === 0 || Math.sign(opDelta(change)) === direction).slice(0, EXPLAINING_OPS);
    const rest = changed.length + result.ops!.moreChanged - shown.length;
    const texts = shown.map((change) => opChangeText(change, level));
    return { text: [...texts, ...(rest > 0 ? [more(rest)] : [])].join('; '), ops: shown.map((change) => change.name) };
  }
  // Totals on either side: the model's own inputs are what can be compared.
  if (!base || base.flops === null || base.bytes === null) return null;
  return { text: inputsMoved({ flops: base.flops, bytes: base.bytes }, result) };
}

/** `k1 41.2% (12.0 us measured, roofline 4.94 us)` */
const opEfficiencyText = (op: OpTime): string =>
  `${op.name} ${efficiency(op.efficiency!)} (${time(op.measuredSeconds!)} measured, roofline ${time(op.seconds)})`;

/**
 * An efficiency that fell, for ops with measured times: of the slowest ops, those whose measured time is
 * furthest over their roofline time, where the time went. Null when no op of them is measured (the
 * model's `measured:` alone gave its efficiency).
 */
function leastEfficientOps(result: ReportResult): Explanation | null {
  const measured = (result.ops?.slowest ?? []).filter((op) => op.measuredSeconds !== null);
  if (measured.length === 0) return null;
  const lost = (op: OpTime) => op.measuredSeconds! - op.seconds;
  const shown = [...measured].sort((a, b) => lost(b) - lost(a)).slice(0, EXPLAINING_OPS);
  return { text: `furthest below their roofs: ${shown.map(opEfficiencyText).join(', ')}`, ops: shown.map((op) => op.name) };
}

/** The measured ops above their roofs, furthest first; null when none is. */
function opsAboveRoof(result: ReportResult): Explanation | null {
  const above = result.ops?.aboveRoof ?? [];
  if (above.length === 0) return null;
  const rest = result.ops!.aboveRoofCount - above.length;
  const texts = [...above.map(opEfficiencyText), ...(rest > 0 ? [`and ${wholeNumber(rest)} more`] : [])];
  return { text: `above their roofs: ${texts.join(', ')}`, ops: above.map((op) => op.name) };
}

function slowestOps(result: ReportResult): Explanation | null {
  if (!result.ops) return null;
  const shown = result.ops.slowest.slice(0, EXPLAINING_OPS);
  const texts = shown.map((op) => `${op.name} ${time(op.seconds)} (${boundText(op.bindingLevel)})`);
  return { text: `slowest ops: ${texts.join(', ')}`, ops: shown.map((op) => op.name) };
}
