// Nsight Compute's tensor-core counters: read and summed per kernel for the import's notes, never turned
// into FLOPs. The per-instruction counters (`sm__inst_executed_pipe_tensor.sum`) count instructions, whose
// FLOPs NVIDIA's staff say differ per instruction variant and per architecture; they point instead to
// `sm__ops_path_tensor_src_<type>_dst_<type>` (NVIDIA developer forum, "Number of floating point operations
// in one HMMA instruction", forums.developer.nvidia.com/t/275450, and "How many FLOPs does one
// tensor_op_hmma instruction do?", /t/285256). But `ncu --query-metrics` describes those only as "# of math
// ops executed in Tensor path", and no NVIDIA document found says whether one math op is one FLOP or one
// multiply-add: a factor of 2 the importer would have to guess. So a kernel's tensor work is named with its
// count, and its FLOPs are left to the user (README, "Importing profiler output").
import { wholeNumber } from '../format.js';

/**
 * Math ops in the tensor path: per source and destination type (`sm__ops_path_tensor_src_fp16_dst_fp32.sum`),
 * optionally per instruction kind (`sm__ops_path_tensor_op_hmma_src_...`) and split by structured sparsity
 * (`..._sparsity_on.sum`, `..._sparsity_off.sum`).
 */
const OPS = /^sm__ops_path_tensor_(?:op_([a-z0-9]+)_)?(src_[a-z0-9_]+?)(?:_sparsity_(on|off))?\.sum$/;
/** Tensor-pipe instructions executed, all kinds together. */
export const TENSOR_INSTRUCTIONS = 'sm__inst_executed_pipe_tensor.sum';
/** Any tensor-core counter, noted by name when the file has one. */
export const TENSOR = /(?:^|__)(?:inst_executed_pipe_tensor|pipe_tensor|ops_path_tensor)/;

/** The name a tensor counter is summed under (smsp__ instruction counts are the sm__ count), or undefined. */
export function tensorCounter(metric: string): string | undefined {
  const name = metric.trim().replace(/^smsp__/, 'sm__');
  return OPS.test(name) || name === TENSOR_INSTRUCTIONS ? name : undefined;
}

interface Parts {
  whole?: string;
  halves: string[];
}

/**
 * The counters whose sum is a launch's tensor-path math ops, counting no op twice: per src/dst path its
 * own counter, else its halves by sparsity; a path collected only per instruction kind, each kind that way.
 */
function opsCounters(names: Iterable<string>): string[] {
  const paths = new Map<string, Map<string, Parts>>();
  for (const name of names) {
    const match = OPS.exec(name);
    if (!match) continue;
    const [, kind = '', path, sparsity] = match;
    let kinds = paths.get(path!);
    if (!kinds) paths.set(path!, (kinds = new Map()));
    let parts = kinds.get(kind);
    if (!parts) kinds.set(kind, (parts = { halves: [] }));
    if (sparsity === undefined) parts.whole = name;
    else parts.halves.push(name);
  }
  const counters: string[] = [];
  for (const kinds of paths.values()) {
    const whole = kinds.get('');
    for (const parts of whole ? [whole] : kinds.values()) counters.push(...(parts.whole !== undefined ? [parts.whole] : parts.halves));
  }
  return counters;
}

type Launches = Array<{ id: string; tensor?: Map<string, number | null> }>;

/** The sum of the counters over the launches, or the first that is nan or absent in a launch. */
function total(launches: Launches, counters: string[]): number | { counter: string; launch: string; nan: boolean } {
  let sum = 0;
  for (const launch of launches) {
    for (const counter of counters) {
      const value = launch.tensor?.get(counter);
      if (value === undefined || value === null) return { counter, launch: launch.id, nan: value === null };
      sum += value;
    }
  }
  return sum;
}

/**
 * What one kernel's tensor counters say, summed over its launches (each with its ID and counter values,
 * null for `nan`; none when the file has no tensor counters), as a note; undefined when they show no
 * tensor work. Instructions are noted when there are no op counters, or when those read 0 while tensor
 * instructions ran (a kind of MMA the op counters do not count).
 */
export function tensorNote(kernel: string, launches: Launches): string | undefined {
  const counters = opsCounters(new Set(launches.flatMap((launch) => [...(launch.tensor?.keys() ?? [])])));
  const hasInstructions = launches.some((launch) => launch.tensor?.has(TENSOR_INSTRUCTIONS));
  const unknown = (missing: { counter: string; launch: string; nan: boolean }) =>
    `${kernel}: its tensor-core work is unknown (${missing.counter} is ${missing.nan ? 'nan' : 'absent'} in launch ${missing.launch}) and not in its FLOPs`;
  const ops = counters.length > 0 ? total(launches, counters) : 0;
  if (typeof ops !== 'number') return unknown(ops);
  if (ops > 0) return `${kernel}: ${wholeNumber(ops)} tensor-path math ops (${counters.join(' + ')}) are not in its FLOPs`;
  if (!hasInstructions) return undefined;
  const instructions = total(launches, [TENSOR_INSTRUCTIONS]);
  if (typeof instructions !== 'number') return counters.length > 0 ? undefined : unknown(instructions);
  if (instructions === 0) return undefined;
  const though = counters.length > 0 ? `, though its tensor-path op counters read 0` : '';
  return `${kernel}: ${wholeNumber(instructions)} tensor-pipe instructions (${TENSOR_INSTRUCTIONS}) are not in its FLOPs${though}`;
}
