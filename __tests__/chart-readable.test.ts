import { beforeAll, describe, expect, it } from '@jest/globals';
import { rooflineSpec } from '../src/core/chart/index.js';
import { textWidth } from '../src/core/chart/text-width.js';
import { evaluate } from '../src/core/gate/index.js';
import type { Report } from '../src/core/report/types.js';
import { place } from '../src/core/roofline.js';
import type { Device, Model } from '../src/core/types.js';
import { renderSvg } from '../src/render/svg.js';
import { DEVICE_COLORS, DEVICE_SHAPES } from '../src/core/chart/theme.js';

// The chart as a reviewer sees it at 12 models x 3 devices: rendered to SVG by Vega, then measured in the SVG
// itself (where Vega put each text and each mark), not in the layout that asked for it.

const device = (id: string, name: string, flopsPerSecond: Device['flopsPerSecond'], levels: Array<[string, number]>): Device => ({
  id,
  name,
  builtIn: false,
  flopsPerSecond,
  levels: levels.map(([level, bytesPerSecond]) => ({ name: level, bytesPerSecond })),
});

const DEVICES = [
  device('h100-sxm', 'H100 SXM', { fp16: 989e12, int8: 1979e12 }, [['dram', 3.35e12], ['l2', 12e12]]),
  device('a100-sxm4-80gb', 'A100 80GB', { fp16: 312e12, int8: 624e12 }, [['dram', 2.039e12], ['l2', 5.12e12]]),
  device('l4', 'L4', { fp16: 121e12, int8: 242e12 }, [['dram', 300e9], ['l2', 2e12]]),
];
const NAMES = { deviceNames: Object.fromEntries(DEVICES.map((d) => [d.id, d.name])) };

function model(name: string, precision: Model['precision'], flops: number, bytes: Model['bytes']): Model {
  return {
    name, precision, flops, bytes, kinds: {}, bits: { weights: 16, activations: 16, kv: 16 }, batch: 1,
    ops: null, hardware: DEVICES.map((d) => d.id), measuredSeconds: {},
  };
}

function reportOf(head: Model[], base: Model[] | null): Report {
  const byId = new Map(DEVICES.map((d) => [d.id, d]));
  const placeAll = (models: Model[]) => models.flatMap((m) => m.hardware.map((id) => place(m, byId.get(id)!)));
  const { results, removed, findings, status } = evaluate(placeAll(head), base && placeAll(base), undefined);
  return { version: 2, status, baseline: base ? 'git:main' : null, results, removed, findings, advice: [] };
}

/**
 * 12 models as a team might have them: intensities in clusters (two near 1, two near 9, two near 60, two
 * near 300 FLOP/B), some with L2 traffic, two precisions; each on the 3 devices.
 */
const TWELVE = [
  model('llama-7b-decode', 'fp16', 14e9, { dram: 14e9 }),
  model('mistral-7b-decode', 'fp16', 14.5e9, { dram: 12e9 }),
  model('bert-base', 'fp16', 22e9, { dram: 11e9, l2: 20e9 }),
  model('whisper-small', 'fp16', 60e9, { dram: 7e9 }),
  model('t5-base', 'fp16', 70e9, { dram: 7.5e9, l2: 9e9 }),
  model('mobilenet-v2', 'int8', 0.6e9, { dram: 10e6 }),
  model('vit-b16', 'fp16', 35e9, { dram: 0.55e9, l2: 0.6e9 }),
  model('resnet50', 'fp16', 8.2e9, { dram: 30e6 }),
  model('yolov8-m', 'int8', 79e9, { dram: 0.25e9 }),
  model('sd-unet', 'fp16', 800e9, { dram: 2.4e9, l2: 3e9 }),
  model('bert-large', 'fp16', 260e9, { dram: 0.2e9, l2: 1.1e9 }),
  model('llama-7b-prefill', 'int8', 28e12, { dram: 14e9 }),
];
/** The baseline: three models moved a lot, one (whisper-small) by 2%. */
const BASE = TWELVE.map((m) => {
  const scale = { 'llama-7b-decode': 2, 'bert-base': 1.5, 'resnet50': 0.7, 'whisper-small': 1.02 }[m.name];
  return scale ? { ...m, bytes: { ...m.bytes, dram: m.bytes.dram! * scale } } : m;
});
const REPORT = reportOf(TWELVE, BASE);

// --- Reading the SVG: text items and symbol marks of the roofline view (the first of the vconcat).

