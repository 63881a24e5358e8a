// Bytes by kind (SPEC section 6): splits inline and in op tables, their totals, the aggregate over ops,
// storage widths, and the JSON Schema agreeing with the CLI about all of it.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ConfigError, configJsonSchema, loadConfig, type ConfigIssue, type OpTable } from '../src/core/config/index.js';
import { bitsOf, PRECISION_BITS } from '../src/core/precision-bits.js';
import { placeAll } from '../src/core/roofline.js';
import { readOpTable } from '../src/shell/op-table-files.js';
import { plainOp } from '../src/core/config/op-columns.js';
import { refusal } from './__fixtures__/config-error.js';

/** A one-model config on an A100 (levels dram and l2) with `bytes:` and extra model lines. */
const config = (bytes: string, extra = '', precision = 'bf16') => `version: 1
hardware: a100
models:
  - name: decode
    precision: ${precision}
    flops: 1 TFLOP
    bytes: ${bytes}
${extra}`;

const issues = (text: string, tables?: ReadonlyMap<number, OpTable>): ConfigIssue[] => refusal(() => loadConfig(text, 'roofline.yml', tables)).issues;

/** An issue as one line, as the CLI prints its head. */
const line = (issue: ConfigIssue) => `${issue.file}:${issue.line}:${issue.column}: ${issue.path === '' ? '' : `${issue.path}: `}${issue.message}`;

