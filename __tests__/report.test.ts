import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { loadConfig } from '../src/core/config/index.js';
import { buildReport, reportJson } from '../src/core/report/build.js';
import { markdownText } from '../src/core/report/escape.js';
import { COMMENT_MAX } from '../src/core/limits.js';
import { fence, renderMarkdown } from '../src/core/report/markdown.js';
import { renderText } from '../src/core/report/text.js';
import type { Report } from '../src/core/report/types.js';
import { renderArtifacts } from '../src/shell/artifacts.js';

const config = (models: string, gate = '') => loadConfig(`version: 1\nhardware: gtx-1080-ti\nmodels:\n${models}${gate}`, 'roofline.yml');

// On the GTX 1080 Ti (11.3 TFLOP/s, 484 GB/s, ridge 23.3): 25 GFLOP over 1 GB is I = 25, compute-bound,
// 25e9 / 11.3e12 = 2.212 ms per pass, 452/s. Over 1.2 GB it is I = 20.8, memory-bound at 484e9 * 20.83 =
// 10.08 TFLOP/s, 1.2e9 / 484e9 = 2.479 ms, 403/s: throughput -10.8%, intensity -16.7%.
const vgg = (bytes: string) => `  - { name: vgg16, precision: fp32, flops: 25 GFLOP, bytes: ${bytes} }\n`;

describe('buildReport and report.json (SPEC section 4)', () => {
  it('carries results in base SI units, the baseline per pair, findings and status', () => {
    const report = buildReport(config(vgg('1.2 GB')), config(vgg('1 GB')), 'old.yml');
    expect(report.status).toBe('fail');
    expect(report.baseline).toBe('old.yml');
    const [result] = report.results;
    expect(result).toMatchObject({
      model: 'vgg16', hardware: 'gtx-1080-ti', precision: 'fp32', batch: 1, flops: 25e9, bytes: { dram: 1.2e9 },
      peakFlopsPerSecond: 11.3e12, bandwidth: { dram: 484e9 }, bound: 'memory', bindingLevel: 'dram',
      measuredSeconds: null, achievedFlopsPerSecond: null, efficiency: null, ops: null,
    });
    expect(Number(result!.intensity.dram!.toPrecision(3))).toBe(20.8);
    expect(Number(result!.attainableFlopsPerSecond.toPrecision(3))).toBe(1.01e13);
    expect(Number(result!.throughput.toPrecision(3))).toBe(403);
    expect(result!.base).toMatchObject({ intensity: { dram: 25 }, attainableFlopsPerSecond: 11.3e12, bound: 'compute', bindingLevel: 'compute' });
    expect(report.findings[0]).toEqual(expect.objectContaining({
      rule: 'bound-shift', severity: 'fail', model: 'vgg16', hardware: 'gtx-1080-ti',
      message: 'vgg16 on gtx-1080-ti moved from compute-bound to memory-bound (DRAM): intensity 25.0 -> 20.8 FLOP/B, ridge 23.3; DRAM bytes 1.00 GB -> 1.20 GB, FLOPs unchanged',
    }));
  });

  it('writes infinite intensity as null and never NaN', () => {
    const report = buildReport(config('  - { name: z, precision: fp32, flops: 1 GFLOP, bytes: 0 }\n  - { name: f, precision: fp32, flops: 0, bytes: 1 MB }\n'), null, null);
    const json = reportJson(report);
    expect(json).not.toMatch(/NaN|Infinity/);
    expect(JSON.parse(json).results[0].intensity.dram).toBeNull();
    expect(JSON.parse(json).results[1].intensity.dram).toBe(0);
  });

  it('reports pairs only in the baseline as removed, and new pairs with base null', () => {
    const report = buildReport(config(vgg('1 GB') + '  - { name: new, precision: fp32, flops: 1 GFLOP, bytes: 1 MB }\n'), config('  - { name: old, precision: fp32, flops: 1 GFLOP, bytes: 1 MB }\n'), 'base');
    expect(report.results.map((r) => [r.model, r.base])).toEqual([['vgg16', null], ['new', null]]);
    expect(report.removed.map((r) => r.model)).toEqual(['old']);
    expect(report.status).toBe('pass');
  });
});