type Corner = readonly [number, number];
interface Box {
  what: string;
  corners: Corner[];
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The groups of one kind of mark in the roofline view, e.g. 'mark-text role-mark concat_0'. */
function groups(svg: string, kind: string): string[] {
  return [...svg.matchAll(new RegExp(`<g class="${kind}[^"]*"[^>]*>(.*?)</g>`, 'gs'))].map((m) => m[1]!);
}

/** An element's `translate(x,y)`, and for rotated text the `rotate(angle) translate(dx,dy)` Vega adds after it. */
function translate(element: string): { x: number; y: number; angle: number; dx: number; dy: number } {
  const n = '(-?[\\d.]+(?:e-?\\d+)?)';
  const m = new RegExp(`transform="translate\\(${n},${n}\\)(?: rotate\\(${n}\\))?(?: translate\\(${n},${n}\\))?"`).exec(element)!;
  const [x, y, angle, dx, dy] = m.slice(1).map((v) => Number(v ?? 0));
  return { x: x!, y: y!, angle: angle!, dx: dx!, dy: dy! };
}

/**
 * The box each label's glyphs cover: from its anchor (text-anchor start, middle or end) the DejaVu Sans
 * advance width across; from the baseline Vega writes, 0.76 em up (the ascender of digits and capitals,
 * 0.73 em, with a little room) and 0.24 em down (descenders); rotated about the anchor as Vega rotates it.
 */
function labelBoxes(svg: string): Box[] {
  return groups(svg, 'mark-text role-mark concat_0').flatMap((group) =>
    [...group.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)].map(([, attributes, content]) => {
      const text = unescape(content!);
      const { x, y, angle, dx, dy } = translate(attributes!);
      const fontSize = Number(/font-size="([\d.]+)px"/.exec(attributes!)![1]);
      const anchor = /text-anchor="(\w+)"/.exec(attributes!)![1];
      const width = textWidth(text, fontSize);
      const left = anchor === 'start' ? 0 : anchor === 'middle' ? -width / 2 : -width;
      const [cos, sin] = [Math.cos((angle * Math.PI) / 180), Math.sin((angle * Math.PI) / 180)];
      const [top, bottom] = [dy - 0.76 * fontSize, dy + 0.24 * fontSize];
      const local: Corner[] = [[dx + left, top], [dx + left + width, top], [dx + left + width, bottom], [dx + left, bottom]];
      return { what: `label '${text}'`, corners: local.map(([u, v]) => [x + u * cos - v * sin, y + u * sin + v * cos] as const) };
    }),
  );
}

/**
 * The square around each point and baseline mark. Vega draws every symbol shape (circle, square, diamond)
 * starting from a corner or tip at its half-size: `M5,0A5,5...`, `M-5,-5h10...`, `M-5,0L0,-5...`.
 */
function pointBoxes(svg: string): Box[] {
  return groups(svg, 'mark-symbol role-mark concat_0').flatMap((group) =>
    [...group.matchAll(/<path aria-label="([^"]*)"[^>]*?transform="[^"]*"[^>]*?d="([^"]*)"/g)]
      // A point's ARIA label starts with its number, a baseline mark's with `baseline of` (core/chart/aria.ts).
      .filter(([, label]) => /^(baseline of )?\d+\. /.test(label!))
      .map(([element, label, d]) => {
        const { x, y } = translate(element);
        const [x0, y0] = /^M(-?[\d.]+),(-?[\d.]+)/.exec(d!)!.slice(1).map((n) => Math.abs(Number(n)));
        const r = Math.max(x0!, y0!);
        return { what: `mark '${unescape(label!).split(';')[0]}'`, corners: [[x - r, y - r], [x + r, y - r], [x + r, y + r], [x - r, y + r]] };
      }),
  );
}

/** Separating axes: two convex quadrilaterals overlap when no edge normal of either separates them. */
function overlap(a: Box, b: Box): boolean {
  for (const shape of [a.corners, b.corners]) {
    for (let i = 0; i < shape.length; i++) {
      const [x0, y0] = shape[i]!;
      const [x1, y1] = shape[(i + 1) % shape.length]!;
      const project = (corners: Corner[]) => corners.map(([x, y]) => x * (y0 - y1) + y * (x1 - x0));
      const [pa, pb] = [project(a.corners), project(b.corners)];
      if (Math.max(...pa) <= Math.min(...pb) || Math.max(...pb) <= Math.min(...pa)) return false;
    }
  }
  return true;
}

function collisions(svg: string): string[] {
  const labels = labelBoxes(svg);
  const marks = pointBoxes(svg);
  const found: string[] = [];
  labels.forEach((label, i) => {
    for (const other of [...labels.slice(i + 1), ...marks]) if (overlap(label, other)) found.push(`${label.what} covers ${other.what}`);
  });
  return found;
}

