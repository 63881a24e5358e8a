// `npm run bench`: wall seconds and peak memory of `roofline-gate check` as a user runs it (the bundled
// dist/cli.js in a fresh process), on the example and on generated configs of growing size.
// Figures vary run to run by a few percent; compare medians, not single runs. The start-up cases are timed
// side by side with the matplotlib reference, whose speed on a shared machine drifts as much as theirs.
import { spawn, spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { once } from 'node:events';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(path.join(tmpdir(), 'roofline-bench-'));
const probe = path.join(root, 'scripts', 'bench-probe.mjs');
const runs = Number(process.env.BENCH_RUNS ?? 5);
/** `BENCH_CASES=1M npm run bench`: only the cases whose name matches (a regular expression), and their references. */
const only = new RegExp(process.env.BENCH_CASES ?? '');

/** `count` models on three devices, each with its own figures; with `invalid`, each model's precision is a typo (one error per model). */
function manyModels(count, { invalid = false } = {}) {
  const lines = ['version: 1', 'hardware: [h100-sxm, a100-sxm4-80gb, mi300x]', 'models:'];
  for (let i = 0; i < count; i++) {
    lines.push(`  - name: model-${i}`, `    precision: ${invalid ? 'fp17' : 'fp16'}`, `    flops: ${(i % 997) + 1} GFLOP`, `    bytes: ${(i % 89) + 1} MB`);
  }
  lines.push('gate:', '  budgets:', '    max-latency: 1 ms');
  return `${lines.join('\n')}\n`;
}

function inlineOps(count) {
  const lines = ['version: 1', 'hardware: [a100-sxm4-80gb, a100-sxm4-40gb]', 'models:', '  - name: generated', '    precision: fp16', '    ops:'];
  for (let i = 0; i < count; i++) {
    lines.push(`      - { name: op${i}, flops: ${(i % 97) + 1} MFLOP, bytes: { dram: ${(i % 13) + 1} MB, l2: ${(i % 7) + 2} MB } }`);
  }
  return `${lines.join('\n')}\n`;
}

async function csvOps(file, count) {
  const out = createWriteStream(file);
  out.write('name,flops,bytes.dram,bytes.l2\n');
  for (let i = 0; i < count; i++) {
    if (!out.write(`op${i},${(i % 97) + 1} MFLOP,${(i % 13) + 1} MB,${(i % 7) + 2} MB\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** An Nsight Compute details page of about `megabytes` MB: 13 metrics per launch, 50 kernels. */
async function ncuDetails(file, megabytes) {
  const out = createWriteStream(file);
  out.write('==PROF== Connected to process 1 (/bin/app)\n"ID","Process ID","Process Name","Host Name","Kernel Name","Context","Stream","Block Size","Grid Size","Device","CC","Section Name","Metric Name","Metric Unit","Metric Value"\n');
  const metrics = [['dram__bytes.sum', 'byte', '1,048,576'], ['lts__t_bytes.sum', 'byte', '2,097,152'], ['l1tex__t_bytes.sum', 'byte', '4,194,304'], ['gpu__time_duration.sum', 'nsecond', '12,345'],
    ...['dadd', 'dmul', 'dfma', 'fadd', 'fmul', 'ffma', 'hadd', 'hmul', 'hfma'].map((op) => [`sm__sass_thread_inst_executed_op_${op}_pred_on.sum`, 'inst', '1,000'])];
  for (let bytes = 0, id = 0; bytes < megabytes * 1e6; id++) {
    const kernel = `void kernel_${id % 50}<float, 128>(const float*, float*, int)`;
    for (const [metric, unit, value] of metrics) {
      const line = `"${id}","1","app","host","${kernel}","1","7","(256, 1, 1)","(1024, 1, 1)","0","8.0","Command line profiler metrics","${metric}","${unit}","${value}"\n`;
      bytes += line.length;
      if (!out.write(line)) await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
}


const checkCommand = (config, base) => [
  path.join(root, 'dist', 'cli.js'), 'check', '--config', config, ...(base ? ['--base', base] : []), '--out', path.join(work, 'out'), '--format', 'json',
];

/** `check` of `config` against `base`: the baseline is parsed and compared op by op (SPEC section 6). */
const withBase = (config, base) => ({ args: checkCommand(config, base) });

/** A copy of the 1M-op table with one op changed, under the same name in another folder, and its config. */
function oneOpChanged() {
  mkdirSync(path.join(work, 'head'), { recursive: true });
  const table = readFileSync(path.join(work, 'ops-1m.csv'), 'utf8').replace(/\nop500000,[^\n]*/, '\nop500000,50 MFLOP,20 MB,3 MB');
  writeFileSync(path.join(work, 'head', 'ops-1m.csv'), table);
  return writeConfig(path.join('head', 'table-1m.yml'), readFileSync(path.join(work, 'table-1m.yml'), 'utf8'));
}

/**
 * The action as the runner starts it, on the example config, with no network: no comment, no chart
 * branch, no baseline. What remains is what every PR pays: analysis, chart, Markdown, summary, outputs.
 */
function actionRun() {
  writeFileSync(path.join(work, 'event.json'), '{}');
  for (const file of ['output', 'summary']) writeFileSync(path.join(work, file), '');
  const env = {
    ...process.env,
    INPUT_CONFIG: path.join(root, 'examples', 'roofline.yml'), INPUT_BASELINE: 'none', INPUT_COMMENT: 'off',
    'INPUT_FAIL-ON': 'fail', 'INPUT_CHART-BRANCH': '', 'INPUT_OUT-DIR': path.join(work, 'action-out'), INPUT_REPORT: '', INPUT_TOKEN: 'unused',
    GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_EVENT_PATH: path.join(work, 'event.json'), GITHUB_REPOSITORY: 'octo/repo',
    GITHUB_OUTPUT: path.join(work, 'output'), GITHUB_STEP_SUMMARY: path.join(work, 'summary'), GITHUB_API_URL: 'http://127.0.0.1:9',
  };
  return { args: [path.join(root, 'dist', 'index.js')], env };
}

/** Milliseconds the fake GitHub waits before each answer: about a runner's round trip to api.github.com. */
const LATENCY_MS = 50;
const TOKEN = 'ghs_benchToken';

/**
 * The fake GitHub of the e2e tests (__tests__/e2e/fake-github.ts, bundled for plain node) in a process of its
 * own (measure() blocks this one), every answer LATENCY_MS late, over a repository whose head makes vgg16
 * 20% heavier, with pull request 7 open and the assets branch left by earlier pull requests.
 */
async function fakeGitHub() {
  const dir = path.join(work, 'fake-github');
  if (!existsSync(path.join(dir, 'server.mjs'))) {
    await build({
      entryPoints: [path.join(root, '__tests__', 'e2e', 'fake-github.ts')], bundle: true, format: 'esm', platform: 'node',
      outfile: path.join(dir, 'fake-github.mjs'), logLevel: 'warning',
      // The OpenAPI description is read with require() at run time, from the repository's node_modules.
      define: { 'import.meta.url': JSON.stringify(pathToFileURL(path.join(root, '__tests__', 'e2e', 'openapi.ts')).href) },
    });
    writeFileSync(path.join(dir, 'server.mjs'), [
      "import { ACTIONS_BOT, FakeGitHub } from './fake-github.mjs';",
      'const [repo, headSha, latency, token] = process.argv.slice(2);',
      "const github = await new FakeGitHub('octo-org', 'octo-repo', repo).start();",
      'github.latencyMs = Number(latency);',
      "github.grant(token, { user: ACTIONS_BOT, pullRequests: 'write', contents: 'write', checks: 'write' });",
      "github.pulls.push({ number: 7, state: 'open', headSha, headRef: 'feature', headOwner: 'octo-org' });",
      "github.seedBranch('roofline-gate-assets');",
      'console.log(github.url);',
      "process.stdin.on('end', () => { if (github.problems.length) console.error(github.problems.join('\\n')); process.exit(0); }).resume();",
    ].join('\n'));
    const git = (...args) => spawnSync('git', args, { cwd: path.join(dir, 'repo'), env: { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@b', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@b' }, encoding: 'utf8' }).stdout.trim();
    const config = readFileSync(path.join(root, '__tests__', 'fixtures', 'two-models.yml'), 'utf8');
    mkdirSync(path.join(dir, 'repo'), { recursive: true });
    git('init', '-q', '--initial-branch=main');
    writeFileSync(path.join(dir, 'repo', 'roofline.yml'), config);
    git('add', '-A'); git('commit', '-qm', 'base');
    writeFileSync(path.join(dir, 'repo', 'roofline.yml'), config.replace('bytes: 1 GB', 'bytes: 1.2 GB'));
    git('add', '-A'); git('commit', '-qm', 'head');
  }
  const repo = path.join(dir, 'repo');
  const head = spawnSync('git', ['rev-parse', 'HEAD', 'HEAD~1'], { cwd: repo, encoding: 'utf8' }).stdout.trim().split('\n');
  const child = spawn(process.execPath, [path.join(dir, 'server.mjs'), repo, head[0], String(LATENCY_MS), TOKEN], { stdio: ['pipe', 'pipe', 'inherit'] });
  const [url] = await new Promise((resolve) => child.stdout.once('data', (chunk) => resolve(chunk.toString().trim().split('\n'))));
  return { url, repo, headSha: head[0], baseSha: head[1], stop: () => new Promise((resolve) => child.on('close', resolve).stdin.end()) };
}

/**
 * The action on a `pull_request` run as the runner starts it, against the fake GitHub: a baseline read
 * through the contents API, the chart published, the sticky comment written. `rerun`: the same run again
 * ("Re-run jobs") under `comment: changed`, each measured run after one that published everything.
 */
function actionOnPullRequest(rerun) {
  let github = null;
  let attempt = 1;
  return {
    args: [path.join(root, 'dist', 'index.js')],
    async before() {
      if (!github || !rerun) {
        await github?.stop();
        github = await fakeGitHub();
        attempt = 1;
      }
      const event = {
        number: 7,
        pull_request: {
          number: 7, updated_at: '2024-05-01T10:00:00Z',
          head: { sha: github.headSha, ref: 'feature', repo: { full_name: 'octo-org/octo-repo' } },
          base: { sha: github.baseSha, ref: 'main', repo: { full_name: 'octo-org/octo-repo' } },
        },
        repository: { name: 'octo-repo', full_name: 'octo-org/octo-repo', owner: { login: 'octo-org' } },
      };
      writeFileSync(path.join(work, 'pr-event.json'), JSON.stringify(event));
      for (const file of ['output', 'summary']) writeFileSync(path.join(work, file), '');
      const env = {
        ...process.env,
        INPUT_CONFIG: 'roofline.yml', INPUT_BASELINE: 'auto', INPUT_COMMENT: rerun ? 'changed' : 'update', 'INPUT_FAIL-ON': 'never',
        'INPUT_CHART-BRANCH': 'roofline-gate-assets', 'INPUT_OUT-DIR': path.join(work, 'action-out'), INPUT_HISTORY: 'on', INPUT_REPORT: '', INPUT_TOKEN: TOKEN,
        'INPUT_CHECK-RUN': 'on',
        GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: path.join(work, 'pr-event.json'), GITHUB_REPOSITORY: 'octo-org/octo-repo',
        GITHUB_SHA: github.headSha, GITHUB_RUN_ID: '4242', GITHUB_WORKSPACE: github.repo,
        GITHUB_SERVER_URL: 'https://github.example', GITHUB_API_URL: github.url, NO_PROXY: '127.0.0.1',
        GITHUB_OUTPUT: path.join(work, 'output'), GITHUB_STEP_SUMMARY: path.join(work, 'summary'),
      };
      // The rerun is measured after a first attempt that published everything.
      if (rerun && attempt === 1) spawnSync(process.execPath, [path.join(root, 'dist', 'index.js')], { env: { ...env, GITHUB_RUN_ATTEMPT: String(attempt++) }, cwd: github.repo });
      return { env: { ...env, GITHUB_RUN_ATTEMPT: String(attempt++) }, cwd: github.repo };
    },
    after: () => github?.stop(),
  };
}

/**
 * Runs a command `runs` times; returns the median wall seconds and the peak RSS. A config error (exit 2)
 * fails unless `status` says it is expected. `node`: another Node binary than this one's; `python`: a
 * Python script instead (its peak memory is not probed). The peak RSS comes from one more run first, under
 * the probe (scripts/bench-probe.mjs), which costs a Node process several milliseconds: timed only when it
 * takes over a second, where that is lost in the noise. With `alongside` (another command), each run is
 * paired with a run of that one, so that both are measured in the same moments of a machine whose speed
 * drifts; its median is returned as `alongside`.
 */
async function measure(command, alongside) {
  const first = await runOnce(command, !command.python);
  const walls = first.wall > 1 ? [first.wall] : [];
  const paired = [];
  while (walls.length < runs) {
    if (alongside) paired.push((await runOnce(alongside, false)).wall);
    walls.push((await runOnce(command, false)).wall);
  }
  await command.after?.();
  await alongside?.after?.();
  return { wall: median(walls), peak: first.peak, alongside: paired.length ? median(paired) : undefined };
}

/** One run of `command`: its wall seconds and, `probed`, its peak RSS. */
async function runOnce(command, probed) {
  const { args, status = [0, 1], node = process.execPath, python } = command;
  const { env = process.env, cwd = undefined } = command.before ? await command.before() : command;
  const started = process.hrtime.bigint();
  const child = python
    ? spawnSync(python, args, { encoding: 'utf8', env, cwd })
    : spawnSync(node, [...(probed ? ['--import', probe] : []), ...args], { encoding: 'utf8', maxBuffer: 1 << 28, env, cwd });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (!status.includes(child.status)) throw new Error(`${args.join(' ')} failed: ${child.stderr}`);
  const rss = /roofline-bench maxrss=(\d+)/.exec(child.stderr);
  return { wall, peak: rss ? Number(rss[1]) * 1024 : 0 };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * The reference every case is also shown against: scripts/roofline-matplotlib.py, the example's roofline
 * drawn with matplotlib as a tutorial does it. The first Python on hand that imports matplotlib
 * (`BENCH_PYTHON`, else python3 on the PATH, else Debian's, where `apt-get install python3-matplotlib` puts it).
 */
const MATPLOTLIB = 'matplotlib roofline script (reference)';
const python = [process.env.BENCH_PYTHON, 'python3', '/usr/bin/python3']
  .find((candidate) => candidate && spawnSync(candidate, ['-c', 'import matplotlib, numpy'], { stdio: 'ignore' }).status === 0);
/**
 * Node 24, the action's runtime, when this bench runs on an older Node: the binary `BENCH_NODE24` names
 * (the npm package `node`, installed outside the repo: README, Development). The example is measured on it
 * too, in the same run.
 */
const major = (version) => Number(/^v?(\d+)/.exec(version)[1]);
const node24 = major(process.version) >= 24 || !process.env.BENCH_NODE24 ? undefined : process.env.BENCH_NODE24;
if (node24 && major(spawnSync(node24, ['--version'], { encoding: 'utf8' }).stdout ?? 'v0') < 24) throw new Error(`BENCH_NODE24=${node24} is not Node 24 or later`);
/** The start-up targets (issue 13): `check` with its chart on the example at most 0.33x matplotlib on Node 20, 0.25x on Node 24. */
const startTarget = (version) => (python ? { of: MATPLOTLIB, ratio: major(version) >= 24 ? 0.25 : 0.33 } : 0.3);

// A target is seconds, or `{ of, ratio }`: at most `ratio` times the wall time of the case named `of`.
const example = path.join(root, 'examples', 'roofline.yml');
const oneModel = () => writeConfig('one-model.yml', 'version: 1\nhardware: [a100-sxm4-80gb, h100-sxm]\nmodels:\n  - { name: resnet50, precision: fp16, batch: 32, macs: 131.2 GMAC, bytes: 1.52 GB }\n');
const opExample = path.join(root, 'examples', 'op-table.yml');
const cases = [
  ...(python ? [[MATPLOTLIB, () => ({ python, args: [path.join(root, 'scripts', 'roofline-matplotlib.py'), path.join(work, 'matplotlib.svg')] }), null]] : []),
  // Issue 13 states its start-up target on a one-model config: the example's first model (whole-model
  // figures, no op panels) on the example's two devices. The example itself, two models and two op
  // panels, is what users see first, held to the same target.
  ['one-model config (resnet50 on two devices)', oneModel, startTarget(process.version)],
  ...(node24 ? [['one-model config, on node 24', () => ({ node: node24, args: checkCommand(oneModel()) }), startTarget('v24')]] : []),
  ['example config (examples/roofline.yml)', example, startTarget(process.version)],
  ...(node24 ? [['example config, on node 24', () => ({ node: node24, args: checkCommand(example) }), startTarget('v24')]] : []),
  ['example config, with a baseline (itself)', () => withBase(example, example), { of: 'example config (examples/roofline.yml)', ratio: 1.3 }],
  ['op-table example', opExample, null],
  ['op-table example, with a baseline (itself)', () => withBase(opExample, opExample), { of: 'op-table example', ratio: 1.3 }],
  ['the action on the example (no network)', actionRun, 0.35],
  [`the action on a PR, API ${LATENCY_MS} ms away`, () => actionOnPullRequest(false), 1.5],
  [`its rerun, nothing changed (comment: changed)`, () => actionOnPullRequest(true), 1],
  ['1k inline ops', () => writeConfig('inline-1k.yml', inlineOps(1_000)), null],
  ['100k inline ops', () => writeConfig('inline-100k.yml', inlineOps(100_000)), 3],
  ['1M ops from a CSV table', async () => {
    await csvOps(path.join(work, 'ops-1m.csv'), 1_000_000);
    return writeConfig('table-1m.yml', 'version: 1\nhardware: [a100-sxm4-80gb, a100-sxm4-40gb]\nmodels:\n  - name: generated\n    precision: fp16\n    ops: { file: ops-1m.csv }\n');
  }, 5],
  ['5M ops from a CSV table', async () => {
    await csvOps(path.join(work, 'ops-5m.csv'), 5_000_000);
    return writeConfig('table-5m.yml', 'version: 1\nhardware: [a100-sxm4-80gb, a100-sxm4-40gb]\nmodels:\n  - name: generated\n    precision: fp16\n    ops: { file: ops-5m.csv }\n');
  }, 15],
  ['1M ops, baseline with the same table', () => withBase(path.join(work, 'table-1m.yml'), path.join(work, 'table-1m.yml')), { of: '1M ops from a CSV table', ratio: 1.3 }],
  ['1M ops, baseline with one op changed', () => withBase(oneOpChanged(), path.join(work, 'table-1m.yml')), { of: '1M ops from a CSV table', ratio: 1.3 }],
  ['10k models x 3 devices', () => writeConfig('models-10k.yml', manyModels(10_000)), 10],
  ['invalid 10k-model config prints its errors', () => ({ args: checkCommand(writeConfig('models-10k-invalid.yml', manyModels(10_000, { invalid: true }))), status: [2] }), 1],
  ['llm: 32 layers, 4-point batch sweep, 3 devices', () => llmConfig('llama-3-8b', readFileSync(path.join(root, 'examples', 'llama-3-8b', 'config.json'), 'utf8'), 'batch: [1, 8, 32, 128], context: 4096'), 0.5],
  ['llm: 128-expert MoE, 3 devices', () => llmConfig('moe-128', JSON.stringify(MOE_128), 'batch: [1, 8, 32, 128], context: 4096'), 1],
  ['import of a 200 MB ncu details CSV', async () => {
    const file = path.join(work, 'ncu-200mb.csv');
    await ncuDetails(file, 200);
    return { args: [path.join(root, 'dist', 'cli.js'), 'import', 'ncu', file] };
  }, 10],
];

/**
 * A 128-expert MoE with Qwen3-30B-A3B's shape (48 layers, 128 experts of width 768, 8 per token, 32 query
 * and 4 KV heads of 128), as its Hugging Face config.json states it.
 */
const MOE_128 = {
  model_type: 'qwen3_moe', hidden_size: 2048, intermediate_size: 6144, moe_intermediate_size: 768, num_hidden_layers: 48,
  num_attention_heads: 32, num_key_value_heads: 4, head_dim: 128, num_experts: 128, num_experts_per_tok: 8,
  vocab_size: 151936, tie_word_embeddings: false, hidden_act: 'silu', decoder_sparse_step: 1, mlp_only_layers: [],
};

/** A config placing the `llm:` model of `configJson` (a config.json's text) on three devices, decode with `sweep`. */
function llmConfig(name, configJson, sweep) {
  mkdirSync(path.join(work, name), { recursive: true });
  writeFileSync(path.join(work, name, 'config.json'), configJson);
  return writeConfig(`${name}.yml`, `version: 1\nhardware: [h100-sxm, a100-sxm4-80gb, mi300x]\nmodels:\n  - name: ${name}\n    precision: bf16\n    llm: { config: ${name}/config.json, phase: decode, ${sweep} }\n`);
}

function writeConfig(name, text) {
  const file = path.join(work, name);
  writeFileSync(file, text);
  return file;
}

try {
  console.log(`roofline-gate bench: node ${process.version}, median of ${runs} runs, each a fresh process running the bundled dist/`);
  if (!python) console.log('matplotlib not found (BENCH_PYTHON, python3): no ratio to the matplotlib script; the start-up target is 0.3 s');
  if (!node24 && major(process.version) < 24) console.log('BENCH_NODE24 not set: the example is measured on this node only');
  console.log(`\n${'case'.padEnd(42)} ${'wall s'.padStart(8)} ${'peak RSS MB'.padStart(12)} ${'x mpl'.padStart(6)}  target`);
  const walls = new Map();
  const commands = new Map();
  // Only the cases whose name matches BENCH_CASES, those they are measured against, and the matplotlib reference.
  const wanted = cases.filter(([name]) => name === MATPLOTLIB || only.test(name) || cases.some(([other, , target]) => only.test(other) && target?.of === name));
  for (const [name, make, target] of wanted) {
    const made = typeof make === 'string' ? make : await make();
    const command = typeof made === 'string' ? { args: checkCommand(made) } : made;
    commands.set(name, command);
    // A start-up case is timed side by side with the matplotlib script, run for run (issue 13: "in one
    // side-by-side run"), and its ratio taken to that script's runs beside it.
    const beside = target?.of === MATPLOTLIB ? commands.get(MATPLOTLIB) : undefined;
    const { wall, peak, alongside } = await measure(command, beside);
    walls.set(name, wall);
    const reference = alongside ?? (target && typeof target === 'object' ? walls.get(target.of) : undefined);
    const limit = target === null || typeof target === 'number' ? target : reference !== undefined ? target.ratio * reference : null;
    const shown = typeof target === 'number' ? `${target} s` : reference !== undefined && `${target.ratio}x (${(wall / reference).toFixed(2)}x${alongside ? ` of ${alongside.toFixed(3)} s beside it` : ''})`;
    const verdict = limit === null ? '' : wall <= limit ? `<= ${shown} ok` : `> ${shown} SLOW`;
    const matplotlib = alongside ?? walls.get(MATPLOTLIB);
    const ofMatplotlib = matplotlib ? (wall / matplotlib).toFixed(2) : '-';
    console.log(`${name.padEnd(42)} ${wall.toFixed(3).padStart(8)} ${(peak ? (peak / 1e6).toFixed(0) : '-').padStart(12)} ${ofMatplotlib.padStart(6)}  ${verdict}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
