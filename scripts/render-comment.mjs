// Renders the pull-request comment for the README's screenshots and checks that its tables fit:
//
//   node scripts/render-comment.mjs [out-dir]      (default docs/: comment.png and comment-36.png)
//
// Two pull requests. comment.png: the example config (examples/roofline.yml) is the baseline and a copy
// with the decode layer's attention reading more KV cache is the head. comment-36.png: 12 models on 3
// devices, generated here, where a pull request moves ResNet-50's DRAM bytes and one transformer's KV cache.
// The bundled CLI renders each report with the same renderMarkdown the action's comment uses, wrapped here
// in the comment's hidden markers and footer. cmark-gfm (GitHub's own renderer, with its GFM extensions)
// turns it into HTML styled like a GitHub comment, and headless Chromium, 900 px wide like a PR's
// conversation column, measures every table (opened, folded ones too) and takes the picture. A table wider
// than its column fails the script. Needs `npm run build` first, and cmark-gfm and chromium on the PATH.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// GitHub's comment look, from its primer styles: system font, 14px, bordered tables, grey code blocks.
const CSS = `
body { margin: 0; padding: 16px; background: #fff; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif, "Noto Color Emoji"; color: #1f2328; }
.timeline { display: flex; gap: 12px; }
.avatar { flex: none; width: 40px; height: 40px; border-radius: 50%; background: #2da44e; color: #fff; display: grid; place-items: center; font-size: 18px; }
.comment { flex: 1; border: 1px solid #d1d9e0; border-radius: 6px; overflow: hidden; }
.head { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; padding: 8px 16px; color: #59636e; }
.head b { color: #1f2328; }
.bot { border: 1px solid #d1d9e0; border-radius: 2em; padding: 0 7px; font-size: 12px; }
.markdown-body { padding: 16px; }
.markdown-body > :first-child { margin-top: 0; }
h3 { font-size: 1.25em; font-weight: 600; margin: 16px 0 16px; }
p, ul, table, details, pre { margin: 0 0 16px; }
ul { padding-left: 2em; }
code { font: 85% ui-monospace, SFMono-Regular, "DejaVu Sans Mono", monospace; background: #818b981f; border-radius: 6px; padding: .2em .4em; }
pre { background: #f6f8fa; border-radius: 6px; padding: 16px; overflow: auto; font: 12px/1.45 ui-monospace, "DejaVu Sans Mono", monospace; }
pre code { background: none; padding: 0; font-size: 100%; }
table { border-collapse: collapse; display: block; width: max-content; max-width: 100%; overflow: auto; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
th { font-weight: 600; }
tr:nth-child(2n) { background: #f6f8fa; }
img { max-width: 100%; }
details summary { cursor: pointer; }
a { color: #0969da; text-decoration: none; }
sub { color: #59636e; }
`;

/** A pull request's conversation column, avatar included, is about this wide on a laptop. */
const WIDTH = 900;

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.resolve(process.argv[2] ?? path.join(root, 'docs'));
const dir = mkdtempSync(path.join(tmpdir(), 'roofline-comment-'));
mkdirSync(outDir, { recursive: true });

/** `text` with each [pattern, replacement] applied; a pattern that no longer matches is an error. */
function edit(text, edits) {
  return edits.reduce((out, [from, to]) => {
    if (!from.test(out)) throw new Error(`${from} no longer matches: update this script`);
    return out.replace(from, to);
  }, text);
}

