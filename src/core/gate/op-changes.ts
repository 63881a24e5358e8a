// The per-op comparison of SPEC section 6: a model's ops paired with the baseline's by name (a repeated
// name by name and occurrence: the second `matmul` with the second), and the pairs whose time changed,
// largest absolute change first. Op times are the engine's (roofline.ts), on each side's own device and
// precision.
//
// One pass over the ops, as placing them is: op tables of a million rows are compared in the time it takes
// to place them. Both sides usually list the same ops in the same order, so pairs are taken by position
// while the names agree; from the first disagreement on, the baseline's remaining ops are looked up by
// name. (Occurrences before that point are the same on both sides, so counting them afresh from there
// pairs the same ops as counting from the start.)
import { CHANGED_OPS } from '../limits.js';
import type { OpChange, OpChanges } from '../results.js';
import { eavesFor, opTime, passSeconds, type Eaves } from '../roofline.js';
import type { Device, Model, Op } from '../types.js';

/** One side of the comparison: a model given as ops on its device. */
export interface OpSide {
  model: Model;
  device: Device;
}

interface Clock {
  peak: number;
  eaves: Eaves;
}

const clockOf = ({ model, device }: OpSide): Clock => ({ peak: device.flopsPerSecond[model.precision]!, eaves: eavesFor(model, device) });

/**
 * Times that agree to 1e-9 of the larger are the same time: the rules' rounding (rules.ts), so that a time
 * computed by another route through the same figures is not a change.
 */
function differs(seconds: number, baseSeconds: number): boolean {
  return Math.abs(seconds - baseSeconds) > 1e-9 * Math.max(seconds, baseSeconds);
}

/** The ops whose time changed, null when either side was not given as ops. */
export function opChanges(head: OpSide, base: OpSide): OpChanges | null {
  const headOps = head.model.ops;
  const baseOps = base.model.ops;
  if (!headOps || !baseOps) return null;
  const headClock = clockOf(head);
  const baseClock = clockOf(base);
  const top = new Largest();
  // A baseline whose table differs from the head's in a few rows shares the head's op for every other row
  // (load-config.ts's OpTableMemo): on the same roof and eaves, one op is one time, and need not be timed.
  const sameClock = headClock.peak === baseClock.peak && sameEaves(headClock.eaves, baseClock.eaves);

  const consider = (op: Op | null, baseOp: Op | null): void => {
    if (sameClock && op === baseOp) return;
    const seconds = op ? passSeconds(op.flops, op.bytes, headClock.peak, headClock.eaves) : 0;
    const baseSeconds = baseOp ? passSeconds(baseOp.flops, baseOp.bytes, baseClock.peak, baseClock.eaves) : 0;
    if (op && baseOp && !differs(seconds, baseSeconds)) return;
    top.offer(Math.abs(seconds - baseSeconds), () => change(op, baseOp, headClock, baseClock));
  };

  const shared = Math.min(headOps.length, baseOps.length);
  let at = 0;
  while (at < shared && headOps[at]!.name === baseOps[at]!.name) {
    consider(headOps[at]!, baseOps[at]!);
    at++;
  }
  // The rest of the baseline by name, each name's ops in order; `next` is the occurrence the head takes next.
  const byName = new Map<string, { ops: Op[]; next: number }>();
  for (let i = at; i < baseOps.length; i++) {
    const op = baseOps[i]!;
    const entry = byName.get(op.name);
    if (entry) entry.ops.push(op);
    else byName.set(op.name, { ops: [op], next: 0 });
  }
  for (let i = at; i < headOps.length; i++) {
    const op = headOps[i]!;
    const entry = byName.get(op.name);
    consider(op, entry && entry.next < entry.ops.length ? entry.ops[entry.next++]! : null);
  }
  for (const entry of byName.values()) for (let i = entry.next; i < entry.ops.length; i++) consider(null, entry.ops[i]!);
  return { changed: top.items, moreChanged: top.seen - top.items.length };
}

function sameEaves(a: Eaves, b: Eaves): boolean {
  const levels = Object.keys(a);
  return levels.length === Object.keys(b).length && levels.every((level) => Object.hasOwn(b, level) && a[level] === b[level]);
}

/** The entry for a pair of ops, either of them missing, timed by roofline.ts's opTime. */
function change(op: Op | null, baseOp: Op | null, headClock: Clock, baseClock: Clock): OpChange {
  const time = op && opTime(op, headClock.peak, headClock.eaves);
  const baseTime = baseOp && opTime(baseOp, baseClock.peak, baseClock.eaves);
  return {
    status: !baseOp ? 'added' : !op ? 'removed' : 'changed',
    name: (op ?? baseOp)!.name,
    seconds: time?.seconds ?? null,
    baseSeconds: baseTime?.seconds ?? null,
    flops: op?.flops ?? null,
    baseFlops: baseOp?.flops ?? null,
    bytes: op ? { ...op.bytes } : null,
    baseBytes: baseOp ? { ...baseOp.bytes } : null,
    bindingLevel: time?.bindingLevel ?? null,
    baseBindingLevel: baseTime?.bindingLevel ?? null,
  };
}

/** The CHANGED_OPS largest offers, largest first (ties in offer order), and how many were offered. */
class Largest {
  readonly items: OpChange[] = [];
  private readonly sizes: number[] = [];
  seen = 0;

  offer(size: number, make: () => OpChange): void {
    this.seen++;
    const sizes = this.sizes;
    if (sizes.length === CHANGED_OPS && size <= sizes[sizes.length - 1]!) return;
    let at = sizes.length;
    while (at > 0 && sizes[at - 1]! < size) at--;
    sizes.splice(at, 0, size);
    this.items.splice(at, 0, make());
    if (sizes.length > CHANGED_OPS) {
      sizes.pop();
      this.items.pop();
    }
  }
}

/** Models and the devices their targets resolve to: what a config gives. */
export interface Side {
  models: readonly Model[];
  devices: ReadonlyMap<string, Device>;
}

/**
 * The per-op comparison of each pair, for compare(): `(model, hardware)` on the head side against the same
 * pair on the baseline side; null when either side lacks the pair or gives it as totals.
 */
export function opChangesOf(head: Side, base: Side): (pair: { model: string; hardware: string }) => OpChanges | null {
  const headModels = new Map(head.models.map((model) => [model.name, model]));
  const baseModels = new Map(base.models.map((model) => [model.name, model]));
  return ({ model, hardware }) => {
    const [headModel, baseModel] = [headModels.get(model), baseModels.get(model)];
    const [headDevice, baseDevice] = [head.devices.get(hardware), base.devices.get(hardware)];
    if (!headModel || !baseModel || !headDevice || !baseDevice) return null;
    return opChanges({ model: headModel, device: headDevice }, { model: baseModel, device: baseDevice });
  };
}