describe('bytes by kind, inline', () => {
  it("splits a level by kind: the level's bytes are the sum of its kinds, other levels stay unsplit", () => {
    const [model] = loadConfig(config('{ dram: { weights: 13.5 GB, activations: 40 MB, kv: 1.1 GB }, l2: 3 GB }'), 'roofline.yml').models;
    // 13.5 GB + 40 MB + 1.1 GB = 14.64 GB.
    expect(model!.bytes).toEqual({ dram: 14.64e9, l2: 3e9 });
    expect(model!.kinds).toEqual({ dram: { weights: 13.5e9, activations: 40e6, kv: 1.1e9 } });
  });

  it('takes a kind left out as 0 bytes, and a split alone as the outermost level', () => {
    const [model] = loadConfig(config('{ weights: 13.5 GB, kv: 1.1 GB }'), 'roofline.yml').models;
    expect(model!.bytes).toEqual({ dram: 14.6e9 });
    expect(model!.kinds).toEqual({ dram: { weights: 13.5e9, kv: 1.1e9 } });
  });

  it('gives no split for a plain count', () => {
    const [model] = loadConfig(config('{ dram: 2 GB, l2: 3 GB }'), 'roofline.yml').models;
    expect(model!.kinds).toEqual({});
  });

  it('accepts a total that the kinds add up to, within a relative 1e-6', () => {
    // 13.5 GB + 1.1 GB = 14.6 GB; 14.600001 GB is 1 kB more, 6.8e-8 of it. The kinds stay the level's bytes.
    const [model] = loadConfig(config('{ dram: { weights: 13.5 GB, kv: 1.1 GB, total: 14.600001 GB } }'), 'roofline.yml').models;
    expect(model!.bytes).toEqual({ dram: 14.6e9 });
    expect(model!.kinds).toEqual({ dram: { weights: 13.5e9, kv: 1.1e9 } });
  });

  it('refuses a total the kinds do not add up to, at the total, with both figures and the difference', () => {
    const text = config('{ dram: { weights: 13.5 GB, activations: 40 MB, kv: 1.1 GB, total: 14.7 GB } }');
    expect(issues(text).map(line)).toEqual([
      'roofline.yml:7:79: models[0].bytes.dram.total: the kinds of dram add up to 14.64 GB, but its total is 14.7 GB (60 MB less); correct a kind or the total, or leave the total out',
    ]);
    // 14.6001 GB is 100 kB more than 14.6 GB: 6.8e-6 of it, beyond the tolerance. Shown with the digits that tell them apart.
    expect(issues(config('{ dram: { weights: 13.5 GB, kv: 1.1 GB, total: 14.6001 GB } }')).map((issue) => issue.message)).toEqual([
      'the kinds of dram add up to 14.6 GB, but its total is 14.6001 GB (100 kB less); correct a kind or the total, or leave the total out',
    ]);
    // The shorthand's level is dram; kinds above the total say "more".
    expect(issues(config('{ weights: 2 GB, kv: 1 GB, total: 2.5 GB }')).map(line)).toEqual([
      'roofline.yml:7:46: models[0].bytes.total: the kinds of dram add up to 3 GB, but its total is 2.5 GB (500 MB more); correct a kind or the total, or leave the total out',
    ]);
  });

  it('suggests the kind for a misspelt one, under a level and at the top', () => {
    expect(issues(config('{ dram: { weight: 13.5 GB } }')).map(line)).toEqual([
      'roofline.yml:7:22: models[0].bytes.dram.weight: unknown key "weight"; did you mean "weights"?',
    ]);
    expect(issues(config('{ weight: 13.5 GB }')).map(line)).toEqual([
      'roofline.yml:7:14: models[0].bytes.weight: a100-sxm4-80gb has no memory level "weight"; it has dram, l2; did you mean the kind "weights"? Kinds go under their level, as in { dram: { weights: ... } }',
    ]);
  });

  it('refuses kinds mixed with levels, a split without a kind, and a level named like a kind', () => {
    expect(issues(config('{ weights: 13.5 GB, l2: 1 GB }')).map(line)).toEqual([
      'roofline.yml:7:32: models[0].bytes.l2: unknown key "l2"; a split by kind takes weights, activations, kv, total: to give levels as well, put the kinds under their level, as in { dram: { weights: ... }, l2: ... }',
    ]);
    expect(issues(config('{ dram: { total: 3 GB } }')).map(line)).toEqual([
      'roofline.yml:7:20: models[0].bytes.dram: expected at least one kind of bytes (weights, activations, kv) in a split',
    ]);
    const device = `version: 1
devices:
  npu: { compute: { fp16: 1 TFLOP/s }, memory: { dram: 1 GB/s, kv: 2 GB/s } }
models:
  - { name: m, precision: fp16, hardware: npu, flops: 1, bytes: 1 }
`;
    expect(issues(device).map(line)).toEqual([
      'roofline.yml:3:64: devices.npu.memory.kv: key "kv": "kv" is a kind of bytes, not a memory level: give kinds under their level, as in { dram: { kv: ... } }',
    ]);
  });

  it('reports a kind under a level the targets lack as an unknown level', () => {
    expect(issues(config('{ dram: 1 GB, l1: { weights: 1 GB } }')).map(line)).toEqual([
      'roofline.yml:7:26: models[0].bytes.l1: a100-sxm4-80gb has no memory level "l1"; it has dram, l2; did you mean "l2"?',
    ]);
  });

  it('refuses a bad quantity in a kind at that kind', () => {
    expect(issues(config('{ dram: { weights: 3 GXB } }')).map(line)).toEqual([
      'roofline.yml:7:31: models[0].bytes.dram.weights: expected a byte count such as 86 MB, 1.5 GiB or 4096 B, got "3 GXB"; did you mean "GB"?',
    ]);
  });
});

