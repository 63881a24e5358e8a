// The changed ops of a pair (report.json's `ops.changed`) as rows of strings, shared by the text and Markdown
// renderings: op, time before and after, the change, what moved, and the bound.
import { boundText } from '../bound-text.js';
import { time, timeChange, wholeNumber } from '../format.js';
import { opDelta, opFigure } from '../op-change-text.js';
import type { OpChange } from '../results.js';
import type { ReportResult } from './types.js';

export const OP_COLUMNS = ['op', 'time', 'change', 'moved', 'bound'] as const;
export type OpColumn = (typeof OP_COLUMNS)[number];
export type OpRow = Record<OpColumn, string>;

/** The pairs with changed ops, in report order. */
export function withChangedOps(results: readonly ReportResult[]): ReportResult[] {
  return results.filter((result) => (result.ops?.changed?.length ?? 0) > 0);
}

/** How many ops of the pair changed in all: those listed and those beyond the list. */
export const changedCount = (result: ReportResult): number => (result.ops?.changed?.length ?? 0) + (result.ops?.moreChanged ?? 0);

/** `2 of 8 ops changed`. */
export const changedTitle = (result: ReportResult): string => `${wholeNumber(changedCount(result))} of ${wholeNumber(result.ops!.count)} ops changed`;

const side = (seconds: number | null): string => (seconds === null ? '-' : time(seconds));

function boundChange(change: OpChange): string {
  const [before, after] = [change.baseBindingLevel, change.bindingLevel];
  if (before === null || after === null || before === after) return boundText((after ?? before)!);
  return `${boundText(before)} -> ${boundText(after)}`;
}

export function opRow(change: OpChange): OpRow {
  return {
    op: change.name,
    time: `${side(change.baseSeconds)} -> ${side(change.seconds)}`,
    change: timeChange(opDelta(change)),
    moved: opFigure(change),
    bound: boundChange(change),
  };
}
