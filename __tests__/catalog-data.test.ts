// Invariants of the built-in catalog data, and spot checks of figures verified against datasheets.
import { describe, expect, it } from '@jest/globals';
import { CATALOG } from '../src/core/catalog/devices.js';
import { LEVEL_NAMES, type CatalogEntry, type Figure } from '../src/core/catalog/types.js';
import { FIGURE_KINDS } from '../src/core/types.js';

function entry(id: string): CatalogEntry {
  const found = CATALOG.find((e) => e.id === id);
  if (!found) throw new Error(`no catalog entry ${id}`);
  return found;
}

function dram(id: string): number {
  const level = entry(id).levels.find((l) => l.name === 'dram');
  if (!level) throw new Error(`${id} has no dram level`);
  return level.bytesPerSecond.value;
}

function peak(id: string, precision: keyof CatalogEntry['compute']): number | undefined {
  return entry(id).compute[precision]?.value;
}

/** Every figure of an entry, labelled for failure messages. */
function figures(e: CatalogEntry): Array<[string, Figure]> {
  const out: Array<[string, Figure]> = [];
  for (const [precision, figure] of Object.entries(e.compute)) {
    if (figure) out.push([`${e.id} compute.${precision}`, figure]);
  }
  out.push([`${e.id} capacityBytes`, e.capacityBytes]);
  e.levels.forEach((level, i) => {
    out.push([`${e.id} levels[${i}] ${level.name} bytesPerSecond`, level.bytesPerSecond]);
    if (level.capacityBytes) out.push([`${e.id} levels[${i}] ${level.name} capacityBytes`, level.capacityBytes]);
  });
  return out;
}

const threeSig = (x: number | undefined): string | undefined => x?.toPrecision(3);

describe('catalog invariants', () => {
  it('has at least 25 entries', () => {
    expect(CATALOG.length).toBeGreaterThanOrEqual(25);
  });

  it('has unique, lowercase, dash-separated ids', () => {
    const ids = CATALOG.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
  });

  it('has unique lowercase aliases that never equal an id', () => {
    const ids = new Set(CATALOG.map((e) => e.id));
    const seen = new Map<string, string>();
    for (const e of CATALOG) {
      for (const alias of e.aliases) {
        expect(alias).toBe(alias.toLowerCase());
        expect(alias.trim()).toBe(alias);
        expect(alias.length).toBeGreaterThan(0);
        if (ids.has(alias)) throw new Error(`alias ${alias} of ${e.id} equals an id`);
        const owner = seen.get(alias);
        if (owner !== undefined) throw new Error(`alias ${alias} used by both ${owner} and ${e.id}`);
        seen.set(alias, e.id);
      }
    }
  });

  it('cites an existing source for every figure, and every source has a title and an https URL', () => {
    for (const e of CATALOG) {
      const keys = Object.keys(e.sources);
      expect(keys.length).toBeGreaterThan(0);
      for (const [label, figure] of figures(e)) {
        if (!(figure.source in e.sources)) throw new Error(`${label} cites missing source "${figure.source}"`);
      }
      for (const [key, source] of Object.entries(e.sources)) {
        if (source.title.trim().length === 0) throw new Error(`${e.id} source ${key} has no title`);
        const url = new URL(source.url);
        if (url.protocol !== 'https:') throw new Error(`${e.id} source ${key} is not https: ${source.url}`);
      }
    }
  });

  it('puts the dram level first, once, with levels in the order dram, llc, l2, l1', () => {
    const order = { dram: 0, llc: 1, l2: 2, l1: 3 } as const;
    for (const e of CATALOG) {
      expect(e.levels.length).toBeGreaterThan(0);
      expect(e.levels[0]?.name).toBe('dram');
      const names = e.levels.map((l) => l.name);
      expect(new Set(names).size).toBe(names.length);
      for (let i = 1; i < e.levels.length; i++) {
        expect(order[e.levels[i]!.name]).toBeGreaterThan(order[e.levels[i - 1]!.name]);
      }
    }
  });

  it('has positive, finite values everywhere', () => {
    for (const e of CATALOG) {
      for (const [label, figure] of figures(e)) {
        if (!(Number.isFinite(figure.value) && figure.value > 0)) throw new Error(`${label} = ${figure.value}`);
      }
    }
  });

  it('has inner cache levels at least as fast as the dram they sit in front of', () => {
    for (const e of CATALOG) {
      const outer = e.levels[0]!.bytesPerSecond.value;
      for (const level of e.levels.slice(1)) expect(level.bytesPerSecond.value).toBeGreaterThanOrEqual(outer);
    }
  });

  it('never puts a 16-bit tensor roof below the fp32 roof', () => {
    for (const e of CATALOG) {
      const fp32 = e.compute.fp32?.value;
      if (fp32 === undefined) continue;
      for (const p of ['fp16', 'bf16'] as const) {
        const v = e.compute[p]?.value;
        if (v !== undefined && v < fp32) throw new Error(`${e.id}: ${p} ${v} < fp32 ${fp32}`);
      }
    }
  });

  it('has plausible years and names', () => {
    for (const e of CATALOG) {
      expect(e.year).toBeGreaterThanOrEqual(2016);
      expect(e.year).toBeLessThanOrEqual(2030);
      expect(e.name.trim().length).toBeGreaterThan(0);
    }
  });
});

