// The bundled CLI, run as a separate process the way a user runs it (built from src/ by jest's globalSetup).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLI } from './setup/dist.js';

const root = path.resolve(import.meta.dirname, '..');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'roofline-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], cwd = root) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const SMALL = (extra = '') => `version: 1
hardware: gtx-1080-ti
models:
  - name: vgg16
    precision: fp32
    flops: 25 GFLOP
    bytes: 1 GB
${extra}`;

/** Never a stack trace: no "    at fn (file:line)" frames. */
const noStack = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

describe('roofline-gate check', () => {
  it('analyses the bundled example, prints JSON and writes the out dir', () => {
    const out = path.join(dir, 'example-out');
    const { status, stdout, stderr } = run(['check', '--config', 'examples/roofline.yml', '--out', out, '--format', 'json']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.version).toBe(2);
    expect(report.results.map((r: { model: string; hardware: string }) => `${r.model}@${r.hardware}`)).toEqual([
      'resnet50@a100-sxm4-80gb', 'resnet50@h100-sxm', 'llama-7b-layer-decode@a100-sxm4-80gb', 'llama-7b-layer-decode@h100-sxm',
    ]);
    expect(JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'))).toEqual(report);
    expect(readFileSync(path.join(out, 'report.md'), 'utf8')).toContain('| resnet50 | a100-sxm4-80gb |');
    expect(readFileSync(path.join(out, 'roofline.svg'), 'utf8')).toContain('<svg');
    expect(JSON.parse(readFileSync(path.join(out, 'roofline.vl.json'), 'utf8')).$schema).toContain('vega-lite');
  });

  it('reads the bundled op-table example, its ops streamed from a CSV beside it', () => {
    const { status, stdout } = run(['check', '--config', 'examples/op-table.yml', '--out', path.join(dir, 'ops-out'), '--format', 'json']);
    expect(status).toBe(0);
    const [a100] = JSON.parse(stdout).results;
    expect(a100.ops.count).toBe(7);
    expect(a100.flops).toBeCloseTo(3453.3e9, -6); // the CSV's flops column, summed
    // The aggregate is compute-bound, but the attention ops each sit left of the ridge (I = 68.7 / 0.671 = 102 < 153).
    expect(a100.bound).toBe('compute');
    expect(a100.ops.slowest.find((op: { name: string }) => op.name === 'attention_scores').bindingLevel).toBe('dram');
  });

  it('prints an aligned table with human units and no colour when stdout is not a TTY', () => {
    const config = write('small.yml', SMALL());
    const { status, stdout } = run(['check', '--config', config, '--out', path.join(dir, 'o1')]);
    expect(status).toBe(0);
    expect(stdout).not.toContain('\u001b[');
    const [head, first] = stdout.split('\n');
    expect(head).toMatch(/^MODEL\s+HARDWARE\s+PREC\s+INTENSITY\s+RIDGE\s+BOUND\s+ATTAINABLE\s+TIME\/PASS\s+THROUGHPUT$/);
    // 25 GFLOP / 1 GB = I 25 > ridge 23.3: compute-bound at 11.3 TFLOP/s, 25e9 / 11.3e12 = 2.21 ms
    // The † marks gtx-1080-ti's fp32 roof as derived (NVIDIA states no FLOP/s; cores x FLOP x clock).
    expect(first).toMatch(/^vgg16\s+gtx-1080-ti\s+fp32\s+25\.0 \(DRAM\)\s+23\.3\s+compute-bound †\s+11\.3 TFLOP\/s\s+2\.21 ms\s+452\/s$/);
    expect(stdout).toMatch(/^PASS {2}1 results, 0 fail, 0 warn, no baseline$/m);
  });

  it('prints Markdown with --format markdown', () => {
    const { stdout } = run(['check', '--config', write('md.yml', SMALL()), '--out', path.join(dir, 'o2'), '--format', 'markdown']);
    expect(stdout).toMatch(/^### ✅ roofline-gate: pass/);
    expect(stdout).toContain('| vgg16 | gtx-1080-ti | compute † | 25.0 (DRAM) / 23.3 |');
  });

  it('exits 1 when the gate fails, and says why', () => {
    const config = write('budget.yml', SMALL('gate:\n  budgets: { max-latency: 1 ms }\n'));
    const { status, stdout } = run(['check', '--config', config, '--out', path.join(dir, 'o3')]);
    expect(status).toBe(1);
    expect(stdout).toContain('max-latency');
    expect(stdout).toMatch(/^FAIL/m);
  });

  it('compares with --base FILE and reports the change per pair', () => {
    const base = write('base.yml', SMALL().replace('bytes: 1 GB', 'bytes: 0.9 GB'));
    const head = write('head.yml', SMALL().replace('bytes: 1 GB', 'bytes: 1.2 GB'));
    const { status, stdout } = run(['check', '--config', head, '--base', base, '--out', path.join(dir, 'o4'), '--format', 'json']);
    const report = JSON.parse(stdout);
    expect(report.baseline).toBe(base);
    expect(report.results[0].base.bound).toBe('compute');
    expect(report.results[0].bound).toBe('memory');
    expect(report.findings.map((f: { rule: string }) => f.rule)).toContain('bound-shift');
    expect(status).toBe(1);
  });
});

describe('bad input: exit 2, one screen, file:line:column, nothing written', () => {
  it.each([
    ['a misspelt key', SMALL().replace('precision', 'precison'), /bad\.yml:5:5: models\[0\]\.precison: unknown key "precison"; did you mean "precision"\?/],
    ['an unknown hardware id', SMALL().replace('gtx-1080-ti', 'gtx-1080-tii'), /bad\.yml:2:11: hardware: unknown hardware "gtx-1080-tii"; did you mean "gtx-1080-ti"\?/],
    ['a YAML syntax error', 'version: 1\nmodels: [\n', /bad\.yml:\d+:\d+: YAML syntax: /],
    ['an empty file', '', /bad\.yml:1:1: the file is empty/],
  ])('%s', (_name, text, pattern) => {
    const out = path.join(dir, `bad-out-${_name.length}`);
    const { status, stdout, stderr } = run(['check', '--config', write('bad.yml', text), '--out', out]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(pattern);
    expect(stderr.split('\n').length).toBeLessThan(25);
    noStack(stderr);
    expect(existsSync(out)).toBe(false);
  });

  it('an out dir that cannot be written: the report is printed first, then the error', () => {
    const blocker = write('not-a-dir', 'a file where the out dir should go');
    const { status, stdout, stderr } = run(['check', '--config', write('ok.yml', SMALL()), '--out', path.join(blocker, 'out')]);
    expect(stdout).toMatch(/^PASS/m);
    expect(stderr).toMatch(/^roofline-gate: --out .*not-a-dir\/out: cannot write the report there \(ENOTDIR: .*not-a-dir is a file, not a directory\)$/m);
    expect(status).toBe(2);
    noStack(stderr);
  });

  it('a missing config file: no line of it to point at, the directory it was looked for in instead', () => {
    const { status, stderr } = run(['check', '--config', path.join(dir, 'nope.yml')]);
    expect(status).toBe(2);
    expect(stderr).toBe(`${path.join(dir, 'nope.yml')}: config file not found (looked in ${dir})\n`);
    expect(run(['check'], dir).stderr).toBe(`roofline.yml: config file not found (looked in ${dir})\n`);
  });

  it('a binary file', () => {
    const file = path.join(dir, 'binary.yml');
    writeFileSync(file, Buffer.from([0x76, 0x00, 0xff, 0xfe, 0x01]));
    const { status, stderr } = run(['check', '--config', file]);
    expect(status).toBe(2);
    expect(stderr).toContain('binary');
  });

  it('usage mistakes, and only they, point to --help; a misspelt option or format gets a suggestion', () => {
    expect(run(['check', '--confg', 'x.yml'])).toEqual({
      status: 2, stdout: '', stderr: 'roofline-gate: Unknown option \'--confg\'; did you mean "--config"?\nRun roofline-gate check --help for usage.\n',
    });
    expect(run(['check', '--format', 'jsn']).stderr).toBe('roofline-gate: --format jsn: expected text, markdown or json; did you mean "json"?\nRun roofline-gate check --help for usage.\n');
    expect(run(['check', '--base-ref']).stderr).toBe('roofline-gate: Option \'--base-ref <value>\' argument missing\nRun roofline-gate check --help for usage.\n');
    expect(run(['hardware', 'a', 'b']).stderr).toBe('roofline-gate: hardware takes at most one ID\nRun roofline-gate hardware --help for usage.\n');
    expect(run(['chek']).stderr).toBe('roofline-gate: unknown command "chek"; did you mean "check"?\nRun roofline-gate --help for usage.\n');
    // Not usage: an id the catalog lacks (h10 is one edit from a10, h20 and h100; h100 shares the most of it).
    expect(run(['hardware', 'h10'])).toEqual({
      status: 2, stdout: '', stderr: 'roofline-gate: unknown hardware "h10"; did you mean "h100"? (roofline-gate hardware lists them)\n',
    });
    expect(run(['import', path.join(dir, 'nope.csv')]).stderr).toBe(`roofline-gate: ${path.join(dir, 'nope.csv')}: file not found\n`);
  });

  it('usage mistakes', () => {
    expect(run(['chek']).stderr).toContain('did you mean "check"?');
    expect(run(['check', '--format', 'html']).status).toBe(2);
    expect(run(['check', '--bogus']).stderr).toContain("Unknown option '--bogus'");
    const { status, stderr } = run(['check', '--base', 'a.yml', '--base-ref', 'main']);
    expect(status).toBe(2);
    noStack(stderr);
  });
});

describe('a reader that closes the pipe early (`| head`)', () => {
  /** The CLI run with its stdout closed before it writes anything: each write meets EPIPE. */
  const closedEarly = (args: string[]) =>
    new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('close', (status) => resolve({ status, stderr }));
    });

  it.each([[['schema']], [['hardware', '--json']], [['hardware']]])('%j stops quietly, status 0, no stack trace', async (args) => {
    expect(await closedEarly(args)).toEqual({ status: 0, stderr: '' });
  });

  it('check still writes its out dir and exits with the gate\'s status', async () => {
    const out = path.join(dir, 'epipe-out');
    expect(await closedEarly(['check', '--config', write('epipe.yml', SMALL()), '--out', out])).toEqual({ status: 0, stderr: '' });
    expect(existsSync(path.join(out, 'report.json'))).toBe(true);
  });
});

describe('roofline-gate hardware and schema', () => {
  it('lists at least 25 devices with their DRAM bandwidth', () => {
    const { status, stdout } = run(['hardware']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^ID\s+FP64\s+FP32\s+TF32\s+FP16\s+BF16\s+FP8\s+INT8\s+FP4\s+DRAM B\/s\s+LLC B\/s\s+L2 B\/s\s+L1 B\/s\s+NAME$/m);
    expect(stdout).toMatch(/^gtx-1080-ti\s+-\s+11\.3 T(\s+-){6}\s+484 G(\s+-){3}\s+NVIDIA GeForce GTX 1080 Ti$/m);
    expect(stdout).toMatch(/^a100-sxm4-40gb\s+9\.70 T\s+19\.5 T\s+156 T\s+312 T\s+312 T\s+-\s+624 T\s+-\s+1\.55 T\s+-\s+7\.22 T\s+-\s+NVIDIA A100 SXM4 40GB$/m);
    expect(stdout.split('\n').filter((line) => /^[a-z0-9-]+\s{2}/.test(line)).length).toBeGreaterThanOrEqual(25);
  });

  it('shows one device by alias with every figure and its source', () => {
    const { stdout } = run(['hardware', 'h100']);
    expect(stdout).toMatch(/^NVIDIA H100 SXM.* \(h100-sxm\)$/m);
    expect(stdout).toMatch(/^Sources:$/m);
    expect(stdout).toMatch(/^ {2}capacity\s+80 GiB\s+vendor\s+\[/m);
    expect(stdout).toMatch(/^ {2}int8\s+1\.98 POP\/s/m);
    expect(stdout).toMatch(/https:\/\//);
    expect(JSON.parse(run(['hardware', 'h100', '--json']).stdout).id).toBe('h100-sxm');
    expect(run(['hardware', 'h10O']).stderr).toContain('did you mean');
  });

  it('prints the JSON Schema, the same as the committed roofline.schema.json (else: npm run build)', () => {
    // The CLI here is built from src/ for this run, so this fails when the schema changed and the
    // committed file was not regenerated.
    const { stdout } = run(['schema']);
    expect(JSON.parse(stdout).title).toBe('roofline-gate config');
    expect(stdout).toBe(readFileSync(path.join(root, 'roofline.schema.json'), 'utf8'));
  });
});

describe('--help', () => {
  // Every option each command takes, by SPEC section 3 and README (written here, not read from the CLI).
  const OPTIONS = {
    check: ['config', 'base', 'base-ref', 'out', 'format', 'no-color', 'help'],
    hardware: ['json', 'help'],
    schema: ['help'],
  };

  /** The options a help text lists, with the placeholder of their value: `--out DIR` is ['out', 'DIR']. */
  const listed = (help: string) =>
    [...help.matchAll(/^ {2}(?:-\w, )?--([a-z-]+)(?: (\S+))? {2,}\S/gm)].map(([, name, value]) => [name!, value] as const);

  it('top-level --help lists the commands, exit 0; no command at all prints it too, exit 2', () => {
    const { status, stdout, stderr } = run(['--help']);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^check {5}analyse the config, compare with a baseline/m);
    expect(stdout).toMatch(/^hardware {2}list the built-in devices/m);
    expect(stdout).toMatch(/^schema {4}print the JSON Schema of the config file$/m);
    expect(stdout).toContain('roofline-gate COMMAND --help lists the options of one command.');
    expect(run([]).stdout).toBe(stdout);
    expect(run([]).status).toBe(2);
  });

  it.each(Object.entries(OPTIONS))('%s --help lists exactly the options it parses, on one screen, exit 0', (command, options) => {
    const { status, stdout, stderr } = run([command, '--help']);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(new RegExp(`^Usage:\n {2}roofline-gate ${command}\\b`));
    expect(stdout.split('\n').length).toBeLessThan(25);
    for (const line of stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    const help = listed(stdout);
    expect(help.map(([name]) => name).sort()).toEqual([...options].sort());
    // The parser takes every option the help lists (with a value where the help shows one): an option
    // it did not know would be "Unknown option", exit 2, before --help is looked at.
    const all = help.filter(([name]) => name !== 'help').map(([name, value]) => (value ? `--${name}=x` : `--${name}`));
    expect(run([command, ...all, '--help'])).toEqual({ status: 0, stdout, stderr: '' });
    expect(run([command, '-h']).stdout).toBe(stdout);
    expect(run(['help', command]).stdout).toBe(stdout);
  });

  it('each command\'s help lists its own exit statuses; only check\'s say the gate', () => {
    const last = (command: string) => run([command, '--help']).stdout.trimEnd().split('\n').at(-1);
    expect(last('check')).toBe('Exit status: 0 pass or warnings only, 1 the gate failed, 2 bad input or usage.');
    expect(last('hardware')).toBe('Exit status: 0 listed, 2 an unknown ID or bad usage.');
    expect(last('schema')).toBe('Exit status: 0 printed, 2 bad usage.');
    expect(last('import')).toBe('Exit status: 0 printed, 2 a file it cannot read or bad usage.');
    expect(last('generate')).toBe('Exit status: 0 printed, 2 bad input or usage.');
  });

  it('check --help shows the defaults and the formats', () => {
    const { stdout } = run(['check', '--help']);
    expect(stdout).toMatch(/^ {2}--config FILE {2,}the config file \(default roofline\.yml\)$/m);
    expect(stdout).toMatch(/^ {2}--out DIR {2,}where the report files are written \(default roofline-report\)$/m);
    expect(stdout).toMatch(/^ {2}--format text\|markdown\|json {2,}what is printed \(default text\)$/m);
  });

  it('an option a command does not take is still refused, exit 2', () => {
    expect(run(['schema', '--json'])).toMatchObject({ status: 2, stdout: '' });
    expect(run(['schema', '--json']).stderr).toContain("Unknown option '--json'");
    expect(run(['hardware', '--format', 'json']).status).toBe(2);
  });
});

describe('--base-ref against a real git repository', () => {
  let repo: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });

  beforeAll(() => {
    repo = mkdtempSync(path.join(tmpdir(), 'roofline-git-'));
    git('init', '-q', '-b', 'main');
    writeFileSync(path.join(repo, 'roofline.yml'), 'version: 1\nhardware: gtx-1080-ti\nmodels:\n  - name: net\n    precision: fp32\n    ops: { file: ops/net.csv }\n');
    execFileSync('mkdir', ['-p', path.join(repo, 'ops')]);
    writeFileSync(path.join(repo, 'ops', 'net.csv'), 'name,flops,bytes\nconv,25 GFLOP,1 GB\n');
    git('add', '.');
    git('commit', '-qm', 'base');
    // The head moves more bytes through DRAM: compute-bound -> memory-bound.
    writeFileSync(path.join(repo, 'ops', 'net.csv'), 'name,flops,bytes\nconv,25 GFLOP,1.25 GB\n');
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('reads the config and its op tables at REF', () => {
    const { status, stdout } = run(['check', '--base-ref', 'main', '--format', 'json', '--out', path.join(dir, 'g1')], repo);
    const report = JSON.parse(stdout);
    expect(report.baseline).toBe('git:main');
    expect(report.results[0].base.intensity.dram).toBe(25);
    expect(report.results[0].intensity.dram).toBe(20);
    expect(report.findings[0]).toMatchObject({ rule: 'bound-shift', severity: 'fail' });
    expect(status).toBe(1);
  });

  it('outside any git repository, says so rather than "no such commit"', () => {
    // dir is under the system's temporary directory, in no repository.
    expect(run(['check', '--config', write('ok.yml', SMALL()), '--base-ref', 'HEAD'], dir)).toEqual({
      status: 2,
      stdout: '',
      stderr: `roofline-gate: --base-ref HEAD: ${dir} is not in a git repository: run roofline-gate in the repository's checkout, or compare with a file, --base OLD.yml\n`,
    });
  });

  it('a clear error when REF does not exist', () => {
    const { status, stderr } = run(['check', '--base-ref', 'no-such-branch'], repo);
    expect(status).toBe(2);
    expect(stderr).toContain('--base-ref no-such-branch: no such commit, branch or tag');
  });

  it('"no baseline" (not an error) when the config did not exist at REF', () => {
    writeFileSync(path.join(repo, 'new.yml'), 'version: 1\nhardware: gtx-1080-ti\nmodels: [{ name: n, precision: fp32, flops: 1 GFLOP, bytes: 1 MB }]\n');
    const { status, stdout, stderr } = run(['check', '--config', 'new.yml', '--base-ref', 'main', '--format', 'json', '--out', path.join(dir, 'g2')], repo);
    expect(status).toBe(0);
    expect(JSON.parse(stdout).baseline).toBeNull();
    // Said, so that a typo in the path or the ref shows.
    expect(stderr).toBe('roofline-gate: warning: --base-ref main: new.yml is not at main, so there is no baseline\n');
  });
});
