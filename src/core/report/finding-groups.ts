// Findings grouped by model and cause, so that a reviewer reads one line per thing that happened instead of
// one per finding: `resnet50: DRAM bytes +27.0% -> throughput -10.2% to -21.4% on 3 devices;
// compute-bound -> memory-bound (DRAM) on a100`. The comment, report.md, the job summary and the
// annotations all start from these lines; the findings themselves stay as they are (report.json).
import { boundText } from '../bound-text.js';
import { levelText, perSecond, signedPercent, time, wholeNumber } from '../format.js';
import { EXPLAINING_OPS } from '../limits.js';
import { opFigure } from '../op-change-text.js';
import type { Finding, RuleId, Severity } from '../gate/types.js';
import type { Report, ReportResult } from './types.js';

export interface FindingGroup {
  model: string;
  /** The worst severity among the findings. */
  severity: Severity;
  /** What happened, without the model: `DRAM bytes +27.0% -> throughput -10.2% to -21.4% on 3 devices`. */
  summary: string;
  /** The findings the line stands for, in report order. */
  findings: Finding[];
}

/** The rules that compare a pair with its baseline: their cause is what moved in the model's inputs. */
const CHANGE_RULES: ReadonlySet<RuleId> = new Set(['throughput-drop', 'intensity-drop', 'bound-shift', 'efficiency-drop']);

/** The order effects are told in: what a user feels first, then why. */
const RULE_ORDER: readonly RuleId[] = [
  'exceeds-memory', 'throughput-drop', 'bound-shift', 'intensity-drop', 'efficiency-drop', 'min-throughput', 'max-latency', 'max-crossover-batch',
  'ridge-margin', 'above-roof',
];

/** `model: summary`, the line as plain text (annotations, logs). */
export const groupLine = (group: FindingGroup): string => `${group.model}: ${group.summary}`;

/**
 * The report's findings as one group per model and cause, failing groups first, then in the order of their
 * first finding. A change finding's cause is what moved in the model's inputs (the same on every device);
 * findings about the head alone (budgets, above-roof) share one group per model.
 */
export function findingGroups(report: Pick<Report, 'findings' | 'results'>): FindingGroup[] {
  const results = new Map(report.results.map((result) => [pairKey(result), result]));
  const groups = new Map<string, { model: string; cause: string | null; findings: Finding[] }>();
  for (const finding of report.findings) {
    const result = results.get(pairKey(finding));
    const cause = CHANGE_RULES.has(finding.rule) && result?.base ? inputChange(result) : null;
    const key = `${finding.model}\u0000${cause ?? ''}`;
    const group = groups.get(key) ?? { model: finding.model, cause, findings: [] };
    group.findings.push(finding);
    groups.set(key, group);
  }
  const all = [...groups.values()].map(({ model, cause, findings }): FindingGroup => {
    const effects = effectTexts(findings, results);
    const named = cause === null ? '' : `${cause}${changedOpsText(findings, results)} -> `;
    return { model, severity: findings.some((f) => f.severity === 'fail') ? 'fail' : 'warn', summary: `${named}${effects.join('; ')}`, findings };
  });
  return [...all.filter((g) => g.severity === 'fail'), ...all.filter((g) => g.severity !== 'fail')];
}

// As in compare.ts: no name can contain the separator.
const pairKey = (pair: { model: string; hardware: string }): string => `${pair.model}\u0000${pair.hardware}`;

const moved = (before: number | undefined, after: number | undefined): boolean => (before ?? 0) !== (after ?? 0);

/** A relative change, or what happened to a figure given on one side only. */
function changeText(before: number | undefined, after: number | undefined): string {
  if (before === undefined || before === 0) return 'added';
  if (after === undefined || after === 0) return 'removed';
  return signedPercent(after / before - 1);
}

/**
 * What moved in the model's inputs, totals over its ops: inputChange(result) //=> 'DRAM bytes +27.0%',
 * 'FLOPs +10.0%, DRAM bytes +5.0%', or 'same FLOPs and bytes' (then the device, precision or measurement moved).
 */
