// The reviewer's view: findings grouped by model and cause, the comment's order, report.md uncut, the
// annotations within what GitHub shows, and a table narrow enough for a pull request's column.
import { describe, expect, it } from '@jest/globals';
import { findingAnnotations } from '../src/action/annotations.js';
import { loadConfig } from '../src/core/config/index.js';
import { ANNOTATIONS_SHOWN, COMMENT_MAX } from '../src/core/limits.js';
import { buildReport } from '../src/core/report/build.js';
import { findingGroups, groupLine } from '../src/core/report/finding-groups.js';
import { renderMarkdown } from '../src/core/report/markdown.js';
import { narrowColumnsFor, narrowRow } from '../src/core/report/table.js';

// Three devices, all with 1 TB/s of DRAM: ridges 100, 200 and 400 FLOP/B.
const DEVICES =
  'devices:\n' +
  '  d1: { name: D1, compute: { fp16: 100 TFLOP/s }, memory: { dram: 1 TB/s } }\n' +
  '  d2: { name: D2, compute: { fp16: 200 TFLOP/s }, memory: { dram: 1 TB/s } }\n' +
  '  d3: { name: D3, compute: { fp16: 400 TFLOP/s }, memory: { dram: 1 TB/s } }\n';
const GATE = 'gate:\n  models:\n    b: { budgets: { max-latency: 100 us } }\n';
const config = (aBytes: string, bFlops: string) =>
  loadConfig(
    `version: 1\nhardware: [d1, d2, d3]\n${DEVICES}models:\n` +
      `  - { name: a, precision: fp16, flops: 1 TFLOP, bytes: ${aBytes} }\n` +
      `  - { name: b, precision: fp16, flops: ${bFlops}, bytes: 10 MB }\n` +
      '  - { name: c, precision: fp16, flops: 1 GFLOP, bytes: 1 GB }\n' +
      GATE,
    'roofline.yml',
  );

// a: 1 TFLOP over 8 GB is I = 125: compute-bound on d1 (10 ms), memory-bound on d2 and d3 (8 ms). Over 12 GB
// (+50.0%) I = 83.3 (-33.3%), memory-bound everywhere at 12 ms: throughput -16.7% on d1, -33.3% on d2 and d3.
// b: 10 GFLOP over 10 MB is compute-bound everywhere; 10.3 GFLOP (+3.0%) takes 3% longer, throughput
// 1 / 1.03 - 1 = -2.9% (a warning), and 103 us on d1 breaks its 100 us budget (d2: 51.5 us, d3: 25.8 us).
// c does not change.
const report = buildReport(config('12 GB', '10.3 GFLOP'), config('8 GB', '10 GFLOP'), 'main');

describe('findingGroups', () => {
  it('gives one line per model and cause, the failing ones first, with exact figures', () => {
    expect(findingGroups(report).map((group) => [group.severity, groupLine(group), group.findings.length])).toEqual([
      ['fail', 'a: DRAM bytes +50.0% -> throughput -16.7% to -33.3% on 3 devices; compute-bound -> memory-bound (DRAM) on d1; DRAM intensity -33.3% on 3 devices', 7],
      ['fail', 'b: time per pass over the 100 us budget on d1', 1],
      ['warn', 'b: FLOPs +3.0% -> throughput -2.9% on 3 devices', 3],
    ]);
    expect(report.findings).toHaveLength(11);
  });

  it('names up to two devices and counts more', () => {
    const two = { ...report, findings: report.findings.filter((finding) => finding.model === 'b' && finding.hardware !== 'd3') };
    expect(findingGroups(two).map(groupLine)).toEqual(['b: time per pass over the 100 us budget on d1', 'b: FLOPs +3.0% -> throughput -2.9% on d1 and d2']);
  });

  it("words the LLM rules too: a footprint over the device's memory, a crossover past the served batch", () => {
    const llm = {
      ...report,
      findings: [
        { rule: 'max-crossover-batch' as const, severity: 'fail' as const, model: 'c', hardware: 'd1', message: 'm', after: 42, limit: 16 },
        { rule: 'exceeds-memory' as const, severity: 'fail' as const, model: 'c', hardware: 'd2', message: 'm', after: 2e11, limit: 8e10 },
      ],
    };
    // Both are about the head alone (no baseline cause), so they share the model's one line.
    expect(findingGroups(llm).map(groupLine)).toEqual(["c: memory footprint over the device's memory on d2; decode compute-bound only past the served batch 16 on d1"]);
  });

  it('is empty without findings', () => {
    expect(findingGroups({ ...report, findings: [] })).toEqual([]);
  });
});

