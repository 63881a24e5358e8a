// Every user-visible fact is worked out once and reads the same in every rendering: the text table, report.md,
// the chart (its tooltip, labels and marks), the text chart, and the gate's findings.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { asciiRoofline, rooflineSpec } from '../src/core/chart/index.js';
import { loadConfig } from '../src/core/config/index.js';
import { buildReport } from '../src/core/report/build.js';
import { renderMarkdown } from '../src/core/report/markdown.js';
import { renderText } from '../src/core/report/text.js';
import type { Report } from '../src/core/report/types.js';

// A device with two levels: ridges 100 FLOP/B at DRAM and 25 at L2.
const TOY = `devices:\n  toy: { name: Toy, compute: { fp16: 100 TFLOP/s }, memory: { dram: 1 TB/s, l2: 4 TB/s } }\n`;
const config = (models: string, hardware = 'toy') => loadConfig(`version: 1\nhardware: ${hardware}\n${TOY}models:\n${models}`, 'roofline.yml');
const report = (head: string, base?: string): Report => buildReport(config(head), base === undefined ? null : config(base), base === undefined ? null : 'main');

type Json = Record<string, any>;
const chartLayers = (r: Report) => (rooflineSpec(r) as Json).vconcat[0].layer as Json[];
const markOf = (layer: Json) => (typeof layer.mark === 'string' ? { type: layer.mark } : layer.mark);
/** The tooltip fields of each point, as the chart's point layer carries them. */
const tooltips = (r: Report) => chartLayers(r).find((l) => markOf(l).type === 'point' && l.encoding.fill)!.data.values as Json[];
const measuredMarks = (r: Report) => (chartLayers(r).find((l) => markOf(l).shape?.startsWith('M-1'))?.data.values ?? []) as Json[];
const chartLabels = (r: Report) => (chartLayers(r).find((l) => markOf(l).type === 'text')!.data.values as Json[]).map((d) => String(d.text));
const chartSubtitle = (r: Report) => ((rooflineSpec(r) as Json).title.subtitle as string[]).join('\n');
/** The cells of the first row of the text table, split on runs of two or more spaces. */
const textRow = (r: Report, index = 0) => renderText(r).split('\n')[index + 1]!.split(/ {2,}/);
const markdownRow = (r: Report, index = 0) =>
  renderMarkdown(r, { limit: null }).split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Model') && !line.startsWith('| ---'))[index]!;

describe('above the roof: one predicate, so that a flag anywhere is a finding', () => {
  // On the GTX 1080 Ti (11.3 TFLOP/s, 484 GB/s) 25 GFLOP over 1 GB is compute-bound at T = 25e9 / 11.3e12 =
  // 2.2123893805 ms per pass.
  const measured = (ms: string) =>
    buildReport(
      loadConfig(`version: 1\nhardware: gtx-1080-ti\nmodels:\n  - { name: vgg16, precision: fp32, flops: 25 GFLOP, bytes: 1 GB, measured: { gtx-1080-ti: ${ms} } }\n`, 'roofline.yml'),
      null,
      null,
    );

  it('a time that matches the roof to 9 digits (2.21238938 ms, efficiency 1 + 2.4e-10) is at the roof everywhere', () => {
    const r = measured('2.21238938 ms');
    expect(r.results[0]!.efficiency! - 1).toBeCloseTo(2.4e-10, 11);
    expect(r.findings).toEqual([]);
    expect(r.status).toBe('pass');
    expect(renderText(r)).not.toContain('above roof');
    expect(renderText(r)).toMatch(/ 100\.0%\n/);
    expect(renderMarkdown(r, { limit: null })).not.toContain('above roof');
    expect(measuredMarks(r).map((m) => m.above)).toEqual([false]);
    expect(measuredMarks(r)[0]!.measuredText).toMatch(/: measured 100\.0% of attainable$/);
    expect(chartSubtitle(r)).not.toContain('above');
  });

  it('a time that reads 100.1% is above the roof everywhere, and the figure reads the same in each', () => {
    const r = measured('2.21 ms'); // efficiency 1.00108
    expect(r.findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(['above-roof:warn']);
    expect(r.findings[0]!.message).toContain('(efficiency 100.1%)');
    expect(textRow(r).at(-1)).toBe('100.1% (above roof)');
    expect(markdownRow(r)).toContain('| 100.1% (above roof) |');
    expect(measuredMarks(r).map((m) => m.above)).toEqual([true]);
    expect(measuredMarks(r)[0]!.measuredText).toBe('2.21 ms, 11.3 TFLOP/s: measured 100.1% of attainable');
    expect(chartLabels(r)).toContain('above roof: measured 100.1% of attainable');
  });

  it('property: "above roof" is printed exactly when the gate finds it, and never beside 100.0% or less', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.998, max: 1.002, noNaN: true }), (efficiency) => {
        const r = measured(`${(25e9 / 11.3e12 / efficiency) * 1e3} ms`);
        const cell = textRow(r).at(-1)!;
        const found = r.findings.some((f) => f.rule === 'above-roof');
        const marked = measuredMarks(r)[0]!.above as boolean;
        const flagged = cell.endsWith('(above roof)');
        return found === flagged && marked === flagged && (!flagged || Number.parseFloat(cell) > 100);
      }),
      { numRuns: 60 },
    );
  });
});

