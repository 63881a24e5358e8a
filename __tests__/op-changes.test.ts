// The per-op comparison of SPEC section 6: ops paired with the baseline's by name and occurrence, report.json's
// `ops.changed`, findings that name the ops explaining them, a model given as totals saying which input
// moved, the effective FLOP/s of ops that bind on different roofs, and every rendering showing it.
// Figures are derived by hand in the comments.
import { describe, expect, it } from '@jest/globals';
import { asciiRoofline } from '../src/core/chart/ascii.js';
import { geometry } from '../src/core/chart/geometry.js';
import { tooltipFields } from '../src/core/chart/tooltip.js';
import { compare, evaluate, opChangesOf } from '../src/core/gate/index.js';
import { opChanges } from '../src/core/gate/op-changes.js';
import { renderMarkdown } from '../src/core/report/markdown.js';
import { reportJson } from '../src/core/report/build.js';
import { parseReport, REPORT_VERSION } from '../src/core/report/schema.js';
import { renderText } from '../src/core/report/text.js';
import type { Report } from '../src/core/report/types.js';
import { place } from '../src/core/roofline.js';
import type { BytesByLevel, Device, Model, Op } from '../src/core/types.js';
import { toy } from './__fixtures__/toy-device.js';

const devices = new Map([['toy', toy]]);

const op = (name: string, flops: number, dram = 0): Op => ({ name, flops, bytes: { dram }, kinds: {} });

/** A model given as ops, its totals summed from them (as the config does). */
function opModel(ops: Op[], name = 'm'): Model {
  const bytes: BytesByLevel = {};
  for (const o of ops) for (const [level, value] of Object.entries(o.bytes)) bytes[level] = (bytes[level] ?? 0) + value;
  return { name, precision: 'fp16', flops: ops.reduce((sum, o) => sum + o.flops, 0), bytes, kinds: {}, bits: { weights: 16, activations: 16, kv: 16 }, batch: 1, ops, hardware: ['toy'], measuredSeconds: {} };
}

function totals(flops: number, bytes: BytesByLevel): Model {
  return { name: 'm', precision: 'fp16', flops, bytes, kinds: {}, bits: { weights: 16, activations: 16, kv: 16 }, batch: 1, ops: null, hardware: ['toy'], measuredSeconds: {} };
}

/** The head against the baseline on the toy device, compared op by op as buildReport does. */
function judge(head: Model, base: Model) {
  return evaluate([place(head, toy)], [place(base, toy)], undefined, opChangesOf({ models: [head], devices }, { models: [base], devices }));
}

function reportOf(evaluation: ReturnType<typeof judge>): Report {
  return { version: REPORT_VERSION, status: evaluation.status, baseline: 'old.yml', results: evaluation.results, removed: evaluation.removed, findings: evaluation.findings, advice: [] };
}

