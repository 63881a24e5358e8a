// What explains a finding (SPEC section 6): for a model given as ops, the ops behind it, named in the
// message and listed in `ops`; for one given as totals, the input that moved. A finding about a change
// (against the baseline) names the changed ops that add most of the time change in its direction; one about
// the head alone (a budget, the roof) names the slowest ops, where the time goes.
import { boundText } from '../bound-text.js';
import { time } from '../format.js';
import { EXPLAINING_OPS, MESSAGE_LENGTH } from '../limits.js';
import { inputsMoved, opChangeText, opDelta } from '../op-change-text.js';
import type { Finding, ReportResult, RuleId } from './types.js';

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
  const why = CHANGE_RULES.has(finding.rule) ? changeExplanation(result, finding.level) : slowestOps(result);
  if (why === null) return finding;
  // Names of up to 200 characters, of ops and of levels, could make it longer than report.json takes.
  const message = `${finding.message}; ${why.text}`;
  const fitted = message.length <= MESSAGE_LENGTH ? message : `${message.slice(0, MESSAGE_LENGTH - 1)}…`;
  return { ...finding, message: fitted, ...(why.ops ? { ops: why.ops } : {}) };
}

const more = (count: number): string => `and ${count} more changed op${count === 1 ? '' : 's'}`;

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

function slowestOps(result: ReportResult): Explanation | null {
  if (!result.ops) return null;
  const shown = result.ops.slowest.slice(0, EXPLAINING_OPS);
  const texts = shown.map((op) => `${op.name} ${time(op.seconds)} (${boundText(op.bindingLevel)})`);
  return { text: `slowest ops: ${texts.join(', ')}`, ops: shown.map((op) => op.name) };
}
