// Renders the example roofline chart to docs/roofline.svg and screenshots it to docs/roofline.png in
// headless Chromium, to look at what the chart code draws:
//
//   node scripts/screenshot-chart.mjs [--points 24] [--out docs/roofline]
//
// --points adds that many made-up models to the six of the sample (30 in all shows the numbered labels).
// CHART_SPEC=path also writes the Vega-Lite spec there, to open in the Vega editor.
//
// The sample report is built from the real core (place, evaluate) on hand-made devices and models, bundled
// from the TypeScript sources with esbuild. Needs `chromium` on PATH for the PNG; the SVG is written anyway.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: { points: { type: 'string', default: '0' }, out: { type: 'string', default: 'docs/roofline' } },
});

// The sample, in TypeScript against the core's own types.
const SAMPLE = `
import { place } from './src/core/roofline.ts';
import { evaluate } from './src/core/gate/index.ts';
import { rooflineSpec, asciiRoofline } from './src/core/chart/index.ts';
import { renderSvg } from './src/render/svg.ts';
import type { Device, Model, Op } from './src/core/types.ts';

const device = (id: string, name: string, flopsPerSecond: Device['flopsPerSecond'], levels: Array<[string, number]>): Device =>
  ({ id, name, flopsPerSecond, levels: levels.map(([name, bytesPerSecond]) => ({ name, bytesPerSecond })), builtIn: true });

export const devices: Device[] = [
  device('h100-sxm', 'H100 SXM', { fp16: 989e12, fp8: 1979e12 }, [['dram', 3.35e12], ['l2', 12e12]]),
  device('a100-sxm4-80gb', 'A100 80GB', { fp16: 312e12, fp32: 19.5e12 }, [['dram', 2.039e12], ['l2', 5.12e12]]),
  device('l4', 'L4', { fp16: 121e12, int8: 242e12 }, [['dram', 300e9]]),
];

const model = (name: string, precision: Model['precision'], flops: number, bytes: Record<string, number>, hardware: string[], ops: Op[] | null = null): Model =>
  ({ name, precision, flops, bytes, batch: 1, ops, hardware, measuredSeconds: {} });

const resnetOps: Op[] = [
  ['conv1', 236e6, 9.6e6], ['layer1.0.conv2', 231e6, 1.2e6], ['layer1.0.conv3', 103e6, 3.2e6], ['layer2.0.conv1', 103e6, 2.1e6],
  ['layer2.0.conv2', 231e6, 0.9e6], ['layer3.0.conv2', 231e6, 2.5e6], ['layer4.0.conv2', 231e6, 9.5e6], ['fc', 4.1e6, 8.2e6],
  ['maxpool', 1.8e6, 4.8e6], ['layer4.2.conv3', 103e6, 4.3e6],
].map(([name, flops, bytes]) => ({ name: name as string, flops: flops as number, bytes: { dram: bytes as number } }));
const sum = (ops: Op[]) => ({ flops: ops.reduce((s, o) => s + o.flops, 0), bytes: ops.reduce((s, o) => s + o.bytes.dram!, 0) });
const resnet = sum(resnetOps);

export function models(extra: number, head: boolean): Model[] {
  const out = [
    model('llama-7b-decode', 'fp16', 14e9, { dram: head ? 7e9 : 14e9 }, ['h100-sxm', 'a100-sxm4-80gb']),
    model('bert-large', 'fp16', 2.6e11, head ? { dram: 1.4e9, l2: 3.1e9 } : { dram: 2.1e9, l2: 3.1e9 }, ['a100-sxm4-80gb', 'h100-sxm']),
    model('resnet50', 'fp16', resnet.flops, { dram: resnet.bytes }, ['l4'], resnetOps),
    model('mobilenet-v2', 'int8', 0.6e9, { dram: 86e6 }, ['l4']),
  ];
  for (let i = 0; i < extra; i++) {
    const intensity = 10 ** (-0.5 + (3.5 * i) / Math.max(1, extra - 1));
    out.push(model('model-' + (i + 1), 'fp16', 1e11, { dram: 1e11 / intensity }, [devices[i % 3]!.id]));
  }
  return out;
}

export async function render(extra: number) {
  const byId = new Map(devices.map((d) => [d.id, d]));
  const placeAll = (ms: Model[]) => ms.flatMap((m) => m.hardware.map((id) => place(m, byId.get(id)!)));
  const { results, removed, findings, status } = evaluate(placeAll(models(extra, true)), placeAll(models(extra, false)), undefined);
  const report = { version: 1 as const, status, baseline: 'git:main', results, removed, findings, advice: [] };
  const spec = rooflineSpec(report, { deviceNames: Object.fromEntries(devices.map((d) => [d.id, d.name])) });
  return { spec, svg: await renderSvg(spec), ascii: asciiRoofline(report) };
}
`;

const root = resolve(import.meta.dirname, '..');
const temp = mkdtempSync(join(tmpdir(), 'roofline-chart-'));
try {
  const bundle = join(temp, 'sample.mjs');
  await build({
    stdin: { contents: SAMPLE, resolveDir: root, loader: 'ts', sourcefile: 'sample.ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  const { render } = await import(bundle);
  const { spec, svg, ascii } = await render(Number(args.points));
  const out = resolve(root, args.out);
  writeFileSync(`${out}.svg`, svg);
  if (process.env.CHART_SPEC) writeFileSync(process.env.CHART_SPEC, JSON.stringify(spec, null, 2));
  console.log(ascii);
  const width = Number(/width="(\d+(?:\.\d+)?)"/.exec(svg)?.[1] ?? 760);
  const height = Number(/height="(\d+(?:\.\d+)?)"/.exec(svg)?.[1] ?? 620);
  execFileSync('chromium', [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--hide-scrollbars', `--user-data-dir=${join(temp, 'profile')}`,
    `--screenshot=${out}.png`, `--window-size=${Math.ceil(width)},${Math.ceil(height)}`, `file://${out}.svg`,
  ], { stdio: 'ignore' });
  console.log(`wrote ${out}.svg and ${out}.png (${Math.ceil(width)} x ${Math.ceil(height)})`);
} finally {
  rmSync(temp, { recursive: true, force: true });
}
