import { describe, expect, it } from '@jest/globals';
import lzString from 'lz-string';
import { compile } from 'vega-lite';
import { asciiRoofline, geometry, rooflineSpec, textWidth, vegaEditorUrl, VEGA_EDITOR_URL } from '../src/core/chart/index.js';
import { keyText } from '../src/core/chart/key-view.js';
import { trendSpec } from '../src/core/chart/trend.js';
import { measureText, renderSvg } from '../src/render/svg.js';
import { ABOVE_ROOF_COLOR, BOUND_COLORS, DEVICE_COLORS } from '../src/core/chart/theme.js';
import type { Report } from '../src/core/report/types.js';
import { FOUR, NAMES, OPS, many, model, reportOf, withOps } from './__fixtures__/chart-reports.js';
import { analyse } from '../src/shell/analyse.js';
import { workingTree } from '../src/shell/sources.js';

// --- Reading the spec.

// Specs are read as plain JSON here: the tests check what Vega will be given, whatever the types say.
type Json = Record<string, any>;

const views = (report: Report, options = NAMES) => (rooflineSpec(report, options) as Json).vconcat as Json[];
const layers = (report: Report, options = NAMES) => views(report, options)[0]!.layer as Json[];
const markOf = (layer: Json) => (typeof layer.mark === 'string' ? { type: layer.mark } : layer.mark);
const lines = (report: Report) => layers(report).find((l) => markOf(l).type === 'rule' && l.encoding.stroke)!.data.values as Json[];
const pointLayer = (report: Report, options = NAMES) => layers(report, options).find((l) => markOf(l).type === 'point' && l.encoding.fill)!;
const hollowLayer = (report: Report) => layers(report).find((l) => markOf(l).type === 'point' && markOf(l).filled === false);
const ridgeLayer = (report: Report) => layers(report).find((l) => markOf(l).shape === 'diamond')!;
const arrowLayers = (report: Report) => layers(report).filter((l) => markOf(l).shape === 'triangle-up' || (markOf(l).type === 'rule' && !l.encoding.stroke));
const labelTexts = (report: Report): string[] => layers(report).find((l) => markOf(l).type === 'text')!.data.values.map((d: Json) => d.text);

/** Every number anywhere in a value. */
function numbers(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(numbers);
  return [];
}

describe('rooflineSpec: axes', () => {
  const report = reportOf(FOUR);
  const encoding = pointLayer(report).encoding;

  it('plots log-log, with explicit domains', () => {
    expect(encoding.x.scale).toMatchObject({ type: 'log', nice: false });
    expect(encoding.y.scale).toMatchObject({ type: 'log', nice: false });
    expect(encoding.x.scale.domain[0]).toBeLessThan(encoding.x.scale.domain[1]);
  });

  it('ticks at powers of ten, labelled with SI prefixes and titled with units', () => {
    expect(encoding.x.axis.title).toBe('Arithmetic intensity (FLOP/byte)');
    expect(encoding.y.axis.title).toBe('Attainable FLOP/s');
    for (const value of [...encoding.x.axis.values, ...encoding.y.axis.values]) {
      expect(Math.log10(value) % 1).toBeCloseTo(0, 9);
    }
    expect(encoding.y.axis.labelExpr).toContain("' T'");
  });

  it('is about 720 px wide, on white, in a named font', () => {
    const spec = rooflineSpec(report) as Json;
    expect(views(report)[0]!.width).toBeGreaterThanOrEqual(600);
    expect(views(report)[0]!.width).toBeLessThanOrEqual(660);
    expect(spec.config.background).toBe('white');
    expect(spec.config.font).toMatch(/^DejaVu Sans/);
    expect(spec.config.axis.labelFontSize).toBeGreaterThanOrEqual(11);
  });
});

describe('rooflineSpec: roofs, eaves and ridges', () => {
  const report = reportOf(FOUR);

  it('draws one eave per memory level in use per device', () => {
    const eaves = lines(report).filter((l) => String(l.what).endsWith('bandwidth'));
    expect(eaves.map((e) => `${e.device} ${e.what}`).sort()).toEqual(['A100 80GB DRAM bandwidth', 'A100 80GB L2 bandwidth', 'H100 SXM DRAM bandwidth']);
    for (const eave of eaves) expect(eave.y / eave.x).toBeCloseTo(eave.y2 / eave.x2, 0); // slope B
  });

  it('draws one roof per precision in use per device, not for precisions no model uses', () => {
    const roofs = lines(report).filter((l) => String(l.what).endsWith('roof'));
    expect(roofs.map((r) => `${r.device} ${r.what}`).sort()).toEqual(['A100 80GB fp16 roof', 'A100 80GB fp32 roof', 'H100 SXM fp16 roof']);
    const fp16 = roofs.find((r) => r.device === 'A100 80GB' && r.what === 'fp16 roof')!;
    expect(fp16.y).toBe(312e12);
    expect(fp16.y2).toBe(312e12);
  });

  it('marks every ridge where an eave meets a roof', () => {
    const ridges = ridgeLayer(report).data.values as Json[];
    expect(ridges).toHaveLength(1 + 2 * 2);
    expect(ridges.map((r) => Number(r.x.toPrecision(3))).sort((a, b) => a - b)).toEqual([3.81, 9.56, 60.9, 153, 295]);
  });

  it('labels roofs and eaves with device, precision or level, and value', () => {
    const texts = labelTexts(report);
    expect(texts.some((t) => /H100 SXM · fp16 (roof )?989 TFLOP\/s/.test(t) || t === 'fp16 989 TFLOP/s')).toBe(true);
    expect(texts.some((t) => t.includes('DRAM 3.35 TB/s'))).toBe(true);
    expect(texts.some((t) => t.includes('L2 5.12 TB/s'))).toBe(true);
  });
});