describe('the split of a model given as ops', () => {
  const ops = (...lines: string[]) => `version: 1
hardware: a100
models:
  - name: decode
    precision: bf16
    ops:
${lines.map((op) => `      - ${op}`).join('\n')}
`;

  it('is the sum of the ops\' splits where every op moving bytes through a level splits them', () => {
    const [model] = loadConfig(
      ops(
        '{ name: qkv, flops: 1 GFLOP, bytes: { dram: { weights: 2 GB, kv: 1 GB }, l2: { activations: 4 GB } } }',
        '{ name: mlp, flops: 1 GFLOP, bytes: { dram: { weights: 1 GB, activations: 0.5 GB }, l2: 1 GB } }',
      ),
      'roofline.yml',
    ).models;
    // dram: weights 2 + 1 = 3 GB, kv 1 GB, activations 0.5 GB (4.5 GB in all). l2: mlp's 1 GB is of unknown
    // kind, so the model's l2 is unsplit although qkv splits its own.
    expect(model!.bytes).toEqual({ dram: 4.5e9, l2: 5e9 });
    expect(model!.kinds).toEqual({ dram: { weights: 3e9, kv: 1e9, activations: 0.5e9 } });
    expect(model!.ops!.map((op) => op.kinds)).toEqual([{ dram: { weights: 2e9, kv: 1e9 }, l2: { activations: 4e9 } }, { dram: { weights: 1e9, activations: 0.5e9 } }]);
  });

  it('leaves a level split when the only op not splitting it moves no bytes there', () => {
    const [model] = loadConfig(
      ops('{ name: qkv, flops: 1 GFLOP, bytes: { dram: { weights: 2 GB } } }', '{ name: softmax, flops: 1 MFLOP, bytes: { dram: 0, l2: 1 MB } }'),
      'roofline.yml',
    ).models;
    expect(model!.kinds).toEqual({ dram: { weights: 2e9 } });
  });
});

describe('bits per kind', () => {
  it("defaults every kind to the precision's storage width (tf32 is stored as fp32)", () => {
    expect(PRECISION_BITS).toEqual({ fp64: 64, fp32: 32, tf32: 32, fp16: 16, bf16: 16, fp8: 8, int8: 8, int4: 4, fp4: 4 });
    expect(bitsOf('tf32')).toEqual({ weights: 32, activations: 32, kv: 32 });
    const [model] = loadConfig(config('14 GB'), 'roofline.yml').models;
    expect(model!.bits).toEqual({ weights: 16, activations: 16, kv: 16 });
  });

  it('takes widths per kind, the rest from the precision', () => {
    const [model] = loadConfig(config('14 GB', '    bits: { weights: 4, kv: 8 }'), 'roofline.yml').models;
    expect(model!.bits).toEqual({ weights: 4, activations: 16, kv: 8 });
  });

  it('refuses a width no format has, listing those it takes, and a misspelt kind', () => {
    expect(issues(config('14 GB', '    bits: { weights: 7 }')).map(line)).toEqual([
      'roofline.yml:8:22: models[0].bits.weights: expected one of 2, 3, 4, 5, 6, 8, 16, 32, 64, got 7',
    ]);
    expect(issues(config('14 GB', '    bits: { weight: 4 }')).map(line)).toEqual([
      'roofline.yml:8:13: models[0].bits.weight: unknown key "weight"; did you mean "weights"?',
    ]);
  });
});

