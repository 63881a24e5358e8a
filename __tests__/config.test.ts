import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ConfigError, configJsonSchema, loadConfig, type ConfigIssue } from '../src/core/config/index.js';
import { MAX_LEVELS, MAX_PAIRS, NAME_LENGTH } from '../src/core/limits.js';
import { DIMENSIONS, parseQuantity, quantityPattern, unitsOf, type Dimension } from '../src/core/units.js';
import { refusal } from './__fixtures__/config-error.js';

const GOOD = `version: 1
hardware: [a100, h100-sxm]
devices:
  edge-npu:
    name: Edge NPU
    compute: { fp16: 50 TFLOP/s, int8: 100 TOP/s }
    memory: { dram: 100 GB/s, sram: 2 TB/s }
models:
  - name: mobilenet-v2
    precision: fp16
    flops: 0.6 GFLOP
    bytes: 86 MB
    measured:
      a100: 0.21 ms
  - name: resnet50
    precision: fp16
    hardware: edge-npu
    ops:
      - { name: conv1, flops: 236 MFLOP, bytes: 9.6 MB }
      - { name: layer1.0.conv2, macs: 115.5 MMAC, bytes: { dram: 1.2 MB, sram: 3.1 MB } }
gate:
  throughput-drop: { warn: 2%, fail: 5% }
  budgets: { min-throughput: 1000/s, max-latency: 5 ms }
  models:
    mobilenet-v2: { throughput-drop: { fail: 1% } }
`;

/** The error a config is rejected with; fails the test when it is accepted. */
const rejection = (text: string, file = 'roofline.yml'): ConfigError => refusal(() => loadConfig(text, file));

/** The issues a config is rejected with. */
const issues = (text: string, file = 'roofline.yml'): ConfigIssue[] => rejection(text, file).issues;

function firstIssue(text: string): ConfigIssue {
  return issues(text)[0]!;
}

/** GOOD with one line replaced. */
const edit = (from: string, to: string) => {
  if (!GOOD.includes(from)) throw new Error(`not in GOOD: ${from}`);
  return GOOD.replace(from, to);
};

describe('a good config', () => {
  it('resolves aliases, units, custom devices and ops', () => {
    const config = loadConfig(GOOD, 'roofline.yml');
    const [mobilenet, resnet] = config.models;
    expect(mobilenet).toMatchObject({ name: 'mobilenet-v2', flops: 0.6e9, bytes: { dram: 86e6 }, batch: 1, hardware: ['a100-sxm4-80gb', 'h100-sxm'] });
    expect(mobilenet!.measuredSeconds).toEqual({ 'a100-sxm4-80gb': 0.21e-3 });
    expect(resnet!.hardware).toEqual(['edge-npu']);
    expect(resnet!.flops).toBeCloseTo(236e6 + 231e6, 0); // 115.5 MMAC = 231 MFLOP
    expect(resnet!.bytes).toEqual({ dram: 9.6e6 + 1.2e6, sram: 3.1e6 });
    expect(config.devices.get('edge-npu')).toMatchObject({ flopsPerSecond: { fp16: 50e12, int8: 100e12 }, levels: [{ name: 'dram', bytesPerSecond: 100e9 }, { name: 'sram', bytesPerSecond: 2e12 }] });
    expect(config.gate.budgets).toEqual({ 'min-throughput': 1000, 'max-latency': 0.005 });
    expect(config.gate['throughput-drop']).toEqual({ warn: 0.02, fail: 0.05 });
  });

  it('lets a custom device override a built-in one of the same id', () => {
    const text = `version: 1
devices:
  h100-sxm: { compute: { fp16: 1 PFLOP/s }, memory: { dram: 1 TB/s } }
models: [{ name: m, precision: fp16, flops: 1 GFLOP, bytes: 1 MB, hardware: h100-sxm }]
`;
    expect(loadConfig(text, 'c.yml').devices.get('h100-sxm')).toMatchObject({ builtIn: false, flopsPerSecond: { fp16: 1e15 } });
  });

  it('accepts F = 0 in an op and D = 0 at a level', () => {
    const text = `version: 1
hardware: a100
models:
  - name: m
    precision: fp16
    ops:
      - { name: reshape, flops: 0, bytes: 1 MB }
      - { name: matmul, flops: 1 GFLOP, bytes: { dram: 0, l2: 2 MB } }
`;
    expect(loadConfig(text, 'c.yml').models[0]!.bytes).toEqual({ dram: 1e6, l2: 2e6 });
  });
});