export function inputChange(result: ReportResult): string {
  const base = result.base!;
  if (base.flops === null || base.bytes === null) return 'inputs not recorded in the baseline';
  const levels = [...new Set([...Object.keys(base.bytes), ...Object.keys(result.bytes)])];
  const parts = [
    ...(moved(base.flops, result.flops) ? [`FLOPs ${changeText(base.flops, result.flops)}`] : []),
    ...levels.filter((level) => moved(base.bytes![level], result.bytes[level])).map((level) => `${levelText(level)} bytes ${changeText(base.bytes![level], result.bytes[level])}`),
  ];
  return parts.length === 0 ? 'same FLOPs and bytes' : parts.join(', ');
}

/** For a model given as ops, the ops whose inputs moved, from the group's first pair: ` (ops: attention, mlp_down)`. */
function changedOpsText(findings: readonly Finding[], results: ReadonlyMap<string, ReportResult>): string {
  const changed = results.get(pairKey(findings[0]!))?.ops?.changed;
  if (!changed) return '';
  const names = changed.filter((change) => opFigure(change) !== 'same FLOPs and bytes').map((change) => change.name);
  if (names.length === 0) return '';
  const rest = names.length - EXPLAINING_OPS;
  return ` (${names.length === 1 ? 'op' : 'ops'}: ${names.slice(0, EXPLAINING_OPS).join(', ')}${rest > 0 ? ` and ${wholeNumber(rest)} more` : ''})`;
}

/** Where an effect happened: `on a100`, `on a100 and h100`, `on 3 devices`. */
function where(devices: readonly string[]): string {
  const unique = [...new Set(devices)];
  if (unique.length <= 2) return `on ${unique.join(' and ')}`;
  return `on ${wholeNumber(unique.length)} devices`;
}

/** Changes from the smallest to the largest: `-10.2% to -21.4%`, or one figure when they read the same. */
function range(fractions: readonly number[]): string {
  const texts = [...new Set([...fractions].sort((a, b) => Math.abs(a) - Math.abs(b)).map(signedPercent))];
  return texts.length === 1 ? texts[0]! : `${texts[0]} to ${texts.at(-1)}`;
}

/** A finding's relative change, after / before - 1 (an infinite `before`, written null, fell by 100%). */
const relative = (finding: Finding): number => {
  if (finding.before === null || finding.before === undefined) return -1;
  return (finding.after ?? 0) / finding.before - 1;
};

/** One text per effect (rule, level, or bound moved), in RULE_ORDER, each naming where it happened. */
function effectTexts(findings: readonly Finding[], results: ReadonlyMap<string, ReportResult>): string[] {
  const effects = new Map<string, { rule: RuleId; findings: Finding[] }>();
  for (const finding of [...findings].sort((a, b) => RULE_ORDER.indexOf(a.rule) - RULE_ORDER.indexOf(b.rule))) {
    const key = `${finding.rule}\u0000${finding.rule === 'bound-shift' ? boundMove(finding, results) : (finding.level ?? '')}`;
    const effect = effects.get(key) ?? { rule: finding.rule, findings: [] };
    effect.findings.push(finding);
    effects.set(key, effect);
  }
  return [...effects.values()].map(({ rule, findings: same }) => {
    const on = where(same.map((f) => f.hardware));
    const first = same[0]!;
    const level = first.level === undefined ? '' : `${levelText(first.level)} `;
    switch (rule) {
      case 'throughput-drop': return `throughput ${range(same.map(relative))} ${on}`;
      case 'intensity-drop': return `${level}intensity ${range(same.map(relative))} ${on}`;
      case 'efficiency-drop': return `efficiency ${range(same.map(relative))} ${on}`;
      case 'bound-shift': return `${boundMove(first, results)} ${on}`;
      case 'min-throughput': return `throughput under the ${perSecond(first.limit!)} budget ${on}`;
      case 'max-latency': return `time per pass over the ${time(first.limit!)} budget ${on}`;
      case 'ridge-margin': return `${level}intensity inside the ridge margin ${on}`;
      case 'above-roof': return `measured faster than the roof allows ${on}`;
      case 'exceeds-memory': return `memory footprint over the device's memory ${on}`;
      case 'max-crossover-batch': return `decode compute-bound only past the served batch ${first.limit} ${on}`;
    }
  });
}

/** `compute-bound -> memory-bound (DRAM)`: the binding level before and after. */
function boundMove(finding: Finding, results: ReadonlyMap<string, ReportResult>): string {
  const result = results.get(pairKey(finding));
  const before = result?.base?.bindingLevel;
  return `${before === undefined ? '' : `${boundText(before)} -> `}${boundText(finding.level ?? result?.bindingLevel ?? 'compute')}`;
}