describe('a 3-op model where one op moves more DRAM bytes', () => {
  // qkv:       2 TFLOP over 10 GB:    compute 2e12 / 1e14 = 20 ms, memory 10 GB / 1 TB/s = 10 ms: 20 ms, compute-bound.
  // attention: 100 GFLOP over 34.4 GB: compute 1 ms, memory 34.4 ms: 34.4 ms, DRAM-bound. In the head 36.1 GB: 36.1 ms.
  // mlp:       1 TFLOP over 5 GB:     compute 10 ms, memory 5 ms: 10 ms, compute-bound.
  // Time per pass 64.4 ms -> 66.1 ms (+1.70 ms, all of it attention's); throughput 1 / 0.0644 = 15.5/s -> 15.1/s,
  // a drop of 1 - 64.4 / 66.1 = 2.57%: warn at 2%. DRAM intensity 3.1e12 / 49.4e9 = 62.8 -> 3.1e12 / 51.1e9 = 60.7 FLOP/B,
  // a drop of 1 - 49.4 / 51.1 = 3.33%: warn at 2%. Both sides stay DRAM-bound (62.8 < ridge 100): no bound shift.
  const base = opModel([op('qkv', 2e12, 10e9), op('attention', 1e11, 34.4e9), op('mlp', 1e12, 5e9)]);
  const head = opModel([op('qkv', 2e12, 10e9), op('attention', 1e11, 36.1e9), op('mlp', 1e12, 5e9)]);
  const evaluation = judge(head, base);
  const result = evaluation.results[0]!;

  it('lists that op alone in ops.changed, with both sides', () => {
    expect(result.ops!.changed).toEqual([
      {
        status: 'changed', name: 'attention', seconds: 0.0361, baseSeconds: 0.0344, flops: 1e11, baseFlops: 1e11,
        bytes: { dram: 36.1e9 }, baseBytes: { dram: 34.4e9 }, bindingLevel: 'dram', baseBindingLevel: 'dram',
      },
    ]);
    expect(result.ops!.moreChanged).toBe(0);
  });

  it('names it in every finding, with its before and after', () => {
    const explanation = 'attention: DRAM 34.4 GB -> 36.1 GB (+4.9%), +1.70 ms';
    expect(evaluation.findings.map((f) => [f.rule, f.message, f.ops])).toEqual([
      ['throughput-drop', `m on toy: throughput 15.5/s -> 15.1/s (-2.6%), warn at 2%; ${explanation}`, ['attention']],
      ['intensity-drop', `m on toy: DRAM intensity 62.8 -> 60.7 FLOP/B (-3.3%), warn at 2%; ${explanation}`, ['attention']],
    ]);
  });

  it('shows it in the text output, report.md and the text chart', () => {
    const report = reportOf(evaluation);
    expect(renderText(report)).toContain(
      'Changed ops\n  m on toy: 1 of 3 ops changed\n    attention  34.4 ms -> 36.1 ms  +1.70 ms  DRAM 34.4 GB -> 36.1 GB (+4.9%)  memory-bound (DRAM)\n',
    );
    expect(renderMarkdown(report, { limit: null })).toContain(
      '**Changed ops: m on toy** (1 of 3 ops changed)\n\n| Op | Time/pass | Change | What moved | Bound |\n| --- | ---: | ---: | --- | --- |\n' +
        '| attention | 34.4 ms -&gt; 36.1 ms | +1.70 ms | DRAM 34.4 GB -&gt; 36.1 GB (+4.9%) | memory-bound (DRAM) |\n',
    );
    expect(asciiRoofline(report).split('\n')).toContain('    changed ops: attention +1.70 ms');
  });

  it('names the slowest ops in a finding about the head alone', () => {
    // 66.1 ms per pass against a 60 ms budget; the ops take 36.1 ms (attention), 20 ms (qkv) and 10 ms (mlp).
    const { findings } = evaluate([place(head, toy)], null, { budgets: { 'max-latency': 0.06 } });
    expect(findings).toMatchObject([
      {
        rule: 'max-latency', ops: ['attention', 'qkv', 'mlp'],
        message:
          'm on toy: 66.1 ms per pass is over the budget of 60.0 ms; slowest ops: attention 36.1 ms (memory-bound (DRAM)), ' +
          'qkv 20.0 ms (compute-bound), mlp 10.0 ms (compute-bound)',
      },
    ]);
  });

  it('is read back from report.json as it was written', () => {
    const report = reportOf(evaluation);
    expect(parseReport(reportJson(report), 'report.json')).toEqual(report);
  });
});

