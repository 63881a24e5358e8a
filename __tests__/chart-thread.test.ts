// The chart thread (src/shell/chart-thread.ts) as the bundle starts it: dist/chart-worker.js, built by the
// tests' globalSetup, drawing what this thread would draw, and failing as vega fails.
import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TopLevelSpec } from 'vega-lite';
import { renderArtifacts } from '../src/shell/artifacts.js';
import { renderChart, startChartThread } from '../src/shell/chart-thread.js';
import { renderSvg } from '../src/render/svg.js';
import { FAILING } from './__fixtures__/report.js';
import { DIST } from './setup/dist.js';

const SPEC: TopLevelSpec = {
  title: 'two bars',
  data: { values: [{ op: 'matmul', seconds: 3 }, { op: 'softmax', seconds: 1 }] },
  mark: 'bar',
  encoding: { y: { field: 'op', type: 'nominal' }, x: { field: 'seconds', type: 'quantitative' } },
};

/** A spec vega refuses: an expression calling a function it does not have. */
const REFUSED: TopLevelSpec = { ...SPEC, params: [{ name: 'p', expr: 'unknownFunction(1)' }] } as TopLevelSpec;

// In this order: the module keeps one thread, and the first test must find none started.
describe('the chart thread', () => {
  it('that cannot start fails the chart it owed: the out dir is rendered without it, with a warning; the next is drawn in this thread', async () => {
    startChartThread(pathToFileURL(path.join(DIST, 'no-such-worker.js')));
    const warnings: string[] = [];
    const { files, spec } = await renderArtifacts(FAILING, {}, (message) => warnings.push(message));
    expect(warnings).toEqual([expect.stringMatching(/^the roofline chart could not be drawn \(.*no-such-worker\.js.*\); the report is written without it$/)]);
    expect(spec).toBeNull();
    expect(Object.keys(files).sort()).toEqual(['report.json', 'report.md']);
    expect(files['report.md']).not.toContain('roofline.svg');
    expect(files['report.json']).toContain('"status": "fail"');
    expect(await renderChart(SPEC)).toBe(await renderSvg(SPEC));
  });

  it('draws exactly what this thread draws, and answers each chart, in any order, with its own SVG', async () => {
    startChartThread(pathToFileURL(path.join(DIST, 'chart-worker.js')));
    const other: TopLevelSpec = { ...SPEC, title: 'the same bars, another title' };
    const [first, second] = await Promise.all([renderChart(SPEC), renderChart(other)]);
    expect(first).toBe(await renderSvg(SPEC));
    expect(second).toBe(await renderSvg(other));
    expect(second).toContain('the same bars, another title');
  });

  it('fails a chart vega refuses with vega\'s own message, and goes on drawing', async () => {
    startChartThread(pathToFileURL(path.join(DIST, 'chart-worker.js')));
    await expect(renderChart(REFUSED)).rejects.toThrow('Unrecognized function: unknownFunction');
    expect(await renderChart(SPEC)).toBe(await renderSvg(SPEC));
  });
});
