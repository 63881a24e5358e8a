// The built-in hardware catalog: published peak figures, each with the document it came from.
//
// Conventions (see types.ts):
// - compute: dense peak per precision, FLOP/s (OP/s for int8/int4). A figure a vendor quotes "with
//   sparsity" (NVIDIA's asterisked 2:4 numbers, AMD's "with structured sparsity") is never used as
//   dense: where only the sparse figure is published, the value here is half of it and the note says so.
// - NVIDIA: tf32/fp16/bf16/fp8/int8/int4/fp4 are the tensor-core dense figures; fp32 and fp64 are the
//   non-tensor (CUDA-core) figures. GeForce fp16/bf16/fp8 are the FP32-accumulate rates.
// - Memory capacities: HBM, GDDR and DRAM are built from binary-sized dies, so a vendor's "80 GB" is
//   taken as 80 GiB (80 * 2 ** 30 bytes) unless a note says otherwise.
// - levels: outermost first; `dram` means HBM/GDDR/DRAM. L2/L1 appear only where a figure is published.

import type { FigureKind } from '../types.js';
import type { CatalogEntry, Figure } from './types.js';

const GiB = 2 ** 30;
const MiB = 2 ** 20;
const TiB = 2 ** 40;

/**
 * H100 SXM5, H200 SXM and H800 SXM5 are one GH100 die at one clock: their dense peaks are the H100 whitepaper's,
 * derived once here (the datasheets show only the sparsity figures for the tensor formats, and round the rest).
 * `fp64: false` leaves FP64 out, for the H800, whose FP64 export control cut to a figure no source here states.
 */
function gh100SxmCompute(kind: FigureKind, source: string, why: string, { fp64 = true } = {}): CatalogEntry['compute'] {
  const figure = (value: number, note: string): Figure => ({ value, kind, source, note: `${why}${note}` });
  return {
    ...(fp64 ? { fp64: figure(33.5e12, 'Non-tensor FP64 (datasheet rounds to 34); FP64 Tensor Core is 66.9 TFLOPS.') } : {}),
    fp32: figure(66.9e12, 'Non-tensor FP32 (datasheet rounds to 67).'),
    tf32: figure(494.7e12, 'Whitepaper: 494.7 dense | 989.4 with sparsity (datasheet shows only 989 with sparsity).'),
    fp16: figure(989.4e12, 'Whitepaper: 989.4 dense | 1,978.9 with sparsity (datasheet shows only 1,979 with sparsity).'),
    bf16: figure(989.4e12, 'Whitepaper: 989.4 dense | 1,978.9 with sparsity (datasheet shows only 1,979 with sparsity).'),
    fp8: figure(1978.9e12, 'Whitepaper: 1,978.9 dense | 3,957.8 with sparsity (datasheet shows only 3,958 with sparsity).'),
    int8: figure(1978.9e12, 'Whitepaper: 1,978.9 TOPS dense | 3,957.8 with sparsity.'),
  };
}

/**
 * A100 SXM4 40GB, A100 SXM4 80GB and A800 SXM4 80GB are one GA100 at one clock: the A100 datasheet's dense peaks
 * (INT4 from the whitepaper), written once; `why` says why a device other than the A100 takes them.
 */
function ga100Compute(kind: FigureKind, why: string): CatalogEntry['compute'] {
  const figure = (value: number, source: string, note: string): Figure => ({ value, kind, source, note: `${why}${note}` });
  return {
    fp64: figure(9.7e12, 'datasheet', 'Non-tensor FP64; FP64 Tensor Core is 19.5 TFLOPS.'),
    fp32: figure(19.5e12, 'datasheet', 'Datasheet FP32 19.5 TFLOPS.'),
    tf32: figure(156e12, 'datasheet', 'Datasheet: 156 dense | 312 with sparsity.'),
    fp16: figure(312e12, 'datasheet', 'Datasheet: 312 dense | 624 with sparsity.'),
    bf16: figure(312e12, 'datasheet', 'Datasheet: 312 dense | 624 with sparsity.'),
    int8: figure(624e12, 'datasheet', 'Datasheet: 624 TOPS dense | 1248 with sparsity.'),
    int4: figure(1248e12, 'whitepaper', 'Whitepaper: 1248 TOPS dense | 2496 with sparsity.'),
  };
}

/**
 * Trainium and Inferentia2 are the same pair of NeuronCore-v2 per chip with the same 32 GiB of HBM, and AWS
 * documents them with the same figures: one definition for both, each citing its own architecture page.
 */
function neuronCoreV2Chip(source: string): Pick<CatalogEntry, 'compute' | 'capacityBytes' | 'levels'> {
  return {
    compute: {
      fp32: { value: 47.5e12, kind: 'vendor', source, note: 'Two NeuronCore-v2 per chip: 47.5 FP32 TFLOPS.' },
      tf32: { value: 190e12, kind: 'vendor', source, note: '190 FP16/BF16/cFP8/TF32 TFLOPS per chip.' },
      fp16: { value: 190e12, kind: 'vendor', source, note: '190 FP16/BF16/cFP8/TF32 TFLOPS per chip.' },
      bf16: { value: 190e12, kind: 'vendor', source, note: '190 FP16/BF16/cFP8/TF32 TFLOPS per chip.' },
      fp8: { value: 190e12, kind: 'vendor', source, note: 'cFP8 (configurable FP8) at the 16-bit rate, 190 TFLOPS per chip.' },
      int8: { value: 380e12, kind: 'vendor', source, note: '380 INT8 TOPS per chip (earlier revisions of the page said 420).' },
    },
    capacityBytes: { value: 32 * GiB, kind: 'vendor', source, note: '32 GiB of device memory (HBM) per chip.' },
    levels: [
      {
        name: 'dram',
        bytesPerSecond: { value: 820 * GiB, kind: 'vendor', source, note: '820 GiB/s per chip, as the page states it in GiB (earlier revisions said 820 GB/s).' },
      },
    ],
  };
}