describe('rooflineSpec: points', () => {
  it('draws a point per model x hardware, filled by bound, on the roofline', () => {
    const report = reportOf(FOUR);
    const layer = pointLayer(report);
    const values = layer.data.values as Json[];
    expect(values).toHaveLength(4);
    expect(values.map((v) => v.bound)).toEqual(report.results.map((r) => r.bound));
    expect(values.map((v) => v.bound)).toContain('compute');
    expect(values.map((v) => v.bound)).toContain('memory');
    expect(layer.encoding.fill.scale).toEqual({ domain: ['compute', 'memory'], range: [BOUND_COLORS.compute, BOUND_COLORS.memory] });
    values.forEach((v, i) => expect(v.y).toBe(report.results[i]!.attainableFlopsPerSecond));
  });

  it('places a memory-bound point at its binding level, so that it sits on that eave', () => {
    const report = reportOf([model({ name: 'l2-bound', flops: 1e10, bytes: { dram: 1e8, l2: 1e9 }, hardware: ['a100'] })]);
    const [result] = report.results;
    expect(result!.bindingLevel).toBe('l2');
    const [point] = pointLayer(report).data.values as Json[];
    expect(point!.x).toBe(10);
    expect(point!.y).toBeCloseTo(5.12e12 * 10, -3);
  });

  it('tells devices apart by shape and outline colour, with one legend for both', () => {
    const encoding = pointLayer(reportOf(FOUR)).encoding;
    expect(encoding.shape.scale.domain).toEqual(['H100 SXM', 'A100 80GB']);
    expect(encoding.stroke.scale.domain).toEqual(['H100 SXM', 'A100 80GB']);
    expect(encoding.shape.legend.title).toBe(encoding.stroke.legend.title);
  });

  it('tells apart two devices shown under the same name', () => {
    const report = reportOf([model({ name: 'm', hardware: ['h100-sxm', 'a100'] })]);
    const sameName = { deviceNames: { 'h100-sxm': 'GPU', a100: 'GPU' } };
    expect(pointLayer(report, sameName).encoding.shape.scale.domain).toEqual(['GPU', 'GPU (a100)']);
  });

  it('labels a few points with model names, and 30 with numbers keyed in a list', () => {
    expect(labelTexts(reportOf(FOUR))).toContain('llama-decode');
    const report = reportOf(many(30));
    expect(labelTexts(report)).toContain('30');
    const key = views(report)[1]!;
    const listed = key.data.values.map((v: Json) => v.text as string);
    expect(listed).toHaveLength(30);
    expect(listed[0]).toMatch(/^model-1 · /);
  });

  it('gives every point a tooltip naming model, hardware and figures', () => {
    const [first] = pointLayer(reportOf(FOUR)).data.values as Json[];
    expect(first!.pair).toContain('llama-decode on H100 SXM');
    expect(first!.attainable).toBe('6.70 TFLOP/s');
  });
});

describe('the numbered list', () => {
  // Widths in DejaVu Sans at 11 px (text-width.ts's table, summed apart from the code). A column of two is
  // 620 / 2 - 48 = 262 px of text.
  it('keeps an entry whole where it fits: resnet50 · h100-sxm · memory-bound (DRAM) is 254.7 px', () => {
    expect(keyText('resnet50', 'h100-sxm', 'memory', 'dram', 262)).toBe('resnet50 · h100-sxm · memory-bound (DRAM)');
  });

  it('drops the bound\'s level, then the bound, before it shortens the model; never the hardware', () => {
    // Whole, 299.0 px; without '(DRAM)', 253.8.
    expect(keyText('bert-large', 'a100-sxm4-80gb', 'memory', 'dram', 262)).toBe('bert-large · a100-sxm4-80gb · memory-bound');
    // With 'compute-bound', 276.2 px; without, 178.5.
    expect(keyText('gpt2-medium', 'a100-sxm4-80gb', 'compute', 'compute', 262)).toBe('gpt2-medium · a100-sxm4-80gb');
  });

  it('shortens a model in its middle, keeping its sweep suffix, so that entries differing only by device differ', () => {
    // 'llama3-8b-decode-w4kv8@b32 · a100-sxm4-80gb' is 275.4 px. Keeping 25 of the model's 26 characters
    // (10 from the end: two fifths), 279.6 px with the '…'; 24 (9 from the end), 275.7; 23 (9), 268.7;
    // 22 (8 from the end, 14 from the start), 259.7: it fits.
    expect(keyText('llama3-8b-decode-w4kv8@b32', 'a100-sxm4-80gb', 'memory', 'dram', 262)).toBe('llama3-8b-deco…4kv8@b32 · a100-sxm4-80gb');
    // On the H100 the whole model fits without the bound: 171.3 + 65.4 = 236.7 px.
    expect(keyText('llama3-8b-decode-w4kv8@b32', 'h100-sxm', 'memory', 'dram', 262)).toBe('llama3-8b-decode-w4kv8@b32 · h100-sxm');
  });

  it('takes one column up to 24 points where two would cut an entry, else two', () => {
    const long = (count: number) =>
      Array.from({ length: count }, (_, i) => model({ name: `a-rather-long-model-name-${i + 1}`, bytes: { dram: 1e11 / 10 ** (-0.5 + (4 * i) / count) } }));
    const key = (report: Report) => views(report)[1]!;
    // 'a-rather-long-model-name-13 · H100 SXM · memory-bound (DRAM)' is wider than 262 px: 13 points in one
    // column of 13 rows, 17 px each; 25 in two, of 13 rows.
    expect(key(reportOf(long(13))).height).toBe(13 * 17);
    expect(key(reportOf(long(25))).height).toBe(13 * 17);
    // 13 short entries (the widest 'm-13 · H100 SXM · memory-bound (DRAM)', 236.2 px) take two columns of 7.
    const short = Array.from({ length: 13 }, (_, i) => model({ name: `m-${i + 1}`, bytes: { dram: 1e11 / 10 ** (-0.5 + (4 * i) / 13) } }));
    expect(key(reportOf(short)).height).toBe(7 * 17);
    // 30 take two columns of 15, though 'model-30 · A100 80GB · memory-bound (DRAM)' (265.1 px) is shortened there.
    expect(key(reportOf(many(30))).height).toBe(15 * 17);
  });
});

