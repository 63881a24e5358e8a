// report.json read back through its zod schema: what the fork workflow does with a file a pull request's
// own code produced. A real report round-trips exactly; anything else is refused with a short reason.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parseConfig, resolveConfig } from '../src/core/config/index.js';
import { buildReport, reportJson } from '../src/core/report/build.js';
import { parseReport, ReportFileError } from '../src/core/report/schema.js';
import type { Report } from '../src/core/report/types.js';

function report(yaml: string, baseYaml?: string): Report {
  const config = (text: string) => {
    const parsed = parseConfig(text, 'roofline.yml');
    return resolveConfig(parsed.raw, parsed, new Map());
  };
  return buildReport(config(yaml), baseYaml ? config(baseYaml) : null, baseYaml ? 'git:base' : null);
}

const CONFIG = `version: 1
devices:
  npu: { name: NPU, compute: { fp16: 50 TFLOP/s }, memory: { dram: 100 GB/s, sram: 2 TB/s } }
hardware: [npu, gtx-1080-ti]
models:
  - name: with-ops
    precision: fp16
    hardware: npu
    ops:
      - { name: a, flops: 1 GFLOP, bytes: { dram: 10 MB, sram: 0 B } }
      - { name: b, flops: 2 GFLOP, bytes: { dram: 30 MB, sram: 0 B } }
    measured: { npu: 1 ms }
  - name: plain
    precision: fp32
    hardware: gtx-1080-ti
    flops: 25 GFLOP
    bytes: 1 GB
`;
const sample = report(CONFIG, CONFIG.replace('bytes: 1 GB', 'bytes: 0.8 GB').replace('  - name: with-ops', '  - name: gone\n    precision: fp32\n    hardware: gtx-1080-ti\n    flops: 1 GFLOP\n    bytes: 1 MB\n  - name: with-ops'));
const json = () => JSON.parse(reportJson(sample));
const refused = (value: unknown) => () => parseReport(JSON.stringify(value), 'report.json');

describe('parseReport', () => {
  it('reads back a real report exactly, infinite intensities included', () => {
    expect(sample.removed).toHaveLength(1);
    expect(sample.findings.length).toBeGreaterThan(0);
    expect(sample.results[0]!.intensity.sram).toBe(Infinity);
    expect(parseReport(reportJson(sample), 'report.json')).toEqual(sample);
  });

  it('writes version 2, with the FLOP rates named as rates', () => {
    const written = json();
    expect(written.version).toBe(2);
    expect(Object.keys(written.results[0])).toEqual(expect.arrayContaining(['peakFlopsPerSecond', 'attainableFlopsPerSecond', 'achievedFlopsPerSecond']));
    expect(Object.keys(written.results[0].base)).toContain('attainableFlopsPerSecond');
    expect(reportJson(sample)).not.toMatch(/"(peak|attainable|achieved)Flops"/);
  });

  it('reads a version 1 report (SPEC section 4, before the rename) as version 2', () => {
    // Written by hand in version 1's shape: rates under their old names, in a result, its base and a removed pair.
    const base = { intensity: { dram: 25 }, attainableFlops: 1.13e13, bound: 'compute', bindingLevel: 'compute', seconds: 0.00221, throughput: 452, efficiency: null };
    const v1 = {
      version: 1,
      status: 'fail',
      baseline: 'git:main',
      results: [{
        model: 'vgg16', hardware: 'gtx-1080-ti', precision: 'fp32', batch: 1,
        flops: 2.5e10, bytes: { dram: 1.2e9 }, peakFlops: 1.13e13, bandwidth: { dram: 4.84e11 },
        intensity: { dram: 20.8 }, ridge: { dram: 23.3 }, attainableFlops: 1.01e13, bound: 'memory', bindingLevel: 'dram',
        seconds: 0.00248, throughput: 403, measuredSeconds: 0.003, achievedFlops: 8.3e12, efficiency: 0.82, ops: null, base,
      }],
      removed: [{ model: 'gone', hardware: 'gtx-1080-ti', base }],
      findings: [{ rule: 'bound-shift', severity: 'fail', model: 'vgg16', hardware: 'gtx-1080-ti', message: 'moved' }],
      advice: [],
    };
    const read = parseReport(JSON.stringify(v1), 'report.json');
    expect(read.version).toBe(2);
    expect(read.results[0]).toMatchObject({ peakFlopsPerSecond: 1.13e13, attainableFlopsPerSecond: 1.01e13, achievedFlopsPerSecond: 8.3e12 });
    expect(read.results[0]!.base!.attainableFlopsPerSecond).toBe(1.13e13);
    expect(read.removed[0]!.base.attainableFlopsPerSecond).toBe(1.13e13);
    expect(read.results[0]).not.toHaveProperty('peakFlops');
  });

  it("reads README's report.json example, so the documented shape is the one the engine reads", () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const example = /### report\.json[\s\S]*?```json\n([\s\S]*?)\n```/.exec(readme)![1]!;
    const read = parseReport(example, 'README.md');
    expect(read.version).toBe(2);
    expect(read.results[0]!.peakFlopsPerSecond).toBe(11300000000000);
  });

  it('refuses a version 2 report that uses version 1 names', () => {
    const value = json();
    value.results[0].peakFlops = value.results[0].peakFlopsPerSecond;
    delete value.results[0].peakFlopsPerSecond;
    expect(refused(value)).toThrow(/not a valid roofline-gate report\.json/);
  });

  it('refuses text that is not JSON, without echoing it', () => {
    expect(() => parseReport('{"version": 1, <script>', 'report.json')).toThrow(ReportFileError);
    expect(() => parseReport('{"version": 1, <script>', 'report.json')).not.toThrow(/script/);
  });

  it.each<[string, (r: any) => void]>([
    ['an unknown key', (r) => (r.extra = 1)],
    ['an unknown key in a result', (r) => (r.results[0].html = '<img>')],
    ['a number that is not finite', (r) => (r.results[0].seconds = '1e999')],
    ['a string in place of a number', (r) => (r.results[0].throughput = '12')],
    ['an over-long model name', (r) => (r.results[0].model = 'x'.repeat(10_000))],
    ['an over-long message', (r) => (r.findings[0].message = 'x'.repeat(100_000))],
    ['an unknown rule', (r) => (r.findings[0].rule = 'rm -rf')],
    ['a status that does not match the findings', (r) => (r.status = 'pass')],
    ['another version', (r) => (r.version = 3)],
    ['too many memory levels', (r) => (r.results[0].bytes = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`l${i}`, 1])))],
  ])('refuses %s', (_name, edit) => {
    const value = json();
    edit(value);
    const text = JSON.stringify(value).replace('"1e999"', '1e999');
    expect(() => parseReport(text, 'report.json')).toThrow(/report\.json: not a valid roofline-gate report\.json/);
  });

  it('keeps its error short and on printable lines whatever the file holds', () => {
    const value = json();
    value['\n::set-output name=x::y' + 'k'.repeat(1000)] = 1;
    let message = '';
    try {
      refused(value)();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n').every((line) => !line.startsWith('::'))).toBe(true);
    expect(message.length).toBeLessThan(600);
  });
});