describe('bad input: every error names file, line, column, key path and what was expected', () => {
  it('a misspelt key, with the nearest valid one', () => {
    const issue = firstIssue(edit('    precision: fp16\n    flops: 0.6 GFLOP', '    precison: fp16\n    flops: 0.6 GFLOP'));
    expect(issue).toMatchObject({ file: 'roofline.yml', line: 10, column: 5, path: 'models[0].precison' });
    expect(issue.message).toContain('did you mean "precision"?');
  });

  it('a misspelt unit, at the value', () => {
    const issue = firstIssue(edit('bytes: { dram: 1.2 MB, sram: 3.1 MB }', 'bytes: { dram: 1.2 MB, sram: 3.1 MBs }'));
    expect(issue).toMatchObject({ line: 20, path: 'models[1].ops[1].bytes.sram' });
    expect(issue.column).toBe(GOOD.split('\n')[19]!.indexOf('3.1 MB') + 1);
    expect(issue.message).toMatch(/expected a byte count.*got "3.1 MBs"; did you mean "MB"\?/);
  });

  it('a misspelt precision', () => {
    const issue = firstIssue(edit('    precision: fp16\n    flops: 0.6 GFLOP', '    precision: pf16\n    flops: 0.6 GFLOP'));
    expect(issue).toMatchObject({ line: 10, column: 16, path: 'models[0].precision' });
    expect(issue.message).toContain('did you mean "fp16"?');
  });

  it('an unknown hardware id, with the nearest one', () => {
    const issue = firstIssue(edit('hardware: [a100, h100-sxm]', 'hardware: [a100, h100-smx]'));
    expect(issue).toMatchObject({ line: 2, column: 18, path: 'hardware[1]' });
    expect(issue.message).toContain('did you mean "h100-sxm"?');
  });

  it('a precision the device does not offer', () => {
    const issue = firstIssue(edit('    hardware: edge-npu', '    hardware: edge-npu\n    batch: 2').replace('precision: fp16\n    hardware: edge-npu', 'precision: fp32\n    hardware: edge-npu'));
    expect(issue.path).toBe('models[1].precision');
    expect(issue.message).toBe('edge-npu has no fp32 roof; it offers fp16, int8');
  });

  it('a memory level the device does not have', () => {
    const issue = firstIssue(edit('bytes: { dram: 1.2 MB, sram: 3.1 MB }', 'bytes: { dram: 1.2 MB, sramm: 3.1 MB }'));
    expect(issue.path).toBe('models[1].ops[1].bytes.sramm');
    expect(issue.message).toContain('did you mean "sram"?');
  });

  it('duplicate model names', () => {
    const issue = firstIssue(edit('  - name: resnet50', '  - name: mobilenet-v2'));
    expect(issue).toMatchObject({ line: 15, path: 'models[1].name' });
    expect(issue.message).toContain('duplicate model name "mobilenet-v2"');
  });

  it('negative and zero quantities and bandwidths', () => {
    expect(firstIssue(edit('flops: 0.6 GFLOP', 'flops: -0.6 GFLOP'))).toMatchObject({ path: 'models[0].flops' });
    expect(firstIssue(edit('dram: 100 GB/s', 'dram: 0 GB/s')).message).toContain('positive bandwidth');
    expect(firstIssue(edit('fp16: 50 TFLOP/s', 'fp16: -50 TFLOP/s')).path).toBe('devices.edge-npu.compute.fp16');
    expect(firstIssue(edit('a100: 0.21 ms', 'a100: 0 ms')).path).toBe('models[0].measured.a100');
  });

  it('NaN and infinities', () => {
    // Named as YAML spells them, never as JavaScript does (NaN, -Infinity).
    expect(firstIssue(edit('flops: 0.6 GFLOP', 'flops: .nan')).message).toBe('expected a FLOP count such as 4.1 GFLOP, 350 MFLOP or 4.1e9, got .nan');
    expect(firstIssue(edit('flops: 0.6 GFLOP', 'flops: -.inf')).message).toBe('expected a FLOP count such as 4.1 GFLOP, 350 MFLOP or 4.1e9, got -.inf');
    expect(firstIssue(edit('bytes: 86 MB', 'bytes: .inf')).path).toBe('models[0].bytes');
  });

  it('empty op lists', () => {
    const issue = firstIssue(`version: 1\nhardware: a100\nmodels:\n  - name: m\n    precision: fp16\n    ops: []\n`);
    expect(issue).toMatchObject({ line: 6, path: 'models[0].ops' });
    expect(issue.message).toContain('at least one op');
  });

  it('bare numbers where a percentage is due', () => {
    const issue = firstIssue(edit('throughput-drop: { warn: 2%, fail: 5% }', 'throughput-drop: { warn: 2, fail: 5% }'));
    expect(issue.path).toBe('gate.throughput-drop.warn');
    expect(issue.message).toContain('percentage');
  });

  it('a wrong version', () => {
    expect(firstIssue(GOOD.replace('version: 1', 'version: 2'))).toMatchObject({ line: 1, column: 10, path: 'version', message: 'expected 1, got 2' });
    expect(firstIssue(GOOD.replace('version: 1\n', '')).message).toContain('missing required key "version"');
  });

  it('YAML syntax errors, with the line', () => {
    const issue = firstIssue('version: 1\nmodels: [ { name: a\n');
    expect(issue.message).toMatch(/^YAML syntax: /);
    expect(issue.line).toBeGreaterThanOrEqual(2);
  });

  it('YAML alias bombs', () => {
    const bomb = ['version: 1', 'a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let level = 1; level < 9; level++) bomb.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(10).fill(`*${String.fromCharCode(96 + level)}`).join(',')}]`);
    expect(firstIssue(bomb.join('\n')).message).toContain('alias');
  });

  it('empty and binary files', () => {
    expect(firstIssue('').message).toContain('empty');
    expect(firstIssue('  \n# only a comment\n').message).toContain('empty');
    expect(firstIssue('version: 1\u0000\u0001').message).toContain('binary');
  });

  it('a model with neither flops nor ops, or with both', () => {
    expect(firstIssue(edit('    flops: 0.6 GFLOP\n', '')).message).toBe('expected `flops:`, `macs:` or `ops:`');
    expect(firstIssue(edit('    flops: 0.6 GFLOP\n', '    flops: 0.6 GFLOP\n    macs: 0.3 GMAC\n')).message).toContain('only one of');
  });

  it('measured times for a device the model does not target', () => {
    expect(firstIssue(edit('a100: 0.21 ms', 'b200: 0.21 ms'))).toMatchObject({ path: 'models[0].measured.b200', line: 14 });
  });

  it('per-model gate overrides for a model that does not exist', () => {
    expect(firstIssue(edit('    mobilenet-v2: { throughput', '    mobilenet-v3: { throughput')).message).toContain('did you mean "mobilenet-v2"?');
  });

  it('shows the source line with a caret in the formatted message', () => {
    try {
      loadConfig(edit('hardware: [a100, h100-sxm]', 'hardware: [a100, h100-smx]'), 'roofline.yml');
    } catch (error) {
      expect((error as Error).message).toBe(
        'roofline.yml:2:18: hardware[1]: unknown hardware "h100-smx"; did you mean "h100-sxm"? (`roofline-gate hardware` lists the built-in ids)\n' +
          '     2 | hardware: [a100, h100-smx]\n' +
          '       |                  ^',
      );
    }
    expect.assertions(1);
  });
});

/** The formatted error a config is rejected with (every issue, as the CLI prints it). */
const errorText = (text: string): string => rejection(text).message;

describe('wrong shapes and near misses, in the project\'s words', () => {
  const model = (lines: string, hardware = 'hardware: h100-sxm') =>
    `version: 1\n${hardware}\nmodels:\n  - name: m\n    precision: fp16\n    flops: 1 GFLOP\n    bytes: 1 MB\n${lines}`;

  it('a tie of edit distance goes to the id sharing the longer prefix: h100-sxm4 is h100-sxm, not a100-sxm4', () => {
    // h100-sxm4 is one edit from a100-sxm4 (an alias of a100-sxm4-80gb) and from h100-sxm.
    expect(firstIssue(model('', 'hardware: [a100-sxm4-80gb, h100-sxm4]')).message).toBe(
      'unknown hardware "h100-sxm4"; did you mean "h100-sxm"? (`roofline-gate hardware` lists the built-in ids)',
    );
  });

  it('ids separated by a comma without brackets: the list needs them', () => {
    expect(errorText(model('', 'hardware: a100-sxm4-80gb, h100-sxm'))).toBe(
      'roofline.yml:2:11: hardware: a list needs brackets: `hardware: [a100-sxm4-80gb, h100-sxm]`\n' +
        '     2 | hardware: a100-sxm4-80gb, h100-sxm\n' +
        '       |           ^',
    );
    // A part that is no id is the id rule again.
    expect(firstIssue(model('', 'hardware: a100, h100 sxm')).message).toBe('expected an id of letters, digits, dots, dashes and underscores');
  });

  it('measured: one time where a time per target belongs; the example names the model\'s first target and the time', () => {
    expect(firstIssue(model('    measured: 1 ms\n', 'hardware: [h100-sxm, a100]'))).toMatchObject({
      path: 'models[0].measured',
      message: 'expected a time per target, e.g. `measured: { h100-sxm: 1 ms }`, got "1 ms"',
    });
    // The model's own targets come first; no time given, 1 ms is the example.
    expect(firstIssue(model('    hardware: [l4]\n    measured: [1, 2]\n')).message).toBe('expected a time per target, e.g. `measured: { l4: 1 ms }`, got a list');
  });

  it.each([
    ['devices', 'devices: 1 ms\n', 'devices', 'expected devices of your own by id, e.g. `devices: { edge-npu: { compute: { fp16: 50 TFLOP/s }, memory: { dram: 100 GB/s } } }`, got "1 ms"'],
    ['gate.models', 'gate:\n  models: [m]\n', 'gate.models', 'expected rules by model name, e.g. `models: { resnet50: { throughput-drop: { fail: 5% } } }`, got a list'],
    ['compute', 'devices:\n  d:\n    compute: 1 TFLOP/s\n    memory: { dram: 1 TB/s }\n', 'devices.d.compute', 'expected a peak per precision, e.g. `compute: { fp16: 50 TFLOP/s, int8: 100 TOP/s }`, got "1 TFLOP/s"'],
    ['memory', 'devices:\n  d:\n    compute: { fp16: 1 TFLOP/s }\n    memory: 1 TB/s\n', 'devices.d.memory', 'expected a bandwidth per memory level, outermost first, e.g. `memory: { dram: 100 GB/s }`, got "1 TB/s"'],
  ])('%s of the wrong shape says what it holds (zod said "expected record")', (_key, top, path, message) => {
    expect(firstIssue(`version: 1\nhardware: h100-sxm\n${top}models:\n  - { name: m, precision: fp16, flops: 1 GFLOP, bytes: 1 MB }\n`)).toMatchObject({ path, message });
  });

  it.each([
    ['ops', '    ops: conv1\n', 'models[0].ops', 'expected a list of ops, e.g. `ops: [{ name: conv1, flops: 236 MFLOP, bytes: 9.6 MB }]`, or an op table, `ops: { file: ops.csv }`, got "conv1"'],
    ['hardware', '    hardware: { h100-sxm: 1 }\n', 'models[0].hardware', 'expected a device id, or a list of them in brackets, e.g. `hardware: [h100-sxm, a100]`, got a mapping'],
  ])('%s of the wrong shape says what it holds (zod said "unexpected")', (_key, lines, path, message) => {
    expect(firstIssue(model(lines))).toMatchObject({ path, message });
  });

  it('an llm batch of the wrong shape: a whole number or a list to sweep', () => {
    const llm = 'version: 1\nhardware: h100-sxm\nmodels:\n  - name: m\n    precision: fp16\n    llm: { config: a.json, phase: decode, context: 1024, batch: "8 seqs" }\n';
    expect(firstIssue(llm)).toMatchObject({ path: 'models[0].llm.batch', message: 'expected a whole number, or a list of them to sweep, e.g. `batch: [1, 8, 32]`, got "8 seqs"' });
  });

  it('a precision misspelt as a key of compute: the precisions are its keys', () => {
    const top = 'devices:\n  d:\n    compute: { fp17: 1 TFLOP/s }\n    memory: { dram: 1 TB/s }\n';
    expect(firstIssue(model('', `hardware: d\n${top}`))).toMatchObject({ path: 'devices.d.compute.fp17', message: 'unknown key "fp17"; did you mean "fp16"?' });
    const far = top.replace('fp17', 'float');
    expect(firstIssue(model('', `hardware: d\n${far}`)).message).toBe('unknown key "float"; expected one of fp64, fp32, tf32, fp16, bf16, fp8, int8, int4, fp4');
  });

  it('a number quoted into a string is not "did you mean" the same number', () => {
    expect(firstIssue(model('    bits: { weights: "4" }\n')).message).toBe('expected one of 2, 3, 4, 5, 6, 8, 16, 32, 64, got "4": write 4 without quotes');
  });

  it('an empty list of targets', () => {
    expect(firstIssue(model('    hardware: []\n'))).toMatchObject({ path: 'models[0].hardware', message: 'expected at least one target' });
  });

  it('an enum value with another ending: phase decoding is decode', () => {
    const llm = 'version: 1\nhardware: h100-sxm\nmodels:\n  - name: m\n    precision: fp16\n    llm: { config: a.json, phase: decoding, context: 1024 }\n';
    expect(firstIssue(llm)).toMatchObject({ path: 'models[0].llm.phase', message: 'expected one of prefill, decode, generate, got "decoding"; did you mean "decode"?' });
  });
});

describe('a limit on model-target pairs, checked before any analysis', () => {
  const ids = (n: number) => `[${Array.from({ length: n }, (_, i) => `d${i}`).join(', ')}]`;
  const many = (models: number, targets: number) =>
    `version: 1\nhardware: ${ids(targets)}\nmodels:\n${'  - { name: m, precision: fp16, flops: 1 GFLOP, bytes: 1 MB }\n'.repeat(models)}`;

  it('is 100,000 pairs', () => expect(MAX_PAIRS).toBe(100_000));

  it('400 models x 256 targets = 102,400 pairs: one issue at `models:`, naming the count and the limit', () => {
    expect(errorText(many(400, 256))).toBe(
      'roofline.yml:3:1: models: 102,400 model-target pairs (400 models x 256 targets x 1 sweep value): at most 100,000 are analysed in one run; split the config, or give fewer targets or sweep values\n' +
        '     3 | models:\n' +
        '       | ^',
    );
  });

  it('400 x 250 = 100,000 pairs are within it: the config goes on to its next check (the made-up ids)', () => {
    expect(firstIssue(many(400, 250)).message).toMatch(/^unknown hardware "d0"/);
  });

  it('sweep values count: 64 batches x 64 contexts on 25 targets = 102,400 pairs', () => {
    const sweep = (n: number) => `[${Array.from({ length: n }, (_, i) => i + 1).join(', ')}]`;
    const text = `version: 1\nhardware: ${ids(25)}\nmodels:\n  - name: m\n    precision: fp16\n    llm: { config: a.json, phase: decode, batch: ${sweep(64)}, context: ${sweep(64)} }\n`;
    expect(firstIssue(text).message).toBe('102,400 model-target pairs (1 model x 25 targets x 4,096 sweep values): at most 100,000 are analysed in one run; split the config, or give fewer targets or sweep values');
  });

  it('models of different shapes are summed: 300 on 256 targets + 100 on 256 targets with 2 batches = 128,000', () => {
    // 300 x 256 = 76,800 and 100 x 256 x 2 = 51,200: 128,000 pairs.
    const text = many(300, 256) + '  - { name: s, precision: fp16, llm: { config: a.json, phase: prefill, prompt: 8, batch: [1, 2] } }\n'.repeat(100);
    expect(firstIssue(text).message).toBe('128,000 model-target pairs (400 models, each x its targets x its sweep values): at most 100,000 are analysed in one run; split the config, or give fewer targets or sweep values');
  });
});

/** A one-model config on a100, with `model` lines added to the model. */
const ONE = (model: string, top = 'hardware: a100\n') => `version: 1\n${top}models:\n  - name: m\n    precision: fp16\n${model}`;

describe('macs: counts multiply-accumulates, 2 FLOP each, whatever form they take', () => {
  it.each([
    ['a bare number', '4000000000'],
    ['a unit-less string', '"4e9"'],
    ['a MAC unit', '4 GMAC'],
  ])('%s under macs', (_, macs) => {
    expect(loadConfig(ONE(`    macs: ${macs}\n    bytes: 1 MB\n`), 'c.yml').models[0]!.flops).toBe(8e9);
  });

  it('an inline op', () => {
    const model = loadConfig(ONE('    ops:\n      - { name: a, macs: 1000, bytes: 1 }\n      - { name: b, macs: "1.5 kMAC", bytes: 1 }\n'), 'c.yml').models[0]!;
    expect(model.ops!.map((op) => op.flops)).toEqual([2000, 3000]);
  });

  it('refuses a FLOP unit under macs and a MAC unit under flops, naming both', () => {
    expect(firstIssue(ONE('    macs: 4 GFLOP\n    bytes: 1 MB\n'))).toMatchObject({
      line: 6, column: 11, path: 'models[0].macs', message: '"4 GFLOP" is a FLOP count; write it under flops:, or give MACs (4 GMAC)',
    });
    expect(firstIssue(ONE('    flops: 4 GMAC\n    bytes: 1 MB\n'))).toMatchObject({
      path: 'models[0].flops', message: '"4 GMAC" is a MAC count; write it under macs:, or give FLOPs (8 GFLOP)',
    });
    expect(firstIssue(ONE('    ops: [{ name: a, macs: 1 MFLOP, bytes: 1 }]\n'))).toMatchObject({ path: 'models[0].ops[0].macs' });
  });
});

describe('silent misconfigurations are refused', () => {
  it('one device twice through an alias, in the top-level list (once, not per model)', () => {
    const all = issues(ONE('    flops: 1\n    bytes: 1\n  - name: n\n    precision: fp16\n    flops: 1\n    bytes: 1\n', 'hardware: [h100, a100, h100-sxm]\n'));
    expect(all).toEqual([
      expect.objectContaining({ line: 2, column: 24, path: 'hardware[2]', message: '"h100-sxm" and "h100" (hardware[0]) are both h100-sxm: list each device once' }),
    ]);
  });

  it("one device twice in a model's own list", () => {
    expect(firstIssue(ONE('    hardware: [a100, A100-SXM4-80GB]\n    flops: 1\n    bytes: 1\n', ''))).toMatchObject({
      line: 5, path: 'models[0].hardware[1]', message: '"A100-SXM4-80GB" and "a100" (models[0].hardware[0]) are both a100-sxm4-80gb: list each device once',
    });
  });

  it('two measured times for one device', () => {
    expect(firstIssue(ONE('    flops: 1\n    bytes: 1\n    measured: { a100: 2 ms, a100-sxm4-80gb: 3 ms }\n'))).toMatchObject({
      path: 'models[0].measured.a100-sxm4-80gb', message: '"a100" and "a100-sxm4-80gb" are both a100-sxm4-80gb: give one measured time per device',
    });
  });

  const DEVICE = (memory: string) => `version: 1
hardware: npu
devices:
  npu: { compute: { fp16: 50 TFLOP/s }, memory: ${memory} }
models: [{ name: m, precision: fp16, flops: 1 GFLOP, bytes: 1 MB }]
`;

  it('levels listed inner-first: dram must come first', () => {
    expect(firstIssue(DEVICE('{ l2: 12 TB/s, dram: 3 TB/s }'))).toMatchObject({
      line: 4, column: 64, path: 'devices.npu.memory.dram',
      message: '"dram" is the outermost level but is listed after l2; list levels outermost (slowest) first: { dram: 3 TB/s, l2: 12 TB/s }',
    });
  });

  it('levels whose bandwidth falls going inward', () => {
    expect(firstIssue(DEVICE('{ hbm: 3 TB/s, l1: 30 TB/s, l2: 12 TB/s }'))).toMatchObject({
      path: 'devices.npu.memory.l2',
      message: 'l2 (12 TB/s) is slower than l1 (30 TB/s), listed before it as the outer level; list levels outermost (slowest) first: { hbm: 3 TB/s, l2: 12 TB/s, l1: 30 TB/s }',
    });
    expect(loadConfig(DEVICE('{ dram: 3 TB/s, l2: 3 TB/s, l1: 30 TB/s }'), 'c.yml').devices.get('npu')!.levels.map((level) => level.name)).toEqual(['dram', 'l2', 'l1']);
  });

  it('a measured time without a unit', () => {
    expect(firstIssue(ONE('    flops: 1\n    bytes: 1\n    measured: { a100: 2 }\n'))).toMatchObject({
      line: 8, column: 23, path: 'models[0].measured.a100', message: 'expected a time with its unit, got a bare 2: write "2 ms" (or "2 s", "2 us")',
    });
    expect(firstIssue(ONE('    flops: 1\n    bytes: 1\n    measured: { a100: "0.5" }\n')).message).toContain('"0.5 ms"');
  });
});

describe('names fit in report.json', () => {
  const long = 'x'.repeat(NAME_LENGTH + 1);
  const fits = 'x'.repeat(NAME_LENGTH);

  it('caps model and op names', () => {
    expect(firstIssue(ONE('    flops: 1\n    bytes: 1\n').replace('name: m', `name: ${long}`))).toMatchObject({
      line: 4, path: 'models[0].name', message: `expected a model name of at most ${NAME_LENGTH} characters, got ${NAME_LENGTH + 1}`,
    });
    expect(loadConfig(ONE('    flops: 1\n    bytes: 1\n').replace('name: m', `name: ${fits}`), 'c.yml').models[0]!.name).toBe(fits);
    expect(firstIssue(ONE(`    ops: [{ name: ${long}, flops: 1, bytes: 1 }]\n`))).toMatchObject({
      path: 'models[0].ops[0].name', message: `expected an op name of at most ${NAME_LENGTH} characters, got ${NAME_LENGTH + 1}`,
    });
  });

  it('caps device ids, device names and level names', () => {
    const device = (id: string, name: string, level: string) =>
      `version: 1\ndevices:\n  ${id}: { name: ${name}, compute: { fp16: 1 TFLOP/s }, memory: { dram: 1 TB/s, ${level}: 2 TB/s } }\nmodels: [{ name: m, precision: fp16, flops: 1, bytes: 1, hardware: ${id} }]\n`;
    expect(loadConfig(device(`d${fits.slice(1)}`, fits, `l${fits.slice(1)}`), 'c.yml').models).toHaveLength(1);
    expect(firstIssue(device(`d${long.slice(1)}`, 'n', 'l2'))).toMatchObject({
      line: 3, column: 3, message: `key "d${'x'.repeat(55)}...": expected a device id of at most ${NAME_LENGTH} characters, got ${NAME_LENGTH + 1}`,
    });
    expect(firstIssue(device('d', long, 'l2'))).toMatchObject({ path: 'devices.d.name', message: expect.stringContaining(`device name of at most ${NAME_LENGTH}`) });
    expect(firstIssue(device('d', 'n', `l${long.slice(1)}`)).message).toContain(`memory level name of at most ${NAME_LENGTH}`);
  });

  it(`caps a custom device at ${MAX_LEVELS} memory levels`, () => {
    const levels = (count: number) => Array.from({ length: count }, (_, i) => `${i === 0 ? 'dram' : `l${count - i}`}: ${i + 1} TB/s`).join(', ');
    const device = (count: number) => `version: 1\ndevices:\n  d: { compute: { fp16: 1 TFLOP/s }, memory: { ${levels(count)} } }\nmodels: [{ name: m, precision: fp16, flops: 1, bytes: 1, hardware: d }]\n`;
    expect(loadConfig(device(MAX_LEVELS), 'c.yml').devices.get('d')!.levels).toHaveLength(MAX_LEVELS);
    expect(firstIssue(device(MAX_LEVELS + 1))).toMatchObject({ path: 'devices.d.memory.l1', message: `expected at most ${MAX_LEVELS} memory levels, got ${MAX_LEVELS + 1}` });
  });
});

describe('properties', () => {
  it('any text either loads or is refused with a ConfigError, never another exception', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        try {
          loadConfig(text, 'fuzz.yml');
        } catch (error) {
          return error instanceof ConfigError && error.issues.every((issue) => issue.line >= 1 && issue.column >= 1);
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });

  it('any line of the good config mangled gives located issues, never a crash', () => {
    const lines = GOOD.split('\n');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: lines.length - 1 }), fc.string({ maxLength: 30 }), (index, junk) => {
        const text = lines.map((line, i) => (i === index ? line.slice(0, line.length >> 1) + junk : line)).join('\n');
        try {
          loadConfig(text, 'fuzz.yml');
        } catch (error) {
          return error instanceof ConfigError;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});

describe('JSON Schema', () => {
  it('is generated from the zod schema', () => {
    const schema = configJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(['version', 'hardware', 'devices', 'catalog', 'models', 'gate', 'advice']);
    expect(schema.required).toEqual(expect.arrayContaining(['version', 'models']));
  });

  /** A config with `quantity` at a key of each dimension, for the schema to judge. */
  const at: Record<Dimension, (quantity: unknown) => unknown> = {
    flops: (q) => ({ version: 1, models: [{ name: 'm', precision: 'fp16', flops: q, bytes: 1 }] }),
    macs: (q) => ({ version: 1, models: [{ name: 'm', precision: 'fp16', macs: q, bytes: 1 }] }),
    bytes: (q) => ({ version: 1, models: [{ name: 'm', precision: 'fp16', flops: 1, bytes: q }] }),
    flopRate: (q) => ({ version: 1, devices: { d: { compute: { fp16: q }, memory: { dram: 1 } } }, models: [{ name: 'm', precision: 'fp16', flops: 1, bytes: 1 }] }),
    byteRate: (q) => ({ version: 1, devices: { d: { compute: { fp16: 1 }, memory: { dram: q } } }, models: [{ name: 'm', precision: 'fp16', flops: 1, bytes: 1 }] }),
    seconds: (q) => ({ version: 1, models: [{ name: 'm', precision: 'fp16', flops: 1, bytes: 1, measured: { a100: q } }] }),
    perSecond: (q) => ({ version: 1, models: [{ name: 'm', precision: 'fp16', flops: 1, bytes: 1 }], gate: { budgets: { 'min-throughput': q } } }),
    fraction: (q) => ({ version: 1, models: [{ name: 'm', precision: 'fp16', flops: 1, bytes: 1 }], gate: { 'intensity-drop': { warn: q } } }),
  };

  it('covers every dimension in the test below', () => {
    expect(Object.keys(at).sort()).toEqual([...DIMENSIONS].sort());
  });

  it('accepts, for every dimension, exactly the units the parser accepts: both come from the one unit table', async () => {
    const { Ajv } = await import('ajv');
    const validate = new Ajv({ strict: false }).compile(configJsonSchema());
    for (const dimension of DIMENSIONS) {
      for (const unit of unitsOf(dimension)) {
        for (const text of [`1.5 ${unit}`, `2e3${unit}`, ` 7 ${unit} `]) {
          expect([dimension, text, parseQuantity(text, dimension).ok, validate(at[dimension](text))]).toEqual([dimension, text, true, true]);
        }
      }
    }
    const refused: Array<[Dimension, string]> = [
      ['bytes', '1 EiB'], ['bytes', '1 kiB'], ['bytes', '3.1 MBs'], ['byteRate', '1 EiB/s'], ['byteRate', '1 kiB/s'], ['byteRate', '1 MBs'],
      ['flops', '4 GMAC'], ['macs', '4 GFLOP'], ['flopRate', '3 TFLOP'], ['seconds', '2'], ['seconds', '2 sec'], ['fraction', '5'], ['perSecond', '3 /h'],
    ];
    for (const [dimension, text] of refused) {
      expect([dimension, text, parseQuantity(text, dimension).ok, validate(at[dimension](text))]).toEqual([dimension, text, false, false]);
    }
  });

  it('gives each dimension an anchored pattern', () => {
    expect(new RegExp(quantityPattern('flopRate')).test('312 TFLOPS')).toBe(true);
    expect(new RegExp(quantityPattern('flopRate')).test('x 312 TFLOPS')).toBe(false);
    expect(new RegExp(quantityPattern('fraction')).test('5')).toBe(false);
  });
});

describe('the shipped JSON Schema, as an editor would use it', () => {
  it('accepts the examples and the README config, and flags a misspelt unit or key', async () => {
    const { readFileSync } = await import('node:fs');
    const { load } = await import('js-yaml');
    const { Ajv } = await import('ajv');
    const validate = new Ajv({ strict: false }).compile(JSON.parse(readFileSync('roofline.schema.json', 'utf8')));
    for (const file of ['examples/roofline.yml', 'examples/op-table.yml']) {
      expect([file, validate(load(readFileSync(file, 'utf8')))]).toEqual([file, true]);
    }
    expect(validate(load(GOOD))).toBe(true);
    expect(validate(load(GOOD.replace('3.1 MB', '3.1 MBs')))).toBe(false);
    expect(validate(load(GOOD.replace('precision: fp16', 'precison: fp16')))).toBe(false);
    expect(validate(load(GOOD.replace('warn: 2%', 'warn: 2')))).toBe(false);
  });
});