describe('bytes by kind in op tables', () => {
  const TABLE_CONFIG = 'version: 1\nhardware: a100\nmodels: [{ name: decode, precision: bf16, ops: { file: ops.csv } }]\n';
  const chunks = (text: string) => (async function* () {
    yield text;
  })();
  const tableIssues = async (text: string, file = 'ops.csv'): Promise<string[]> => {
    try {
      const table = await readOpTable(chunks(text), file);
      return issues(TABLE_CONFIG, new Map([[0, table]])).map(line);
    } catch (error) {
      if (error instanceof ConfigError) return error.issues.map(line);
      throw error;
    }
  };

  const HEADER = 'name,flops,bytes.dram,bytes.dram.weights,bytes.dram.activations,bytes.dram.kv,bytes.l2';

  it('reads bytes.<level>.<kind> columns beside a total, and a row with its kind cells empty as unsplit', async () => {
    const csv = [HEADER, 'q_proj,1 GFLOP,,32 MB,1 MB,,4 MB', 'attention,2 GFLOP,502 MB,,2 MB,500 MB,8 MB', 'norm,1 MFLOP,3 MB,,,,1 MB', ''].join('\n');
    const table = await readOpTable(chunks(csv), 'ops.csv');
    expect(table.ops.map(plainOp)).toEqual([
      { name: 'q_proj', flops: 1e9, bytes: { dram: 33e6, l2: 4e6 }, kinds: { dram: { weights: 32e6, activations: 1e6 } } },
      { name: 'attention', flops: 2e9, bytes: { dram: 502e6, l2: 8e6 }, kinds: { dram: { activations: 2e6, kv: 500e6 } } },
      { name: 'norm', flops: 1e6, bytes: { dram: 3e6, l2: 1e6 }, kinds: {} },
    ]);
    const [model] = loadConfig(TABLE_CONFIG, 'roofline.yml', new Map([[0, table]])).models;
    // norm's 3 MB of DRAM are of unknown kind: the model's DRAM is unsplit.
    expect([model!.bytes, model!.kinds]).toEqual([{ dram: 538e6, l2: 13e6 }, {}]);
  });

  it('refuses a row whose kinds miss its total, at the row and the total\'s column', async () => {
    const csv = [HEADER, 'q_proj,1 GFLOP,,32 MB,1 MB,,4 MB', 'attention,2 GFLOP,510 MB,,2 MB,500 MB,8 MB', ''].join('\n');
    expect(await tableIssues(csv)).toEqual([
      // `attention,` (10) and `2 GFLOP,` (8) before the bytes.dram cell, at character 19.
      'ops.csv:3:19: bytes.dram.total: the kinds of dram add up to 502 MB, but its total is 510 MB (8 MB less); correct a kind or the total, or leave the total out',
    ]);
  });

  it('refuses a bad kind cell at its column, and an unknown kind in the header with a suggestion', async () => {
    expect(await tableIssues([HEADER, 'q_proj,1 GFLOP,,32 MBs,1 MB,,4 MB', ''].join('\n'))).toEqual([
      // `q_proj,` (7), `1 GFLOP,` (8) and an empty cell's comma before the weights cell, at character 17.
      'ops.csv:2:17: bytes.dram.weights: expected a byte count such as 86 MB, 1.5 GiB or 4096 B, got "32 MBs"; did you mean "MB"?',
    ]);
    expect(await tableIssues('name,flops,bytes.dram.weight\na,1,2\n')).toEqual([
      // `name,` (5) and `flops,` (6) before the third column, at character 12.
      'ops.csv:1:12: column "bytes.dram.weight": unknown kind of bytes "weight"; did you mean "bytes.dram.weights"?',
    ]);
    expect(await tableIssues('name,flops,bytes.weights\na,1,2\n')).toEqual([
      'ops.csv:1:12: column "bytes.weights": "weights" is a kind of bytes, not a memory level: give kinds under their level, as in { dram: { weights: ... } }',
    ]);
  });

  it('reports a kind column under a level the targets lack as an unknown level, at its first row', async () => {
    expect(await tableIssues('name,flops,bytes.dram,bytes.hbm.kv\na,1,2,\nb,1,2,3 MB\n')).toEqual([
      'ops.csv:3:1: models[0].ops: a100-sxm4-80gb has no memory level "hbm"; it has dram, l2 (give that level only on models whose targets publish it, or describe the device under `devices:`)',
    ]);
  });

  it('reads splits in JSON Lines, and refuses one that misses its total at its line', async () => {
    const good = await readOpTable(chunks('{"name":"a","flops":1e9,"bytes":{"dram":{"weights":"1 GB","kv":"1 GB"},"l2":"2 GB"}}\n'), 'ops.jsonl');
    expect(good.ops).toEqual([{ name: 'a', flops: 1e9, bytes: { dram: 2e9, l2: 2e9 }, kinds: { dram: { weights: 1e9, kv: 1e9 } } }]);
    expect(await tableIssues('{"name":"a","flops":1}\n{"name":"b","flops":1,"bytes":{"dram":{"weights":"1 GB","total":"2 GB"}}}\n', 'ops.jsonl')).toEqual([
      'ops.jsonl:1:1: bytes: missing: expected a byte count',
      'ops.jsonl:2:1: bytes.dram.total: the kinds of dram add up to 1 GB, but its total is 2 GB (1 GB less); correct a kind or the total, or leave the total out',
    ]);
  });
});