/** The example: the decode layer reads 50% more KV cache and ResNet-50 moves 3% more bytes. */
function examplePair() {
  const base = readFileSync(path.join(root, 'examples', 'roofline.yml'), 'utf8').replace(/^# yaml-language-server.*\n/, '');
  const head = edit(base, [
    [/(name: attention, +flops: 268 MFLOP, +bytes: \{ kv:) 268\.4 MB/, '$1 402.6 MB'],
    [/(name: resnet50[\s\S]*?bytes:) 1\.52 GB/, '$1 1.565 GB'],
  ]);
  return { base, head };
}

/**
 * 12 models on 3 devices (36 pairs). Figures are plausible per-pass totals, not measurements: the picture is
 * about the comment's layout. The head moves ResNet-50's DRAM bytes by 27% (throughput falls on every device,
 * and on the A100 it turns memory-bound), BERT-Large's by 2.8% (a warning) and doubles the decode model's
 * KV cache.
 */
function thirtySixPairs() {
  const models = [
    ['resnet50', 'fp16', '131.2 GMAC', '1.64 GB'],
    ['vit-b16', 'fp16', '281 GFLOP', '1.1 GB'],
    ['bert-large', 'fp16', '2.5 TFLOP', '36 GB'],
    ['gpt2-medium', 'fp16', '1.4 TFLOP', '4.1 GB'],
    ['whisper-small', 'fp16', '310 GFLOP', '1.9 GB'],
    ['efficientnet-b4', 'fp16', '123 GFLOP', '3.9 GB'],
    ['unet-sd15', 'fp16', '1.6 TFLOP', '5.2 GB'],
    ['t5-base', 'bf16', '745 GFLOP', '2.6 GB'],
    ['yolov8m', 'fp16', '632 GFLOP', '2.4 GB'],
    ['clip-vit-l14', 'fp16', '1.3 TFLOP', '2.9 GB'],
    ['mistral-7b-prefill', 'bf16', '29 TFLOP', '15.2 GB'],
  ];
  const totals = models.map(([name, precision, work, bytes]) => `  - { name: ${name}, precision: ${precision}, ${work.endsWith('MAC') ? 'macs' : 'flops'}: ${work}, bytes: ${bytes} }`);
  const decode = (kv) => [
    '  - name: llama-3-8b-decode',
    '    precision: bf16',
    '    batch: 16',
    '    ops:',
    '      - { name: qkv_proj, flops: 1.6 GFLOP, bytes: { weights: 50.3 MB } }',
    `      - { name: attention, flops: 2.1 GFLOP, bytes: { kv: ${kv} } }`,
    '      - { name: mlp, flops: 11.3 GFLOP, bytes: { weights: 352 MB } }',
  ];
  const config = (resnet, bert, kv) =>
    ['version: 1', 'hardware: [a100-sxm4-80gb, h100-sxm, mi300x]', 'models:', ...totals.map((line) => line.replace(/(resnet50.*bytes:) 1\.64 GB/, `$1 ${resnet}`).replace(/(bert-large.*bytes:) 36 GB/, `$1 ${bert}`)), ...decode(kv), ''].join('\n');
  return { base: config('1.64 GB', '36 GB', '537 MB'), head: config('2.083 GB', '37 GB', '1.074 GB') };
}

/** The comment's Markdown for a pull request from `base` to `head`, as the action would post it. */
function commentMarkdown(name, { base, head }) {
  const work = path.join(dir, name);
  mkdirSync(work);
  writeFileSync(path.join(work, 'base.yml'), base);
  writeFileSync(path.join(work, 'roofline.yml'), head);
  const cli = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'check', '--base', 'base.yml', '--out', 'out'], { cwd: work, encoding: 'utf8' });
  if (cli.status === 2) throw new Error(cli.stderr);
  const report = readFileSync(path.join(work, 'out', 'report.md'), 'utf8');
  // What src/action/comment-body.ts adds around the report: two hidden markers and the footer.
  return [
    '<!-- roofline-gate:sticky roofline.yml -->',
    '<!-- roofline-gate:run 2025-01-01T00:00:00.000Z 1 1 0 -->',
    report.replace('](roofline.svg)', `](${path.join(work, 'out', 'roofline.svg')})`).trimEnd(),
    '',
    '<sub>roofline-gate for 1f3a9c2 · [workflow run](#)</sub>',
  ].join('\n');
}

// The first pass opens every <details>, writes each table's scroll and visible widths and the page's height
// into the DOM that --dump-dom prints, then closes them again.
const MEASURE = `addEventListener('load', () => {
  const folds = [...document.querySelectorAll('details')];
  folds.forEach((d) => (d.open = true));
  // Measured unwrapped: a table that fits only by wrapping its cells onto two lines does not fit.
  const widths = [...document.querySelectorAll('.markdown-body table')].map((t) => {
    t.style.whiteSpace = 'nowrap';
    const width = t.scrollWidth + '/' + t.clientWidth;
    t.style.whiteSpace = '';
    return width;
  });
  folds.forEach((d) => (d.open = false));
  document.body.setAttribute('data-tables', widths.join(' '));
  document.body.setAttribute('data-height', document.documentElement.scrollHeight);
});`;

function screenshot(name, markdown, out, { strict }) {
  const html = `<!doctype html><meta charset="utf-8"><style>${CSS}</style>
<div class="timeline"><div class="avatar">▶</div><div class="comment">
<div class="head"><b>github-actions</b> <span class="bot">bot</span> commented</div>
<div class="markdown-body">${execFileSync('cmark-gfm', ['--unsafe', '-e', 'table', '-e', 'strikethrough', '-e', 'autolink'], { input: markdown, encoding: 'utf8' })}</div></div></div>
<script>${MEASURE}</script>`;
  const page = path.join(dir, `${name}.html`);
  writeFileSync(page, html);
  const chromium = (...args) => execFileSync('chromium', [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--user-data-dir=${path.join(dir, 'profile')}`, '--hide-scrollbars',
    '--force-device-scale-factor=1', ...args, `file://${page}`,
  ], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const dom = chromium(`--window-size=${WIDTH},800`, '--dump-dom');
  const tables = (/data-tables="([^"]*)"/.exec(dom)?.[1] ?? '').split(' ').filter(Boolean);
  const wide = tables.filter((t) => { const [scroll, visible] = t.split('/').map(Number); return scroll > visible; });
  console.log(`${name}: ${tables.length} tables, widths (scroll/visible px) ${tables.join(' ')}`);
  if (wide.length > 0 && strict) throw new Error(`${name}: a table is wider than the ${WIDTH} px column (${wide.join(' ')})`);
  const height = Number(/data-height="(\d+)"/.exec(dom)?.[1] ?? 1800);
  chromium(`--window-size=${WIDTH},${height}`, `--screenshot=${out}`);
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
}

try {
  // The example's table also has the measured efficiency and a 21-character model name: it fits too (775 px).
  screenshot('comment', commentMarkdown('example', examplePair()), path.join(outDir, 'comment.png'), { strict: true });
  screenshot('comment-36', commentMarkdown('thirty-six', thirtySixPairs()), path.join(outDir, 'comment-36.png'), { strict: true });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