describe('pairing and ordering', () => {
  // Compute-bound ops with no bytes: an op of F FLOP takes F / 1e14 s, so 100 GFLOP is 1 ms.
  it('orders by absolute change and names the ops that moved the time the way the pair moved', () => {
    // a: 1 -> 2 ms (+1), b: 1 -> 0.5 ms (-0.5), c: 1 -> 3 ms (+2). Largest first: c, a, b.
    // Time per pass 3 ms -> 5.5 ms: throughput 333/s -> 182/s, a drop of 1 - 3 / 5.5 = 45.5%: fail at 5%.
    // The time rose, so the finding names the ops that added time, c and a; b is the one more.
    const base = opModel([op('a', 1e11), op('b', 1e11), op('c', 1e11)]);
    const head = opModel([op('a', 2e11), op('b', 5e10), op('c', 3e11)]);
    const evaluation = judge(head, base);
    expect(evaluation.results[0]!.ops!.changed!.map((c) => [c.name, c.baseSeconds, c.seconds])).toEqual([
      ['c', 0.001, 0.003], ['a', 0.001, 0.002], ['b', 0.001, 0.0005],
    ]);
    expect(evaluation.findings).toMatchObject([
      {
        rule: 'throughput-drop', ops: ['c', 'a'],
        message:
          'm on toy: throughput 333/s -> 182/s (-45.5%), fail at 5%; c: FLOPs 100 GFLOP -> 300 GFLOP (+200.0%), +2.00 ms; ' +
          'a: FLOPs 100 GFLOP -> 200 GFLOP (+100.0%), +1.00 ms; and 1 more changed op',
      },
    ]);
  });

  it('pairs repeated names by occurrence, in order or not', () => {
    // Base: mm (1 ms), x (1 ms), mm (2 ms). The second mm grows to 3 ms; the first and x stay.
    // Paired by position, the reordered head would pair x with mm and change everything.
    const base = opModel([op('mm', 1e11), op('x', 1e11), op('mm', 2e11)]);
    const sameOrder = opModel([op('mm', 1e11), op('x', 1e11), op('mm', 3e11)]);
    const reordered = opModel([op('x', 1e11), op('mm', 1e11), op('mm', 3e11)]);
    for (const head of [sameOrder, reordered]) {
      expect(judge(head, base).results[0]!.ops!.changed!.map((c) => [c.status, c.name, c.baseSeconds, c.seconds])).toEqual([
        ['changed', 'mm', 0.002, 0.003],
      ]);
    }
  });

  it('marks added and removed ops, the missing side null', () => {
    // Base a (1 ms), b (2 ms); head a (1 ms), c (0.5 ms): b removed (-2 ms) comes before c added (+0.5 ms).
    const evaluation = judge(opModel([op('a', 1e11), op('c', 5e10)]), opModel([op('a', 1e11), op('b', 2e11)]));
    expect(evaluation.results[0]!.ops!.changed).toEqual([
      {
        status: 'removed', name: 'b', seconds: null, baseSeconds: 0.002, flops: null, baseFlops: 2e11,
        bytes: null, baseBytes: { dram: 0 }, bindingLevel: null, baseBindingLevel: 'compute',
      },
      {
        status: 'added', name: 'c', seconds: 0.0005, baseSeconds: null, flops: 5e10, baseFlops: null,
        bytes: { dram: 0 }, baseBytes: null, bindingLevel: 'compute', baseBindingLevel: null,
      },
    ]);
    expect(renderText(reportOf(evaluation))).toContain('    b  2.00 ms -> -  -2.00 ms  removed  compute-bound\n    c   - -> 500 us   +500 us  added    compute-bound\n');
  });

  it('keeps the 20 largest changes and says how many more changed', () => {
    // op0 .. op24 each grow by (i + 1) ms: op24 (+25 ms) first, op5 (+6 ms) the 20th; op0 .. op4 are the 5 more.
    const base = opModel(Array.from({ length: 25 }, (_, i) => op(`op${i}`, 1e11)));
    const head = opModel(Array.from({ length: 25 }, (_, i) => op(`op${i}`, 1e11 + (i + 1) * 1e11)));
    const ops = judge(head, base).results[0]!.ops!;
    expect(ops.changed!.map((c) => c.name)).toEqual(Array.from({ length: 20 }, (_, i) => `op${24 - i}`));
    expect(ops.moreChanged).toBe(5);
  });

  it('sheds changed-op rows first to fit a comment, and says how many it left out', () => {
    // The full body lists 20 rows; 300 characters fewer leave room for 10 (one row is about 60 characters).
    const base = opModel(Array.from({ length: 25 }, (_, i) => op(`op${i}`, 1e11)));
    const head = opModel(Array.from({ length: 25 }, (_, i) => op(`op${i}`, 1e11 + (i + 1) * 1e11)));
    const report = reportOf(judge(head, base));
    const full = renderMarkdown(report, { limit: null });
    const cut = renderMarkdown(report, { limit: { chars: full.length - 300 } });
    expect(cut.length).toBeLessThanOrEqual(full.length - 300);
    expect(cut).toContain('| op15 |');
    expect(cut).not.toContain('| op14 |');
    expect(cut).toContain('_…and 15 more in report.json_');
  });

  it('compares nothing op by op when either side is given as totals', () => {
    const head = opModel([op('a', 1e11)]);
    const base = totals(1e11, { dram: 0 });
    const { results } = evaluate([place(head, toy)], [place(base, toy)], undefined, opChangesOf({ models: [head], devices }, { models: [base], devices }));
    expect([results[0]!.ops!.changed, results[0]!.ops!.moreChanged]).toEqual([null, 0]);
  });
});

describe('a model given as totals says which input moved', () => {
  it('DRAM bytes 900 MB -> 1.60 GB, FLOPs unchanged', () => {
    // 100 GFLOP: base over 900 MB is I = 111 > ridge 100, compute-bound (1 ms); head over 1.6 GB is I = 62.5,
    // DRAM-bound (1.6 ms): a bound shift, which names the input that moved.
    const { findings } = evaluate([place(totals(1e11, { dram: 1.6e9 }), toy)], [place(totals(1e11, { dram: 9e8 }), toy)], undefined);
    expect(findings[0]!.message).toBe(
      'm on toy moved from compute-bound to memory-bound (DRAM): intensity 111 -> 62.5 FLOP/B, ridge 100; DRAM bytes 900 MB -> 1.60 GB, FLOPs unchanged',
    );
    expect(findings[0]!.ops).toBeUndefined();
  });
});

