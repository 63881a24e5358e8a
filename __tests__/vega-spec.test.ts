// The chart is drawn from vega-spec.ts's translation of its Vega-Lite spec, not from vega-lite's compile.
// Here both are made for charts of every kind the chart draws, and must be the same Vega spec and draw the
// same SVG, byte for byte; what the translation does not cover must be refused, and still drawn.
import { describe, expect, it } from '@jest/globals';
import { compile, type TopLevelSpec } from 'vega-lite';
import { rooflineSpec } from '../src/core/chart/index.js';
import { trendSpec } from '../src/core/chart/trend.js';
import { UntranslatedSpec, vegaSpec } from '../src/core/chart/vega-spec.js';
import { renderSvg, renderVegaSvg } from '../src/render/svg.js';
import { analyse } from '../src/shell/analyse.js';
import { workingTree } from '../src/shell/sources.js';
import { FOUR, NAMES, OPS, many, model, reportOf, withOps } from './__fixtures__/chart-reports.js';

type Json = Record<string, any>;

/** A model given as `ops`, on both devices. */
const onBoth = (name: string, ops = OPS) =>
  model({ name, flops: ops.reduce((s, op) => s + op.flops, 0), bytes: { dram: ops.reduce((s, op) => s + op.bytes.dram!, 0) }, ops, hardware: ['h100-sxm', 'a100'] });
const sweep = [1, 8, 32].map((batch) =>
  model({ name: `decode@b${batch}`, flops: 1e9 * batch, bytes: { dram: 1e9 }, batch, hardware: ['h100-sxm', 'a100'], sweep: { of: 'decode', by: 'batch', batch, context: 4096 } }),
);
const predicted = 14e9 / 3.35e12;

/** Charts of every kind: each layer, legend, panel and size rule the chart has, alone and together. */
const CHARTS: Array<[string, () => TopLevelSpec | Promise<TopLevelSpec>]> = [
  ['no model at all', () => rooflineSpec(reportOf([]))],
  ['one model on one device', () => rooflineSpec(reportOf([FOUR[0]!]), NAMES)],
  ['two devices, two levels, two precisions', () => rooflineSpec(reportOf(FOUR), NAMES)],
  ['the same, device ids for names', () => rooflineSpec(reportOf(FOUR))],
  ['a baseline with moves (hollow marks, arrows)', () => rooflineSpec(reportOf(FOUR.map((m) => ({ ...m, bytes: { dram: m.bytes.dram! * 2 } })), FOUR), NAMES)],
  ['a baseline with nothing moved', () => rooflineSpec(reportOf(FOUR, FOUR), NAMES)],
  ['a sweep on two devices', () => rooflineSpec(reportOf([...sweep, FOUR[1]!]), NAMES)],
  ['measured times, one above its roof', () => rooflineSpec(reportOf([model({ name: 'decode', flops: 14e9, bytes: { dram: 7e9 }, measuredSeconds: { 'h100-sxm': predicted / 1.5 } }), model({ name: 'slow', measuredSeconds: { 'h100-sxm': 1 } })]), NAMES)],
  ['no FLOPs and no bytes (drawn at the edges)', () => rooflineSpec(reportOf([model({ name: 'no-flops', flops: 0 }), model({ name: 'no-bytes', bytes: { dram: 0 } })]), NAMES)],
  ['thirteen pairs: numbers and the list under the plot', () => rooflineSpec(reportOf(many(13)), NAMES)],
  ['forty pairs with a baseline', () => rooflineSpec(reportOf(many(40), many(40).map((m) => ({ ...m, flops: m.flops * 1.1 }))), NAMES)],
  ['ops: the slowest-ops panels', () => rooflineSpec(reportOf([withOps('resnet50')]), NAMES)],
  ['ops changed against the baseline: the changed-op panels', () => rooflineSpec(reportOf([onBoth('resnet50', OPS.map((op) => (op.name === 'fc' ? { ...op, bytes: { dram: 30e6 } } : op)))], [onBoth('resnet50')]), NAMES)],
  ['two models with the same ops (their panels share data)', () => rooflineSpec(reportOf([onBoth('a'), onBoth('b')]), NAMES)],
  ['names that are markup, quotes and control characters', () => rooflineSpec(reportOf([model({ name: `<b>&"x' \u0001 ${'\u{1F680}'}` }), model({ name: 'a "quoted" name' })]), NAMES)],
  ...['roofline', 'op-table', 'llama3-8b-decode'].map((name): [string, () => Promise<TopLevelSpec>] => [
    `examples/${name}.yml against itself`,
    async () => rooflineSpec((await analyse({ source: workingTree(), file: `examples/${name}.yml` }, { kind: 'config', source: workingTree(), file: `examples/${name}.yml` })).report),
  ]),
  [
    'examples/roofline.yml against __tests__/fixtures/two-models.yml',
    async () => rooflineSpec((await analyse({ source: workingTree(), file: 'examples/roofline.yml' }, { kind: 'config', source: workingTree(), file: '__tests__/fixtures/two-models.yml' })).report),
  ],
];