describe('rooflineSpec: a sweep', () => {
  // A decode swept over batch: FLOPs grow with it, bytes do not, so intensity is the batch itself. Listed
  // out of order (as a config may list them), on both devices: memory-bound everywhere (ridges 295 and 153).
  const swept = [32, 1, 128, 8].map((batch) =>
    model({ name: `decode@b${batch}`, flops: 1e9 * batch, bytes: { dram: 1e9 }, batch, hardware: ['h100-sxm', 'a100'], sweep: { of: 'decode', by: 'batch', batch, context: 4096 } }),
  );
  const report = reportOf([...swept, model({ name: 'other', hardware: ['h100-sxm'] })]);
  const lineLayers = layers(report).filter((l) => markOf(l).type === 'line');

  it('joins the points of one sweep on one device with a line in its colour, in the order of the swept value', () => {
    expect(lineLayers).toHaveLength(2);
    const [h100Line, a100Line] = lineLayers.map((l) => l.data.values as Json[]);
    expect(h100Line!.map((v) => v.x)).toEqual([1, 8, 32, 128]);
    expect(a100Line!.map((v) => v.x)).toEqual([1, 8, 32, 128]);
    expect(h100Line!.map((v) => v.y / 1e12)).toEqual([3.35, 26.8, 107.2, 428.8].map((y) => expect.closeTo(y, 6)));
    expect(a100Line!.map((v) => v.y / 1e12)).toEqual([2.039, 16.312, 65.248, 260.992].map((y) => expect.closeTo(y, 6)));
    // Joined in that order, not in x order: the order channel says so.
    expect(h100Line!.map((v) => v.order)).toEqual([0, 1, 2, 3]);
    expect(lineLayers[0]!.encoding.order.field).toBe('order');
    // Each line in the colour its device's points are outlined in.
    const { domain, range } = pointLayer(report).encoding.stroke.scale;
    expect(lineLayers.map((l) => markOf(l).stroke)).toEqual([range[domain.indexOf('H100 SXM')], range[domain.indexOf('A100 80GB')]]);
    expect(markOf(lineLayers[0]!).stroke).not.toBe(markOf(lineLayers[1]!).stroke);
  });

  it('draws the lines under the points, which keep their marks', () => {
    const all = layers(report);
    const pointsAt = all.findIndex((l) => markOf(l).type === 'point' && l.encoding.fill);
    for (const line of lineLayers) expect(all.indexOf(line)).toBeLessThan(pointsAt);
    expect(pointLayer(report).data.values).toHaveLength(9);
  });

  it('labels each point of a sweep with its value and the line once with the model it sweeps', () => {
    const texts = labelTexts(report);
    expect(texts.filter((t) => t === 'decode')).toHaveLength(2);
    for (const value of ['b1', 'b8', 'b32', 'b128']) expect(texts.filter((t) => t === value)).toHaveLength(2);
    expect(texts).toContain('other');
  });

  it('numbers its points, like every other, when the chart numbers them: the list names each NAME@b8', () => {
    // 4 values on 2 devices and 'other' on 2, with 3 more models on the H100: 13 points, past the 12 named.
    const extra = ['x', 'y', 'z'].map((name) => model({ name }));
    const numbered = reportOf([...swept, model({ name: 'other', hardware: ['h100-sxm', 'a100'] }), ...extra]);
    const texts = labelTexts(numbered);
    expect(texts.filter((t) => /^b\d+$/.test(t))).toEqual([]);
    for (let n = 1; n <= 13; n++) expect(texts).toContain(String(n));
    expect(texts.filter((t) => t === 'decode')).toHaveLength(2);
    const listed = (views(numbered)[1]!.data.values as Json[]).map((v) => v.text as string);
    expect(listed[0]).toBe('decode@b32 · H100 SXM · memory-bound (DRAM)');
  });

  it('says the sweep in the tooltip of its points, and nothing of it elsewhere', () => {
    const values = pointLayer(report).data.values as Json[];
    expect(values.find((v) => v.pair.startsWith('7. decode@b8 on H100 SXM'))!.sweepText).toBe('batch 8 of 1, 8, 32, 128');
    expect(values.find((v) => v.pair.startsWith('9. other'))!.sweepText).toBe('-');
    expect(pointLayer(report).encoding.tooltip.at(-1)).toEqual({ field: 'sweepText', title: 'sweep' });
    expect(pointLayer(reportOf(FOUR)).encoding.tooltip.map((t: Json) => t.field)).not.toContain('sweepText');
  });

  it('draws no line for a model without a sweep, nor for a sweep on one point', () => {
    const one = reportOf([swept[0]!, model({ name: 'other' })]);
    expect(layers(one).filter((l) => markOf(l).type === 'line')).toEqual([]);
    expect(labelTexts(one)).toContain('decode@b32');
  });

  it('lists the sweep in its order in the text chart\'s legend', () => {
    const text = asciiRoofline(report);
    expect(text).toContain('sweep of decode on h100-sxm: C b1 -> G b8 -> A b32 -> E b128');
    expect(text).toContain('sweep of decode on a100: D b1 -> H b8 -> B b32 -> F b128');
  });
});

describe('rooflineSpec: the baseline', () => {
  const base = FOUR.map((m) => (m.name === 'llama-decode' ? { ...m, bytes: { dram: 14e9 } } : m));
  const report = reportOf(FOUR, base);

  it('draws the baseline hollow, one mark per pair that has one', () => {
    expect(hollowLayer(report)!.data.values).toHaveLength(4);
    expect(hollowLayer(reportOf(FOUR))).toBeUndefined();
  });

  it('draws an arrow from base to head only where the point moved', () => {
    const [rule, head] = arrowLayers(report);
    expect(rule!.data.values).toHaveLength(2); // llama-decode on both devices
    const arrow = rule!.data.values[0] as Json;
    expect(arrow.x2).toBeGreaterThan(arrow.x); // intensity went up: 1 -> 2 FLOP/B
    expect(head!.encoding.angle).toMatchObject({ field: 'angle', scale: null });
    expect(arrowLayers(reportOf(FOUR, FOUR))).toHaveLength(0);
  });

  it('says in the subtitle where the baseline came from', () => {
    expect((rooflineSpec(report) as Json).title.subtitle.join(' ')).toContain('baseline (git:main)');
  });
});