describe('a split changes no figure of the analysis', () => {
  const kinds = ['weights', 'activations', 'kv'] as const;
  /** A level's bytes: a count, or a split of some kinds (whole bytes, so that sums are exact). */
  const levelBytes = fc.oneof(
    fc.integer({ min: 0, max: 1e12 }).map((count) => ({ count, split: null })),
    fc.subarray([...kinds], { minLength: 1 }).chain((given) =>
      fc.tuple(...given.map(() => fc.integer({ min: 0, max: 1e12 }))).map((counts) => {
        const split = Object.fromEntries(given.map((kind, i) => [kind, counts[i]!]));
        return { count: counts.reduce((sum, count) => sum + count, 0), split };
      }),
    ),
  );

  it('gives each level the sum of its kinds, and the same placements as the totals written plainly', () => {
    fc.assert(
      fc.property(levelBytes, levelBytes, fc.integer({ min: 1, max: 1e15 }), (dram, l2, flops) => {
        const write = (level: { count: number; split: Record<string, number> | null }, plain: boolean) =>
          plain || level.split === null ? String(level.count) : `{ ${Object.entries(level.split).map(([kind, count]) => `${kind}: ${count}`).join(', ')} }`;
        const text = (plain: boolean) => config(`{ dram: ${write(dram, plain)}, l2: ${write(l2, plain)} }`).replace('1 TFLOP', String(flops));
        const split = loadConfig(text(false), 'split.yml');
        const plain = loadConfig(text(true), 'split.yml');
        expect(split.models[0]!.bytes).toEqual({ dram: dram.count, l2: l2.count });
        expect(placeAll(split.models, split.devices)).toEqual(placeAll(plain.models, plain.devices));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the JSON Schema and the CLI agree about kinds', () => {
  const model = (fields: Record<string, unknown>) => ({ version: 1, hardware: 'a100', models: [{ name: 'm', precision: 'bf16', flops: 1, ...fields }] });
  const cases: Array<[string, unknown, boolean]> = [
    ['a level split', model({ bytes: { dram: { weights: '13.5 GB', activations: '40 MB', kv: '1.1 GB' }, l2: '3 GB' } }), true],
    ['the outermost split alone', model({ bytes: { weights: '1 GB', kv: 2e9 } }), true],
    ['a split with its total', model({ bytes: { dram: { weights: '1 GB', total: '1 GB' } } }), true],
    ['bits per kind', model({ bytes: 1, bits: { weights: 4, activations: 16, kv: 8 } }), true],
    ['an op split', model({ flops: undefined, ops: [{ name: 'a', flops: 1, bytes: { dram: { kv: '1 MB' } } }] }), true],
    ['a misspelt kind', model({ bytes: { dram: { weight: '1 GB' } } }), false],
    ['a split without a kind', model({ bytes: { dram: { total: '1 GB' } } }), false],
    ['kinds mixed with levels', model({ bytes: { weights: '1 GB', l2: '1 GB' } }), false],
    ['a bad unit in a kind', model({ bytes: { dram: { kv: '1 GXB' } } }), false],
    ['a negative kind', model({ bytes: { dram: { kv: -1 } } }), false],
    ['a width no format has', model({ bytes: 1, bits: { weights: 7 } }), false],
    ['a misspelt kind of bits', model({ bytes: 1, bits: { weight: 4 } }), false],
    ['a device level named like a kind', { ...model({ bytes: 1 }), hardware: 'npu', devices: { npu: { compute: { bf16: 1 }, memory: { dram: 1, kv: 2 } } } }, false],
  ];

  it('accepts what the CLI accepts and refuses what it refuses (the sum against a total is the CLI\'s alone)', async () => {
    const { Ajv } = await import('ajv');
    const validate = new Ajv({ strict: false }).compile(configJsonSchema());
    const accepts = (value: unknown) => {
      try {
        loadConfig(JSON.stringify(value), 'case.json');
        return true;
      } catch (error) {
        if (error instanceof ConfigError) return false;
        throw error;
      }
    };
    // A negative kind fails the CLI's sign check but fits the schema's number type: the same holds for every
    // byte count today, so it is left out of the comparison and checked against the CLI only.
    for (const [what, value, expected] of cases) {
      const schema = what === 'a negative kind' ? expected : validate(value);
      expect([what, accepts(value), schema]).toEqual([what, expected, expected]);
    }
  });
});