/** A spec as JSON, as vega reads it: keys whose value is undefined dropped; data, scales and signals by name, whose order vega does not read. */
function normal(spec: Json): Json {
  const plain = JSON.parse(JSON.stringify(spec)) as Json;
  for (const key of ['data', 'scales', 'signals']) {
    plain[key] = Object.fromEntries((plain[key] ?? []).map((item: Json) => [item.name, item]));
  }
  return plain;
}

describe('vegaSpec', () => {
  it.each(CHARTS)('makes the Vega spec vega-lite compiles, which draws the same SVG: %s', async (_, make) => {
    const spec = await make();
    const compiled = compile(structuredClone(spec)).spec;
    const translated = vegaSpec(structuredClone(spec));
    expect(normal(translated)).toEqual(normal(compiled));
    const svg = await renderVegaSvg(translated);
    expect(svg).toBe(await renderVegaSvg(compiled));
    // What the chart path draws is the translation.
    expect(await renderSvg(spec)).toBe(svg);
  });

  it('leaves the spec it reads as it was', () => {
    const spec = rooflineSpec(reportOf([...FOUR, withOps('resnet50')], FOUR), NAMES);
    const before = JSON.stringify(spec);
    vegaSpec(spec);
    expect(JSON.stringify(spec)).toBe(before);
  });

  it('refuses what it does not translate, naming it, and renderSvg has vega-lite draw it', async () => {
    const trend = trendSpec([{ model: 'resnet50', hardware: 'h100-sxm', points: [{ sha: 'abcdef1234', throughput: 38022.8 }], head: 36000 }]);
    expect(() => vegaSpec(trend)).toThrow(UntranslatedSpec);
    expect(() => vegaSpec(trend)).toThrow('the chart: vega-spec.ts does not translate Vega-Lite\'s "data"');
    expect(await renderSvg(trend)).toBe(await renderVegaSvg(compile(trend).spec));

    const spec = rooflineSpec(reportOf([withOps('resnet50')]), NAMES) as Json;
    const panel = spec.vconcat.at(-1);
    delete panel.encoding.x.stack;
    expect(() => vegaSpec(spec as TopLevelSpec)).toThrow(/mark concat_\d+_marks's x: a stacked bar does not translate/);
    const sorted = rooflineSpec(reportOf([withOps('resnet50')]), NAMES) as Json;
    delete sorted.vconcat.at(-1).encoding.y.sort;
    expect(() => vegaSpec(sorted as TopLevelSpec)).toThrow(/a sorted band does not translate/);
    const area = rooflineSpec(reportOf(FOUR), NAMES) as Json;
    area.vconcat[0].layer[0].mark.type = 'area';
    expect(() => vegaSpec(area as TopLevelSpec)).toThrow('does not translate area marks');
    const unsized = rooflineSpec(reportOf(FOUR), NAMES) as Json;
    delete unsized.vconcat[0].width;
    expect(() => vegaSpec(unsized as TopLevelSpec)).toThrow('view concat_0: only a width in pixels translates');
  });
});