describe('rooflineSpec: values a log scale cannot show', () => {
  const report = reportOf([
    model({ name: 'no-bytes', flops: 1e9, bytes: { dram: 0 } }),
    model({ name: 'no-flops', flops: 0, bytes: { dram: 1e6 } }),
    model({ name: 'plain', flops: 1e11, bytes: { dram: 1e9 } }),
  ]);
  const domain = pointLayer(report).encoding.x.scale.domain as number[];
  const [noBytes, noFlops] = pointLayer(report).data.values as Json[];

  it('draws infinite intensity at the right edge and says so', () => {
    expect(report.results[0]!.intensity.dram).toBe(Infinity);
    expect(noBytes!.x).toBe(domain[1]);
    expect(noBytes!.note).toMatch(/infinite intensity, drawn at the right edge/);
    expect(labelTexts(report)).toContain('no-bytes (I = ∞)');
  });

  it('draws zero intensity and zero FLOP/s at the low edges', () => {
    expect(noFlops!.x).toBe(domain[0]);
    expect(noFlops!.note).toMatch(/zero intensity/);
  });

  it('holds no NaN and no infinity anywhere', () => {
    const all = numbers(rooflineSpec(report));
    expect(all.length).toBeGreaterThan(50);
    expect(all.every(Number.isFinite)).toBe(true);
    expect(JSON.stringify(rooflineSpec(report))).not.toMatch(/NaN|Infinity|null,null/);
  });

  it('draws an empty report as an empty plot', () => {
    const empty = reportOf([]);
    expect(pointLayer(empty).data.values).toEqual([]);
    expect(numbers(rooflineSpec(empty)).every(Number.isFinite)).toBe(true);
  });

  it('keeps a single point inside at least three decades on each axis', () => {
    const g = geometry(reportOf([model({ name: 'one' })]));
    expect(Math.log10(g.x[1] / g.x[0])).toBeGreaterThanOrEqual(3 - 1e-9);
    expect(Math.log10(g.y[1] / g.y[0])).toBeGreaterThanOrEqual(3 - 1e-9);
  });
});

describe('rooflineSpec: measured times', () => {
  /** The x marks at achieved FLOP/s, and the dashed rules joining them to their points. */
  const measuredMarks = (report: Report) => layers(report).find((l) => markOf(l).type === 'point' && String(markOf(l).shape).startsWith('M'));
  const measuredRules = (report: Report) => layers(report).find((l) => markOf(l).type === 'rule' && markOf(l).strokeDash);
  const subtitle = (report: Report) => ((rooflineSpec(report, NAMES) as Json).title.subtitle as string[]).join(' ');
  // On the H100, 7 GB through 3.35 TB/s: predicted 2.09 ms; measured at 44% of that speed. Not on the A100.
  const predicted = 7e9 / 3.35e12;
  const measured = model({ name: 'decode', flops: 14e9, bytes: { dram: 7e9 }, hardware: ['h100-sxm', 'a100'], measuredSeconds: { 'h100-sxm': predicted / 0.44 } });
  const report = reportOf([measured]);

  it('draws no measured mark, and says nothing of one, when nothing was measured', () => {
    const plain = reportOf(FOUR);
    expect(measuredMarks(plain)).toBeUndefined();
    expect(measuredRules(plain)).toBeUndefined();
    expect(subtitle(plain)).not.toContain('achieved');
    expect(pointLayer(plain).encoding.y.axis.title).toBe('Attainable FLOP/s');
  });

  it('draws an x per measured pair only, at its point\'s x and y = achieved FLOP/s, in the device colour', () => {
    const [result] = report.results;
    const marks = measuredMarks(report)!.data.values as Json[];
    expect(marks).toHaveLength(1);
    const point = (pointLayer(report).data.values as Json[])[0]!;
    expect(marks[0]!.x).toBe(point.x);
    expect(marks[0]!.y).toBe(result!.achievedFlopsPerSecond);
    expect(marks[0]!.y).toBeCloseTo(0.44 * result!.attainableFlopsPerSecond, -6);
    expect(marks[0]!.color).toBe(DEVICE_COLORS[1]); // h100-sxm's: FNV-1a of the id is 1 mod 8
    expect(marks[0]!.measuredText).toMatch(/measured 44\.0% of attainable$/);
    expect(markOf(measuredMarks(report)!).filled).toBe(false);
    expect(subtitle(report)).toContain('×: achieved FLOP/s from the measured time');
    expect(subtitle(report)).not.toContain('above');
  });

  it('joins the x to its point with a thin dashed vertical rule, clear of both marks', () => {
    const [rule] = measuredRules(report)!.data.values as Json[];
    const point = (pointLayer(report).data.values as Json[])[0]!;
    const mark = (measuredMarks(report)!.data.values as Json[])[0]!;
    expect(rule!.x).toBeCloseTo(point.x, 9);
    expect(rule!.y).toBeLessThan(point.y);
    expect(rule!.y2).toBeGreaterThan(mark.y);
    expect(rule!.y2).toBeLessThan(rule!.y);
    expect(markOf(measuredRules(report)!).strokeWidth).toBeLessThanOrEqual(1);
  });

  it('labels the x "measured 44.0% of attainable" in the device colour', () => {
    const label = (layers(report).find((l) => markOf(l).type === 'text')!.data.values as Json[]).find((d) => d.text === 'measured 44.0% of attainable');
    expect(label).toBeDefined();
    expect(label!.color).toBe(DEVICE_COLORS[1]);
  });

  it('flags a pair measured above its roof: red x, "above roof" label, note and subtitle', () => {
    const above = reportOf([{ ...measured, measuredSeconds: { 'h100-sxm': predicted / 1.5 } }]);
    expect(above.results[0]!.efficiency).toBeCloseTo(1.5, 9);
    const [mark] = measuredMarks(above)!.data.values as Json[];
    expect(mark!.y).toBe(above.results[0]!.achievedFlopsPerSecond);
    expect(mark!.y).toBeGreaterThan(above.results[0]!.attainableFlopsPerSecond);
    expect(mark!.color).toBe(ABOVE_ROOF_COLOR);
    expect(mark!.above).toBe(true);
    expect(mark!.note).toContain('measured above its roof');
    expect(labelTexts(above).some((t) => t.startsWith('above roof') && t.includes('150.0%'))).toBe(true);
    expect(subtitle(above)).toContain('above its roof');
    const [rule] = measuredRules(above)!.data.values as Json[];
    expect(rule!.y2).toBeGreaterThan(rule!.y); // up from the point
    // Within the y domain, so that it is drawn.
    expect(mark!.y).toBeLessThan(pointLayer(above).encoding.y.scale.domain[1]);
  });

  it('widens the y domain to hold a far-below achieved point, and never writes NaN or infinity', () => {
    const slow = reportOf([
      { ...measured, measuredSeconds: { 'h100-sxm': predicted * 1e4 } },
      model({ name: 'no-flops', flops: 0, bytes: { dram: 1e6 }, measuredSeconds: { 'h100-sxm': 1e-3 } }),
    ]);
    const marks = measuredMarks(slow)!.data.values as Json[];
    const domain = pointLayer(slow).encoding.y.scale.domain as number[];
    expect(marks[0]!.y).toBe(slow.results[0]!.achievedFlopsPerSecond);
    expect(marks[0]!.y).toBeGreaterThan(domain[0]!);
    expect(marks[1]!.y).toBe(domain[0]); // 0 FLOP/s: at the bottom edge, said so
    expect(marks[1]!.note).toContain("drawn at the plot's edge");
    expect(numbers(rooflineSpec(slow)).every(Number.isFinite)).toBe(true);
    expect(JSON.stringify(rooflineSpec(slow))).not.toMatch(/NaN|Infinity/);
  });

  it('renders the x and its label to SVG', async () => {
    const svg = await renderSvg(rooflineSpec(reportOf([...FOUR, measured], FOUR), NAMES));
    expect(svg).toContain('measured 44.0% of attainable');
    expect(svg).toContain('stroke-dasharray="3,3"');
    expect(svg).not.toMatch(/NaN|Infinity/);
  });
});