describe('the level that stands for a result: one rule for the table, the chart and the text chart', () => {
  // Compute-bound: DRAM intensity 1000 is 10x its ridge of 100, L2 intensity 50 only 2x its ridge of 25.
  // L2 is the level closest to binding: the one that says how much room is left.
  const computeBound = report('  - { name: wide, precision: fp16, flops: 1 TFLOP, bytes: { dram: 1 GB, l2: 20 GB } }\n');

  it('a compute-bound result is shown by the level closest to binding (lowest intensity / ridge)', () => {
    expect(textRow(computeBound).slice(3, 5)).toEqual(['50.0 (L2)', '25.0']);
    expect(markdownRow(computeBound)).toContain('| 50.0 (L2) / 25.0 |');
    const [point] = tooltips(computeBound);
    expect(point!.x).toBe(50);
    expect(asciiRoofline(computeBound)).toContain('A wide on toy: compute-bound, 50.0 FLOP/B (L2), 100 TFLOP/s');
  });

  it('a memory-bound result is shown by its binding level', () => {
    // DRAM intensity 10 binds: 10 TFLOP/s, under L2's 4e12 * 50 = 200 TFLOP/s.
    const memoryBound = report('  - { name: narrow, precision: fp16, flops: 10 GFLOP, bytes: { dram: 1 GB, l2: 0.2 GB } }\n');
    expect(textRow(memoryBound).slice(3, 5)).toEqual(['10.0 (DRAM)', '100']);
    expect(tooltips(memoryBound)[0]!.x).toBe(10);
    expect(asciiRoofline(memoryBound)).toContain('memory-bound (DRAM), 10.0 FLOP/B (DRAM)');
  });
});