describe('the chart at 12 models x 3 devices, measured in its SVG', () => {
  let svg: string;
  beforeAll(async () => {
    svg = await renderSvg(rooflineSpec(REPORT, NAMES));
  });

  it('draws 36 points, 36 baseline marks and a label per point', () => {
    expect(pointBoxes(svg)).toHaveLength(72);
    const texts = labelBoxes(svg).map((b) => b.what);
    for (let n = 1; n <= 36; n++) expect(texts).toContain(`label '${n}'`);
  });

  it('has no label over another label, a point or a baseline mark', () => {
    expect(collisions(svg)).toEqual([]);
  });

  it('draws an arrow for every pair that moved, at least 10 px long: whisper-small\'s 2% move too', () => {
    // The arrows are the roofline view's grey rules; Vega writes each as a line from its translate by (x2, y2).
    const arrows = groups(svg, 'mark-rule role-mark concat_0')
      .flatMap((group) => [...group.matchAll(/<line [^>]*x2="([-\d.e]+)" y2="([-\d.e]+)" stroke="#6b7280"/g)])
      .map(([, x2, y2]) => Math.hypot(Number(x2), Number(y2)));
    expect(arrows).toHaveLength(12); // 4 models moved, on 3 devices each
    for (const length of arrows) expect(length).toBeGreaterThanOrEqual(10 - 1e-9);
  });

  it('the measuring sees an overlap where there is one', () => {
    const a: Box = { what: 'a', corners: [[0, 0], [10, 0], [10, 10], [0, 10]] };
    const b: Box = { what: 'b', corners: [[9, 9], [20, 9], [20, 20], [9, 20]] };
    const c: Box = { what: 'c', corners: [[10, 0], [20, 0], [20, 10], [10, 10]] };
    expect([overlap(a, b), overlap(a, c)]).toEqual([true, false]);
  });
});

describe('the 12 models x 3 devices with a 4-point batch sweep added, measured in its SVG', () => {
  // A decode swept over batch, on every device: intensity the batch, 1 to 128 FLOP/B, through the clusters.
  const swept = [1, 8, 32, 128].map((batch) => ({
    ...model(`decode@b${batch}`, 'fp16', 16e9 * batch, { dram: 16e9 }),
    batch,
    sweep: { of: 'decode', by: 'batch' as const, batch, context: 4096 },
  }));
  let svg: string;
  beforeAll(async () => {
    svg = await renderSvg(rooflineSpec(reportOf([...TWELVE, ...swept], [...BASE, ...swept]), NAMES));
  });

  it('draws a line per device through the sweep\'s points', () => {
    expect(groups(svg, 'mark-line role-mark concat_0')).toHaveLength(3);
    expect(pointBoxes(svg)).toHaveLength(2 * 48);
  });

  it('has no label over another label, a point or a baseline mark', () => {
    expect(collisions(svg)).toEqual([]);
  });
});