describe('long names', () => {
  it('keep a finding within the message length report.json takes', () => {
    // Ten levels of 200-character names, each with 1 GB more: the moved-input line alone is over 2,000 characters.
    const levels = Array.from({ length: 10 }, (_, i) => `${i}`.padEnd(200, 'x'));
    const device: Device = { ...toy, levels: [toy.levels[0]!, ...levels.map((name) => ({ name, bytesPerSecond: 1e15 }))] };
    const bytes = (each: number): BytesByLevel => Object.fromEntries([['dram', 1e9], ...levels.map((name) => [name, each])]);
    const { findings } = evaluate([place(totals(1e12, bytes(2e9)), device)], [place(totals(1e12, bytes(1e9)), device)], { 'intensity-drop': { warn: 0.01, fail: 0.5 } });
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) expect(finding.message.length).toBeLessThanOrEqual(2_000);
    expect(findings[0]!.message.endsWith('…')).toBe(true);
  });
});

describe('effective performance of ops that bind on different roofs', () => {
  // a: 1 TFLOP over 1 GB: compute 10 ms, memory 1 ms: 10 ms on the compute roof.
  // b: 10 GFLOP over 10 GB: compute 0.1 ms, memory 10 ms: 10 ms on the DRAM eave.
  // F = 1.01 TFLOP in T = 20 ms: effective 1.01e12 / 0.02 = 50.5 TFLOP/s.
  // The aggregate, 1.01 TFLOP over 11 GB, has I = 91.8 < ridge 100: attainable 1 TB/s x 91.8 = 91.8 TFLOP/s.
  const model = opModel([op('a', 1e12, 1e9), op('b', 1e10, 1e10)]);
  const result = place(model, toy);
  const report: Report = { version: REPORT_VERSION, status: 'pass', baseline: null, results: compare([result], null).results, removed: [], findings: [], advice: [] };

  it('is F / sum(T_op), below the aggregate attainable', () => {
    expect(result.effectiveFlopsPerSecond / 50.5e12).toBeCloseTo(1, 12);
    expect(result.attainableFlopsPerSecond / 91.8181818e12).toBeCloseTo(1, 8);
  });

  it('places the chart point there, and the tooltip says both', () => {
    const [point] = geometry(report).points;
    expect(point!.y / 50.5e12).toBeCloseTo(1, 12);
    expect(tooltipFields(point!, (id) => id).attainable).toBe('effective 50.5 TFLOP/s (ops bind differently), attainable 91.8 TFLOP/s');
  });

  it('is the attainable figure itself for a model given as totals', () => {
    const aggregate = place(totals(1.01e12, { dram: 1.1e10 }), toy);
    expect(aggregate.effectiveFlopsPerSecond).toBe(aggregate.attainableFlopsPerSecond);
  });
});

describe('ops the baseline shares with the head (its table differs in a few rows)', () => {
  // gemm: 1e9 FLOP, 2e7 DRAM bytes. On toy: compute 10 us, DRAM 20 us: 20 us. On a toy with half its DRAM
  // bandwidth (0.5 TB/s): DRAM 40 us: 40 us, a change of 20 us. add: 1e6 FLOP, 1e6 bytes: 1 us, then 2 us.
  const gemm = op('gemm', 1e9, 2e7);
  const add = op('add', 1e6, 1e6);
  const halfDram: Device = { ...toy, levels: [{ name: 'dram', bytesPerSecond: 0.5e12 }, toy.levels[1]!] };

  it('are no change on the same device, one changed row beside them is', () => {
    const changed = opChanges({ model: opModel([gemm, op('add', 3e6, 1e6)]), device: toy }, { model: opModel([gemm, add]), device: toy });
    // The head's add does 3e6 FLOP (30 ns of compute) where the base's did 1e6 (10 ns), but its 1e6 DRAM
    // bytes take 1 us on both sides: its time did not change, and gemm is the same op. An add moving 4e6
    // bytes (4 us) is a change.
    expect(changed).toEqual({ changed: [], moreChanged: 0 });
    const moved = opChanges({ model: opModel([gemm, op('add', 1e6, 4e6)]), device: toy }, { model: opModel([gemm, add]), device: toy })!;
    expect(moved.changed.map((c) => [c.name, c.seconds, c.baseSeconds])).toEqual([['add', 4e-6, 1e-6]]);
  });

  it('are timed on each side when the devices differ, shared or not', () => {
    const changed = opChanges({ model: opModel([gemm, add]), device: halfDram }, { model: opModel([gemm, add]), device: toy })!;
    expect(changed.changed.map((c) => [c.name, c.seconds, c.baseSeconds])).toEqual([['gemm', 40e-6, 20e-6], ['add', 2e-6, 1e-6]]);
  });
});