describe('bound wording and level names: one spelling everywhere', () => {
  // Head: DRAM intensity 10, memory-bound. Baseline: intensity 1000, compute-bound.
  const shifted = report(
    '  - { name: m, precision: fp16, flops: 10 GFLOP, bytes: 1 GB }\n',
    '  - { name: m, precision: fp16, flops: 10 GFLOP, bytes: 10 MB }\n',
  );

  it('says "memory-bound (DRAM)" and "compute-bound" in the table, findings, tooltip and text chart', () => {
    expect(textRow(shifted)[5]).toBe('memory-bound (DRAM)');
    expect(markdownRow(shifted)).toContain('| **memory** | 10.0 (DRAM) / 100 |'); // the level beside it
    expect(shifted.findings[0]!.message).toContain('moved from compute-bound to memory-bound (DRAM)');
    const [point] = tooltips(shifted);
    expect(point!.boundBy).toBe('memory-bound (DRAM)');
    expect(point!.baseline).toContain('compute-bound');
    expect(point!.intensityText).toBe('DRAM 10.0 FLOP/B');
    expect(asciiRoofline(shifted)).toContain('memory-bound (DRAM)');
  });

  it('names a removed pair\'s bound the same way', () => {
    const removed = report('  - { name: a, precision: fp16, flops: 1 GFLOP, bytes: 1 MB }\n', '  - { name: gone, precision: fp16, flops: 10 GFLOP, bytes: 1 GB }\n');
    expect(renderText(removed)).toContain('removed: gone on toy (was memory-bound (DRAM), 10.0 TFLOP/s, 1.00 ms, 1.00k/s)');
  });

  it('names levels in upper case on the chart\'s eaves and ridges too', () => {
    const r = report('  - { name: wide, precision: fp16, flops: 1 TFLOP, bytes: { dram: 1 GB, l2: 20 GB } }\n');
    expect(chartLabels(r).filter((t) => t.includes('TB/s')).sort()).toEqual(['DRAM 1.00 TB/s', 'L2 4.00 TB/s']);
  });
});

describe('one formatter per quantity: a figure reads the same wherever it is shown', () => {
  // Compute-bound at 100 TFLOP/s: batch 64 at 10 ms is 6400/s, measured 20 ms is 50% efficient. The baseline
  // (0.64 TFLOP) takes 6.4 ms, 10.0k/s, also 50% efficient: throughput -36.0%, and nothing else moved down.
  const r = report(
    '  - { name: m, precision: fp16, batch: 64, flops: 1 TFLOP, bytes: 1 GB, measured: { toy: 20 ms } }\n',
    '  - { name: m, precision: fp16, batch: 64, flops: 0.64 TFLOP, bytes: 1 GB, measured: { toy: 12.8 ms } }\n',
  );
  const cells = textRow(r);

  it('throughput, time, attainable FLOP/s, efficiency and change in the table, Markdown, tooltip and findings', () => {
    expect(cells.slice(6)).toEqual(['100 TFLOP/s', '10.0 ms', '6.40k/s', '50.0%', '-36.0%']);
    expect(markdownRow(r)).toContain('| m | -36.0% | toy | compute | 1000 (DRAM) / 100 | 6.40k/s | 50.0% |');
    expect(renderMarkdown(r, { limit: null })).toContain('| Model | Change | Hardware | Bound | Intensity / ridge | Throughput | Eff. |');
    const [point] = tooltips(r);
    expect(point!.attainable).toBe('100 TFLOP/s');
    expect(point!.timeText).toBe('10.0 ms (6.40k/s)');
    expect(point!.measuredText).toBe('20.0 ms, 50.0 TFLOP/s: measured 50.0% of attainable');
    const messages = r.findings.map((f) => f.message);
    expect(messages).toContain('m on toy: throughput 10.0k/s -> 6.40k/s (-36.0%), fail at 5%; FLOPs 640 GFLOP -> 1.00 TFLOP, bytes unchanged');
    expect(chartLabels(r)).toContain('measured 50.0% of attainable');
  });

  it('OP/s, not FLOP/s, for integer precisions, in the table, the tooltip, the chart\'s roofs and the text chart', () => {
    const int8 = buildReport(
      loadConfig(
        `version: 1\nhardware: npu\ndevices:\n  npu: { name: NPU, compute: { int8: 100 TOP/s }, memory: { dram: 100 GB/s } }\n` +
          'models:\n  - { name: q, precision: int8, flops: 1 GFLOP, bytes: 0.5 MB }\n',
        'roofline.yml',
      ),
      null,
      null,
    );
    expect(textRow(int8)[6]).toBe('100 TOP/s');
    expect(tooltips(int8)[0]!.attainable).toBe('100 TOP/s');
    expect(chartLabels(int8).some((t) => t.endsWith('int8 roof 100 TOP/s'))).toBe(true);
    expect(asciiRoofline(int8)).toContain('roof int8 100 TOP/s');
  });
});
