// What kind of figure each roof is (vendor, derived, measured, estimate), shown where a user reads it: the
// hardware listing, the placement (report.json's roofKind), the table's mark and footnote, the chart's
// tooltip; and `catalog: { kinds: [...] }`, which refuses a target whose needed figure is of another kind.
import { describe, expect, it } from '@jest/globals';
import { findEntry } from '../src/core/catalog/index.js';
import { figureOfKind } from '../src/core/figure-kind-text.js';
import { catalogDetail } from '../src/core/catalog/listing.js';
import { loadConfig } from '../src/core/config/index.js';
import { buildReport } from '../src/core/report/build.js';
import { renderMarkdown } from '../src/core/report/markdown.js';
import { renderText } from '../src/core/report/text.js';
import { pathMessages, refusal } from './__fixtures__/config-error.js';

/** A config placing one fp16 model of 1 TFLOP on `hardware`, moving `bytes` (YAML) per pass. */
const config = (hardware: string, bytes: string, extra = '') => `version: 1
hardware: ${hardware}
${extra}models:
  - name: m
    precision: fp16
    flops: 1 TFLOP
    bytes: ${bytes}
`;

const messages = (text: string): string[] => pathMessages(refusal(() => loadConfig(text, 'roofline.yml')));

const report = (text: string) => buildReport(loadConfig(text, 'roofline.yml'), null, null);

describe('roofline-gate hardware ID', () => {
  it('shows the kind beside each figure, and what the kinds mean', () => {
    const text = catalogDetail(findEntry('a100-sxm4-80gb')!);
    expect(text).toMatch(/^ {2}fp16 +312 TFLOP\/s {2}vendor {3}\[datasheet\] Datasheet: 312 dense \| 624 with sparsity\.$/m);
    expect(text).toMatch(/^ {2}l2 +7\.22 TB\/s {2}derived {2}\[whitepaper\] L2 read bandwidth derived from 5120 B\/clk x 1\.41 GHz/m);
    expect(text).toContain('derived = computed from vendor figures');
  });
});

describe('the binding roof\'s kind on a placement', () => {
  it('is the compute roof\'s kind when compute-bound: h100-pcie fp16 is a sparse figure halved, derived', () => {
    // 1 TFLOP over 1 MB: far right of the ridge.
    expect(report(config('h100-pcie', '1 MB')).results[0]!.roofKind).toBe('derived');
  });

  it('is the binding level\'s kind when memory-bound: a100 DRAM is vendor, its L2 derived', () => {
    expect(report(config('a100', '100 GB')).results[0]!.roofKind).toBe('vendor');
    expect(report(config('a100', '{ dram: 1 MB, l2: 1 TB }')).results[0]!.roofKind).toBe('derived');
  });

  it('is config for a device the config defines', () => {
    const own = 'devices:\n  npu: { compute: { fp16: 50 TFLOP/s }, memory: { dram: 100 GB/s } }\n';
    expect(report(config('npu', '1 MB', own)).results[0]!.roofKind).toBe('config');
  });
});

describe('the mark in the report', () => {
  it('follows the bound of a result on a non-vendor roof, with one footnote naming the kind', () => {
    const text = renderText(report(config('h100-pcie', '1 MB')));
    expect(text).toMatch(/ compute-bound † /);
    expect(text).toContain('† binding roof is a derived figure, not one a vendor states (`roofline-gate hardware ID` shows how it was obtained)');
    const markdown = renderMarkdown(report(config('h100-pcie', '1 MB')), { limit: null });
    expect(markdown).toContain('| compute † |');
  });

  it('is absent on a vendor roof and on the config\'s own devices', () => {
    expect(renderText(report(config('a100', '100 GB')))).not.toContain('†');
    const own = 'devices:\n  npu: { compute: { fp16: 50 TFLOP/s }, memory: { dram: 100 GB/s } }\n';
    expect(renderText(report(config('npu', '1 MB', own)))).not.toContain('†');
  });
});

describe('a precision no source gives a peak for', () => {
  it('is refused on tpu-v6e for fp8, naming what it offers', () => {
    expect(messages(config('v6e', '1 GB').replace('fp16', 'fp8'))).toEqual(['models[0].precision: tpu-v6e has no fp8 roof; it offers bf16, int8']);
  });
});

describe('catalog: { kinds: [...] }', () => {
  it('refuses a target whose roof is of a kind not allowed, naming the device, the figure and its kind', () => {
    expect(messages(config('h100-pcie', '1 MB', 'catalog: { kinds: [vendor] }\n'))).toEqual([
      'models[0].precision: h100-pcie\'s fp16 roof is a derived figure and catalog.kinds allows only vendor (`roofline-gate hardware h100-pcie` shows how it was obtained)',
    ]);
  });

  it('refuses a level the model names that is of a kind not allowed', () => {
    expect(messages(config('a100', '{ dram: 1 GB, l2: 2 GB }', 'catalog: { kinds: [vendor, measured] }\n'))).toEqual([
      'models[0].bytes.l2: a100-sxm4-80gb\'s l2 bandwidth is a derived figure and catalog.kinds allows only vendor, measured (`roofline-gate hardware a100-sxm4-80gb` shows how it was obtained)',
    ]);
  });

  it('accepts figures of the kinds allowed, and never filters the config\'s own devices', () => {
    expect(() => loadConfig(config('a100', '{ dram: 1 GB, l2: 2 GB }', 'catalog: { kinds: [vendor, derived] }\n'), 'roofline.yml')).not.toThrow();
    const own = 'catalog: { kinds: [vendor] }\ndevices:\n  npu: { compute: { fp16: 50 TFLOP/s }, memory: { dram: 100 GB/s } }\n';
    expect(() => loadConfig(config('npu', '1 MB', own), 'roofline.yml')).not.toThrow();
  });

  it('places an fp16 model on gaudi3 by its estimated roof, which kinds [vendor, derived] refuses', () => {
    // Gaudi 3's fp16 roof is the third-party 458.75 TFLOPS, labelled an estimate: accepted by default, and
    // refused once a config allows only vendor and derived figures.
    expect(report(config('gaudi3', '1 MB')).results[0]!.roofKind).toBe('estimate');
    const refused = messages(config('gaudi3', '1 MB', 'catalog: { kinds: [vendor, derived] }\n'));
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatch(/^models\[0\]\.precision: gaudi3's fp16 roof is an estimated figure and catalog\.kinds allows only vendor, derived/);
  });

  it('takes only the four kinds', () => {
    expect(messages(config('a100', '1 GB', 'catalog: { kinds: [vendr] }\n'))[0]).toMatch(/^catalog\.kinds\[0\]: /);
  });
});

describe('the wording of a kind', () => {
  it('takes the article its first word needs', () => {
    expect(figureOfKind(['derived'])).toBe('a derived figure');
    expect(figureOfKind(['estimate'])).toBe('an estimated figure');
    expect(figureOfKind(['measured', 'estimate'])).toBe('a measured or estimated figure');
    expect(figureOfKind(['estimate', 'derived'])).toBe('an estimated or derived figure');
  });
});