describe('the comment answers first', () => {
  const md = renderMarkdown(report, { limit: COMMENT_MAX });
  const lines = md.split('\n');
  const at = (text: string) => lines.findIndex((line) => line.startsWith(text));

  it('verdict, the grouped lines, the folded findings, the changed pairs, then the unchanged pairs folded', () => {
    const order = [
      at('### ❌ roofline-gate: fail'),
      at('- 🔴 **a**: DRAM bytes +50.0% -&gt; throughput -16.7% to -33.3% on 3 devices; compute-bound -&gt; memory-bound (DRAM) on d1; DRAM intensity -33.3% on 3 devices'),
      at('- 🔴 **b**: time per pass over the 100 us budget on d1'),
      at('- 🟡 **b**: FLOPs +3.0% -&gt; throughput -2.9% on 3 devices'),
      at('<details><summary>Findings (11)</summary>'),
      at('- 🔴 **fail** `bound-shift`: a on d1 moved from compute-bound to memory-bound (DRAM)'),
      at('| Model | Change | Hardware | Bound | Intensity / ridge | Throughput |'),
      at('| a | -16.7% | d1 | **memory** | 83.3 (DRAM) / 100 | 83.3/s |'),
      at('| b | -2.9% | d3 | compute | 1030 (DRAM) / 400 | 38.8k/s |'),
      at('<details><summary>3 unchanged pairs</summary>'),
      at('| c | 0.0% | d1 | **memory** | 1.00 (DRAM) / 100 | 1.00k/s |'),
    ];
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    // Every changed pair before the fold, every unchanged one inside it.
    const fold = at('<details><summary>3 unchanged pairs</summary>');
    expect(lines.slice(0, fold).filter((line) => /^\| [abc] \|/.test(line))).toHaveLength(6);
    expect(lines.slice(fold).filter((line) => /^\| c \|/.test(line))).toHaveLength(3);
  });

  it('report.md carries every row and every finding: folded, never cut', () => {
    const full = renderMarkdown(report, { limit: null });
    expect(full.split('\n').filter((line) => /^\| [abc] \|/.test(line))).toHaveLength(9);
    expect(full.split('\n').filter((line) => /^- [🔴🟡] \*\*(fail|warn)\*\*/u.test(line))).toHaveLength(11);
    expect(full).not.toMatch(/_Showing|more findings in report\.json/);
  });

  it('sheds the unchanged rows before the changed ones to fit a limit', () => {
    // Without advice (shed first), 100 characters fewer take the unchanged rows (one row of three and the
    // line saying so would be longer than three) and leave the findings.
    const plain = { ...report, advice: [], notes: [] };
    const cut = renderMarkdown(plain, { limit: { chars: renderMarkdown(plain, { limit: null }).length - 100 } });
    expect(cut.split('\n').filter((line) => /^\| [ab] \|/.test(line))).toHaveLength(6);
    expect(cut).toContain('<details><summary>3 unchanged pairs</summary>\n\n_Left out to fit GitHub\'s size limit; report.md and report.json in the out dir have them all._');
    expect(cut.split('\n').filter((line) => /^- [🔴🟡] \*\*(fail|warn)\*\*/u.test(line))).toHaveLength(11);
  });
});