describe('rooflineSpec: the per-op view', () => {
  it('adds a panel of compute and memory time per model x hardware given as ops', () => {
    const all = views(reportOf([...FOUR, withOps('resnet50')]));
    const panel = all.find((v) => v.mark?.type === 'bar')!;
    expect(panel.title.text).toMatch(/^resnet50 on H100 SXM: 3 ops, slowest first/);
    const rows = panel.data.values as Json[];
    expect(rows).toHaveLength(2 * OPS.length);
    expect(rows[0]).toMatchObject({ op: 'attention', part: 'compute', binds: true }); // 4 GFLOP in 1.2 MB: 4.04 us of compute
    expect(rows.filter((r) => r.binds)).toHaveLength(OPS.length);
  });

  it('names its colours in a legend and draws both bars of an op readable: the shorter pale inside an outline', async () => {
    const svg = await renderSvg(rooflineSpec(reportOf([withOps('resnet50')]), NAMES));
    expect(svg).toMatch(/>compute time<\/text>/);
    expect(svg).toMatch(/>memory time<\/text>/);
    // On the H100, conv1: 236 MFLOP / 989 TFLOP/s = 0.239 us of compute, 9.6 MB / 3.35 TB/s = 2.87 us of
    // memory; attention: 4.04 us of compute, 0.358 us of memory. The op's time solid, the other at 0.3,
    // both outlined in their own colour.
    const bar = (op: string, part: string) => new RegExp(`<path aria-label="${op}, ${part} time [^"]*"[^>]*?fill="([^"]+)" fill-opacity="([\\d.]+)" stroke="([^"]+)"`).exec(svg)!.slice(1);
    expect(bar('conv1', 'compute')).toEqual([BOUND_COLORS.compute, '0.3', BOUND_COLORS.compute]);
    expect(bar('conv1', 'memory')).toEqual([BOUND_COLORS.memory, '1', BOUND_COLORS.memory]);
    expect(bar('attention', 'compute')).toEqual([BOUND_COLORS.compute, '1', BOUND_COLORS.compute]);
    expect(bar('attention', 'memory')).toEqual([BOUND_COLORS.memory, '0.3', BOUND_COLORS.memory]);
  });

  it('draws each bar as one rounded shape, not a group per op: stacked bars with rounded ends would be a dataflow each', () => {
    const spec = rooflineSpec(reportOf([withOps('resnet50')]), NAMES);
    // Vega-Lite turns a stacked bar with cornerRadiusEnd into a group mark faceted by stack, one subflow per op.
    expect(JSON.stringify(compile(spec).spec)).not.toContain('"facet"');
  });

  it('rounds the far end of each bar', async () => {
    const svg = await renderSvg(rooflineSpec(reportOf([withOps('resnet50')]), NAMES));
    // conv1's memory bar: a path with curves at its end (cornerRadiusEnd: 2), not a square rect.
    expect(/<path aria-label="conv1, memory time [^"]*"[^>]*? d="([^"]+)"/.exec(svg)![1]).toMatch(/C/);
  });

  it('names the baseline\'s colour and the head\'s bounds drawn in the changed ops\' legend', () => {
    // conv1's bytes double in the head: 2.87 us to 5.73 us of memory, memory-bound on both sides.
    const report = reportOf([withOps('resnet50')], [withOps('resnet50')]);
    const conv1 = { status: 'changed', name: 'conv1', seconds: 5.73e-6, baseSeconds: 2.87e-6, flops: 236e6, baseFlops: 236e6, bytes: { dram: 19.2e6 }, baseBytes: { dram: 9.6e6 }, bindingLevel: 'dram', baseBindingLevel: 'dram' } as const;
    report.results[0]!.ops!.changed = [conv1];
    const changed = views(report).find((v) => /changed op/.test(v.title?.text))!;
    expect(changed.encoding.fill.scale).toEqual({ domain: ['baseline', 'head, memory-bound'], range: ['#6b7280', BOUND_COLORS.memory] });
    expect(changed.encoding.fill.legend).toMatchObject({ orient: 'top', title: null });
  });

  it('adds none when no model was given as ops', () => {
    expect(views(reportOf(FOUR)).some((v) => v.mark?.type === 'bar')).toBe(false);
  });
});

describe('rooflineSpec is pure', () => {
  it('gives the same spec for the same report', () => {
    const report = reportOf(FOUR, FOUR);
    expect(rooflineSpec(report, NAMES)).toEqual(rooflineSpec(report, NAMES));
  });
});

describe('textWidth: the chart font measured, not guessed', () => {
  it('is narrower than vega\'s 0.8 x characters x size estimate for typical labels', () => {
    for (const label of ['dram 3.35 TB/s', 'H100 SXM · fp16 roof 989 TFLOP/s', 'llama-7b-decode', '10 T']) {
      const estimate = 0.8 * label.length * 11;
      expect(textWidth(label, 11)).toBeLessThan(estimate * 0.85);
      expect(textWidth(label, 11)).toBeGreaterThan(estimate * 0.5);
    }
  });

  it('uses the advance widths of DejaVu Sans: 2048 units to the em', () => {
    expect(textWidth('M', 2048)).toBe(1767);
    expect(textWidth('MM', 10)).toBeCloseTo((2 * 1767 * 10) / 2048, 9);
    expect(textWidth('M', 10, true)).toBeGreaterThan(textWidth('M', 10));
  });
});

describe('asciiRoofline', () => {
  const report = reportOf(FOUR, FOUR.map((m) => ({ ...m, bytes: { ...m.bytes, dram: m.bytes.dram! * 2 } })));

  it('is `height` plot rows with y labels, an axis, and no line wider than `width`', () => {
    for (const [width, height] of [[72, 20], [60, 12]] as const) {
      const lines = asciiRoofline(report, width, height).split('\n');
      expect(lines.slice(0, height).every((l) => l[7] === '|')).toBe(true);
      expect(lines[height]).toMatch(/^ {7}\+-+$/);
      expect(lines.every((l) => l.length <= width)).toBe(true);
    }
  });

  it('draws at most the pairs the SVG chart draws, and says how many are left out (300,000 overflowed the stack)', () => {
    const one = reportOf(FOUR.slice(0, 1));
    const huge: Report = { ...one, results: Array.from({ length: 300_000 }, () => one.results[0]!) };
    // As the SVG chart: past 200 pairs only the flagged and changed are drawn; with no baseline and no
    // findings that is none, and the legend says so.
    expect(asciiRoofline(huge).replace(/\s+/g, ' ')).toContain('300,000 unchanged pairs of 300,000 left out: only the changed and flagged are drawn.');
  });

  it('draws roofs, eaves and a letter per point, keyed in the legend', () => {
    const text = asciiRoofline(report);
    const plot = text.split('\n').slice(0, 20).join('\n');
    expect(plot).toMatch(/=+/);
    expect(plot).toContain('/');
    for (const letter of ['A', 'B', 'C', 'D']) expect(plot).toContain(letter);
    expect(text).toContain('A llama-decode on h100-sxm: memory-bound (DRAM), 2.00 FLOP/B (DRAM),');
    expect(text).toContain('= / h100-sxm: roof fp16 989 TFLOP/s; eave DRAM 3.35 TB/s');
    expect(text).toMatch(/1 P|100 T/);
  });

  it('marks the baseline with o and names it in the legend', () => {
    expect(asciiRoofline(report).split('\n').slice(0, 20).join('')).toContain('o');
    expect(asciiRoofline(report)).toContain('was 3.35 TFLOP/s (o)');
  });

  it('puts infinite intensity in the last column, and never prints NaN', () => {
    const text = asciiRoofline(reportOf([model({ name: 'no-bytes', bytes: { dram: 0 } }), model({ name: 'plain' })]));
    expect(text.split('\n').find((l) => l.includes('A'))!.trimEnd()).toMatch(/A$/);
    expect(text).toContain('∞ FLOP/B (DRAM, at the right');
    expect(text).not.toMatch(/NaN|Infinity/);
  });
});

describe('vegaEditorUrl', () => {
  const spec = rooflineSpec(reportOf(FOUR));

  it('packs the spec as the Vega editor reads it: lz-string in the fragment', () => {
    const url = vegaEditorUrl(spec, 100_000)!;
    expect(url.startsWith(VEGA_EDITOR_URL)).toBe(true);
    expect(VEGA_EDITOR_URL).toBe('https://vega.github.io/editor/#/url/vega-lite/');
    const packed = url.slice(VEGA_EDITOR_URL.length);
    expect(packed).toMatch(/^[A-Za-z0-9+\-$]+$/);
    expect(JSON.parse(lzString.decompressFromEncodedURIComponent(packed))).toEqual(spec);
  });

  it('is null past maxLength', () => {
    const url = vegaEditorUrl(spec, 100_000)!;
    expect(vegaEditorUrl(spec, url.length)).toBe(url);
    expect(vegaEditorUrl(spec, url.length - 1)).toBeNull();
  });
});

describe('renderSvg', () => {
  it('renders a well-formed SVG with the axis titles and model names, no NaN, no Infinity', async () => {
    const svg = await renderSvg(rooflineSpec(reportOf([...FOUR, withOps('resnet50')], FOUR), NAMES));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<text/g)!.length).toBe(svg.match(/<\/text>/g)!.length);
    expect(svg).toContain('Arithmetic intensity (FLOP/byte)');
    expect(svg).toContain('Attainable FLOP/s');
    expect(svg).toContain('llama-decode');
    expect(svg).toContain('font-family="DejaVu Sans, Verdana, sans-serif"');
    expect(svg).not.toMatch(/NaN|Infinity/);
    const texts = [...svg.matchAll(/>([^<>]+)<\/text>/g)].map((m) => m[1]!);
    expect(texts).toContain('1 P');
    expect(texts.filter((t) => /\de[+-]?\d/.test(t))).toEqual([]); // no exponent notation on any axis
  });

  it('renders an empty report', async () => {
    expect(await renderSvg(rooflineSpec(reportOf([])))).toContain('<svg');
  });

  it('renders 30 points without throwing', async () => {
    const svg = await renderSvg(rooflineSpec(reportOf(many(30)), NAMES));
    expect(svg).toContain('model-30');
    expect(svg).not.toMatch(/NaN|Infinity/);
  });

  it('measures text with the font table: narrower than the estimate, capped at the limit, bold wider', () => {
    const label = 'H100 SXM · fp16 roof 989 TFLOP/s';
    expect(measureText({ fontSize: 11 }, label)).toBeCloseTo(textWidth(label, 11), 9);
    expect(measureText({ fontSize: 11 }, label)).toBeLessThan(0.8 * label.length * 11);
    expect(measureText({ fontSize: 11, limit: 50 }, label)).toBe(50);
    expect(measureText({ fontSize: 11, fontWeight: 'bold' }, label)).toBeGreaterThan(measureText({ fontSize: 11 }, label));
    expect(measureText({}, undefined)).toBe(0);
  });
});

