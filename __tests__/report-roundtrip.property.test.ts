// What the engine writes, the action's `report:` input reads back: for any config the engine accepts, its
// report.json (with a baseline, so findings and advice appear) passes the report schema and reads back equal.
// The config and the report are validated by different code (config/schema.ts, report/schema.ts); this
// property is what keeps their limits in step.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { acceptedConfig } from './__fixtures__/accepted-config.js';
import { ConfigError, loadConfig } from '../src/core/config/index.js';
import { NAME_LENGTH } from '../src/core/limits.js';
import { buildReport, reportJson } from '../src/core/report/build.js';
import { parseReport } from '../src/core/report/schema.js';

/** Names as users write them, up to past the limit, with the characters Markdown and YAML care about. */
const nameUnit = fc.constantFrom('a', 'Z', '9', '-', '_', '.', ' ', '|', '@', '<', 'é', '"');
const nameArb = fc.oneof(
  fc.string({ unit: nameUnit, minLength: 1, maxLength: 20 }),
  fc.string({ unit: nameUnit, minLength: NAME_LENGTH - 5, maxLength: NAME_LENGTH + 60 }),
);
const idArb = fc.string({ unit: fc.constantFrom('a', 'b', '7', '-', '.'), minLength: 1, maxLength: NAME_LENGTH + 20 }).map((id) => `d${id}`);
/** Counts in the config's range (0, or 1 to 1e30): at least 2, so that the baseline's half stays in it. */
const amountArb = fc.oneof(fc.constant(0), fc.double({ min: 2, max: 1e15, noNaN: true }));

const modelArb = fc.record({
  name: nameArb,
  flops: amountArb,
  dram: amountArb,
  sram: fc.option(amountArb, { nil: undefined }),
  batch: fc.integer({ min: 1, max: 4096 }),
  measuredMs: fc.option(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), { nil: undefined }),
});

const configArb = fc.record({
  device: fc.record({ id: idArb, name: nameArb, fp16: fc.double({ min: 1e9, max: 1e18, noNaN: true }), dram: fc.double({ min: 1e6, max: 1e14, noNaN: true }) }),
  models: fc.array(modelArb, { minLength: 1, maxLength: 4 }),
  builtIn: fc.boolean(),
});

type Generated = typeof configArb extends fc.Arbitrary<infer T> ? T : never;

/** The config as JSON text (JSON is YAML), on a custom device and maybe a built-in one. */
function configText(c: Generated, scale = 1): string {
  const hardware = c.builtIn ? [c.device.id, 'h100-sxm'] : [c.device.id];
  return JSON.stringify({
    version: 1,
    hardware,
    devices: { [c.device.id]: { name: c.device.name, compute: { fp16: c.device.fp16 }, memory: { dram: c.device.dram, ...(c.models.some((m) => m.sram !== undefined) ? { sram: c.device.dram * 4 } : {}) } } },
    models: c.models.map((m) => ({
      name: m.name,
      precision: 'fp16',
      flops: m.flops,
      bytes: m.sram === undefined ? m.dram * scale : { dram: m.dram * scale, sram: m.sram },
      batch: m.batch,
      ...(m.measuredMs === undefined ? {} : { measured: { [c.device.id]: `${m.measuredMs} ms` } }),
    })),
  });
}

describe('report.json round trip', () => {
  it('reads back every report the engine writes for a config it accepts, with a baseline', () => {
    fc.assert(
      fc.property(configArb, (generated) => {
        const head = acceptedConfig(configText(generated));
        const base = acceptedConfig(configText(generated, 0.5));
        fc.pre(head !== null && base !== null);
        const report = buildReport(head!, base, 'git:main');
        const text = reportJson(report);
        expect(parseReport(text, 'report.json')).toEqual(report);
      }),
      {
        numRuns: 300,
        // Found by this property: a few FLOPs over 555 MB made reach-ridge's gain overflow to Infinity (null in JSON).
        examples: [[{ device: { id: 'da', name: 'a', fp16: 1e9, dram: 1e6 }, models: [{ name: 'a', flops: 5.5626846462666334e-300, dram: 555741709.5097113, sram: undefined, batch: 1, measuredMs: undefined }], builtIn: false }]],
      },
    );
  });

  it('a config with a name longer than report.json holds is refused at the config, not at the report', () => {
    const name = 'm'.repeat(NAME_LENGTH + 50);
    const text = `version: 1\nhardware: h100-sxm\nmodels:\n  - { name: ${name}, precision: fp16, flops: 1 GFLOP, bytes: 1 MB }\n`;
    expect(() => loadConfig(text, 'roofline.yml')).toThrow(ConfigError);
  });
});
