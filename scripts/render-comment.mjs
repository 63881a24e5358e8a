// Renders the pull-request comment for the README's screenshot (docs/comment.png):
//
//   node scripts/render-comment.mjs [out.png]
//
// The example config (examples/roofline.yml) is the baseline and a copy with the decode layer's attention
// reading more KV cache is the head; the bundled CLI renders the report with the same renderMarkdown the
// action's comment uses, wrapped here in the comment's hidden markers and footer. marked turns it into HTML
// styled like a GitHub comment, and headless Chromium takes the picture. Needs `npm run build` first.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { marked } from 'marked';

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

/** GitHub's conversation column is about this wide on a laptop; the table then fits without scrolling. */
const WIDTH = 1180;

const root = path.resolve(import.meta.dirname, '..');
const out = path.resolve(process.argv[2] ?? path.join(root, 'docs', 'comment.png'));
const dir = mkdtempSync(path.join(tmpdir(), 'roofline-comment-'));

try {
  const base = readFileSync(path.join(root, 'examples', 'roofline.yml'), 'utf8').replace(/^# yaml-language-server.*\n/, '');
  // A pull request that makes the decode layer read 50% more KV cache and ResNet-50 move 3% more bytes.
  const head = [
    [/(name: attention, +flops: 268 MFLOP, +bytes:) 268\.4 MB/, '$1 402.6 MB'],
    [/(name: resnet50[\s\S]*?bytes:) 1\.52 GB/, '$1 1.565 GB'],
  ].reduce((text, [from, to]) => {
    if (!from.test(text)) throw new Error(`examples/roofline.yml changed: update ${from} in this script`);
    return text.replace(from, to);
  }, base);
  writeFileSync(path.join(dir, 'base.yml'), base);
  writeFileSync(path.join(dir, 'roofline.yml'), head);

  const cli = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'check', '--base', 'base.yml', '--out', 'out'], { cwd: dir, encoding: 'utf8' });
  if (cli.status === 2) throw new Error(cli.stderr);
  const report = readFileSync(path.join(dir, 'out', 'report.md'), 'utf8');
  // What src/action/comment-body.ts adds around the report: two hidden markers and the footer.
  const comment = [
    '<!-- roofline-gate:sticky roofline.yml -->',
    '<!-- roofline-gate:run 2025-01-01T00:00:00.000Z 1 1 0 -->',
    report.replace('](roofline.svg)', `](${path.join(dir, 'out', 'roofline.svg')})`).trimEnd(),
    '',
    '<sub>roofline-gate for 1f3a9c2 · [workflow run](#)</sub>',
  ].join('\n');
  writeFileSync(path.join(dir, 'comment.md'), comment);

  const html = `<!doctype html><meta charset="utf-8"><style>${CSS}</style>
<div class="timeline"><div class="avatar">▶</div><div class="comment">
<div class="head"><b>github-actions</b> <span class="bot">bot</span> commented</div>
<div class="markdown-body">${marked.parse(comment, { gfm: true })}</div></div></div>
<script>addEventListener('load', () => document.body.setAttribute('data-height', document.documentElement.scrollHeight));</script>`;
  writeFileSync(path.join(dir, 'comment.html'), html);

  // Two passes: the first measures the page (a script writes its height into the DOM that --dump-dom
  // prints), the second takes a picture exactly that tall.
  const chromium = (...args) => execFileSync('chromium', [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--user-data-dir=${path.join(dir, 'profile')}`, '--hide-scrollbars',
    '--force-device-scale-factor=1', ...args, `file://${path.join(dir, 'comment.html')}`,
  ], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const height = Number(/data-height="(\d+)"/.exec(chromium(`--window-size=${WIDTH},800`, '--dump-dom'))?.[1] ?? 1800);
  chromium(`--window-size=${WIDTH},${height}`, `--screenshot=${out}`);
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