// 12 models on 3 real devices, as in scripts/render-comment.mjs: each model's DRAM bytes grow by 50% in the
// head, so each is one failing line. Model i does 100 (i + 1) GFLOP over 1 + i / 4 GB. The last three
// (I = 308, 314, 320 -> 205, 210, 213 FLOP/B) turn memory-bound on h100-sxm (ridge 295) and mi300x (247) but
// not on a100-sxm4-80gb (153): 2 throughput drops, 3 intensity drops and 2 bound shifts each, 21 findings.
const NAMES = ['resnet50', 'vit-b16', 'bert-large', 'gpt2-medium', 'whisper-small', 'efficientnet-b4', 'unet-sd15', 't5-base', 'yolov8m', 'clip-vit-l14', 'mistral-7b-prefill', 'llama-3-8b-decode'];
const twelve = (scale: number) =>
  loadConfig(
    'version: 1\nhardware: [a100-sxm4-80gb, h100-sxm, mi300x]\nmodels:\n' +
      NAMES.map((name, i) => `  - { name: ${name}, precision: fp16, flops: ${100 * (i + 1)} GFLOP, bytes: ${(1 + i / 4) * scale} GB }\n`).join(''),
    'roofline.yml',
  );
const thirtySix = buildReport(twelve(1.5), twelve(1), 'main');

describe('at 12 models x 3 devices', () => {
  it('emits no more annotations than GitHub shows: one per model line, the last error counting the rest', () => {
    expect(thirtySix.results).toHaveLength(36);
    expect(findingGroups(thirtySix)).toHaveLength(12);
    const annotations = findingAnnotations(thirtySix);
    expect(annotations.filter((a) => a.severity === 'fail')).toHaveLength(ANNOTATIONS_SHOWN);
    expect(annotations.filter((a) => a.severity === 'warn')).toHaveLength(0);
    expect(annotations.at(-1)!.message).toBe('…and 3 more failing models or causes (21 findings): see the job summary.');
    expect(annotations[0]!).toEqual({
      severity: 'fail',
      model: 'resnet50',
      title: 'roofline-gate: throughput-drop, intensity-drop',
      message: [
        'resnet50: DRAM bytes +50.0% -> throughput -33.3% on 3 devices; DRAM intensity -33.3% on 3 devices',
        ...thirtySix.findings.filter((f) => f.model === 'resnet50').map((f) => `- fail: ${f.message}`),
      ].join('\n'),
    });
  });

  it('keeps the table within a width budget: 6 columns, no cell over 20 characters, no row over 80', () => {
    // 80 characters of cells and 6 columns of 26 px padding measured 733 px of the 782 px a 900 px
    // conversation column leaves a comment (scripts/render-comment.mjs checks that in Chromium).
    const columns = narrowColumnsFor(thirtySix);
    expect(columns).toEqual(['model', 'change', 'hardware', 'bound', 'intensity', 'throughput']);
    const rows = thirtySix.results.map((result) => columns.map((column) => narrowRow(result, true)[column]));
    expect(Math.max(...rows.flat().map((cell) => cell.length))).toBeLessThanOrEqual(20);
    expect(Math.max(...rows.map((cells) => cells.join('').length))).toBeLessThanOrEqual(80);
  });
});

describe('a model given as ops', () => {
  // d1: 100 TFLOP/s, 1 TB/s. Ops a (1 GFLOP, 1 GB) and b (1 GFLOP, 1 GB) are memory-bound at 1 ms each; b's
  // bytes growing to 2 GB makes the pass 3 ms instead of 2: DRAM bytes 2 GB -> 3 GB (+50.0%), throughput
  // 500/s -> 333/s (-33.3%). The cause names the op that moved, not the one that did not.
  const opConfig = (bBytes: string) =>
    loadConfig(
      `version: 1\nhardware: [d1]\n${DEVICES}models:\n  - name: m\n    precision: fp16\n    ops:\n` +
        '      - { name: a, flops: 1 GFLOP, bytes: 1 GB }\n' +
        `      - { name: b, flops: 1 GFLOP, bytes: ${bBytes} }\n`,
      'roofline.yml',
    );
  it('names the ops behind the cause', () => {
    const ops = buildReport(opConfig('2 GB'), opConfig('1 GB'), 'main');
    expect(findingGroups(ops).map(groupLine)[0]).toBe('m: DRAM bytes +50.0% (op: b) -> throughput -33.3% on d1; DRAM intensity -33.3% on d1');
  });
});