describe('roofs at one height: H100 and H200 at 989 TFLOP/s in fp16 and bf16, the A100 at 312 in both', () => {
  // The 12 models, every other one in bf16, on the three devices: their compute-bound points crowd both roofs.
  const devices = [
    device('h100-sxm', 'H100 SXM', { fp16: 989e12, bf16: 989e12 }, [['dram', 3.35e12], ['l2', 12e12]]),
    device('h200-sxm', 'H200 SXM', { fp16: 989e12, bf16: 989e12 }, [['dram', 4.8e12], ['l2', 12e12]]),
    DEVICES[1]!,
  ];
  devices[2] = { ...devices[2]!, flopsPerSecond: { fp16: 312e12, bf16: 312e12 } };
  const names = { deviceNames: Object.fromEntries(devices.map((d) => [d.id, d.name])) };
  const models = TWELVE.map((m, i) => ({ ...m, precision: i % 2 ? 'bf16' : 'fp16', hardware: devices.map((d) => d.id) }) as Model);
  let svg: string;
  beforeAll(async () => {
    const saved = DEVICES.splice(0, DEVICES.length, ...devices);
    try {
      svg = await renderSvg(rooflineSpec(reportOf(models, models), names));
    } finally {
      DEVICES.splice(0, DEVICES.length, ...saved);
    }
  });

  it('says each height once, naming every device and precision on it; two devices\' label in neither\'s colour', () => {
    const roofLabels = [...svg.matchAll(/<text [^>]*fill="([^"]+)"[^>]*>([^<]* roof [^<]*)<\/text>/g)].map(([, fill, text]) => [unescape(text!), fill]);
    expect(roofLabels).toEqual([
      ['H100 SXM, H200 SXM · fp16/bf16 roof 989 TFLOP/s', '#1f2937'],
      ['A100 80GB · fp16/bf16 roof 312 TFLOP/s', DEVICE_COLORS[2]],
    ]);
  });

  it('has no label over another label, and no roof label over a point or a baseline mark', () => {
    // Of 36 numbers, one ('26', among six points within 40 px on the 989 roof) fits only over marks.
    const found = collisions(svg);
    expect(found.filter((c) => / covers label /.test(c) || /FLOP\/s' covers/.test(c))).toEqual([]);
    expect(new Set(found.map((c) => c.split(' covers ')[0]))).toEqual(new Set(["label '26'"]));
  });
});

describe('a device\'s colour and shape', () => {
  type Json = Record<string, any>;
  /** Device name -> [colour, shape] as the spec's device scales give them. */
  function styles(models: Model[]): Record<string, [string, string]> {
    const layer = ((rooflineSpec(reportOf(models, null), NAMES) as Json).vconcat[0].layer as Json[]).find((l) => l.encoding.shape && l.encoding.fill)!;
    const { stroke, shape } = layer.encoding;
    return Object.fromEntries((stroke.scale.domain as string[]).map((name, i) => [name, [stroke.scale.range[i], shape.scale.range[i]]]));
  }
  const on = (...hardware: string[]) => [{ ...TWELVE[0]!, hardware }];

  it('follow its id, not its place in the report: the H100 looks the same beside the A100 or after the L4', () => {
    // FNV-1a of the ids, mod 8 (worked out apart from the code): h100-sxm 1, a100-sxm4-80gb 2, l4 5.
    expect(styles(on('h100-sxm', 'a100-sxm4-80gb'))).toEqual({
      'H100 SXM': [DEVICE_COLORS[1], DEVICE_SHAPES[1]],
      'A100 80GB': [DEVICE_COLORS[2], DEVICE_SHAPES[2]],
    });
    expect(styles(on('l4', 'h100-sxm'))).toEqual({
      L4: [DEVICE_COLORS[5], DEVICE_SHAPES[5]],
      'H100 SXM': [DEVICE_COLORS[1], DEVICE_SHAPES[1]],
    });
  });

  it('is never shared by two devices of one chart: of two ids that hash alike, the second in id order takes the next colour', () => {
    // 'l4' and 't4' both hash to 5 mod 8. (The T4 has no display name here: it is shown by its id.)
    const t4 = device('t4', 'T4', { fp16: 65e12, int8: 130e12 }, [['dram', 320e9], ['l2', 1.5e12]]);
    DEVICES.push(t4);
    try {
      expect(styles(on('t4', 'l4'))).toEqual({ t4: [DEVICE_COLORS[6], DEVICE_SHAPES[6]], L4: [DEVICE_COLORS[5], DEVICE_SHAPES[5]] });
    } finally {
      DEVICES.pop();
    }
  });
});

describe('a report too large to draw', () => {
  /** 167 models on the 3 devices (501 pairs), intensities spread over four decades; `moved` of them changed. */
  function large(moved: (i: number) => boolean): Report {
    const head = Array.from({ length: 167 }, (_, i) => model(`m-${i + 1}`, 'fp16', 1e11, { dram: 1e11 / 10 ** (-0.5 + (4 * i) / 166) }));
    const base = head.map((m, i) => (moved(i) ? { ...m, bytes: { dram: m.bytes.dram! * 1.3 } } : m));
    return reportOf(head, base);
  }
  const subtitle = (report: Report) => ((rooflineSpec(report, NAMES) as Record<string, any>).title.subtitle as string[]).join('\n');

  it('draws only the changed pairs and says how many were left out; its SVG stays under 1 MB', async () => {
    const report = large((i) => i % 25 === 0); // models 1, 26, ..., 151: 7 models, 21 pairs
    const svg = await renderSvg(rooflineSpec(report, NAMES));
    expect(pointBoxes(svg)).toHaveLength(42); // 21 points and their 21 baseline marks
    expect(subtitle(report)).toContain('480 unchanged pairs of 501 left out: only the changed and flagged are drawn.');
    expect(subtitle(report)).toContain('21 model × hardware pairs at their attainable FLOP/s');
    expect(Buffer.byteLength(svg)).toBeLessThan(1e6);
  });

  it('draws at most 200 when more changed, and says so', async () => {
    const report = large(() => true);
    const svg = await renderSvg(rooflineSpec(report, NAMES));
    expect(pointBoxes(svg)).toHaveLength(400);
    expect(subtitle(report)).toContain('301 of 501 pairs left out: only the 200 flagged or changed most are drawn.');
    expect(Buffer.byteLength(svg)).toBeLessThan(1e6);
  });

  it('draws every pair of a report of up to 200, changed or not', () => {
    const head = Array.from({ length: 66 }, (_, i) => model(`m-${i + 1}`, 'fp16', 1e11, { dram: 1e11 / 10 ** (-0.5 + (4 * i) / 65) }));
    const text = subtitle(reportOf(head, head));
    expect(text).toContain('198 model × hardware pairs at their attainable FLOP/s');
    expect(text).not.toContain('left out');
  });
});