describe('catalog provenance', () => {
  it('gives every figure one of the four kinds, and a source key present in the device\'s sources', () => {
    for (const e of CATALOG) {
      for (const [label, figure] of figures(e)) {
        if (!(FIGURE_KINDS as readonly string[]).includes(figure.kind)) throw new Error(`${label} has kind ${String(figure.kind)}`);
        if (!(figure.source in e.sources)) throw new Error(`${label} cites missing source "${figure.source}"`);
      }
    }
  });

  it('says how every derived, measured or estimated figure was obtained', () => {
    for (const e of CATALOG) {
      for (const [label, figure] of figures(e)) {
        if (figure.kind !== 'vendor' && !(figure.note && figure.note.length >= 20)) throw new Error(`${label} is ${figure.kind} without a note saying how`);
      }
    }
  });

  it('never takes a sparsity figure as dense: a note that mentions sparsity states the dense figure or says it was halved', () => {
    for (const e of CATALOG) {
      for (const [label, figure] of figures(e)) {
        const note = figure.note ?? '';
        if (!/sparsity|sparse/i.test(note)) continue;
        const halved = /dense is half|halved|\/ 2\b/i.test(note);
        if (!halved && !/\bdense\b/i.test(note)) throw new Error(`${label}: "${note}" mentions sparsity but says neither the dense figure nor that it was halved`);
        if (halved && figure.kind !== 'derived') throw new Error(`${label} was halved from a sparse figure, so it is derived, not ${figure.kind}`);
      }
    }
  });

  it('halves the sparse figure a note quotes: "gives 1,513 TFLOPS with sparsity; dense is half" is 756.5 TFLOP/s', () => {
    let checked = 0;
    for (const e of CATALOG) {
      for (const [label, figure] of figures(e)) {
        const quoted = /gives ([\d,.]+) T(?:FLOPS|OPS) with sparsity; dense is half/.exec(figure.note ?? '');
        if (!quoted) continue;
        checked++;
        const sparse = Number(quoted[1]!.replace(/,/g, '')) * 1e12;
        if (Math.abs(figure.value * 2 - sparse) > sparse * 0.005) throw new Error(`${label}: ${figure.value} is not half of ${sparse}`);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it('lists levels outermost first, named dram, llc, l2, l1, with bandwidth rising inward', () => {
    for (const e of CATALOG) {
      const names = e.levels.map((level) => level.name);
      for (const name of names) expect(LEVEL_NAMES).toContain(name);
      expect(names).toEqual(LEVEL_NAMES.filter((name) => names.includes(name)));
      for (let i = 1; i < e.levels.length; i++) {
        if (!(e.levels[i]!.bytesPerSecond.value > e.levels[i - 1]!.bytesPerSecond.value)) throw new Error(`${e.id}: ${names[i]} is no faster than ${names[i - 1]}`);
      }
    }
  });
});

describe('catalog coverage', () => {
  const ids = new Set(CATALOG.map((e) => e.id));
  it.each([
    'gtx-1080-ti',
    'v100-sxm2-32gb',
    't4',
    'a100-sxm4-40gb',
    'a100-sxm4-80gb',
    'h100-sxm',
    'h200-sxm',
    'b200',
    'mi250x',
    'mi300x',
    'mi355x',
    'tpu-v4',
    'tpu-v6e',
    'gaudi2',
    'gaudi3',
    'mi210',
    'tpu7x',
    'xeon-6980p',
    'epyc-9755',
    'h100-nvl',
    'h20',
    'h800-sxm',
    'a800-sxm4-80gb',
    'gb200',
    'b300',
    'l40',
    'rtx-6000-ada',
    'rtx-pro-6000-blackwell-ws',
    'jetson-agx-orin-64gb',
    'jetson-orin-nano-8gb-super',
  ])('includes %s', (id) => {
    expect(ids.has(id)).toBe(true);
  });

  it('covers every vendor and kind', () => {
    const vendors = new Set(CATALOG.map((e) => e.vendor));
    for (const v of ['NVIDIA', 'AMD', 'Google', 'Intel', 'Apple']) expect(vendors.has(v as CatalogEntry['vendor'])).toBe(true);
    const kinds = new Set(CATALOG.map((e) => e.kind));
    for (const k of ['gpu', 'tpu', 'accelerator', 'cpu']) expect(kinds.has(k as CatalogEntry['kind'])).toBe(true);
  });

  it('resolves the aliases users type to the intended ids', () => {
    const byAlias = new Map<string, string>();
    for (const e of CATALOG) for (const a of e.aliases) byAlias.set(a, e.id);
    expect(byAlias.get('a100')).toBe('a100-sxm4-80gb');
    expect(byAlias.get('a100-40gb')).toBe('a100-sxm4-40gb');
    expect(byAlias.get('h100')).toBe('h100-sxm');
    expect(byAlias.get('h200')).toBe('h200-sxm');
    expect(byAlias.get('v100')).toBe('v100-sxm2-32gb');
    expect(byAlias.get('1080ti')).toBe('gtx-1080-ti');
    expect(byAlias.get('gtx1080ti')).toBe('gtx-1080-ti');
    expect(byAlias.get('trillium')).toBe('tpu-v6e');
    expect(byAlias.get('v6e')).toBe('tpu-v6e');
    expect(byAlias.get('gaudi-3')).toBe('gaudi3');
    expect(byAlias.get('ironwood')).toBe('tpu7x');
    expect(byAlias.get('turin')).toBe('epyc-9755');
    expect(byAlias.get('granite-rapids')).toBe('xeon-6980p');
    expect(byAlias.get('h800')).toBe('h800-sxm');
    expect(byAlias.get('a800')).toBe('a800-sxm4-80gb');
    expect(byAlias.get('gb200-nvl72')).toBe('gb200');
    expect(byAlias.get('hgx-b300')).toBe('b300');
    expect(byAlias.get('rtx-pro-6000')).toBe('rtx-pro-6000-blackwell-ws');
    expect(byAlias.get('agx-orin')).toBe('jetson-agx-orin-64gb');
    expect(byAlias.get('orin-nano')).toBe('jetson-orin-nano-8gb-super');
  });
});

describe('roofline tutorial figures', () => {
  it('gtx-1080-ti: fp32 11.3 TFLOP/s, dram 484 GB/s', () => {
    expect(peak('gtx-1080-ti', 'fp32')).toBe(11.3e12);
    expect(dram('gtx-1080-ti')).toBe(484e9);
  });

  it('a100 SXM4 40GB and 80GB: fp32 19.5 TFLOP/s', () => {
    expect(peak('a100-sxm4-80gb', 'fp32')).toBe(19.5e12);
    expect(peak('a100-sxm4-40gb', 'fp32')).toBe(19.5e12);
  });

  it('a100 bandwidth: 2039 GB/s (80GB SXM), 1555 GB/s (40GB)', () => {
    expect(dram('a100-sxm4-80gb')).toBe(2039e9);
    expect(dram('a100-sxm4-40gb')).toBe(1555e9);
  });
});

describe('datasheet spot checks (dense, never the sparsity figure)', () => {
  it('h100-sxm and h200-sxm: one GH100 derivation, the whitepaper\'s dense figures for both', () => {
    for (const id of ['h100-sxm', 'h200-sxm']) {
      expect(peak(id, 'fp64')).toBe(33.5e12);
      expect(peak(id, 'fp32')).toBe(66.9e12);
      expect(peak(id, 'tf32')).toBe(494.7e12);
      expect(peak(id, 'bf16')).toBe(989.4e12);
      expect(peak(id, 'fp8')).toBe(1978.9e12);
    }
    expect(entry('h100-sxm').compute.fp16!.kind).toBe('vendor');
    expect(entry('h200-sxm').compute.fp16!.kind).toBe('derived');
  });

  it('mi250x-gcd: half the package, derived, and the package says which to profile against', () => {
    expect(peak('mi250x-gcd', 'fp16')).toBe(191.5e12);
    expect(dram('mi250x-gcd')).toBe(1.6384e12);
    expect(entry('mi250x-gcd').capacityBytes.value).toBe(64 * 2 ** 30);
    expect(entry('mi250x').levels[0]!.bytesPerSecond.note).toContain('use mi250x-gcd');
  });

  it('tpu-v6e: no fp8 roof, since Google publishes none, and the bf16 note says so', () => {
    expect(peak('tpu-v6e', 'fp8')).toBeUndefined();
    expect(entry('tpu-v6e').compute.bf16!.note).toContain('no fp8 peak');
  });

  it('h100-sxm: fp16 989 TFLOP/s dense (not 1979), 3.35 TB/s', () => {
    expect(threeSig(peak('h100-sxm', 'fp16'))).toBe('9.89e+14');
    expect(threeSig(peak('h100-sxm', 'bf16'))).toBe('9.89e+14');
    expect(threeSig(peak('h100-sxm', 'fp8'))).toBe('1.98e+15');
    expect(dram('h100-sxm')).toBe(3.35e12);
  });

  it('h200-sxm: fp8 1979 TFLOP/s dense (not 3958), 4.8 TB/s', () => {
    expect(threeSig(peak('h200-sxm', 'fp8'))).toBe('1.98e+15');
    expect(dram('h200-sxm')).toBe(4.8e12);
  });

  it('b200: fp8 4.5 PFLOP/s and fp4 9 PFLOP/s dense per GPU, 7.7 TB/s (the per-GPU table, not the 8 TB/s launch figure)', () => {
    expect(peak('b200', 'fp8')).toBe(4.5e15);
    expect(peak('b200', 'fp4')).toBe(9e15);
    expect(dram('b200')).toBe(7.7e12);
  });

  it('l4: fp8 242.5 TFLOP/s dense (datasheet 485 is sparse)', () => {
    expect(peak('l4', 'fp8')).toBe(242.5e12);
    expect(peak('l4', 'fp16')).toBe(121e12);
  });

  it('l40s: fp16 362 TFLOP/s dense (datasheet 733 is sparse)', () => {
    expect(threeSig(peak('l40s', 'fp16'))).toBe('3.62e+14');
    expect(dram('l40s')).toBe(864e9);
  });

  it('mi300x: fp16 1307.4 TFLOP/s dense, 5.3 TB/s', () => {
    expect(peak('mi300x', 'fp16')).toBe(1307.4e12);
    expect(dram('mi300x')).toBe(5.3e12);
  });

  it('mi300x and mi325x: Infinity Cache as llc at 17.2 TB/s, then L2 at 34.4 TB/s, outermost first', () => {
    for (const id of ['mi300x', 'mi325x']) {
      expect(entry(id).levels.map((l) => [l.name, l.bytesPerSecond.value])).toEqual([
        ['dram', id === 'mi300x' ? 5.3e12 : 6e12],
        ['llc', 17.2e12],
        ['l2', 34.4e12],
      ]);
      expect(entry(id).levels[1]!.capacityBytes!.value).toBe(256 * 2 ** 20);
    }
    expect(entry('mi300x').levels[1]!.bytesPerSecond.kind).toBe('vendor');
    expect(entry('mi325x').levels[1]!.bytesPerSecond.kind).toBe('derived');
  });

  it('v100: L1 14,336 GB/s (the hierarchical-roofline paper\'s theoretical figure, derived) inside its 3.13 TB/s L2', () => {
    expect(entry('v100-sxm2-32gb').levels.map((l) => [l.name, l.bytesPerSecond.value, l.bytesPerSecond.kind])).toEqual([
      ['dram', 900e9, 'vendor'],
      ['l2', 3.133e12, 'derived'],
      ['l1', 14.336e12, 'derived'],
    ]);
  });

  it('h100-pcie: L2 3.8 TB/s as measured by Chips and Cheese across the whole 50 MB, labelled measured', () => {
    const l2 = entry('h100-pcie').levels.find((l) => l.name === 'l2')!;
    expect(l2.bytesPerSecond.value).toBe(3.8e12);
    expect(l2.bytesPerSecond.kind).toBe('measured');
    expect(l2.capacityBytes!.value).toBe(50 * 2 ** 20);
  });

  it('mi300a: the CDNA 3 white paper\'s dense GPU peaks (980.6 fp16, 1961.2 fp8), 128 GiB shared HBM3, L2 derived for 6 XCDs', () => {
    expect(peak('mi300a', 'fp16')).toBe(980.6e12);
    expect(peak('mi300a', 'fp8')).toBe(1961.2e12);
    expect(entry('mi300a').capacityBytes.value).toBe(128 * 2 ** 30);
    expect(entry('mi300a').levels.map((l) => [l.name, l.bytesPerSecond.value])).toEqual([
      ['dram', 5.3e12],
      ['llc', 17.2e12],
      ['l2', 25.8e12],
    ]);
  });

  it('AWS chips, per chip: Trainium and Inferentia2 190 TFLOP/s bf16 at 820 GiB/s; Trainium2 667 bf16 and 1299 fp8 dense', () => {
    for (const id of ['trainium', 'inferentia2']) {
      expect(peak(id, 'bf16')).toBe(190e12);
      expect(peak(id, 'int8')).toBe(380e12);
      expect(dram(id)).toBe(820 * 2 ** 30);
      expect(entry(id).capacityBytes.value).toBe(32 * 2 ** 30);
    }
    expect(peak('trainium2', 'bf16')).toBe(667e12);
    expect(peak('trainium2', 'fp8')).toBe(1299e12);
    expect(entry('trainium2').capacityBytes.value).toBe(96 * 2 ** 30);
  });

  it('tpu-v4: 275 TFLOP/s bf16, 32 GiB, 1200 GB/s', () => {
    expect(peak('tpu-v4', 'bf16')).toBe(275e12);
    expect(entry('tpu-v4').capacityBytes.value).toBe(32 * 2 ** 30);
    expect(dram('tpu-v4')).toBe(1200e9);
  });

  it('rtx-5090: fp16/bf16 209.5, fp8 419 TFLOP/s and int8 838 TOP/s dense with FP32 accumulate (the whitepaper\'s second figures are sparse)', () => {
    expect(peak('rtx-5090', 'fp16')).toBe(209.5e12);
    expect(peak('rtx-5090', 'bf16')).toBe(209.5e12);
    expect(peak('rtx-5090', 'fp8')).toBe(419e12);
    expect(peak('rtx-5090', 'int8')).toBe(838e12);
    expect(peak('rtx-5090', 'fp4')).toBe(1676e12);
  });

  it('rtx-5090: the RTX Blackwell whitepaper\'s Appendix A Table 3, dense with FP32 accumulate, checked again', () => {
    // Table 3's GeForce RTX 5090 column, first figure of each pair (the second is with sparsity): FP16 and BF16
    // with FP32 accumulate 209.5, FP8 with FP32 accumulate 419, INT8 838 TOPS, FP4 1,676; FP32 104.8 is
    // 21,760 cores x 2 x 2.407 GHz. Quoted the same by others, e.g. "NVIDIA's 209.5 TFLOP/s non-sparse BF16
    // Tensor peak with FP32 accumulation" citing the whitepaper's appendix.
    expect(entry('rtx-5090').compute.bf16!.kind).toBe('vendor');
    expect(peak('rtx-5090', 'fp32')).toBe(104.8e12);
    expect(peak('rtx-5090', 'tf32')).toBe(104.8e12);
  });

  it('h100-nvl, per GPU: the H100 spec table\'s NVL column halved, 1,671 -> 835.5 fp16 and 3,341 -> 1,670.5 fp8 dense, 94 GiB at 3.9 TB/s', () => {
    // nvidia.com/en-us/data-center/h100, H100 NVL column: FP64 30, FP32 60, FP16 1,671*, FP8 3,341* (* with sparsity),
    // 94 GB, 3.9 TB/s.
    expect(peak('h100-nvl', 'fp64')).toBe(30e12);
    expect(peak('h100-nvl', 'fp16')).toBe(835.5e12);
    expect(peak('h100-nvl', 'fp8')).toBe(1670.5e12);
    expect(entry('h100-nvl').compute.fp16!.kind).toBe('derived');
    expect(entry('h100-nvl').capacityBytes.value).toBe(94 * 2 ** 30);
    expect(dram('h100-nvl')).toBe(3.9e12);
  });

  it('h800-sxm and a800-sxm4-80gb: the H100 SXM and A100 SXM4 80GB figures, as estimates, and no H800 fp64 roof', () => {
    // No NVIDIA datasheet for either; DeepSeek's FlashMLA deep dive gives the H800 SXM5 990 TFLOPS and 3.35 TB/s,
    // the H100 SXM's; reports give the A800 as the A100 with NVLink at 400 GB/s.
    expect(peak('h800-sxm', 'bf16')).toBe(989.4e12);
    expect(peak('h800-sxm', 'fp8')).toBe(1978.9e12);
    expect(peak('h800-sxm', 'fp64')).toBeUndefined();
    expect(dram('h800-sxm')).toBe(3.35e12);
    expect(peak('a800-sxm4-80gb', 'fp16')).toBe(312e12);
    expect(dram('a800-sxm4-80gb')).toBe(2039e9);
    for (const id of ['h800-sxm', 'a800-sxm4-80gb']) {
      const e = entry(id);
      for (const [label, figure] of figures(e)) if (figure.kind !== 'estimate') throw new Error(`${label} is ${figure.kind}`);
    }
  });

  it('h20: 148 fp16 and 296 fp8 TFLOP/s, 96 GiB at 4 TB/s, all estimates (NVIDIA publishes no datasheet)', () => {
    // The Register (SemiAnalysis's early look): 96 GB, 4 TB/s, 296 TFLOPS FP8; H100 SXM 6.68 x the H20 on FP16 tensor
    // is 989.4 / 148.
    expect(peak('h20', 'fp16')).toBe(148e12);
    expect(peak('h20', 'fp8')).toBe(296e12);
    expect(entry('h20').capacityBytes.value).toBe(96 * 2 ** 30);
    expect(dram('h20')).toBe(4e12);
    expect(figures(entry('h20')).every(([, figure]) => figure.kind === 'estimate')).toBe(true);
  });

  it('gb200, per GPU: the superchip column over 2 GPUs, 10 PFLOPS fp16 with sparsity -> 2.5 dense, 372 GB -> 186 GiB, 16 -> 8 TB/s', () => {
    // nvidia.com/en-us/data-center/gb200-nvl72, GB200 Grace Blackwell Superchip: FP16/BF16 10 PFLOPS*, NVFP4
    // 40 | 20 PFLOPS (sparse | dense), 372 GB HBM3e | 16 TB/s; the superchip is 2 Blackwell GPUs and 1 Grace CPU.
    expect(peak('gb200', 'bf16')).toBe(2.5e15);
    expect(peak('gb200', 'fp8')).toBe(5e15);
    expect(peak('gb200', 'fp4')).toBe(10e15);
    expect(entry('gb200').capacityBytes.value).toBe(186 * 2 ** 30);
    expect(dram('gb200')).toBe(8e12);
  });

  it('b300, per HGX GPU: 108 PFLOPS dense fp4 over 8 = 13.5, the B200\'s 2.25 bf16, 270 GiB at 7.7 TB/s, no int8 roof', () => {
    // nvidia.com/en-us/data-center/hgx, HGX B300: FP4 144 | 108 PFLOPS (sparse | dense), FP16/BF16 36 PFLOPS*,
    // FP64 10 TFLOPS; Blackwell Ultra datasheet, HGX B300 column: 270 GB HBM3e | 7.7 TB/s.
    expect(peak('b300', 'fp4')).toBe(13.5e15);
    expect(peak('b300', 'bf16')).toBe(2.25e15);
    expect(peak('b300', 'fp64')).toBe(1.25e12);
    expect(peak('b300', 'int8')).toBeUndefined();
    expect(entry('b300').capacityBytes.value).toBe(270 * 2 ** 30);
    expect(dram('b300')).toBe(7.7e12);
  });

  it('l40: the datasheet\'s dense column, 181.05 fp16 and 362 fp8, half the l40s on the same die', () => {
    // NVIDIA L40 datasheet: BF16/FP16 181.05 | 362.1*, FP8 362 | 724*, FP32 90.5, 48 GB GDDR6, 864 GB/s.
    expect(peak('l40', 'fp16')).toBe(181.05e12);
    expect(peak('l40', 'fp8')).toBe(362e12);
    expect(peak('l40', 'fp32')).toBe(90.5e12);
    expect(dram('l40')).toBe(864e9);
  });

  it('rtx-6000-ada and rtx-pro-6000-blackwell-ws: vendor fp32 and memory, tensor rates estimated from SMs x clock or the FP4 peak', () => {
    // RTX 6000 Ada: 91.1 TFLOPS FP32, 48 GB at 960 GB/s; 142 SMs x 2,048 FP8 FLOP/clk x 2.505 GHz = 728.5 TFLOPS.
    // RTX PRO 6000 Workstation: 125 TFLOPS FP32, 4,000 AI TOPS (FP4 sparse) -> 2,000 dense, 96 GB at 1,792 GB/s.
    expect(peak('rtx-6000-ada', 'fp32')).toBe(91.1e12);
    expect(peak('rtx-6000-ada', 'fp8')).toBe(728.5e12);
    expect(entry('rtx-6000-ada').compute.fp8!.kind).toBe('estimate');
    expect(dram('rtx-6000-ada')).toBe(960e9);
    expect(peak('rtx-pro-6000-blackwell-ws', 'fp4')).toBe(2000e12);
    expect(entry('rtx-pro-6000-blackwell-ws').compute.fp4!.kind).toBe('derived');
    expect(peak('rtx-pro-6000-blackwell-ws', 'fp16')).toBe(500e12);
    expect(entry('rtx-pro-6000-blackwell-ws').compute.fp16!.kind).toBe('estimate');
    expect(entry('rtx-pro-6000-blackwell-ws').capacityBytes.value).toBe(96 * 2 ** 30);
    expect(dram('rtx-pro-6000-blackwell-ws')).toBe(1792e9);
  });

  it('jetson: the GPU alone, AGX Orin 64GB at MAXN (170 sparse INT8 TOPS -> 85 dense) and Orin Nano 8GB in Super mode (33 dense, 17 fp16)', () => {
    // AGX Orin technical brief: 2,048 CUDA cores, 5.3 FP32 TFLOPS, 170 sparse INT8 TOPS on the GPU (275 with the
    // DLAs), 64 GB LPDDR5 at 204.8 GB/s. Orin Nano Super blog: 67 sparse / 33 dense INT8 TOPS, 17 FP16 TFLOPS,
    // 1,020 MHz, 8 GB at 102 GB/s.
    expect(peak('jetson-agx-orin-64gb', 'int8')).toBe(85e12);
    expect(peak('jetson-agx-orin-64gb', 'fp16')).toBe(42.5e12);
    expect(entry('jetson-agx-orin-64gb').capacityBytes.value).toBe(64 * 2 ** 30);
    expect(dram('jetson-agx-orin-64gb')).toBe(204.8e9);
    expect(peak('jetson-orin-nano-8gb-super', 'int8')).toBe(33e12);
    expect(peak('jetson-orin-nano-8gb-super', 'fp16')).toBe(17e12);
    expect(entry('jetson-orin-nano-8gb-super').capacityBytes.value).toBe(8 * 2 ** 30);
    expect(dram('jetson-orin-nano-8gb-super')).toBe(102e9);
  });

  it('gaudi3: 1835 TFLOP/s bf16 matrix, 128 GiB', () => {
    expect(peak('gaudi3', 'bf16')).toBe(1835e12);
    expect(entry('gaudi3').capacityBytes.value).toBe(128 * 2 ** 30);
  });

  it('gaudi3: fp32 derived from the 28.7 TFLOPS BF16 vector peak, fp16 a third-party estimate', () => {
    // Intel's spec table (white paper; Hot Chips 2024): BF16 vector 28.7 TFLOPS on 64 TPCs. The TPC User Guide:
    // a TPC does 64 float ops per cycle against 128 16-bit ops, so FP32 vector = 28.7 x 64 / 128 = 14.35.
    expect(peak('gaudi3', 'fp32')).toBe(14.35e12);
    expect(entry('gaudi3').compute.fp32!.kind).toBe('derived');
    // Intel publishes no FP16 matrix peak; hmc-tech.com lists "FP16 Tensor (FP32 Accumulate) 458.75 TFLOPS",
    // which is 1835 / 4. Kept, labelled an estimate, so that `catalog.kinds` can refuse it.
    expect(peak('gaudi3', 'fp16')).toBe(458.75e12);
    expect(entry('gaudi3').compute.fp16!.kind).toBe('estimate');
  });

  it('mi210: AMD\'s 22.6 FP64 vector and 181 FP16 matrix TFLOPS, 64 GiB, 1638.4 GB/s derived from the bus', () => {
    // AMD's MI210 page (and AnandTech's launch table): FP64 vector 22.6, FP16 matrix 181.0 TFLOPS, 64 GB HBM2e;
    // 1024 FLOP/clk/CU x 104 CUs x 1.7 GHz = 181.05 TFLOPS. Bandwidth: 4096 bits x 3.2 Gbps / 8 = 1638.4 GB/s.
    expect(peak('mi210', 'fp64')).toBe(22.6e12);
    expect(peak('mi210', 'fp16')).toBe(181e12);
    expect(entry('mi210').capacityBytes.value).toBe(64 * 2 ** 30);
    expect(dram('mi210')).toBe(1.6384e12);
    expect(entry('mi210').levels[0]!.bytesPerSecond.kind).toBe('derived');
  });

  it('tpu7x: Google\'s per-chip table, 2307 bf16 and 4614 fp8 TFLOP/s, 192 GiB, 7380 GB/s, no int8 roof', () => {
    // docs.cloud.google.com/tpu/docs/tpu7x, "System architecture" table, TPU7x (Ironwood) column.
    expect(peak('tpu7x', 'bf16')).toBe(2307e12);
    expect(peak('tpu7x', 'fp8')).toBe(4614e12);
    expect(peak('tpu7x', 'int8')).toBeUndefined();
    expect(entry('tpu7x').capacityBytes.value).toBe(192 * 2 ** 30);
    expect(dram('tpu7x')).toBe(7380e9);
  });

  it('xeon-6980p: AMX and AVX-512 peaks derived as cores x ops per clock x base clock, memory as channels x MT/s x 8', () => {
    // 128 cores x 1024 BF16 ops/clk x 2.0 GHz = 262,144 GFLOP/s; x 2048 INT8 ops/clk = 524,288 GOP/s;
    // x 64 FP32 ops/clk = 16,384 GFLOP/s. 12 channels x 6400 MT/s x 8 bytes = 614,400 MB/s.
    expect(peak('xeon-6980p', 'bf16')).toBe(262.144e12);
    expect(peak('xeon-6980p', 'int8')).toBe(524.288e12);
    expect(peak('xeon-6980p', 'fp32')).toBe(16.384e12);
    expect(dram('xeon-6980p')).toBe(614.4e9);
    for (const figure of Object.values(entry('xeon-6980p').compute)) expect(figure!.kind).toBe('derived');
  });

  it('epyc-9755: AVX-512 at full width on Zen 5, derived; 12 channels of DDR5-6400', () => {
    // 128 cores x 32 FP64 FLOP/clk (two 512-bit FMA pipes x 8 lanes x 2) x 2.7 GHz = 11,059.2 GFLOP/s;
    // FP32 twice that, 22,118.4 GFLOP/s. 12 x 6400 MT/s x 8 bytes = 614.4 GB/s.
    expect(peak('epyc-9755', 'fp64')).toBe(11.0592e12);
    expect(peak('epyc-9755', 'fp32')).toBe(22.1184e12);
    expect(dram('epyc-9755')).toBe(614.4e9);
    expect(entry('epyc-9755').compute.fp64!.kind).toBe('derived');
  });
});