export const CATALOG: readonly CatalogEntry[] = [
  // ───────────────────────────── NVIDIA ─────────────────────────────
  {
    id: 'gtx-1080-ti',
    name: 'NVIDIA GeForce GTX 1080 Ti',
    vendor: 'NVIDIA',
    kind: 'gpu',
    year: 2017,
    aliases: ['1080ti', 'gtx1080ti', '1080-ti', 'gtx-1080ti', 'geforce-gtx-1080-ti'],
    compute: {
      fp32: {
        value: 11.3e12,
        kind: 'derived',
        source: 'specs',
        note: '3584 CUDA cores x 2 FLOP x 1582 MHz boost = 11.34 TFLOP/s, rounded to 11.3 as in the roofline tutorial. No fp16 roof: GP102 runs fp16 arithmetic at 1/64 rate and has no tensor cores.',
      },
    },
    capacityBytes: { value: 11 * GiB, kind: 'vendor', source: 'specs', note: '11 GB GDDR5X (11 x 8 Gbit dies), taken as GiB.' },
    levels: [
      {
        name: 'dram',
        bytesPerSecond: { value: 484e9, kind: 'vendor', source: 'specs', note: '352-bit GDDR5X at 11 Gbps = 484 GB/s.' },
      },
    ],
    sources: {
      specs: {
        title: 'GeForce GTX 1080 Ti specifications',
        url: 'https://www.nvidia.com/en-us/geforce/graphics-cards/geforce-gtx-1080-ti/specifications/',
      },
    },
  },
  {
    id: 'v100-sxm2-32gb',
    name: 'NVIDIA Tesla V100 SXM2 32GB',
    vendor: 'NVIDIA',
    kind: 'gpu',
    year: 2018,
    aliases: ['v100', 'v100-32gb', 'v100-sxm2', 'tesla-v100'],
    compute: {
      fp64: { value: 7.8e12, kind: 'vendor', source: 'datasheet', note: 'Non-tensor FP64 (V100 has no FP64 tensor cores).' },
      fp32: { value: 15.7e12, kind: 'vendor', source: 'datasheet' },
      fp16: {
        value: 125e12,
        kind: 'vendor',
        source: 'datasheet',
        note: 'Datasheet "Tensor Performance" 125 TFLOPS (FP16 inputs, mixed-precision tensor cores, dense; Volta has no sparsity).',
      },
    },
    capacityBytes: { value: 32 * GiB, kind: 'vendor', source: 'datasheet', note: '32 GB HBM2, taken as GiB.' },
    levels: [
      { name: 'dram', bytesPerSecond: { value: 900e9, kind: 'vendor', source: 'datasheet' } },
      {
        name: 'l2',
        bytesPerSecond: {
          value: 3.133e12,
          kind: 'derived',
          source: 'a100-whitepaper',
          note: 'L2 read bandwidth derived from 2048 B/clk (V100 figure in the A100 whitepaper) x 1.53 GHz boost. Measured with the Empirical Roofline Toolkit by Yang, Kurth and Williams (NERSC, on Cori\'s V100s): 2,996.8 GB/s.',
        },
        capacityBytes: { value: 6 * MiB, kind: 'vendor', source: 'volta-whitepaper', note: '6144 KB L2.' },
      },
      {
        name: 'l1',
        bytesPerSecond: {
          value: 14.336e12,
          kind: 'derived',
          source: 'ert-roofline',
          note: 'The theoretical L1 bandwidth Yang, Kurth and Williams use for V100 (ERT cannot isolate L1 on NVIDIA GPUs; their L2 and HBM ceilings are ERT measurements): 14,336 GB/s, which is 80 SMs x 128 B/clk x 1.4 GHz. Published with the paper in the first author\'s nersc-roofline repository (Plotting/data_hierarchical.txt).',
        },
      },
    ],
    sources: {
      datasheet: {
        title: 'NVIDIA Tesla V100 GPU Accelerator datasheet',
        url: 'https://images.nvidia.com/content/technologies/volta/pdf/volta-v100-datasheet-update-us-1165301-r5.pdf',
      },
      'volta-whitepaper': {
        title: 'NVIDIA Tesla V100 GPU Architecture whitepaper',
        url: 'https://images.nvidia.com/content/volta-architecture/pdf/volta-architecture-whitepaper.pdf',
      },
      'a100-whitepaper': {
        title: 'NVIDIA A100 Tensor Core GPU Architecture whitepaper',
        url: 'https://images.nvidia.com/aem-dam/en-zz/Solutions/data-center/nvidia-ampere-architecture-whitepaper.pdf',
      },
      'ert-roofline': {
        title: 'C. Yang, T. Kurth, S. Williams: Hierarchical Roofline Analysis for GPUs: Accelerating Performance Optimization for the NERSC-9 Perlmutter System (CCPE 2020, arXiv:2009.02449); ceilings in github.com/cyanguwa/nersc-roofline',
        url: 'https://arxiv.org/abs/2009.02449',
      },
    },
  },
  {
    id: 't4',
    name: 'NVIDIA T4',
    vendor: 'NVIDIA',
    kind: 'gpu',
    year: 2018,
    aliases: ['tesla-t4', 'nvidia-t4'],
    compute: {
      fp32: { value: 8.1e12, kind: 'vendor', source: 'datasheet', note: 'Datasheet "Single-Precision" 8.1 TFLOPS.' },
      fp16: { value: 65e12, kind: 'vendor', source: 'datasheet', note: 'Datasheet "Mixed-Precision (FP16/FP32)" tensor 65 TFLOPS, dense.' },
      int8: { value: 130e12, kind: 'vendor', source: 'datasheet', note: 'Tensor INT8, dense.' },
      int4: { value: 260e12, kind: 'vendor', source: 'datasheet', note: 'Tensor INT4, dense.' },
    },
    capacityBytes: { value: 16 * GiB, kind: 'vendor', source: 'datasheet', note: '16 GB GDDR6, taken as GiB.' },
    levels: [
      { name: 'dram', bytesPerSecond: { value: 320e9, kind: 'vendor', source: 'datasheet', note: '256-bit GDDR6; datasheet "320+ GB/s".' } },
    ],
    sources: {
      datasheet: {
        title: 'NVIDIA T4 Tensor Core GPU datasheet',
        url: 'https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/tesla-t4/t4-tensor-core-datasheet-951643.pdf',
      },
    },
  },
  {
    id: 'a100-sxm4-40gb',
    name: 'NVIDIA A100 SXM4 40GB',
    vendor: 'NVIDIA',
    kind: 'gpu',
    year: 2020,
    aliases: ['a100-40gb', 'a100-40g', 'a100-sxm4-40g'],
    compute: ga100Compute('vendor', ''),
    capacityBytes: { value: 40 * GiB, kind: 'vendor', source: 'datasheet', note: '40 GB HBM2, taken as GiB.' },
    levels: [
      { name: 'dram', bytesPerSecond: { value: 1555e9, kind: 'vendor', source: 'datasheet' } },
      {
        name: 'l2',
        bytesPerSecond: {
          value: 7.2192e12,
          kind: 'derived',
          source: 'whitepaper',
          note: 'L2 read bandwidth derived from 5120 B/clk x 1.41 GHz boost (whitepaper: 5120 B/clk, 2.3x V100).',
        },
        capacityBytes: { value: 40 * MiB, kind: 'vendor', source: 'whitepaper', note: '40 MB L2, taken as MiB.' },
      },
    ],
    sources: {
      datasheet: {
        title: 'NVIDIA A100 Tensor Core GPU datasheet',
        url: 'https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf',
      },
      whitepaper: {
        title: 'NVIDIA A100 Tensor Core GPU Architecture whitepaper',
        url: 'https://images.nvidia.com/aem-dam/en-zz/Solutions/data-center/nvidia-ampere-architecture-whitepaper.pdf',
      },
    },
  },
  {
    id: 'a100-sxm4-80gb',
    name: 'NVIDIA A100 SXM4 80GB',
    vendor: 'NVIDIA',
    kind: 'gpu',
    year: 2020,
    aliases: ['a100', 'a100-80gb', 'a100-80g', 'a100-sxm', 'a100-sxm4'],
    compute: ga100Compute('vendor', ''),
    capacityBytes: { value: 80 * GiB, kind: 'vendor', source: 'datasheet', note: '80 GB HBM2e, taken as GiB.' },
    levels: [
      { name: 'dram', bytesPerSecond: { value: 2039e9, kind: 'vendor', source: 'datasheet', note: 'SXM4 80GB: 2,039 GB/s.' } },
      {
        name: 'l2',
        bytesPerSecond: {
          value: 7.2192e12,
          kind: 'derived',
          source: 'whitepaper',
          note: 'L2 read bandwidth derived from 5120 B/clk x 1.41 GHz boost (whitepaper: 5120 B/clk, 2.3x V100).',
        },
        capacityBytes: { value: 40 * MiB, kind: 'vendor', source: 'whitepaper', note: '40 MB L2, taken as MiB.' },
      },
    ],
    sources: {
      datasheet: {
        title: 'NVIDIA A100 Tensor Core GPU datasheet',
        url: 'https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf',
      },
      whitepaper: {
        title: 'NVIDIA A100 Tensor Core GPU Architecture whitepaper',
        url: 'https://images.nvidia.com/aem-dam/en-zz/Solutions/data-center/nvidia-ampere-architecture-whitepaper.pdf',
      },
    },
  },
  {
    id: 'a800-sxm4-80gb',
    name: 'NVIDIA A800 SXM4 80GB',
    vendor: 'NVIDIA',
    kind: 'gpu',
    year: 2022,
    aliases: ['a800', 'a800-80gb', 'a800-sxm', 'a800-sxm4'],
    compute: ga100Compute(
      'estimate',
      'NVIDIA publishes no A800 SXM datasheet (its one A800 spec sheet is the 40GB Active workstation card); Reuters and the Global Times (November 2022) report the A800 as the A100 with chip-to-chip NVLink cut from 600 to 400 GB/s and no other significant difference, so the A100 SXM4 80GB figure. ',
    ),
    capacityBytes: {
      value: 80 * GiB,
      kind: 'estimate',
      source: 'globaltimes',
      note: '80 GB HBM2e as on the A100 SXM4 80GB (reported, no NVIDIA datasheet), taken as GiB.',
    },
    levels: [
      {
        name: 'dram',
        bytesPerSecond: {
          value: 2039e9,
          kind: 'estimate',
          source: 'datasheet',
          note: 'The A100 SXM4 80GB datasheet\'s 2,039 GB/s; the reports say only NVLink differs on the A800.',
        },
      },
    ],
    sources: {
      datasheet: {
        title: 'NVIDIA A100 Tensor Core GPU datasheet (the A800 has none of its own)',
        url: 'https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf',
      },
      whitepaper: {
        title: 'NVIDIA A100 Tensor Core GPU Architecture whitepaper',
        url: 'https://images.nvidia.com/aem-dam/en-zz/Solutions/data-center/nvidia-ampere-architecture-whitepaper.pdf',
      },
      reuters: {
        title: 'Reuters: Exclusive: Nvidia offers new advanced chip for China that meets U.S. export controls (8 November 2022; A800 chip-to-chip rate 400 GB/s against the A100\'s 600)',
        url: 'https://www.reuters.com/technology/exclusive-nvidia-offers-new-advanced-chip-china-that-meets-us-export-controls-2022-11-08/',
      },
      globaltimes: {
        title: 'Global Times: Nvidia\'s new A800 GPU chips start selling in China (8 November 2022; 400 GB/s chip-to-chip, "apart from this, there are no significant differences")',
        url: 'https://www.globaltimes.cn/page/202211/1279004.shtml',
      },
    },
  },
  {
    id: 'a10',
    name: 'NVIDIA A10',
    vendor: 'NVIDIA',
    kind: 'gpu',
    year: 2021,
    aliases: ['nvidia-a10', 'a10-24gb'],
    compute: {
      fp32: { value: 31.2e12, kind: 'vendor', source: 'datasheet' },
      tf32: { value: 62.5e12, kind: 'vendor', source: 'datasheet', note: 'Datasheet: 62.5 dense | 125 with sparsity.' },
      fp16: { value: 125e12, kind: 'vendor', source: 'datasheet', note: 'Datasheet: 125 dense | 250 with sparsity.' },
      bf16: { value: 125e12, kind: 'vendor', source: 'datasheet', note: 'Datasheet: 125 dense | 250 with sparsity.' },
      int8: { value: 250e12, kind: 'vendor', source: 'datasheet', note: 'Datasheet: 250 TOPS dense | 500 with sparsity.' },
      int4: { value: 500e12, kind: 'vendor', source: 'datasheet', note: 'Datasheet: 500 TOPS dense | 1000 with sparsity.' },
    },
    capacityBytes: { value: 24 * GiB, kind: 'vendor', source: 'datasheet', note: '24 GB GDDR6, taken as GiB.' },
    levels: [{ name: 'dram', bytesPerSecond: { value: 600e9, kind: 'vendor', source: 'datasheet' } }],
    sources: {
      datasheet: {
        title: 'NVIDIA A10 Tensor Core GPU datasheet',
        url: 'https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a10/pdf/datasheet-new/nvidia-a10-datasheet.pdf',
      },
    },
  },
  {
    id: 'rtx-3090',
    name: 'NVIDIA GeForce RTX 3090',
    vendor: 'NVIDIA',
    kind: 'gpu',
    year: 2020,
    aliases: ['3090', 'rtx3090', 'geforce-rtx-3090'],
    compute: {
      fp32: { value: 35.6e12, kind: 'vendor', source: 'whitepaper', note: 'Peak FP32 (non-tensor) 35.6 TFLOPS.' },
      tf32: { value: 35.6e12, kind: 'vendor', source: 'whitepaper', note: 'Whitepaper: 35.6 dense | 71 with sparsity.' },
      fp16: {
        value: 71e12,
        kind: 'vendor',
        source: 'whitepaper',
        note: 'FP16 tensor with FP32 accumulate: 71 dense | 142 with sparsity. With FP16 accumulate the dense rate is 142.',
      },
      bf16: { value: 71e12, kind: 'vendor', source: 'whitepaper', note: 'Whitepaper: 71 dense | 142 with sparsity.' },
      int8: { value: 284e12, kind: 'vendor', source: 'whitepaper', note: 'Whitepaper: 284 TOPS dense | 568 with sparsity.' },
      int4: { value: 568e12, kind: 'vendor', source: 'whitepaper', note: 'Whitepaper: 568 TOPS dense | 1136 with sparsity.' },
    },
    capacityBytes: { value: 24 * GiB, kind: 'vendor', source: 'specs', note: '24 GB GDDR6X, taken as GiB.' },
    levels: [
      { name: 'dram', bytesPerSecond: { value: 936e9, kind: 'vendor', source: 'whitepaper', note: '384-bit GDDR6X at 19.5 Gbps = 936 GB/s.' } },
    ],
    sources: {
      whitepaper: {
        title: 'NVIDIA Ampere GA102 GPU Architecture whitepaper (appendix: GeForce RTX 3090)',
        url: 'https://www.nvidia.com/content/PDF/nvidia-ampere-ga-102-gpu-architecture-whitepaper-v2.pdf',
      },
      specs: {
        title: 'GeForce RTX 3090 family specifications',
        url: 'https://www.nvidia.com/en-us/geforce/graphics-cards/30-series/rtx-3090-3090ti/',
      },
    },
  },
  {
    id: 'l4',
    name: 'NVIDIA L4',
    vendor: 'NVIDIA',
    kind: 'gpu',
    year: 2023,
    aliases: ['nvidia-l4', 'l4-24gb'],
    compute: {
      fp32: { value: 30.3e12, kind: 'vendor', source: 'datasheet' },
      tf32: { value: 60e12, kind: 'derived', source: 'datasheet', note: 'Datasheet gives 120 TFLOPS with sparsity; dense is half.' },
      fp16: { value: 121e12, kind: 'derived', source: 'datasheet', note: 'Datasheet gives 242 TFLOPS with sparsity; dense is half.' },
      bf16: { value: 121e12, kind: 'derived', source: 'datasheet', note: 'Datasheet gives 242 TFLOPS with sparsity; dense is half.' },
      fp8: { value: 242.5e12, kind: 'derived', source: 'datasheet', note: 'Datasheet gives 485 TFLOPS with sparsity; dense is half.' },
      int8: { value: 242.5e12, kind: 'derived', source: 'datasheet', note: 'Datasheet gives 485 TOPS with sparsity; dense is half.' },
    },
    capacityBytes: { value: 24 * GiB, kind: 'vendor', source: 'datasheet', note: '24 GB GDDR6, taken as GiB.' },
    levels: [{ name: 'dram', bytesPerSecond: { value: 300e9, kind: 'vendor', source: 'datasheet' } }],
    sources: {
      datasheet: {
        title: 'NVIDIA L4 Tensor Core GPU datasheet',
        url: 'https://resources.nvidia.com/en-us-data-center-overview/l4-gpu-datasheet',
      },
      product: { title: 'NVIDIA L4 Tensor Core GPU', url: 'https://www.nvidia.com/en-us/data-center/l4/' },
    },
  },
  {
    id: 'l40s',
    name: 'NVIDIA L40S',
    vendor: 'NVIDIA',
    kind: 'gpu',
    year: 2023,
    aliases: ['nvidia-l40s', 'l40-s'],
    compute: {
      fp32: { value: 91.6e12, kind: 'vendor', source: 'datasheet' },
      tf32: { value: 183e12, kind: 'vendor', source: 'datasheet', note: 'Datasheet: 183 dense | 366 with sparsity.' },
      fp16: { value: 362.05e12, kind: 'vendor', source: 'datasheet', note: 'Datasheet: 362.05 dense | 733 with sparsity.' },
      bf16: { value: 362.05e12, kind: 'vendor', source: 'datasheet', note: 'Datasheet: 362.05 dense | 733 with sparsity.' },
      fp8: { value: 733e12, kind: 'vendor', source: 'datasheet', note: 'Datasheet: 733 dense | 1,466 with sparsity.' },
      int8: { value: 733e12, kind: 'vendor', source: 'datasheet', note: 'Datasheet: 733 TOPS dense | 1,466 with sparsity.' },
    },
    capacityBytes: { value: 48 * GiB, kind: 'vendor', source: 'datasheet', note: '48 GB GDDR6 with ECC, taken as GiB.' },
    levels: [{ name: 'dram', bytesPerSecond: { value: 864e9, kind: 'vendor', source: 'datasheet' } }],
    sources: {
      datasheet: {
        title: 'NVIDIA L40S datasheet',
        url: 'https://resources.nvidia.com/en-us-l40s/l40s-datasheet-28413',
      },
      product: { title: 'NVIDIA L40S GPU', url: 'https://www.nvidia.com/en-us/data-center/l40s/' },
    },
  },
  {
    id: 'l40',
    name: 'NVIDIA L40',
    vendor: 'NVIDIA',
    kind: 'gpu',
    year: 2022,
    aliases: ['nvidia-l40', 'l40-48gb'],
    compute: {
      fp32: { value: 90.5e12, kind: 'vendor', source: 'datasheet' },
      tf32: { value: 90.5e12, kind: 'vendor', source: 'datasheet', note: 'Datasheet: 90.5 dense | 181 with sparsity.' },
      fp16: {
        value: 181.05e12,
        kind: 'vendor',
        source: 'datasheet',
        note: 'Datasheet: 181.05 dense | 362.1 with sparsity (half the L40S\'s tensor rate on the same AD102 die).',
      },
      bf16: { value: 181.05e12, kind: 'vendor', source: 'datasheet', note: 'Datasheet: 181.05 dense | 362.1 with sparsity.' },
      fp8: { value: 362e12, kind: 'vendor', source: 'datasheet', note: 'Datasheet: 362 dense | 724 with sparsity.' },
      int8: { value: 362e12, kind: 'vendor', source: 'datasheet', note: 'Datasheet: 362 TOPS dense | 724 with sparsity.' },
      int4: { value: 724e12, kind: 'vendor', source: 'datasheet', note: 'Datasheet: 724 TOPS dense | 1,448 with sparsity.' },
    },
    capacityBytes: { value: 48 * GiB, kind: 'vendor', source: 'datasheet', note: '48 GB GDDR6 with ECC, taken as GiB.' },
    levels: [{ name: 'dram', bytesPerSecond: { value: 864e9, kind: 'vendor', source: 'datasheet' } }],
    sources: {
      datasheet: {
        title: 'NVIDIA L40 GPU datasheet',
        url: 'https://images.nvidia.com/content/Solutions/data-center/vgpu-L40-datasheet.pdf',
      },
      product: { title: 'NVIDIA L40 GPU', url: 'https://www.nvidia.com/en-us/data-center/l40/' },
    },
  },
  {
    id: 'rtx-6000-ada',
    name: 'NVIDIA RTX 6000 Ada Generation',
    vendor: 'NVIDIA',
    kind: 'gpu',
    year: 2022,
    aliases: ['rtx6000-ada', 'rtx6000ada', 'rtx-6000-ada-generation', '6000-ada'],
    compute: {
      fp32: {
        value: 91.1e12,
        kind: 'vendor',
        source: 'product',
        note: 'Single-precision 91.1 TFLOPS: 18,176 CUDA cores (142 SMs) x 2 FLOP x 2,505 MHz boost.',
      },
      fp16: {
        value: 364.2e12,
        kind: 'estimate',
        source: 'ada-whitepaper',
        note: 'No tensor figure NVIDIA gives for this card is among the sources read. 142 SMs x 1,024 dense FP16 tensor FLOP per SM per clock (the Ada whitepaper\'s RTX 4090: 330.3 TFLOPS with FP16 accumulate at 128 SMs x 2,520 MHz) x 2,505 MHz = 364.2 TFLOPS, assuming FP32 accumulate at full rate as on the L40S (362.05 dense on the same AD102); the L40 runs its tensor cores at half this rate.',
      },
      bf16: {
        value: 364.2e12,
        kind: 'estimate',
        source: 'ada-whitepaper',
        note: 'As fp16: 142 SMs x 1,024 FLOP per SM per clock x 2,505 MHz, full rate assumed as on the L40S.',
      },
      fp8: {
        value: 728.5e12,
        kind: 'estimate',
        source: 'ada-whitepaper',
        note: '142 SMs x 2,048 dense FP8 tensor FLOP per SM per clock (the Ada whitepaper\'s RTX 4090: 660.6 TFLOPS with FP16 accumulate at 128 SMs x 2,520 MHz) x 2,505 MHz = 728.5 TFLOPS, full rate with FP32 accumulate assumed as on the L40S (733 dense).',
      },
    },
    capacityBytes: { value: 48 * GiB, kind: 'vendor', source: 'product', note: '48 GB GDDR6 with ECC, taken as GiB.' },
    levels: [
      { name: 'dram', bytesPerSecond: { value: 960e9, kind: 'vendor', source: 'product', note: '384-bit GDDR6 at 20 Gbps = 960 GB/s.' } },
    ],
    sources: {
      product: {
        title: 'NVIDIA RTX 6000 Ada Generation (specifications)',
        url: 'https://www.nvidia.com/en-us/design-visualization/rtx-6000/',
      },
      datasheet: {
        title: 'NVIDIA RTX 6000 Ada Generation datasheet',
        url: 'https://www.nvidia.com/content/dam/en-zz/Solutions/design-visualization/rtx-6000/proviz-rtx-6000-ada-datasheet-2616456-r5.pdf',
      },
      'ada-whitepaper': {
        title: 'NVIDIA Ada GPU Architecture whitepaper (appendix: GeForce RTX 4090)',
        url: 'https://images.nvidia.com/aem-dam/Solutions/geforce/ada/nvidia-ada-gpu-architecture.pdf',
      },
    },
  },
  {
    id: 'rtx-4090',
    name: 'NVIDIA GeForce RTX 4090',
    vendor: 'NVIDIA',
    kind: 'gpu',
    year: 2022,
    aliases: ['4090', 'rtx4090', 'geforce-rtx-4090'],
    compute: {
      fp32: { value: 82.6e12, kind: 'vendor', source: 'whitepaper', note: 'Peak FP32 (non-tensor) 82.6 TFLOPS.' },
      tf32: { value: 82.6e12, kind: 'vendor', source: 'whitepaper', note: 'Whitepaper: 82.6 dense | 165.2 with sparsity.' },
      fp16: {
        value: 165.2e12,
        kind: 'vendor',
        source: 'whitepaper',
        note: 'FP16 tensor with FP32 accumulate: 165.2 dense | 330.4 with sparsity. With FP16 accumulate the dense rate is 330.3.',
      },
      bf16: { value: 165.2e12, kind: 'vendor', source: 'whitepaper', note: 'Whitepaper: 165.2 dense | 330.4 with sparsity.' },
      fp8: {
        value: 330.3e12,
        kind: 'vendor',
        source: 'whitepaper',
        note: 'FP8 tensor with FP32 accumulate: 330.3 dense | 660.6 with sparsity. With FP16 accumulate the dense rate is 660.6.',
      },
      int8: { value: 660.6e12, kind: 'vendor', source: 'whitepaper', note: 'Whitepaper: 660.6 TOPS dense | 1,321.2 with sparsity.' },
      int4: { value: 1321.2e12, kind: 'vendor', source: 'whitepaper', note: 'Whitepaper: 1,321.2 TOPS dense | 2,642.4 with sparsity.' },
    },
    capacityBytes: { value: 24 * GiB, kind: 'vendor', source: 'whitepaper', note: '24 GB GDDR6X, taken as GiB.' },
    levels: [
      { name: 'dram', bytesPerSecond: { value: 1008e9, kind: 'vendor', source: 'whitepaper', note: '384-bit GDDR6X at 21 Gbps = 1,008 GB/s.' } },
    ],
    sources: {
      whitepaper: {
        title: 'NVIDIA Ada GPU Architecture whitepaper (appendix: GeForce RTX 4090)',
        url: 'https://images.nvidia.com/aem-dam/Solutions/geforce/ada/nvidia-ada-gpu-architecture.pdf',
      },
      specs: {
        title: 'GeForce RTX 4090 specifications',
        url: 'https://www.nvidia.com/en-us/geforce/graphics-cards/40-series/rtx-4090/',
      },
    },
  },
  {
    id: 'h100-sxm',
    name: 'NVIDIA H100 SXM5 80GB',
    vendor: 'NVIDIA',
    kind: 'gpu',
    year: 2022,
    aliases: ['h100', 'h100-sxm5', 'h100-80gb', 'h100sxm'],
    compute: gh100SxmCompute('vendor', 'whitepaper', ''),
    capacityBytes: { value: 80 * GiB, kind: 'vendor', source: 'datasheet', note: '80 GB HBM3, taken as GiB.' },
    levels: [{ name: 'dram', bytesPerSecond: { value: 3.35e12, kind: 'vendor', source: 'datasheet' } }],
    sources: {
      datasheet: {
        title: 'NVIDIA H100 Tensor Core GPU datasheet',
        url: 'https://resources.nvidia.com/en-us-tensor-core/nvidia-tensor-core-gpu-datasheet',
      },
      whitepaper: {
        title: 'NVIDIA H100 Tensor Core GPU Architecture whitepaper',
        url: 'https://resources.nvidia.com/en-us-tensor-core/gtc22-whitepaper-hopper',
      },
    },
  },
  {
    id: 'h100-pcie',
    name: 'NVIDIA H100 PCIe 80GB',
    vendor: 'NVIDIA',
    kind: 'gpu',
    year: 2022,
    aliases: ['h100pcie', 'h100-pcie-80gb'],
    compute: {
      fp64: { value: 26e12, kind: 'vendor', source: 'datasheet', note: 'Non-tensor FP64; FP64 Tensor Core is 51 TFLOPS.' },
      fp32: { value: 51e12, kind: 'vendor', source: 'datasheet' },
      tf32: { value: 378e12, kind: 'derived', source: 'datasheet', note: 'Datasheet gives 756 TFLOPS with sparsity; dense is half.' },
      fp16: { value: 756.5e12, kind: 'derived', source: 'datasheet', note: 'Datasheet gives 1,513 TFLOPS with sparsity; dense is half.' },
      bf16: { value: 756.5e12, kind: 'derived', source: 'datasheet', note: 'Datasheet gives 1,513 TFLOPS with sparsity; dense is half.' },
      fp8: { value: 1513e12, kind: 'derived', source: 'datasheet', note: 'Datasheet gives 3,026 TFLOPS with sparsity; dense is half.' },
      int8: { value: 1513e12, kind: 'derived', source: 'datasheet', note: 'Datasheet gives 3,026 TOPS with sparsity; dense is half.' },
    },
    capacityBytes: { value: 80 * GiB, kind: 'vendor', source: 'datasheet', note: '80 GB HBM2e, taken as GiB.' },
    levels: [
      { name: 'dram', bytesPerSecond: { value: 2.0e12, kind: 'vendor', source: 'datasheet', note: 'Datasheet: 2 TB/s.' } },
      {
        name: 'l2',
        bytesPerSecond: {
          value: 3.8e12,
          kind: 'measured',
          source: 'chips-and-cheese',
          note: 'Measured by Chester Lam (Chips and Cheese, OpenCL read-bandwidth test on a Lambda Cloud H100 PCIe, July 2023): 3.8 TB/s across the whole 50 MB L2; over 5.5 TB/s while the data fits the near L2 partition.',
        },
        capacityBytes: { value: 50 * MiB, kind: 'vendor', source: 'whitepaper', note: '50 MB L2, taken as MiB.' },
      },
    ],
    sources: {
      datasheet: {
        title: 'NVIDIA H100 Tensor Core GPU datasheet (H100 PCIe column)',
        url: 'https://resources.nvidia.com/en-us-tensor-core/nvidia-tensor-core-gpu-datasheet',
      },
      whitepaper: {
        title: 'NVIDIA H100 Tensor Core GPU Architecture whitepaper',
        url: 'https://resources.nvidia.com/en-us-tensor-core/gtc22-whitepaper-hopper',
      },
      'chips-and-cheese': {
        title: 'Chips and Cheese: Nvidia\'s H100: Funny L2, and Tons of Bandwidth (Chester Lam, 2023)',
        url: 'https://chipsandcheese.com/p/nvidias-h100-funny-l2-and-tons-of-bandwidth',
      },
    },
  },
  {
    id: 'h100-nvl',
    name: 'NVIDIA H100 NVL 94GB (per GPU)',
    vendor: 'NVIDIA',
    kind: 'gpu',
    year: 2023,
    aliases: ['h100nvl', 'h100-nvl-94gb', 'h100-94gb'],
    compute: {
      fp64: { value: 30e12, kind: 'vendor', source: 'product', note: 'Non-tensor FP64; FP64 Tensor Core is 60 TFLOPS.' },
      fp32: { value: 60e12, kind: 'vendor', source: 'product' },
      tf32: { value: 417.5e12, kind: 'derived', source: 'product', note: 'Spec table gives 835 TFLOPS with sparsity; dense is half.' },
      fp16: { value: 835.5e12, kind: 'derived', source: 'product', note: 'Spec table gives 1,671 TFLOPS with sparsity; dense is half.' },
      bf16: { value: 835.5e12, kind: 'derived', source: 'product', note: 'Spec table gives 1,671 TFLOPS with sparsity; dense is half.' },
      fp8: { value: 1670.5e12, kind: 'derived', source: 'product', note: 'Spec table gives 3,341 TFLOPS with sparsity; dense is half.' },
      int8: { value: 1670.5e12, kind: 'derived', source: 'product', note: 'Spec table gives 3,341 TOPS with sparsity; dense is half.' },
    },
    capacityBytes: {
      value: 94 * GiB,
      kind: 'vendor',
      source: 'product',
      note: '94 GB HBM3 per GPU, taken as GiB. The H100 NVL launched (March 2023) as a bridged pair quoted together (188 GB); the spec table and datasheet now give one GPU.',
    },
    levels: [{ name: 'dram', bytesPerSecond: { value: 3.9e12, kind: 'vendor', source: 'product', note: 'Per GPU: 3.9 TB/s.' } }],
    sources: {
      product: {
        title: 'NVIDIA H100 Tensor Core GPU (specifications, H100 NVL column)',
        url: 'https://www.nvidia.com/en-us/data-center/h100/',
      },
      datasheet: {
        title: 'NVIDIA H100 NVL datasheet (NVIDIA document, hosted by PNY): the same figures',
        url: 'https://www.pny.com/file%20library/company/support/product%20brochures/nvidia%20data%20center%20gpus/english/h100-nvl-datasheet.pdf',
      },
    },
  },
  {
    id: 'h800-sxm',
    name: 'NVIDIA H800 SXM5 80GB',
    vendor: 'NVIDIA',
    kind: 'gpu',
    year: 2023,
    aliases: ['h800', 'h800-sxm5', 'h800-80gb'],
    compute: gh100SxmCompute(
      'estimate',
      'h100-whitepaper',
      'No NVIDIA H800 datasheet is among the sources. DeepSeek (FlashMLA deep dive) gives an H800 SXM5 a 990 TFLOPS peak and 3.35 TB/s, the H100 SXM5\'s figures, and reports describe it as the H100 SXM5 with its chip-to-chip (NVLink) rate cut for export control, and its FP64 (so no fp64 roof here): the H100 whitepaper\'s dense figure. ',
      { fp64: false },
    ),
    capacityBytes: {
      value: 80 * GiB,
      kind: 'estimate',
      source: 'flashmla',
      note: '80 GB HBM3 as on the H100 SXM5 (the H800 SXM5 80GB that DeepSeek and others train on; no NVIDIA datasheet), taken as GiB.',
    },
    levels: [
      {
        name: 'dram',
        bytesPerSecond: {
          value: 3.35e12,
          kind: 'estimate',
          source: 'flashmla',
          note: 'DeepSeek\'s FlashMLA deep dive: "an NVIDIA H800 SXM5 GPU has a peak memory bandwidth of 3.35 TB/s" (the H100 SXM5 datasheet figure).',
        },
      },
    ],
    sources: {
      flashmla: {
        title: 'DeepSeek: A Deep-Dive Into the New Flash MLA Kernel (April 2025; H800 SXM5 peak 3.35 TB/s and 990 TFLOPS, about 865 when throttled to 1,600 MHz)',
        url: 'https://github.com/deepseek-ai/FlashMLA/blob/main/docs/20250422-new-kernel-deep-dive.md',
      },
      'h100-whitepaper': {
        title: 'NVIDIA H100 Tensor Core GPU Architecture whitepaper',
        url: 'https://resources.nvidia.com/en-us-tensor-core/gtc22-whitepaper-hopper',
      },
      reuters: {
        title: 'Reuters (via bdnews24, March 2023): the H800, sold to Chinese tech firms, meets the export limit on chip-to-chip transfer speed; Nvidia has not disclosed its performance details',
        url: 'https://bdnews24.com/technology/lorfmr3w0q',
      },
    },
  },
  {
    id: 'h200-sxm',
    name: 'NVIDIA H200 SXM 141GB',
    vendor: 'NVIDIA',
    kind: 'gpu',
    year: 2024,
    aliases: ['h200', 'h200-141gb', 'h200-sxm5'],
    compute: gh100SxmCompute(
      'derived',
      'h100-whitepaper',
      'The H100 SXM\'s GH100 at the same clocks (its spec table lists the same 34 FP64, 67 FP32 and 1,979 FP16-with-sparsity TFLOPS as the H100 SXM datasheet), so the H100 whitepaper\'s dense figure. ',
    ),
    capacityBytes: {
      value: 141 * GiB,
      kind: 'vendor',
      source: 'product',
      note: '141 GB HBM3e usable (of 6 x 24 GiB stacks), taken as GiB.',
    },
    levels: [{ name: 'dram', bytesPerSecond: { value: 4.8e12, kind: 'vendor', source: 'product' } }],
    sources: {
      product: {
        title: 'NVIDIA H200 Tensor Core GPU (specifications)',
        url: 'https://www.nvidia.com/en-us/data-center/h200/',
      },
      'h100-whitepaper': {
        title: 'NVIDIA H100 Tensor Core GPU Architecture whitepaper',
        url: 'https://resources.nvidia.com/en-us-tensor-core/gtc22-whitepaper-hopper',
      },
    },
  },
  {
    id: 'h20',
    name: 'NVIDIA H20 96GB',
    vendor: 'NVIDIA',
    kind: 'gpu',
    year: 2024,
    aliases: ['nvidia-h20', 'h20-96gb', 'hgx-h20'],
    compute: {
      fp16: {
        value: 148e12,
        kind: 'estimate',
        source: 'smbom',
        note: 'NVIDIA publishes no H20 datasheet; third-party reports of its leaked spec give 148 TFLOPS FP16/BF16 tensor. Taken as dense: half the 296 FP8 rate, which is dense on SemiAnalysis\'s basis (see fp8); the reported H100 SXM = 6.68 x H20 on FP16 tensor matches 989.4 / 148.',
      },
      bf16: { value: 148e12, kind: 'estimate', source: 'smbom', note: 'As fp16: 148 TFLOPS BF16 tensor in the reported spec, taken as dense.' },
      fp8: {
        value: 296e12,
        kind: 'estimate',
        source: 'register',
        note: 'Reported (SemiAnalysis, via The Register): 296 TFLOPS FP8. Taken as dense: its performance density 2.9 is 296 x 8 bits / 814 mm2, the basis on which the H100 SXM scores 19.4 (1,979 dense FP8 x 8 / 814). Some spec listings mark 296 with a sparsity asterisk; if that is right, the dense roofs are half these.',
      },
      int8: { value: 296e12, kind: 'estimate', source: 'smbom', note: 'Reported 296 INT8 TOPS, the FP8 rate; taken as dense (see fp8).' },
    },
    capacityBytes: { value: 96 * GiB, kind: 'estimate', source: 'register', note: '96 GB HBM3 as reported, taken as GiB.' },
    levels: [
      { name: 'dram', bytesPerSecond: { value: 4.0e12, kind: 'estimate', source: 'register', note: 'Reported 4.0 TB/s (no NVIDIA datasheet).' } },
    ],
    sources: {
      register: {
        title: 'The Register: Nvidia\'s China-market H20 chips hit another speed bump (27 November 2023; SemiAnalysis\'s early look: 96 GB, 4 TB/s, 296 TFLOPS FP8)',
        url: 'https://www.theregister.com/2023/11/27/nvidia_china_h20_accelerator/',
      },
      smbom: {
        title: 'SMBOM news (January 2024), from the disclosed specification: H20 296 TFLOPS, performance density 2.9 against the H100\'s 19.4, H100 SXM 6.68 x faster on FP16 tensor',
        url: 'https://www.smbom.com/news/13059',
      },
    },
  },
  {
    id: 'b200',
    name: 'NVIDIA B200 (HGX B200, per GPU)',
    vendor: 'NVIDIA',
    kind: 'gpu',
    year: 2024,
    aliases: ['hgx-b200', 'b200-sxm', 'b200-180gb'],
    compute: {
      fp64: { value: 37e12, kind: 'derived', source: 'hgx', note: 'HGX B200 (8 GPUs) lists FP64/FP64 Tensor Core 296 TFLOPS; per GPU 296 / 8 = 37.' },
      fp32: { value: 75e12, kind: 'derived', source: 'hgx', note: 'HGX B200 (8 GPUs) lists FP32 600 TFLOPS; per GPU 600 / 8 = 75.' },
      tf32: { value: 1.125e15, kind: 'derived', source: 'hgx', note: 'HGX B200 lists TF32 18 PFLOPS with sparsity for 8 GPUs; per GPU dense 18 / 8 / 2 = 1.125.' },
      fp16: { value: 2.25e15, kind: 'derived', source: 'hgx', note: 'HGX B200 lists FP16/BF16 36 PFLOPS with sparsity for 8 GPUs; per GPU dense 36 / 8 / 2 = 2.25.' },
      bf16: { value: 2.25e15, kind: 'derived', source: 'hgx', note: 'HGX B200 lists FP16/BF16 36 PFLOPS with sparsity for 8 GPUs; per GPU dense 36 / 8 / 2 = 2.25.' },
      fp8: { value: 4.5e15, kind: 'derived', source: 'hgx', note: 'HGX B200 lists FP8/FP6 72 PFLOPS with sparsity for 8 GPUs; per GPU dense 72 / 8 / 2 = 4.5.' },
      int8: { value: 4.5e15, kind: 'derived', source: 'hgx', note: 'HGX B200 lists INT8 72 POPS with sparsity for 8 GPUs; per GPU dense 72 / 8 / 2 = 4.5.' },
      fp4: { value: 9e15, kind: 'derived', source: 'hgx', note: 'HGX B200 lists FP4 144 PFLOPS with sparsity for 8 GPUs; per GPU dense 144 / 8 / 2 = 9.' },
    },
    capacityBytes: {
      value: 180 * GiB,
      kind: 'derived',
      source: 'dgx',
      note: '1,440 GB HBM3e across 8 GPUs = 180 GB per GPU, taken as GiB.',
    },
    levels: [
      {
        name: 'dram',
        bytesPerSecond: {
          value: 7.7e12,
          kind: 'vendor',
          source: 'hgx',
          note: 'NVIDIA\'s per-GPU table for HGX B200: 7.7 TB/s (8 TB/s, 64 TB/s for 8 GPUs, was the launch figure). Drivers report a 7680-bit bus at 3996 MHz, 7.67 TB/s (pytorch/ao #4002).',
        },
      },
    ],
    sources: {
      hgx: { title: 'NVIDIA HGX platform (HGX B200 specifications)', url: 'https://www.nvidia.com/en-us/data-center/hgx/' },
      dgx: { title: 'NVIDIA DGX B200 (specifications)', url: 'https://www.nvidia.com/en-us/data-center/dgx-b200/' },
      'pytorch-ao': { title: 'pytorch/ao pull request #4002: update b200 peak memory bandwidth', url: 'https://github.com/pytorch/ao/pull/4002' },
    },
  },
  {
    id: 'gb200',
    name: 'NVIDIA GB200 (per Blackwell GPU, half a superchip)',
    vendor: 'NVIDIA',
    kind: 'gpu',
    year: 2024,
    aliases: ['gb200-nvl72', 'gb200-gpu'],
    compute: {
      fp64: { value: 40e12, kind: 'derived', source: 'nvl72', note: 'The superchip column lists FP64 80 TFLOPS for 2 GPUs; per GPU 80 / 2 = 40 (the rack: 2,880 / 72).' },
      fp32: { value: 80e12, kind: 'derived', source: 'nvl72', note: 'The superchip column lists FP32 160 TFLOPS for 2 GPUs; per GPU 160 / 2 = 80 (the rack: 5,760 / 72).' },
      tf32: { value: 1.25e15, kind: 'derived', source: 'nvl72', note: 'Superchip TF32 5 PFLOPS with sparsity for 2 GPUs; per GPU dense 5 / 2 / 2 = 1.25.' },
      fp16: {
        value: 2.5e15,
        kind: 'derived',
        source: 'nvl72',
        note: 'Superchip FP16/BF16 10 PFLOPS with sparsity for 2 GPUs; per GPU dense 10 / 2 / 2 = 2.5 (the rack: 360 / 72 / 2), above the HGX B200\'s 2.25 per GPU.',
      },
      bf16: { value: 2.5e15, kind: 'derived', source: 'nvl72', note: 'Superchip FP16/BF16 10 PFLOPS with sparsity for 2 GPUs; per GPU dense 10 / 2 / 2 = 2.5.' },
      fp8: { value: 5e15, kind: 'derived', source: 'nvl72', note: 'Superchip FP8/FP6 20 PFLOPS with sparsity for 2 GPUs; per GPU dense 20 / 2 / 2 = 5.' },
      int8: { value: 5e15, kind: 'derived', source: 'nvl72', note: 'Superchip INT8 20 POPS with sparsity for 2 GPUs; per GPU dense 20 / 2 / 2 = 5.' },
      fp4: { value: 10e15, kind: 'derived', source: 'nvl72', note: 'Superchip NVFP4 40 | 20 PFLOPS (sparse | dense) for 2 GPUs; per GPU dense 20 / 2 = 10 (the rack: 720 / 72).' },
    },
    capacityBytes: {
      value: 186 * GiB,
      kind: 'derived',
      source: 'nvl72',
      note: '372 GB HBM3e per superchip (2 GPUs) = 186 GB per GPU, taken as GiB.',
    },
    levels: [
      {
        name: 'dram',
        bytesPerSecond: { value: 8e12, kind: 'derived', source: 'nvl72', note: '16 TB/s per superchip (2 GPUs) = 8 TB/s per GPU (the rack: 576 TB/s / 72).' },
      },
    ],
    sources: {
      nvl72: {
        title: 'NVIDIA GB200 NVL72 (specifications: the GB200 NVL72 rack and the GB200 Grace Blackwell Superchip)',
        url: 'https://www.nvidia.com/en-us/data-center/gb200-nvl72/',
      },
    },
  },
  {
    id: 'b300',
    name: 'NVIDIA B300 (HGX B300, per GPU)',
    vendor: 'NVIDIA',
    kind: 'gpu',
    year: 2025,
    aliases: ['hgx-b300', 'b300-sxm'],
    compute: {
      fp64: {
        value: 1.25e12,
        kind: 'derived',
        source: 'hgx',
        note: 'HGX B300 (8 GPUs) lists FP64/FP64 Tensor Core 10 TFLOPS; per GPU 10 / 8 = 1.25 (the Blackwell Ultra datasheet\'s per-GPU column: 1.2). Blackwell Ultra cut FP64 from the B200\'s 37.',
      },
      fp32: { value: 75e12, kind: 'derived', source: 'hgx', note: 'HGX B300 (8 GPUs) lists FP32 600 TFLOPS; per GPU 600 / 8 = 75.' },
      tf32: { value: 1.125e15, kind: 'derived', source: 'hgx', note: 'HGX B300 lists TF32 18 PFLOPS with sparsity for 8 GPUs; per GPU dense 18 / 8 / 2 = 1.125.' },
      fp16: {
        value: 2.25e15,
        kind: 'derived',
        source: 'hgx',
        note: 'HGX B300 lists FP16/BF16 36 PFLOPS with sparsity for 8 GPUs; per GPU dense 36 / 8 / 2 = 2.25, the HGX B200\'s rate.',
      },
      bf16: { value: 2.25e15, kind: 'derived', source: 'hgx', note: 'HGX B300 lists FP16/BF16 36 PFLOPS with sparsity for 8 GPUs; per GPU dense 36 / 8 / 2 = 2.25.' },
      fp8: {
        value: 4.5e15,
        kind: 'derived',
        source: 'hgx',
        note: 'HGX B300 lists FP8/FP6 72 PFLOPS with sparsity for 8 GPUs; per GPU dense 72 / 8 / 2 = 4.5. No int8 roof: the HGX page (3 POPS for 8 GPUs) and the Blackwell Ultra datasheet (307 TOPS per GPU) disagree.',
      },
      fp4: {
        value: 13.5e15,
        kind: 'derived',
        source: 'hgx',
        note: 'HGX B300 lists FP4 144 PFLOPS | 108 PFLOPS (sparse | dense) for 8 GPUs; per GPU dense 108 / 8 = 13.5 (the datasheet\'s per-GPU column rounds to 14). On Blackwell Ultra, FP4 sparsity adds a third, not double.',
      },
    },
    capacityBytes: {
      value: 270 * GiB,
      kind: 'vendor',
      source: 'datasheet',
      note: 'The Blackwell Ultra datasheet\'s HGX B300 per-GPU column: 270 GB HBM3e, taken as GiB (the HGX page gives 2.1 TB for 8 GPUs).',
    },
    levels: [
      { name: 'dram', bytesPerSecond: { value: 7.7e12, kind: 'vendor', source: 'datasheet', note: 'The Blackwell Ultra datasheet\'s HGX B300 per-GPU column: 7.7 TB/s.' } },
    ],
    sources: {
      hgx: { title: 'NVIDIA HGX platform (HGX B300 specifications, 8 GPUs)', url: 'https://www.nvidia.com/en-us/data-center/hgx/' },
      datasheet: {
        title: 'NVIDIA Blackwell Ultra datasheet (individual GPU specifications, HGX B300 column)',
        url: 'https://resources.nvidia.com/en-us-blackwell-architecture/blackwell-ultra-datasheet',
      },
    },
  },
  {
    id: 'rtx-5090',
    name: 'NVIDIA GeForce RTX 5090',
    vendor: 'NVIDIA',
    kind: 'gpu',
    year: 2025,
    aliases: ['5090', 'rtx5090', 'geforce-rtx-5090'],
    compute: {
      fp32: { value: 104.8e12, kind: 'vendor', source: 'whitepaper', note: 'Peak FP32 (non-tensor): 21,760 CUDA cores x 2 FLOP x 2.41 GHz boost.' },
      tf32: { value: 104.8e12, kind: 'vendor', source: 'whitepaper', note: 'Whitepaper Table 3: 104.8 dense | 209.5 with sparsity.' },
      fp16: {
        value: 209.5e12,
        kind: 'vendor',
        source: 'whitepaper',
        note: 'Whitepaper Table 3, FP16 tensor with FP32 accumulate: 209.5 dense | 419 with sparsity. With FP16 accumulate the dense rate is 419.',
      },
      bf16: { value: 209.5e12, kind: 'vendor', source: 'whitepaper', note: 'Whitepaper Table 3, BF16 tensor with FP32 accumulate: 209.5 dense | 419 with sparsity.' },
      fp8: {
        value: 419e12,
        kind: 'vendor',
        source: 'whitepaper',
        note: 'Whitepaper Table 3, FP8 tensor with FP32 accumulate: 419 dense | 838 with sparsity. With FP16 accumulate the dense rate is 838.',
      },
      int8: { value: 838e12, kind: 'vendor', source: 'whitepaper', note: 'Whitepaper Table 3: 838 TOPS dense | 1,676 with sparsity.' },
      fp4: {
        value: 1676e12,
        kind: 'derived',
        source: 'specs',
        note: 'Spec page "AI TOPS" 3,352 is FP4 with sparsity; dense is half (the whitepaper lists FP4 1,676 dense | 3,352 with sparsity).',
      },
    },
    capacityBytes: { value: 32 * GiB, kind: 'vendor', source: 'specs', note: '32 GB GDDR7, taken as GiB.' },
    levels: [
      { name: 'dram', bytesPerSecond: { value: 1792e9, kind: 'vendor', source: 'whitepaper', note: '512-bit GDDR7 at 28 Gbps = 1,792 GB/s.' } },
    ],
    sources: {
      whitepaper: {
        title: 'NVIDIA RTX Blackwell GPU Architecture whitepaper (Appendix A, Table 3: GeForce RTX 5090)',
        url: 'https://images.nvidia.com/aem-dam/Solutions/geforce/blackwell/nvidia-rtx-blackwell-gpu-architecture.pdf',
      },
      specs: {
        title: 'GeForce RTX 5090 specifications',
        url: 'https://www.nvidia.com/en-us/geforce/graphics-cards/50-series/rtx-5090/',
      },
    },
  },
  {
    id: 'rtx-pro-6000-blackwell-ws',
    name: 'NVIDIA RTX PRO 6000 Blackwell Workstation Edition',
    vendor: 'NVIDIA',
    kind: 'gpu',
    year: 2025,
    aliases: ['rtx-pro-6000', 'rtx-pro-6000-ws', 'rtx-pro-6000-blackwell', 'rtxpro6000'],
    compute: {
      fp32: {
        value: 125e12,
        kind: 'vendor',
        source: 'product',
        note: 'Workstation Edition (600 W): 125 TFLOPS single precision, 24,064 CUDA cores (188 SMs). The Max-Q and Server editions differ in clock and power and are not this entry.',
      },
      fp16: {
        value: 500e12,
        kind: 'estimate',
        source: 'rtx-whitepaper',
        note: 'NVIDIA gives only the FP4 peak for this card. Blackwell\'s tensor cores run FP16 at a quarter of the FP4 rate (the RTX Blackwell whitepaper\'s RTX 5090: FP4 1,676, FP16 419 with FP16 accumulate, both dense), so a quarter of the 2,000 dense FP4, assuming this professional card runs FP32 accumulate at full rate (the GeForce RTX 5090 runs it at half). A third-party database (hmc-tech) lists 503.8 TFLOPS with FP32 accumulate at a 2,617 MHz boost.',
      },
      bf16: { value: 500e12, kind: 'estimate', source: 'rtx-whitepaper', note: 'As fp16: a quarter of the 2,000 dense FP4, full-rate FP32 accumulate assumed.' },
      fp8: {
        value: 1000e12,
        kind: 'estimate',
        source: 'rtx-whitepaper',
        note: 'A half of the 2,000 dense FP4 (the RTX 5090: FP4 1,676, FP8 838 with FP16 accumulate, both dense), full-rate FP32 accumulate assumed as for fp16.',
      },
      fp4: { value: 2000e12, kind: 'derived', source: 'product', note: 'Product page "AI TOPS" 4,000 is FP4 with sparsity; dense is half.' },
    },
    capacityBytes: { value: 96 * GiB, kind: 'vendor', source: 'product', note: '96 GB GDDR7 with ECC, taken as GiB.' },
    levels: [
      {
        name: 'dram',
        bytesPerSecond: { value: 1792e9, kind: 'vendor', source: 'product', note: '512-bit GDDR7 at 28 Gbps = 1,792 GB/s on the Workstation Edition.' },
      },
    ],
    sources: {
      product: {
        title: 'NVIDIA RTX PRO 6000 Blackwell Workstation Edition (specifications)',
        url: 'https://www.nvidia.com/en-us/products/workstations/professional-desktop-gpus/rtx-pro-6000/',
      },
      'rtx-whitepaper': {
        title: 'NVIDIA RTX Blackwell GPU Architecture whitepaper (Appendix A: GeForce RTX 5090)',
        url: 'https://images.nvidia.com/aem-dam/Solutions/geforce/blackwell/nvidia-rtx-blackwell-gpu-architecture.pdf',
      },
      'hmc-tech': {
        title: 'hmc-tech GPU database, NVIDIA RTX PRO 6000 Blackwell (third-party: 2,617 MHz boost, 503.8 TFLOPS FP16 tensor with FP32 accumulate)',
        url: 'https://hmc-tech.com/gpu/nvidia-rtx-pro-6000-blackwell-vs-amd-radeon-pro-duo-polaris',
      },
    },
  },
  {
    id: 'jetson-agx-orin-64gb',
    name: 'NVIDIA Jetson AGX Orin 64GB (its GPU, MAXN 60 W mode)',
    vendor: 'NVIDIA',
    kind: 'gpu',
    year: 2022,
    aliases: ['agx-orin', 'jetson-agx-orin', 'agx-orin-64gb', 'orin-agx'],
    compute: {
      fp32: {
        value: 5.3e12,
        kind: 'vendor',
        source: 'brief',
        note: 'Technical brief: 2,048 CUDA cores (16 SMs), 5.3 FP32 TFLOPS at the GPU\'s 1.3 GHz maximum, which the MAXN (60 W) power mode runs; lower modes clock lower.',
      },
      fp16: {
        value: 42.5e12,
        kind: 'derived',
        source: 'brief',
        note: 'Half the dense INT8 rate, the ratio NVIDIA gives for the same Orin GPU on the Orin Nano (33 dense INT8 TOPS, 17 FP16 TFLOPS): 85 / 2 = 42.5.',
      },
      bf16: {
        value: 42.5e12,
        kind: 'derived',
        source: 'brief',
        note: 'As fp16: 85 / 2 = 42.5; Ampere tensor cores run BF16 at the FP16 rate (A100 datasheet: 312 both).',
      },
      int8: {
        value: 85e12,
        kind: 'derived',
        source: 'brief',
        note: 'Technical brief: the GPU\'s 64 tensor cores give 170 sparse INT8 TOPS; dense is half. The module\'s 275 TOPS adds the two DLAs (105 sparse TOPS), which CUDA code does not run on.',
      },
    },
    capacityBytes: { value: 64 * GiB, kind: 'vendor', source: 'brief', note: '64 GB LPDDR5, shared by the CPU and GPU, taken as GiB.' },
    levels: [
      {
        name: 'dram',
        bytesPerSecond: { value: 204.8e9, kind: 'vendor', source: 'brief', note: '256-bit LPDDR5 at 6,400 MT/s = 204.8 GB/s, shared with the CPU.' },
      },
    ],
    sources: {
      brief: {
        title: 'NVIDIA Jetson AGX Orin Series Technical Brief',
        url: 'https://www.nvidia.com/content/dam/en-zz/Solutions/gtcf21/jetson-orin/nvidia-jetson-agx-orin-technical-brief.pdf',
      },
      product: {
        title: 'NVIDIA Jetson Orin (module specifications)',
        url: 'https://www.nvidia.com/en-us/autonomous-machines/embedded-systems/jetson-orin/',
      },
      'nano-super': {
        title: 'NVIDIA Technical Blog: NVIDIA Jetson Orin Nano Developer Kit Gets a "Super" Boost (December 2024; the Orin GPU\'s INT8 to FP16 ratio)',
        url: 'https://developer.nvidia.com/blog/nvidia-jetson-orin-nano-developer-kit-gets-a-super-boost/',
      },
    },
  },
  {
    id: 'jetson-orin-nano-8gb-super',
    name: 'NVIDIA Jetson Orin Nano 8GB (its GPU, Super: MAXN SUPER 25 W mode)',
    vendor: 'NVIDIA',
    kind: 'gpu',
    year: 2024,
    aliases: ['orin-nano', 'jetson-orin-nano', 'orin-nano-super', 'jetson-orin-nano-super', 'orin-nano-8gb'],
    compute: {
      fp32: {
        value: 2.09e12,
        kind: 'derived',
        source: 'super',
        note: '1,024 CUDA cores x 2 FLOP x 1,020 MHz, the GPU clock of the Super (MAXN SUPER, 25 W) mode, = 2.09 TFLOPS; the original 15 W mode runs 635 MHz.',
      },
      fp16: {
        value: 17e12,
        kind: 'vendor',
        source: 'super',
        note: 'NVIDIA\'s Super table: 17 FP16 TFLOPS (10 in the original mode), with 33 dense INT8 TOPS, so a dense figure.',
      },
      bf16: {
        value: 17e12,
        kind: 'derived',
        source: 'super',
        note: 'The FP16 rate: Ampere tensor cores run BF16 at the FP16 rate (A100 datasheet: 312 both).',
      },
      int8: { value: 33e12, kind: 'vendor', source: 'super', note: 'NVIDIA\'s Super table: 33 TOPS dense | 67 sparse (the original mode: 20 | 40).' },
    },
    capacityBytes: { value: 8 * GiB, kind: 'vendor', source: 'super', note: '8 GB 128-bit LPDDR5, shared by the CPU and GPU, taken as GiB.' },
    levels: [
      {
        name: 'dram',
        bytesPerSecond: { value: 102e9, kind: 'vendor', source: 'super', note: 'Super mode: 102 GB/s (the original mode: 68 GB/s), shared with the CPU.' },
      },
    ],
    sources: {
      super: {
        title: 'NVIDIA Technical Blog: NVIDIA Jetson Orin Nano Developer Kit Gets a "Super" Boost (December 2024; original and Super configurations)',
        url: 'https://developer.nvidia.com/blog/nvidia-jetson-orin-nano-developer-kit-gets-a-super-boost/',
      },
    },
  },

  // ───────────────────────────── AMD ─────────────────────────────
  {
    id: 'mi250x',
    name: 'AMD Instinct MI250X (package of two GCDs)',
    vendor: 'AMD',
    kind: 'gpu',
    year: 2021,
    aliases: ['instinct-mi250x', 'mi-250x'],
    compute: {
      fp64: { value: 47.9e12, kind: 'vendor', source: 'product', note: 'Vector FP64; matrix FP64 is 95.7 TFLOPS.' },
      fp32: { value: 47.9e12, kind: 'vendor', source: 'product', note: 'Vector FP32; packed/matrix FP32 is 95.7 TFLOPS.' },
      fp16: { value: 383e12, kind: 'vendor', source: 'product', note: 'Matrix FP16, dense (CDNA 2 has no sparsity): 1024 FLOP/clk/CU x 220 CUs x 1.7 GHz.' },
      bf16: { value: 383e12, kind: 'vendor', source: 'product', note: 'Matrix BF16.' },
      int8: { value: 383e12, kind: 'vendor', source: 'product', note: 'Matrix INT8.' },
    },
    capacityBytes: { value: 128 * GiB, kind: 'vendor', source: 'product', note: '128 GB HBM2e (8 x 16 GiB stacks), taken as GiB.' },
    levels: [
      { name: 'dram', bytesPerSecond: { value: 3.2768e12, kind: 'vendor', source: 'product', note: '8 HBM2e stacks at 1.6 GHz: 3.2768 TB/s for the whole package. Software sees each of its two GCDs as one GPU: for a kernel profiled on one GPU, use mi250x-gcd.' } },
    ],
    sources: {
      product: {
        title: 'AMD Instinct MI250X accelerator specifications',
        url: 'https://www.amd.com/en/products/accelerators/instinct/mi200/mi250x.html',
      },
      rocm: {
        title: 'ROCm documentation: AMD Instinct MI250 microarchitecture',
        url: 'https://rocm.docs.amd.com/en/latest/conceptual/gpu-arch/mi250.html',
      },
    },
  },
  {
    id: 'mi250x-gcd',
    name: 'AMD Instinct MI250X, one GCD (half a package)',
    vendor: 'AMD',
    kind: 'gpu',
    year: 2021,
    aliases: ['mi250x-die', 'mi250x-half'],
    // The package holds two graphics compute dies (GCDs), each with its own four HBM2e stacks; ROCm and
    // profilers see each GCD as a separate GPU. A kernel profiled on one GPU ran on one GCD: use this entry.
    compute: {
      fp64: { value: 23.95e12, kind: 'derived', source: 'product', note: 'Package vector FP64 47.9 TFLOPS / 2 GCDs.' },
      fp32: { value: 23.95e12, kind: 'derived', source: 'product', note: 'Package vector FP32 47.9 TFLOPS / 2 GCDs.' },
      fp16: { value: 191.5e12, kind: 'derived', source: 'product', note: 'Package matrix FP16 383 TFLOPS / 2 GCDs (110 CUs each).' },
      bf16: { value: 191.5e12, kind: 'derived', source: 'product', note: 'Package matrix BF16 383 TFLOPS / 2 GCDs.' },
      int8: { value: 191.5e12, kind: 'derived', source: 'product', note: 'Package matrix INT8 383 TOPS / 2 GCDs.' },
    },
    capacityBytes: { value: 64 * GiB, kind: 'derived', source: 'product', note: 'Package 128 GB HBM2e / 2 GCDs: 64 GB (4 stacks), taken as GiB.' },
    levels: [
      {
        name: 'dram',
        bytesPerSecond: { value: 1.6384e12, kind: 'derived', source: 'product', note: 'Package 3.2768 TB/s / 2 GCDs: each GCD has 4 of the 8 HBM2e stacks.' },
      },
    ],
    sources: {
      product: {
        title: 'AMD Instinct MI250X accelerator specifications',
        url: 'https://www.amd.com/en/products/accelerators/instinct/mi200/mi250x.html',
      },
      rocm: {
        title: 'ROCm documentation: AMD Instinct MI250 microarchitecture (each GCD appears as a separate GPU)',
        url: 'https://rocm.docs.amd.com/en/latest/conceptual/gpu-arch/mi250.html',
      },
    },
  },
  {
    id: 'mi210',
    name: 'AMD Instinct MI210 (PCIe, one GCD)',
    vendor: 'AMD',
    kind: 'gpu',
    year: 2022,
    aliases: ['instinct-mi210', 'mi-210'],
    // One CDNA 2 graphics compute die (the MI250X's die with 104 of its CUs enabled) on a PCIe card, with four
    // HBM2e stacks: the whole card is one GPU to ROCm.
    compute: {
      fp64: { value: 22.6e12, kind: 'vendor', source: 'product', note: 'Vector FP64 (128 FLOP/clk/CU x 104 CUs x 1.7 GHz); matrix FP64 is 45.3 TFLOPS.' },
      fp32: { value: 22.6e12, kind: 'vendor', source: 'product', note: 'Vector FP32; packed and matrix FP32 are 45.3 TFLOPS.' },
      fp16: { value: 181e12, kind: 'vendor', source: 'product', note: 'Matrix FP16, dense (CDNA 2 has no sparsity): 1024 FLOP/clk/CU x 104 CUs x 1.7 GHz = 181.0 TFLOPS.' },
      bf16: { value: 181e12, kind: 'vendor', source: 'product', note: 'Matrix BF16, 181.0 TFLOPS.' },
      int8: { value: 181e12, kind: 'vendor', source: 'product', note: 'Matrix INT8, 181.0 TOPS.' },
    },
    capacityBytes: { value: 64 * GiB, kind: 'vendor', source: 'rocm-specs', note: '64 GB HBM2e (4 x 16 GiB stacks); ROCm lists VRAM as 64 GiB.' },
    levels: [
      {
        name: 'dram',
        bytesPerSecond: {
          value: 1.6384e12,
          kind: 'derived',
          source: 'product',
          note: '4096-bit HBM2e at 3.2 Gbps / 8 = 1,638.4 GB/s; AMD rounds it to 1.6 TB/s. The same four stacks per die as one MI250X GCD.',
        },
      },
    ],
    sources: {
      product: {
        title: 'AMD Instinct MI210 accelerator specifications',
        url: 'https://www.amd.com/en/products/accelerators/instinct/mi200/mi210.html',
      },
      'rocm-specs': {
        title: 'ROCm documentation: AMD GPU specifications (MI210: 104 CUs, 64 GiB VRAM)',
        url: 'https://rocm.docs.amd.com/en/latest/reference/gpu-specs.html',
      },
      anandtech: {
        title: 'AnandTech: AMD Releases Instinct MI210 Accelerator (launch specification table)',
        url: 'https://www.anandtech.com/show/17326/amd-releases-instinct-mi210-accelerator-cdna-2-on-a-pcie-card',
      },
    },
  },
  {
    id: 'mi300x',
    name: 'AMD Instinct MI300X',
    vendor: 'AMD',
    kind: 'gpu',
    year: 2023,
    aliases: ['instinct-mi300x', 'mi300', 'mi-300x'],
    compute: {
      fp64: { value: 81.7e12, kind: 'vendor', source: 'rocm', note: 'Vector FP64; matrix FP64 is 163.4 TFLOPS.' },
      fp32: { value: 163.4e12, kind: 'vendor', source: 'rocm', note: 'Vector FP32 (256 FLOP/clk/CU x 304 CUs x 2.1 GHz).' },
      tf32: { value: 653.7e12, kind: 'vendor', source: 'rocm', note: 'Dense; 1,307.4 with structured sparsity.' },
      fp16: { value: 1307.4e12, kind: 'vendor', source: 'rocm', note: 'Matrix FP16, dense; 2,614.9 with structured sparsity.' },
      bf16: { value: 1307.4e12, kind: 'vendor', source: 'rocm', note: 'Matrix BF16, dense; 2,614.9 with structured sparsity.' },
      fp8: { value: 2614.9e12, kind: 'vendor', source: 'rocm', note: 'Matrix FP8, dense; 5,229.8 with structured sparsity.' },
      int8: { value: 2614.9e12, kind: 'vendor', source: 'rocm', note: 'Matrix INT8, dense; 5,229.8 with structured sparsity.' },
    },
    capacityBytes: { value: 192 * GiB, kind: 'vendor', source: 'product', note: '192 GB HBM3 (8 x 24 GiB stacks), taken as GiB.' },
    levels: [
      { name: 'dram', bytesPerSecond: { value: 5.3e12, kind: 'vendor', source: 'product' } },
      {
        name: 'llc',
        bytesPerSecond: {
          value: 17.2e12,
          kind: 'vendor',
          source: 'whitepaper',
          note: 'Infinity Cache, a memory-side last-level cache on the IODs (128 channels of 64 B): peak 17.2 TB/s.',
        },
        capacityBytes: { value: 256 * MiB, kind: 'vendor', source: 'whitepaper', note: '256 MB Infinity Cache, taken as MiB.' },
      },
      {
        name: 'l2',
        bytesPerSecond: {
          value: 34.4e12,
          kind: 'vendor',
          source: 'whitepaper',
          note: 'Aggregate L2 read bandwidth "up to 34.4 TB/s": 2 KB/clk per XCD x 8 XCDs x 2.1 GHz. Each XCD\'s L2 serves only its own 38 CUs.',
        },
        capacityBytes: { value: 32 * MiB, kind: 'vendor', source: 'whitepaper', note: '4 MB L2 per XCD x 8 XCDs, taken as MiB.' },
      },
    ],
    sources: {
      whitepaper: {
        title: 'AMD CDNA 3 Architecture white paper (memory hierarchy; Table 2, MI300 Series specifications)',
        url: 'https://www.amd.com/content/dam/amd/en/documents/instinct-tech-docs/white-papers/amd-cdna-3-white-paper.pdf',
      },
      product: {
        title: 'AMD Instinct MI300X accelerator specifications',
        url: 'https://www.amd.com/en/products/accelerators/instinct/mi300/mi300x.html',
      },
      rocm: {
        title: 'ROCm documentation: AMD Instinct MI300 series microarchitecture (peak-performance table)',
        url: 'https://rocm.docs.amd.com/en/latest/conceptual/gpu-arch/mi300.html',
      },
    },
  },
  {
    id: 'mi300a',
    name: 'AMD Instinct MI300A APU (GPU side: 6 XCDs, 228 CUs)',
    vendor: 'AMD',
    kind: 'gpu',
    year: 2023,
    aliases: ['instinct-mi300a', 'mi-300a'],
    // One package of 6 GPU dies (XCDs) and 3 Zen 4 CPU dies sharing 128 GB of HBM3. The compute figures are
    // the GPU's; the memory and its bandwidth are shared with the 24 CPU cores.
    compute: {
      fp64: { value: 61.3e12, kind: 'vendor', source: 'whitepaper', note: 'Table 2: vector FP64 61.3 TFLOPS; matrix FP64 122.6.' },
      fp32: { value: 122.6e12, kind: 'vendor', source: 'whitepaper', note: 'Table 2: vector FP32 122.6 TFLOPS.' },
      tf32: { value: 490.3e12, kind: 'vendor', source: 'whitepaper', note: 'Table 2: 490.3 dense | 980.6 with sparsity.' },
      fp16: { value: 980.6e12, kind: 'vendor', source: 'whitepaper', note: 'Table 2: 980.6 dense | 1,961.2 with sparsity.' },
      bf16: { value: 980.6e12, kind: 'vendor', source: 'whitepaper', note: 'Table 2: 980.6 dense | 1,961.2 with sparsity.' },
      fp8: { value: 1961.2e12, kind: 'vendor', source: 'whitepaper', note: 'Table 2: 1,961.2 dense | 3,922.3 with sparsity.' },
      int8: { value: 1961.2e12, kind: 'vendor', source: 'whitepaper', note: 'Table 2: 1,961.2 TOPS dense | 3,922.3 with sparsity.' },
    },
    capacityBytes: {
      value: 128 * GiB,
      kind: 'vendor',
      source: 'whitepaper',
      note: '128 GB HBM3 (8 x 16 GiB stacks), taken as GiB; unified memory shared by the CPU and GPU.',
    },
    levels: [
      {
        name: 'dram',
        bytesPerSecond: { value: 5.3e12, kind: 'vendor', source: 'whitepaper', note: 'Table 2: up to 5.3 TB/s (8,192-bit bus at 5.2 Gbps), shared with the CPU dies.' },
      },
      {
        name: 'llc',
        bytesPerSecond: {
          value: 17.2e12,
          kind: 'vendor',
          source: 'whitepaper',
          note: 'Infinity Cache peak 17.2 TB/s (the same four IODs as MI300X).',
        },
        capacityBytes: { value: 256 * MiB, kind: 'vendor', source: 'whitepaper', note: '256 MB Infinity Cache (Table 2), taken as MiB.' },
      },
      {
        name: 'l2',
        bytesPerSecond: {
          value: 25.8e12,
          kind: 'derived',
          source: 'whitepaper',
          note: '2 KB/clk of L2 read per XCD (white paper) x 6 XCDs x 2.1 GHz = 25.8 TB/s (the paper\'s 34.4 TB/s is for 8 XCDs).',
        },
        capacityBytes: { value: 24 * MiB, kind: 'derived', source: 'whitepaper', note: '4 MB L2 per XCD x 6 XCDs, taken as MiB.' },
      },
    ],
    sources: {
      whitepaper: {
        title: 'AMD CDNA 3 Architecture white paper (memory hierarchy; Table 2, MI300 Series specifications)',
        url: 'https://www.amd.com/content/dam/amd/en/documents/instinct-tech-docs/white-papers/amd-cdna-3-white-paper.pdf',
      },
    },
  },
  {
    id: 'mi325x',
    name: 'AMD Instinct MI325X',
    vendor: 'AMD',
    kind: 'gpu',
    year: 2024,
    aliases: ['instinct-mi325x', 'mi-325x'],
    compute: {
      fp64: { value: 81.7e12, kind: 'vendor', source: 'product', note: 'Vector FP64; matrix FP64 is 163.4 TFLOPS (same CDNA 3 die and clocks as MI300X).' },
      fp32: { value: 163.4e12, kind: 'vendor', source: 'product', note: 'Vector FP32.' },
      tf32: { value: 653.7e12, kind: 'vendor', source: 'product', note: 'Dense; 1,307.4 with structured sparsity.' },
      fp16: { value: 1307.4e12, kind: 'vendor', source: 'product', note: 'Matrix FP16, dense; 2,614.9 with structured sparsity.' },
      bf16: { value: 1307.4e12, kind: 'vendor', source: 'product', note: 'Matrix BF16, dense; 2,614.9 with structured sparsity.' },
      fp8: { value: 2614.9e12, kind: 'vendor', source: 'product', note: 'Matrix FP8, dense; 5,229.8 with structured sparsity.' },
      int8: { value: 2614.9e12, kind: 'vendor', source: 'product', note: 'Matrix INT8, dense; 5,229.8 with structured sparsity.' },
    },
    capacityBytes: { value: 256 * GiB, kind: 'vendor', source: 'rocm-specs', note: '256 GB HBM3E; ROCm lists VRAM as 256 GiB.' },
    levels: [
      { name: 'dram', bytesPerSecond: { value: 6e12, kind: 'vendor', source: 'product' } },
      {
        name: 'llc',
        bytesPerSecond: {
          value: 17.2e12,
          kind: 'derived',
          source: 'whitepaper',
          note: 'The CDNA 3 white paper\'s Infinity Cache peak, 17.2 TB/s, stated for the architecture: MI325X has the same 256 MB Infinity Cache, 8 XCDs and 2,100 MHz peak clock (its Table 2).',
        },
        capacityBytes: { value: 256 * MiB, kind: 'vendor', source: 'whitepaper', note: '256 MB Infinity Cache (Table 2), taken as MiB.' },
      },
      {
        name: 'l2',
        bytesPerSecond: {
          value: 34.4e12,
          kind: 'derived',
          source: 'whitepaper',
          note: '2 KB/clk of L2 read per XCD x 8 XCDs x 2.1 GHz = 34.4 TB/s, the white paper\'s aggregate for 8 XCDs. Each XCD\'s L2 serves only its own CUs.',
        },
        capacityBytes: { value: 32 * MiB, kind: 'vendor', source: 'whitepaper', note: '4 MB L2 per XCD x 8 XCDs, taken as MiB.' },
      },
    ],
    sources: {
      whitepaper: {
        title: 'AMD CDNA 3 Architecture white paper (memory hierarchy; Table 2, MI300 Series specifications)',
        url: 'https://www.amd.com/content/dam/amd/en/documents/instinct-tech-docs/white-papers/amd-cdna-3-white-paper.pdf',
      },
      product: {
        title: 'AMD Instinct MI325X accelerator specifications',
        url: 'https://www.amd.com/en/products/accelerators/instinct/mi300/mi325x.html',
      },
      'rocm-specs': {
        title: 'ROCm documentation: AMD GPU specifications',
        url: 'https://rocm.docs.amd.com/en/latest/reference/gpu-specs.html',
      },
    },
  },
  {
    id: 'mi355x',
    name: 'AMD Instinct MI355X',
    vendor: 'AMD',
    kind: 'gpu',
    year: 2025,
    aliases: ['instinct-mi355x', 'mi-355x'],
    compute: {
      fp64: { value: 78.6e12, kind: 'vendor', source: 'product', note: 'Vector FP64 (matrix FP64 is the same 78.6 on CDNA 4): 128 FLOP/clk/CU x 256 CUs x 2.4 GHz.' },
      fp32: { value: 157.3e12, kind: 'vendor', source: 'product', note: 'Vector FP32: 256 FLOP/clk/CU x 256 CUs x 2.4 GHz.' },
      fp16: { value: 2516.6e12, kind: 'vendor', source: 'product', note: 'Matrix FP16, dense (2.5 PFLOPS); 5.0 PFLOPS with structured sparsity.' },
      bf16: { value: 2516.6e12, kind: 'vendor', source: 'product', note: 'Matrix BF16, dense (2.5 PFLOPS); 5.0 PFLOPS with structured sparsity.' },
      fp8: { value: 5033.2e12, kind: 'vendor', source: 'product', note: 'Matrix FP8, dense (8192 FLOP/clk/CU); 10.1 PFLOPS with structured sparsity.' },
      int8: { value: 5033.2e12, kind: 'vendor', source: 'product', note: 'Matrix INT8, dense; 10.1 POPS with structured sparsity.' },
      fp4: { value: 10066.3e12, kind: 'vendor', source: 'whitepaper', note: 'Matrix MXFP4 (OCP microscaling), dense 10.1 PFLOPS.' },
    },
    capacityBytes: { value: 288 * GiB, kind: 'vendor', source: 'rocm-specs', note: '288 GB HBM3E; ROCm lists VRAM as 288 GiB.' },
    levels: [{ name: 'dram', bytesPerSecond: { value: 8e12, kind: 'vendor', source: 'product' } }],
    sources: {
      product: {
        title: 'AMD Instinct MI355X GPU specifications',
        url: 'https://www.amd.com/en/products/accelerators/instinct/mi350/mi355x.html',
      },
      whitepaper: {
        title: 'AMD CDNA 4 Architecture white paper',
        url: 'https://www.amd.com/content/dam/amd/en/documents/instinct-tech-docs/white-papers/amd-cdna-4-architecture-whitepaper.pdf',
      },
      'rocm-specs': {
        title: 'ROCm documentation: AMD GPU specifications',
        url: 'https://rocm.docs.amd.com/en/latest/reference/gpu-specs.html',
      },
    },
  },

  // ───────────────────────────── Google ─────────────────────────────
  {
    id: 'tpu-v4',
    name: 'Google Cloud TPU v4 (per chip)',
    vendor: 'Google',
    kind: 'tpu',
    year: 2021,
    aliases: ['v4', 'tpuv4', 'tpu-v4-chip'],
    compute: {
      bf16: { value: 275e12, kind: 'vendor', source: 'docs', note: 'TPU v4: 275 TFLOPS bf16 per chip (2 TensorCores).' },
      int8: { value: 275e12, kind: 'vendor', source: 'docs', note: 'Docs: "275 teraflops (bf16 or int8)" per chip.' },
    },
    capacityBytes: { value: 32 * GiB, kind: 'vendor', source: 'docs', note: 'Docs: 32 GiB HBM2.' },
    levels: [{ name: 'dram', bytesPerSecond: { value: 1200e9, kind: 'vendor', source: 'docs', note: 'Docs: 1200 GBps HBM2.' } }],
    sources: {
      docs: { title: 'Cloud TPU documentation: TPU v4', url: 'https://cloud.google.com/tpu/docs/v4' },
    },
  },
  {
    id: 'tpu-v5e',
    name: 'Google Cloud TPU v5e (per chip)',
    vendor: 'Google',
    kind: 'tpu',
    year: 2023,
    aliases: ['v5e', 'tpuv5e', 'v5litepod', 'tpu-v5-lite'],
    compute: {
      bf16: { value: 197e12, kind: 'vendor', source: 'docs', note: 'TPU v5e: 197 TFLOPS bf16 per chip.' },
      int8: { value: 393e12, kind: 'vendor', source: 'docs', note: 'Docs: 393 TOPS int8 per chip.' },
    },
    capacityBytes: { value: 16 * GiB, kind: 'vendor', source: 'docs', note: 'Docs: 16 GB HBM2 per chip, taken as GiB.' },
    levels: [{ name: 'dram', bytesPerSecond: { value: 819e9, kind: 'vendor', source: 'docs', note: 'Docs: HBM2 819 GBps per chip.' } }],
    sources: {
      docs: { title: 'Cloud TPU documentation: TPU v5e', url: 'https://cloud.google.com/tpu/docs/v5e' },
    },
  },
  {
    id: 'tpu-v5p',
    name: 'Google Cloud TPU v5p (per chip)',
    vendor: 'Google',
    kind: 'tpu',
    year: 2023,
    aliases: ['v5p', 'tpuv5p'],
    compute: {
      bf16: { value: 459e12, kind: 'vendor', source: 'docs', note: 'TPU v5p: 459 TFLOPS bf16 per chip.' },
      fp8: { value: 459e12, kind: 'vendor', source: 'docs', note: 'Docs list FP8 peak per chip equal to bf16, 459 TFLOPS.' },
      int8: { value: 918e12, kind: 'vendor', source: 'blog', note: 'Launch post: 918 TOPS int8 per chip.' },
    },
    capacityBytes: { value: 95 * GiB, kind: 'vendor', source: 'docs', note: 'Docs: 95 GiB HBM2e per chip.' },
    levels: [{ name: 'dram', bytesPerSecond: { value: 2765e9, kind: 'vendor', source: 'docs', note: 'Docs: 2765 GBps per chip.' } }],
    sources: {
      docs: { title: 'Cloud TPU documentation: TPU v5p', url: 'https://cloud.google.com/tpu/docs/v5p' },
      blog: {
        title: 'Google Cloud blog: Introducing Cloud TPU v5p and AI Hypercomputer',
        url: 'https://cloud.google.com/blog/products/ai-machine-learning/introducing-cloud-tpu-v5p-and-ai-hypercomputer',
      },
    },
  },
  {
    id: 'tpu-v6e',
    name: 'Google Cloud TPU v6e Trillium (per chip)',
    vendor: 'Google',
    kind: 'tpu',
    year: 2024,
    aliases: ['trillium', 'v6e', 'tpuv6e', 'tpu-trillium'],
    compute: {
      bf16: { value: 918e12, kind: 'vendor', source: 'docs', note: 'TPU v6e: 918 TFLOPS bf16 per chip. No fp8 roof: Google publishes bf16 and int8 peaks for v6e and no fp8 peak, so fp8 models are refused on it.' },
      int8: { value: 1836e12, kind: 'vendor', source: 'docs', note: 'Docs: 1836 TOPS int8 per chip.' },
    },
    capacityBytes: { value: 32 * GiB, kind: 'vendor', source: 'docs', note: 'Docs: 32 GB HBM per chip, taken as GiB.' },
    levels: [
      { name: 'dram', bytesPerSecond: { value: 1638e9, kind: 'vendor', source: 'docs', note: 'Docs: 1638 GBps per chip (earlier revisions said 1640).' } },
    ],
    sources: {
      docs: { title: 'Cloud TPU documentation: TPU v6e', url: 'https://cloud.google.com/tpu/docs/v6e' },
    },
  },
  {
    id: 'tpu7x',
    name: 'Google Cloud TPU7x Ironwood (per chip)',
    vendor: 'Google',
    kind: 'tpu',
    year: 2025,
    aliases: ['ironwood', 'tpu-ironwood', 'tpu-v7', 'tpuv7', 'tpu-7x'],
    // Per chip, as Google's table gives every figure. A chip is two chiplets, and the docs say the programming
    // model exposes them as two TPU devices: these figures are for both together.
    compute: {
      bf16: { value: 2307e12, kind: 'vendor', source: 'docs', note: 'Docs: peak compute per chip (BF16) 2307 TFLOPs (two TensorCores). Per chip: the docs describe two chiplets that software sees as two TPU devices, and these figures cover both.' },
      fp8: { value: 4614e12, kind: 'vendor', source: 'docs', note: 'Docs: peak compute per chip (FP8) 4614 TFLOPs, twice bf16. No int8 roof: the docs give none for TPU7x.' },
    },
    capacityBytes: { value: 192 * GiB, kind: 'vendor', source: 'docs', note: 'Docs: HBM capacity per chip 192 GiB.' },
    levels: [{ name: 'dram', bytesPerSecond: { value: 7380e9, kind: 'vendor', source: 'docs', note: 'Docs: HBM bandwidth per chip 7380 GBps.' } }],
    sources: {
      docs: { title: 'Cloud TPU documentation: TPU7x (Ironwood), system architecture table', url: 'https://docs.cloud.google.com/tpu/docs/tpu7x' },
      performance: {
        title: 'Cloud TPU documentation: TPU7x (Ironwood) performance optimizations (FP8 peak 4614 TFLOPS per chip)',
        url: 'https://docs.cloud.google.com/tpu/docs/ironwood-performance',
      },
    },
  },

  // ───────────────────────────── Intel ─────────────────────────────
  {
    id: 'gaudi2',
    name: 'Intel Gaudi 2',
    vendor: 'Intel',
    kind: 'accelerator',
    year: 2022,
    aliases: ['gaudi-2', 'habana-gaudi2', 'hl-225'],
    compute: {
      bf16: {
        value: 432e12,
        kind: 'vendor',
        source: 'hotchips',
        note: 'MME BF16 432 TFLOPS (Gaudi 2 column of the product-generation slide in Intel\'s Hot Chips 2024 Gaudi 3 talk). FP8 omitted: no consistent published figure found.',
      },
    },
    capacityBytes: { value: 96 * GiB, kind: 'vendor', source: 'intel-article', note: '96 GB HBM2e (6 x 16 GiB stacks), taken as GiB.' },
    levels: [{ name: 'dram', bytesPerSecond: { value: 2.45e12, kind: 'vendor', source: 'intel-article', note: '96 GB HBM2e at 2.45 TB/s.' } }],
    sources: {
      'intel-article': {
        title: 'Intel Developer: The Habana Gaudi2 Processor for Deep Learning',
        url: 'https://www.intel.com/content/www/us/en/developer/articles/technical/habana-gaudi2-processor-for-deep-learning.html',
      },
      hotchips: {
        title: 'Intel Gaudi 3 for AI Training and Inference (Hot Chips 2024 talk, slides reported by ServeTheHome)',
        url: 'https://www.servethehome.com/intel-gaudi-3-for-ai-training-and-inference/',
      },
    },
  },
  {
    id: 'gaudi3',
    name: 'Intel Gaudi 3 (OAM)',
    vendor: 'Intel',
    kind: 'accelerator',
    year: 2024,
    aliases: ['gaudi-3', 'habana-gaudi3'],
    compute: {
      fp32: {
        value: 14.35e12,
        kind: 'derived',
        source: 'tpc-guide',
        note: 'Vector FP32 on the 64 TPCs: the white paper\'s BF16 vector 28.7 TFLOPS x 64 / 128 = 14.35 TFLOP/s, since a TPC\'s 2048-bit SIMD does 64 float ops per cycle against 128 16-bit ops (TPC User Guide; BF16 taken at the 16-bit rate). Intel publishes no MME FP32 peak; hmc-tech.com lists 229.38 TFLOPS "FP32 Tensor", not found in an Intel document.',
      },
      fp16: {
        value: 458.75e12,
        kind: 'estimate',
        source: 'hmc-tech',
        note: 'Intel\'s spec table (white paper, Hot Chips 2024) gives MME peaks for BF16 and FP8 only. This is the third-party figure hmc-tech.com lists, FP16 "Tensor (FP32 Accumulate)" 458.75 TFLOPS (a quarter of the BF16 MME rate); not confirmed by an Intel document.',
      },
      bf16: { value: 1835e12, kind: 'vendor', source: 'whitepaper', note: 'MME BF16 matrix 1,835 TFLOPS (BF16 vector on the TPCs is 28.7 TFLOPS).' },
      fp8: { value: 1835e12, kind: 'vendor', source: 'whitepaper', note: 'MME FP8 matrix 1,835 TFLOPS.' },
    },
    capacityBytes: { value: 128 * GiB, kind: 'vendor', source: 'whitepaper', note: '128 GB HBM2e (8 stacks), taken as GiB.' },
    levels: [
      { name: 'dram', bytesPerSecond: { value: 3.7e12, kind: 'vendor', source: 'whitepaper', note: '3.7 TB/s (3.67 TB/s in the Hot Chips 2024 talk).' } },
      {
        name: 'l2',
        bytesPerSecond: { value: 12.8e12, kind: 'vendor', source: 'whitepaper', note: 'On-die SRAM (L2 cache) bandwidth 12.8 TB/s.' },
        capacityBytes: { value: 96 * MiB, kind: 'vendor', source: 'whitepaper', note: '96 MB on-die SRAM, taken as MiB.' },
      },
    ],
    sources: {
      whitepaper: {
        title: 'Intel Gaudi 3 AI Accelerator white paper',
        url: 'https://www.intel.com/content/www/us/en/content-details/817486/intel-gaudi-3-ai-accelerator-white-paper.html',
      },
      'tpc-guide': {
        title: 'Intel Gaudi documentation: TPC User Guide (2048-bit SIMD; 64 float or 128 16-bit operations per cycle)',
        url: 'https://docs.habana.ai/en/latest/TPC_User_Guide/TPC_User_Guide.html',
      },
      'hmc-tech': {
        title: 'hmc-tech.com: Intel Gaudi 3 specifications (third-party compilation)',
        url: 'https://hmc-tech.com/gpu/intel-gaudi-3-vs-nvidia-l40',
      },
    },
  },

  // ───────────────────────────── AWS accelerators ─────────────────────────────
  {
    id: 'trainium',
    name: 'AWS Trainium (per chip, Trn1)',
    vendor: 'AWS',
    kind: 'accelerator',
    year: 2022,
    aliases: ['trainium1', 'trn1', 'aws-trainium'],
    ...neuronCoreV2Chip('neuron'),
    sources: {
      neuron: {
        title: 'AWS Neuron documentation: Trainium architecture',
        url: 'https://awsdocs-neuron.readthedocs-hosted.com/en/latest/general/arch/neuron-hardware/trainium.html',
      },
    },
  },
  {
    id: 'inferentia2',
    name: 'AWS Inferentia2 (per chip, Inf2)',
    vendor: 'AWS',
    kind: 'accelerator',
    year: 2023,
    aliases: ['inf2', 'aws-inferentia2', 'inferentia-2'],
    ...neuronCoreV2Chip('neuron'),
    sources: {
      neuron: {
        title: 'AWS Neuron documentation: Inferentia2 architecture',
        url: 'https://awsdocs-neuron.readthedocs-hosted.com/en/latest/general/arch/neuron-hardware/inferentia2.html',
      },
    },
  },
  {
    id: 'trainium2',
    name: 'AWS Trainium2 (per chip, Trn2)',
    vendor: 'AWS',
    kind: 'accelerator',
    year: 2024,
    aliases: ['trn2', 'aws-trainium2', 'trainium-2'],
    compute: {
      fp32: { value: 181e12, kind: 'vendor', source: 'neuron', note: 'Eight NeuronCore-v3 per chip: 181 FP32 TFLOPS.' },
      tf32: { value: 667e12, kind: 'vendor', source: 'neuron', note: '667 BF16/FP16/TF32 TFLOPS dense per chip; the 2,563 sparse figure is not used.' },
      fp16: { value: 667e12, kind: 'vendor', source: 'neuron', note: '667 BF16/FP16/TF32 TFLOPS dense per chip; the 2,563 sparse figure is not used.' },
      bf16: { value: 667e12, kind: 'vendor', source: 'neuron', note: '667 BF16/FP16/TF32 TFLOPS dense per chip; the 2,563 sparse figure is not used.' },
      fp8: { value: 1299e12, kind: 'vendor', source: 'neuron', note: '1,299 FP8 TFLOPS dense per chip.' },
    },
    capacityBytes: { value: 96 * GiB, kind: 'vendor', source: 'nki', note: '96 GiB of device memory in 4 HBM stacks per chip.' },
    levels: [
      { name: 'dram', bytesPerSecond: { value: 3e12, kind: 'vendor', source: 'nki', note: 'NKI architecture guide: 3 TB/s per chip.' } },
    ],
    sources: {
      neuron: {
        title: 'AWS Neuron documentation: Trainium2 architecture',
        url: 'https://awsdocs-neuron.readthedocs-hosted.com/en/v2.29.0/_sources/about-neuron/arch/neuron-hardware/trainium2.rst',
      },
      nki: {
        title: 'AWS Neuron documentation: Trainium2 Architecture Guide for NKI',
        url: 'https://awsdocs-neuron.readthedocs-hosted.com/en/v2.29.0/_sources/nki/guides/architecture/trainium2_arch.rst',
      },
    },
  },

  // ───────────────────────────── CPUs ─────────────────────────────
  {
    id: 'epyc-9654',
    name: 'AMD EPYC 9654 (Genoa, 96 cores, one socket)',
    vendor: 'AMD',
    kind: 'cpu',
    year: 2022,
    aliases: ['9654', 'epyc9654', 'genoa'],
    compute: {
      fp64: {
        value: 3.6864e12,
        kind: 'derived',
        source: 'zen4-guide',
        note: '96 cores x 16 FP64 FLOP/clk (two 256-bit FMA pipes; AVX-512 is double-pumped) x 2.4 GHz base = 3.69 TFLOP/s.',
      },
      fp32: {
        value: 7.3728e12,
        kind: 'derived',
        source: 'zen4-guide',
        note: '96 cores x 32 FP32 FLOP/clk x 2.4 GHz base = 7.37 TFLOP/s. Core count and base clock from the product page.',
      },
    },
    capacityBytes: { value: 6 * TiB, kind: 'vendor', source: 'product', note: 'Maximum memory per socket, 6 TB DDR5, taken as TiB; the installed amount is usually less.' },
    levels: [
      {
        name: 'dram',
        bytesPerSecond: { value: 460.8e9, kind: 'vendor', source: 'product', note: 'Per-socket memory bandwidth: 12 channels DDR5-4800 = 460.8 GB/s.' },
      },
    ],
    sources: {
      product: {
        title: 'AMD EPYC 9654 processor specifications',
        url: 'https://www.amd.com/en/products/processors/server/epyc/4th-generation-9004-and-8004-series/amd-epyc-9654.html',
      },
      'zen4-guide': {
        title: 'Software Optimization Guide for the AMD Zen4 Microarchitecture (pub. 57647)',
        url: 'https://www.amd.com/content/dam/amd/en/documents/processor-tech-docs/software-optimization-guides/57647.zip',
      },
    },
  },
  {
    id: 'epyc-9755',
    name: 'AMD EPYC 9755 (Turin, 128 Zen 5 cores, one socket)',
    vendor: 'AMD',
    kind: 'cpu',
    year: 2024,
    aliases: ['9755', 'epyc9755', 'turin'],
    compute: {
      fp64: {
        value: 11.0592e12,
        kind: 'derived',
        source: 'zen5-guide',
        note: '128 cores x 32 FP64 FLOP/clk (two 512-bit FMA pipes; Zen 5 in EPYC runs AVX-512 at full width) x 2.7 GHz base = 11.06 TFLOP/s.',
      },
      fp32: {
        value: 22.1184e12,
        kind: 'derived',
        source: 'zen5-guide',
        note: '128 cores x 64 FP32 FLOP/clk x 2.7 GHz base = 22.12 TFLOP/s. Core count and base clock from the product page.',
      },
    },
    capacityBytes: { value: 6 * TiB, kind: 'vendor', source: 'product', note: 'Maximum memory per socket, 6 TB DDR5, taken as TiB; the installed amount is usually less.' },
    levels: [
      {
        name: 'dram',
        bytesPerSecond: { value: 614.4e9, kind: 'derived', source: 'product', note: '12 channels DDR5-6400 x 8 bytes = 614.4 GB/s per socket.' },
      },
    ],
    sources: {
      product: {
        title: 'AMD EPYC 9755 processor specifications',
        url: 'https://www.amd.com/en/products/processors/server/epyc/9005-series/amd-epyc-9755.html',
      },
      'zen5-guide': {
        title: 'Software Optimization Guide for the AMD Zen5 Microarchitecture (pub. 58455)',
        url: 'https://www.amd.com/content/dam/amd/en/documents/processor-tech-docs/software-optimization-guides/58455.zip',
      },
    },
  },
  {
    id: 'xeon-8480',
    name: 'Intel Xeon Platinum 8480+ (Sapphire Rapids, 56 cores, one socket)',
    vendor: 'Intel',
    kind: 'cpu',
    year: 2023,
    aliases: ['8480', '8480+', 'xeon-8480+', 'xeon-platinum-8480', 'sapphire-rapids'],
    compute: {
      fp64: {
        value: 3.584e12,
        kind: 'derived',
        source: 'amx',
        note: '56 cores x 32 FP64 FLOP/clk (two AVX-512 FMA units) x 2.0 GHz base = 3.58 TFLOP/s; sustained AVX-512 clocks may be lower.',
      },
      fp32: {
        value: 7.168e12,
        kind: 'derived',
        source: 'amx',
        note: '56 cores x 64 FP32 ops/clk (AVX-512, per Intel) x 2.0 GHz base = 7.17 TFLOP/s.',
      },
      bf16: {
        value: 114.688e12,
        kind: 'derived',
        source: 'amx',
        note: '56 cores x 1024 BF16 ops/clk (AMX) x 2.0 GHz base = 114.7 TFLOP/s.',
      },
      int8: {
        value: 229.376e12,
        kind: 'derived',
        source: 'amx',
        note: '56 cores x 2048 INT8 ops/clk (AMX) x 2.0 GHz base = 229.4 TOP/s.',
      },
    },
    capacityBytes: { value: 4 * TiB, kind: 'vendor', source: 'ark', note: 'Maximum memory size 4 TB, taken as TiB; the installed amount is usually less.' },
    levels: [
      {
        name: 'dram',
        bytesPerSecond: { value: 307.2e9, kind: 'derived', source: 'ark', note: '8 channels DDR5-4800 x 8 bytes = 307.2 GB/s per socket.' },
      },
    ],
    sources: {
      ark: {
        title: 'Intel Xeon Platinum 8480+ Processor specifications (ARK)',
        url: 'https://www.intel.com/content/www/us/en/products/sku/231746/intel-xeon-platinum-8480-processor-105m-cache-2-00-ghz/specifications.html',
      },
      amx: {
        title: 'Intel Advanced Matrix Extensions (Intel AMX) overview',
        url: 'https://www.intel.com/content/www/us/en/products/docs/accelerator-engines/advanced-matrix-extensions/overview.html',
      },
    },
  },
  {
    id: 'xeon-6980p',
    name: 'Intel Xeon 6980P (Granite Rapids, 128 P-cores, one socket)',
    vendor: 'Intel',
    kind: 'cpu',
    year: 2024,
    aliases: ['6980p', 'xeon6980p', 'xeon-6-6980p', 'granite-rapids'],
    compute: {
      fp64: {
        value: 8.192e12,
        kind: 'derived',
        source: 'amx',
        note: '128 cores x 32 FP64 FLOP/clk (two AVX-512 FMA units) x 2.0 GHz base = 8.19 TFLOP/s; sustained AVX-512 clocks may be lower.',
      },
      fp32: {
        value: 16.384e12,
        kind: 'derived',
        source: 'amx',
        note: '128 cores x 64 FP32 ops/clk (AVX-512, per Intel) x 2.0 GHz base = 16.4 TFLOP/s.',
      },
      bf16: {
        value: 262.144e12,
        kind: 'derived',
        source: 'amx',
        note: '128 cores x 1024 BF16 ops/clk (AMX) x 2.0 GHz base = 262.1 TFLOP/s.',
      },
      int8: {
        value: 524.288e12,
        kind: 'derived',
        source: 'amx',
        note: '128 cores x 2048 INT8 ops/clk (AMX) x 2.0 GHz base = 524.3 TOP/s.',
      },
    },
    capacityBytes: { value: 3 * TiB, kind: 'vendor', source: 'ark', note: 'Maximum memory size 3 TB, taken as TiB; the installed amount is usually less.' },
    levels: [
      {
        name: 'dram',
        bytesPerSecond: {
          value: 614.4e9,
          kind: 'derived',
          source: 'ark',
          note: '12 channels DDR5-6400 x 8 bytes = 614.4 GB/s per socket (with MRDIMM-8800: 12 x 8800 x 8 = 844.8 GB/s).',
        },
      },
    ],
    sources: {
      ark: {
        title: 'Intel Xeon 6980P Processor specifications (ARK)',
        url: 'https://www.intel.com/content/www/us/en/products/sku/240777/intel-xeon-6980p-processor-504m-cache-2-00-ghz/specifications.html',
      },
      amx: {
        title: 'Intel Advanced Matrix Extensions (Intel AMX) overview',
        url: 'https://www.intel.com/content/www/us/en/products/docs/accelerator-engines/advanced-matrix-extensions/overview.html',
      },
    },
  },
  {
    id: 'graviton3',
    name: 'AWS Graviton3 (64 Neoverse V1 cores, one socket)',
    vendor: 'AWS',
    kind: 'cpu',
    year: 2022,
    aliases: ['graviton-3', 'aws-graviton3'],
    compute: {
      fp64: {
        value: 2.6624e12,
        kind: 'derived',
        source: 'neoverse-v1',
        note: '64 cores x 16 FP64 FLOP/clk (two 256-bit SVE FMA pipes) x 2.6 GHz = 2.66 TFLOP/s (FMA width from Arm; 64 cores at 2.6 GHz per WikiChip).',
      },
      fp32: {
        value: 5.3248e12,
        kind: 'derived',
        source: 'neoverse-v1',
        note: '64 cores x 32 FP32 FLOP/clk x 2.6 GHz = 5.32 TFLOP/s.',
      },
    },
    capacityBytes: {
      value: 512 * GiB,
      kind: 'vendor',
      source: 'r7g',
      note: 'Largest single-socket Graviton3 instance memory (r7g.16xlarge / r7g.metal: 512 GiB).',
    },
    levels: [
      {
        name: 'dram',
        bytesPerSecond: { value: 307.2e9, kind: 'derived', source: 'wikichip', note: '8 channels DDR5-4800 = 307.2 GB/s.' },
      },
    ],
    sources: {
      graviton: { title: 'AWS Graviton Processor', url: 'https://aws.amazon.com/ec2/graviton/' },
      r7g: { title: 'Amazon EC2 R7g instances', url: 'https://aws.amazon.com/ec2/instance-types/r7g/' },
      'neoverse-v1': { title: 'Arm Neoverse V1', url: 'https://www.arm.com/products/silicon-ip-cpu/neoverse/neoverse-v1' },
      wikichip: { title: 'WikiChip: AWS Graviton3', url: 'https://en.wikichip.org/wiki/annapurna_labs/graviton/graviton3' },
    },
  },

  // ───────────────────────────── Apple GPUs ─────────────────────────────
  // Apple publishes memory size and bandwidth for these chips but no GPU FLOP/s, so no compute roof
  // is recorded; users can supply one in their own device definition.
  {
    id: 'm2-ultra-gpu',
    name: 'Apple M2 Ultra GPU (76-core)',
    vendor: 'Apple',
    kind: 'gpu',
    year: 2023,
    aliases: ['m2-ultra', 'm2ultra'],
    compute: {
      fp32: {
        value: 27.2e12,
        kind: 'estimate',
        source: 'derived',
        note: 'Apple publishes no GPU FLOP/s. Estimated from third-party core counts and clocks: 76 GPU cores x 128 ALUs x 2 FLOP (FMA) x 1398 MHz.',
      },
      fp16: {
        value: 27.2e12,
        kind: 'estimate',
        source: 'derived',
        note: 'Apple GPUs of this generation run fp16 arithmetic at the fp32 rate (no matrix units); same estimate.',
      },
    },
    capacityBytes: { value: 192 * GiB, kind: 'vendor', source: 'newsroom', note: 'Up to 192 GB unified memory (LPDDR5), taken as GiB.' },
    levels: [
      {
        name: 'dram',
        bytesPerSecond: { value: 800e9, kind: 'vendor', source: 'newsroom', note: '800 GB/s unified memory bandwidth.' },
      },
    ],
    sources: {
      derived: {
        title: 'Apple GPU core counts and clocks, as compiled by hmc-tech.com (M-series GPU specifications)',
        url: 'https://hmc-tech.com/gpu/apple-32-core-m4-max-vs-apple-40-core-m3-max',
      },
      newsroom: {
        title: 'Apple Newsroom: Apple introduces M2 Ultra',
        url: 'https://www.apple.com/newsroom/2023/06/apple-introduces-m2-ultra/',
      },
    },
  },
  {
    id: 'm3-max-gpu',
    name: 'Apple M3 Max GPU (40-core)',
    vendor: 'Apple',
    kind: 'gpu',
    year: 2023,
    aliases: ['m3-max', 'm3max'],
    compute: {
      fp32: {
        value: 14.3e12,
        kind: 'estimate',
        source: 'derived',
        note: 'Apple publishes no GPU FLOP/s. Estimated from third-party core counts and clocks: 40 GPU cores x 128 ALUs x 2 FLOP (FMA) x 1398 MHz.',
      },
      fp16: {
        value: 14.3e12,
        kind: 'estimate',
        source: 'derived',
        note: 'Apple GPUs of this generation run fp16 arithmetic at the fp32 rate (no matrix units); same estimate.',
      },
    },
    capacityBytes: { value: 128 * GiB, kind: 'vendor', source: 'newsroom', note: 'Up to 128 GB unified memory, taken as GiB.' },
    levels: [
      {
        name: 'dram',
        bytesPerSecond: {
          value: 400e9,
          kind: 'vendor',
          source: 'newsroom',
          note: '400 GB/s for the 16-core CPU / 40-core GPU M3 Max (the 14-core/30-core part has 300 GB/s).',
        },
      },
    ],
    sources: {
      derived: {
        title: 'Apple GPU core counts and clocks, as compiled by hmc-tech.com (M-series GPU specifications)',
        url: 'https://hmc-tech.com/gpu/apple-32-core-m4-max-vs-apple-40-core-m3-max',
      },
      newsroom: {
        title: 'Apple Newsroom: Apple unveils M3, M3 Pro, and M3 Max',
        url: 'https://www.apple.com/newsroom/2023/10/apple-unveils-m3-m3-pro-and-m3-max-the-most-advanced-chips-for-a-personal-computer/',
      },
    },
  },
  {
    id: 'm4-max-gpu',
    name: 'Apple M4 Max GPU (40-core)',
    vendor: 'Apple',
    kind: 'gpu',
    year: 2024,
    aliases: ['m4-max', 'm4max'],
    compute: {
      fp32: {
        value: 17.2e12,
        kind: 'estimate',
        source: 'derived',
        note: 'Apple publishes no GPU FLOP/s. Estimated from third-party core counts and clocks: 40 GPU cores x 128 ALUs x 2 FLOP (FMA) x 1678 MHz.',
      },
      fp16: {
        value: 17.2e12,
        kind: 'estimate',
        source: 'derived',
        note: 'Apple GPUs of this generation run fp16 arithmetic at the fp32 rate (no matrix units); same estimate.',
      },
    },
    capacityBytes: { value: 128 * GiB, kind: 'vendor', source: 'newsroom', note: 'Up to 128 GB unified memory, taken as GiB.' },
    levels: [
      {
        name: 'dram',
        bytesPerSecond: {
          value: 546e9,
          kind: 'vendor',
          source: 'newsroom',
          note: '546 GB/s for the 16-core CPU / 40-core GPU M4 Max.',
        },
      },
    ],
    sources: {
      derived: {
        title: 'Apple GPU core counts and clocks, as compiled by hmc-tech.com (M-series GPU specifications)',
        url: 'https://hmc-tech.com/gpu/apple-32-core-m4-max-vs-apple-40-core-m3-max',
      },
      newsroom: {
        title: 'Apple Newsroom: Apple introduces M4 Pro and M4 Max',
        url: 'https://www.apple.com/newsroom/2024/10/apple-introduces-m4-pro-and-m4-max/',
      },
    },
  },
];