describe('text rendering', () => {
  it('shows the change column only with a baseline, and removed pairs', () => {
    const report = buildReport(config(vgg('1.2 GB')), config(vgg('1 GB') + '  - { name: old, precision: fp32, flops: 1 GFLOP, bytes: 1 MB }\n'), 'old.yml');
    const text = renderText(report);
    expect(text.split('\n')[0]).toMatch(/CHANGE$/);
    expect(text).toMatch(/403\/s\s+-10\.8%$/m);
    expect(text).toContain('removed: old on gtx-1080-ti (was compute-bound, 11.3 TFLOP/s, 88.5 us, 11.3k/s)');
    expect(text).toMatch(/^ {2}FAIL {2}bound-shift: vgg16 on gtx-1080-ti moved/m);
    expect(text).toMatch(/^FAIL {2}1 results, 3 fail, 0 warn, against old\.yml$/m);
  });

  it('shows efficiency only when something was measured, and flags a point above its roof', () => {
    // T = 2.212 ms at the roof; measured 4.424 ms is 50% efficient, 2 ms beats the roof.
    const measured = (ms: string) => config(`  - { name: vgg16, precision: fp32, flops: 25 GFLOP, bytes: 1 GB, measured: { gtx-1080-ti: ${ms} } }\n`);
    expect(renderText(buildReport(measured('4.424 ms'), null, null))).toMatch(/EFFICIENCY\n.*\s50\.0%\n/);
    const above = buildReport(measured('2 ms'), null, null);
    expect(renderText(above)).toContain('110.6% (above roof)');
    expect(above.findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(['above-roof:warn']);
    expect(renderText(buildReport(config(vgg('1 GB')), null, null))).not.toContain('EFFICIENCY');
  });

  it('paints the bound, and only through the painter it is given', () => {
    const text = renderText(buildReport(config(vgg('1 GB')), null, null), { paint: (t, style) => (style === 'compute' ? `<${t.trim()}>` : t) });
    // gtx-1080-ti's fp32 roof is derived (cores x FLOP x clock), so its bound carries the mark.
    expect(text).toContain('<compute-bound †>');
    expect(renderText(buildReport(config(vgg('1 GB')), null, null))).not.toContain('<');
  });
});

describe('Markdown rendering', () => {
  it('has a verdict line, findings, a table and the chart', () => {
    const report = buildReport(config(vgg('1.2 GB')), config(vgg('1 GB')), 'main');
    const md = renderMarkdown(report, { chart: { kind: 'image', url: 'https://github.com/o/r/blob/abc/x.svg?raw=true' }, editorUrl: 'https://vega.github.io/editor/#/url/vega-lite/N4Ig', limit: COMMENT_MAX });
    expect(md.split('\n')[0]).toBe('### ❌ roofline-gate: fail');
    expect(md).toContain('- 🔴 **fail** `bound-shift`: vgg16 on gtx-1080-ti moved from compute-bound to memory-bound (DRAM)&#58;'.replace('&#58;', ':'));
    expect(md).toContain('| vgg16 | -10.8% | gtx-1080-ti | **memory** | 20.8 (DRAM) / 23.3 | 403/s |');
    expect(md).toContain('![Roofline chart](https://github.com/o/r/blob/abc/x.svg?raw=true)');
    expect(md).toContain('[Open the chart in the Vega editor](https://vega.github.io/editor/#/url/vega-lite/N4Ig)');
  });

  it('embeds a text-mode chart in a fence the text cannot close, and says why', () => {
    const md = renderMarkdown(buildReport(config(vgg('1 GB')), null, null), { chart: { kind: 'text', text: 'a ``` b', reason: 'no contents: write permission' }, limit: COMMENT_MAX });
    expect(md).toContain('````text\na ``` b\n````');
    expect(md).toContain('_no contents&#58; write permission_'.replace('&#58;', ':'));
    expect(fence('x')).toBe('```text\nx\n```');
  });

  it('escapes every string from the config: no mentions, no HTML, no broken tables', () => {
    const name = '@octocat <img src=x onerror=alert(1)> | *bold* [link](http://x) `code`';
    const report = buildReport(config(`  - name: ${JSON.stringify(name)}\n    precision: fp32\n    flops: 1 GFLOP\n    bytes: 1 MB\n`), null, null);
    const md = renderMarkdown(report, { limit: null });
    const row = md.split('\n').find((line) => line.includes('octocat'))!;
    expect(row).toContain('@&#8203;octocat');
    expect(row).not.toMatch(/<img|\*bold\*|\[link\]|`code`/);
    expect(row.split(' | ').length).toBe(5); // 5 columns, no extra pipes
  });

  it('stays under the comment limit whatever the input, folding advice, then rows, and says so', () => {
    const models = Array.from({ length: 1000 }, (_, i) => `  - { name: model-${i}-${'x'.repeat(60)}, precision: fp32, flops: ${i + 1} GFLOP, bytes: 1 GB }\n`).join('');
    const report = buildReport(config(models), null, null);
    const md = renderMarkdown(report, { limit: COMMENT_MAX });
    expect(md.length).toBeLessThanOrEqual(65_536);
    expect(md).toMatch(/_Showing \d+ of 1,000 results to fit GitHub's size limit; report\.md and report\.json in the out dir have them all\._/);
  });

  it('cuts nothing without a limit: report.md in the out dir carries every row of a report too long for a comment', async () => {
    // Few pairs, so that the chart renders fast, with long rows: each | in a name is 6 characters escaped.
    const models = Array.from({ length: 80 }, (_, i) => `  - { name: "model-${i}${'|'.repeat(150)}", precision: fp32, flops: ${i + 1} GFLOP, bytes: 1 GB }\n`).join('');
    const report = buildReport(config(models), null, null);
    expect(renderMarkdown(report, { limit: COMMENT_MAX })).toContain('_Showing ');
    const { 'report.md': md } = (await renderArtifacts(report)).files;
    expect(md.length).toBeGreaterThan(65_536);
    expect(md.split('\n').filter((line) => line.startsWith('| model-'))).toHaveLength(80);
    expect(md).not.toContain('_Showing ');
  });

  it('property: any model name gives a body under the limit, with no raw < or @ mention', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 80 }), fc.integer({ min: 1, max: 5 }), (name, copies) => {
        const base = buildReport(config(`  - { name: m, precision: fp32, flops: 1 GFLOP, bytes: 1 MB }\n`), null, null);
        const report: Report = { ...base, results: Array.from({ length: copies }, (_, i) => ({ ...base.results[0]!, model: `${name}${i}` })) };
        const md = renderMarkdown(report, { limit: { chars: 4000 } });
        const body = md.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Model') && !line.startsWith('| ---'));
        return md.length <= 4000 && body.every((line) => !line.includes('<') && !/@\w/.test(line) && line.split(' | ').length === 5);
      }),
      { numRuns: 300 },
    );
  });
});

describe('markdownText', () => {
  it('turns special characters into entities and breaks mentions', () => {
    expect(markdownText('a|b @team <img>')).toBe('a&#124;b @&#8203;team &lt;img&gt;');
    expect(markdownText('line\nbreak')).toBe('line break');
    expect(markdownText('$x$ ~y~ #1')).toBe('&#36;x&#36; &#126;y&#126; &#35;1');
  });
});