describe('renderSvg: what a screen reader hears', () => {
  const ariaLabels = (svg: string) => [...svg.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1]!);

  it('reads each mark in the figures the report prints, and skips the labels, arrows and rules that repeat them', async () => {
    // One pair on the H100 (989 TFLOP/s fp16, 3.35 TB/s DRAM): 14 GFLOP over 7 GB of DRAM is 2.00 FLOP/B,
    // memory-bound at 2 x 3.35 = 6.70 TFLOP/s; 7 GB / 3.35 TB/s = 2.09 ms a pass, 1 / 2.09 ms = 479 passes/s.
    // Measured at 2.8 ms: 14 GFLOP / 2.8 ms = 5.00 TFLOP/s, 5 / 6.7 = 74.6% of attainable. The baseline
    // moved 14 GB: 1.00 FLOP/B, 3.35 TFLOP/s, 14 GB / 3.35 TB/s = 4.18 ms. The ridge: 989 / 3.35 = 295 FLOP/B.
    // The axes (geometry.ts domain): x from the least intensity / 2.5 to the ridge x 4, 1 / 2.5 = 0.400 to
    // 295.2 x 4 = 1181 FLOP/B (3.47 decades); y from the least FLOP/s / 3 to the roof x 2.2, 3.35 / 3 = 1.12
    // TFLOP/s to 989 x 2.2 = 2.18 PFLOP/s (3.29 decades): both past the 3 decades they are widened to.
    const decode = model({ name: 'llama-decode', flops: 14e9, bytes: { dram: 7e9 }, measuredSeconds: { 'h100-sxm': 2.8e-3 } });
    const svg = await renderSvg(rooflineSpec(reportOf([decode], [{ ...decode, bytes: { dram: 14e9 } }]), NAMES));
    const pair = '1. llama-decode on H100 SXM (fp16, batch 1)';
    const measured = '2.80 ms, 5.00 TFLOP/s: measured 74.6% of attainable';
    expect(ariaLabels(svg).filter((label) => !/^(Sub)?[tT]itle text/.test(label))).toEqual([
      // In the order Vega draws them: the axes, the roof and the eave, the ridge, the baseline mark, the x
      // at achieved FLOP/s, the point; then the legends. No label, backing, arrow or dashed rule.
      "X-axis titled 'Arithmetic intensity (FLOP/byte)' for a log scale with values from 0.400 FLOP/B to 1181 FLOP/B",
      "Y-axis titled 'Attainable and achieved (×) FLOP/s' for a log scale with values from 1.12 TFLOP/s to 2.18 PFLOP/s",
      'H100 SXM fp16 roof, 989 TFLOP/s',
      'H100 SXM DRAM bandwidth, 3.35 TB/s',
      'H100 SXM ridge point, 295 FLOP/B (fp16 roof, DRAM)',
      `baseline of ${pair}: 3.35 TFLOP/s, memory-bound (DRAM), 4.18 ms`,
      `${pair}, measured: ${measured}`,
      `${pair}; bound: memory-bound (DRAM); intensity: DRAM 2.00 FLOP/B; attainable: 6.70 TFLOP/s; time per pass: 2.09 ms (479/s); measured: ${measured}; baseline: 3.35 TFLOP/s, memory-bound (DRAM), 4.18 ms`,
      "Symbol legend titled 'Hardware' for shape and stroke color with 1 value: H100 SXM",
      "Symbol legend titled 'Bound' for fill color with 2 values: compute, memory",
    ]);
  });

  it('reads an op\'s bars by its name, part and time, and a sweep line by its values', async () => {
    // resnet50 on the H100 (OPS): conv1 236 MFLOP / 989 TFLOP/s = 0.239 us of compute, 9.6 MB / 3.35 TB/s
    // = 2.87 us of memory: memory-bound, its time the memory time.
    const svg = await renderSvg(rooflineSpec(reportOf([withOps('resnet50')]), NAMES));
    const labels = ariaLabels(svg);
    expect(labels).toContain('conv1, compute time 239 ns; op time 2.87 us, memory-bound (DRAM)');
    expect(labels).toContain('conv1, memory time 2.87 us; op time 2.87 us, memory-bound (DRAM)');
    const swept = [1, 8].map((batch) => model({ name: `decode@b${batch}`, batch, sweep: { of: 'decode', by: 'batch', batch, context: 4096 } }));
    expect(ariaLabels(await renderSvg(rooflineSpec(reportOf(swept), NAMES)))).toContain('sweep of decode on H100 SXM by batch: b1, b8');
  });

  it('escapes a model\'s name in its labels as in the drawn text: markup stays text', async () => {
    const svg = await renderSvg(rooflineSpec(reportOf([model({ name: `<b>&"x'` })]), NAMES));
    expect(ariaLabels(svg)).toContainEqual(expect.stringMatching(/^1\. &lt;b&gt;&amp;&quot;x' on H100 SXM \(fp16, batch 1\); bound: /));
    expect(svg).not.toContain('<b>');
  });

  /**
   * A figure printed as JavaScript or Vega prints a float: an exponent (3.12e+14, 1.5e-7), more than 4
   * decimals (153.016184404), or more than 5 significant digits (96,902,375,146.8); or Vega-Lite's own label,
   * which lists channels (`x: ...; y2: ...`): a mark left without a description.
   */
  const RAW = /\de[+-]\d|\.\d{5}|\d(?:[,.]?\d){5}|(^|; )(x|y)2?: /;

  /** The units of a spec (views and layers with a mark) that a screen reader would hear as Vega-Lite's channel list. */
  function undescribed(node: Json, encoding: Json = {}, at = 'spec'): string[] {
    const own = { ...encoding, ...node.encoding };
    const parts = [...(node.vconcat ?? []), ...(node.layer ?? [])] as Json[];
    const here = node.mark && markOf(node).aria !== false && !own.description ? [at] : [];
    return [...here, ...parts.flatMap((part, i) => undescribed(part, own, `${at}.${node.vconcat ? 'vconcat' : 'layer'}[${i}]`))];
  }

  it.each(['roofline', 'op-table', 'llama3-8b-decode'])('has no raw figure in any label of examples/%s.yml, against itself as its baseline', async (name) => {
    const file = `examples/${name}.yml`;
    const { report } = await analyse({ source: workingTree(), file }, { kind: 'config', source: workingTree(), file });
    const spec = rooflineSpec(report);
    // Every mark is described or skipped: none is left to Vega-Lite's list of its channels.
    expect(undescribed(spec as Json)).toEqual([]);
    const labels = ariaLabels(await renderSvg(spec));
    expect(labels.length).toBeGreaterThan(20);
    expect(labels.filter((label) => RAW.test(label))).toEqual([]);
  });

  it('reads a trend panel\'s points by commit and throughput as the report prints it, and skips its lines', async () => {
    // 38,022.8 passes/s is 38.0k/s, 36,000.1 is 36.0k/s (format.ts perSecond: three digits and a prefix).
    const svg = await renderSvg(trendSpec([{ model: 'resnet50', hardware: 'h100-sxm', points: [{ sha: 'abcdef1234', throughput: 38022.8136882 }], head: 36000.123 }]));
    const labels = ariaLabels(svg);
    expect(labels.filter((label) => !/^(Sub)?[tT]itle text|^Y-axis/.test(label))).toEqual([
      'X-axis: the default-branch commits with a stored report, oldest first, then this pull request',
      'abcdef1: 38.0k/s',
      'this PR: 36.0k/s',
    ]);
    expect(labels.filter((label) => RAW.test(label))).toEqual([]);
  });

  it('the checks find the labels Vega-Lite wrote before, and a mark left undescribed', () => {
    const before = [
      'x: 153.016184404; y: 3.12e+14; x2: 1567.93057366; y2: 3.12e+14; device: a100-sxm4-80gb',
      "Y-axis titled 'Attainable FLOP/s' for a log scale with values from 96,902,375,146.8 to 6.864e+14",
      'value: 80.1194; op: attention; part: memory',
      'order: 0; y2: 1.5e-7',
    ];
    expect(before.filter((label) => !RAW.test(label))).toEqual([]);
    expect(RAW.test('a100-sxm4-80gb fp16 roof, 312 TFLOP/s; 1,568 FLOP/B; 0.442 FLOP/B; llama3-8b-decode-w4kv8@b128')).toBe(false);
    const spec = { vconcat: [{ layer: [{ mark: 'rule', encoding: {} }, { mark: { type: 'text', aria: false } }] }, { mark: 'bar', encoding: { description: { field: 'd' } } }] };
    expect(undescribed(spec)).toEqual(['spec.vconcat[0].layer[0]']);
  });
});

describe('a name with characters XML does not allow', () => {
  // XML 1.0 section 2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
  // An SVG holding anything else is not well-formed, and a browser shows no chart at all.
  const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

  it('is drawn as the text shows it, <U+XXXX>, and the SVG holds only XML characters', async () => {
    const names = ['a\u0001b', 'c\u001bd', 'e\ufffef', 'g\ud800h', 'i\udc00j', 'k\u0008l'];
    const svg = await renderSvg(rooflineSpec(reportOf(names.map((name) => model({ name }))), NAMES));
    expect(NOT_XML.test(svg)).toBe(false);
    for (const shown of ['a&lt;U+0001&gt;b', 'c&lt;U+001B&gt;d', 'e&lt;U+FFFE&gt;f', 'g&lt;U+D800&gt;h', 'i&lt;U+DC00&gt;j', 'k&lt;U+0008&gt;l']) expect(svg).toContain(shown);
  });

  it('keeps a character outside the Basic Multilingual Plane, whose surrogates are a pair', async () => {
    const svg = await renderSvg(rooflineSpec(reportOf([model({ name: 'gpu 🚀' })]), NAMES));
    expect(NOT_XML.test(svg)).toBe(false);
    expect(svg).toContain('gpu 🚀');
  });
});
