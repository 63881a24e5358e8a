// README.md, run: every config it shows is accepted, every device count it states is the catalog's, the
// CLI commands it gives exit and print as it shows, workflow snippets pass only inputs action.yml declares,
// and the Node versions it names are those of package.json, the build and action.yml.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import { load } from 'js-yaml';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CATALOG } from '../src/core/catalog/index.js';
import { parseConfig } from '../src/core/config/index.js';
import { analyse } from '../src/shell/analyse.js';
import { workingTree } from '../src/shell/sources.js';
import { CLI } from './setup/dist.js';

const root = path.resolve(import.meta.dirname, '..');
const README = readFileSync(path.join(root, 'README.md'), 'utf8');

interface Block {
  lang: string;
  text: string;
  /** The README line of the opening fence, for test names. */
  line: number;
}

const BLOCKS: Block[] = [...README.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((match) => ({
  lang: match[1]!,
  text: match[2]!,
  line: README.slice(0, match.index).split('\n').length,
}));

// A YAML block with a top-level `version:` is a config; every other YAML block is a workflow or a step of one.
const CONFIGS = BLOCKS.filter((block) => block.lang === 'yaml' && /^version:/m.test(block.text));
const WORKFLOWS = BLOCKS.filter((block) => block.lang === 'yaml' && !/^version:/m.test(block.text));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'roofline-readme-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('README config examples', () => {
  it('README shows the main config example and it is found', () => {
    expect(CONFIGS.length).toBeGreaterThanOrEqual(1);
    expect(WORKFLOWS.length).toBeGreaterThanOrEqual(1);
  });

  const schema = JSON.parse(readFileSync(path.join(root, 'roofline.schema.json'), 'utf8'));
  const validate = new Ajv({ strict: false }).compile(schema);

  it.each(CONFIGS.map((block) => [block.line, block] as const))('the config at README line %i is accepted and analysed', async (line, block) => {
    // The op tables README names are not shipped: each is stood in for by a one-op table, so what is
    // tested is the config around them.
    const folder = path.join(dir, `config-${line}`);
    const file = path.join(folder, 'roofline.yml');
    mkdirSync(folder, { recursive: true });
    writeFileSync(file, block.text);
    for (const table of parseConfig(block.text, file).opTables) {
      mkdirSync(path.dirname(path.join(folder, table.file)), { recursive: true });
      writeFileSync(path.join(folder, table.file), 'name,flops,bytes\nop,1 GFLOP,1 MB\n');
    }
    const { report } = await analyse({ source: workingTree(), file }, { kind: 'none' });
    expect(report.results.length).toBeGreaterThan(0);
    // Editors check it against the shipped schema (the first-line comment): that must accept it too.
    expect(validate(load(block.text))).toBe(true);
  });

  it('the main example places each model on its targets', async () => {
    // mobilenet-v2 and bert-large on the two default targets, resnet50 on the one it names.
    const file = path.join(dir, `config-${CONFIGS[0]!.line}`, 'roofline.yml');
    const { report } = await analyse({ source: workingTree(), file }, { kind: 'none' });
    expect(report.results.map((r) => `${r.model}@${r.hardware}`)).toEqual([
      'mobilenet-v2@a100-sxm4-80gb', 'mobilenet-v2@h100-sxm', 'resnet50@a100-sxm4-80gb', 'bert-large@a100-sxm4-80gb', 'bert-large@h100-sxm',
    ]);
  });
});

describe('README workflow snippets', () => {
  const inputs = Object.keys((load(readFileSync(path.join(root, 'action.yml'), 'utf8')) as { inputs: object }).inputs);

  /** Every step, anywhere in the parsed YAML, that uses roofline-gate. */
  type Step = { uses?: unknown; with?: Record<string, unknown> };
  function roofSteps(value: unknown): Step[] {
    if (Array.isArray(value)) return value.flatMap(roofSteps);
    if (value === null || typeof value !== 'object') return [];
    const step = value as Step;
    const own = typeof step.uses === 'string' && /\/roofline-gate@/.test(step.uses) ? [step] : [];
    return [...own, ...Object.values(value).flatMap(roofSteps)];
  }

  it.each(WORKFLOWS.map((block) => [block.line, block] as const))('the snippet at README line %i passes only inputs action.yml declares', (_line, block) => {
    const steps = roofSteps(load(block.text));
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) for (const key of Object.keys(step.with ?? {})) expect(inputs).toContain(key);
    // Inputs shown commented out (`# fail-on: fail`) are inputs too.
    for (const [, key] of block.text.matchAll(/^\s+# ([a-z-]+): /gm)) expect(inputs).toContain(key);
  });
});

describe('README facts', () => {
  it("the Development tree lists every module of src/, and nothing that is not there", () => {
    const tree = BLOCKS.find((block) => block.lang === 'text' && block.text.startsWith('src/\n'))!;
    // Each line is `│   ├── name   what it is`: its depth is its column over 4, its name the first word.
    const listed: string[] = [];
    const folders: string[] = [];
    for (const line of tree.text.split('\n').slice(1).filter(Boolean)) {
      const match = /^([│ ]*)[├└]── (\S+)/.exec(line)!;
      const depth = match[1]!.length / 4;
      folders.length = depth;
      if (match[2]!.endsWith('/')) folders.push(match[2]!.slice(0, -1));
      else listed.push(['src', ...folders, match[2]!].join('/'));
    }
    const files = (readdirSync(path.join(root, 'src'), { recursive: true }) as string[])
      .filter((file) => file.endsWith('.ts'))
      .map((file) => `src/${file.split(path.sep).join('/')}`);
    expect([...listed].sort()).toEqual([...files].sort());
  });

  it('every device count README states is the catalog length', () => {
    const counts = [...README.matchAll(/\b(\d+) (?:built-in )?devices\b/g)].map((match) => Number(match[1]));
    expect(counts.length).toBeGreaterThan(0);
    for (const count of counts) expect(count).toBe(CATALOG.length);
  });

  it('the Node versions agree: package.json engines, the esbuild target, action.yml and README', () => {
    const engines = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    const target = /target: 'node([\d.]+)'/.exec(readFileSync(path.join(root, 'scripts', 'build.mjs'), 'utf8'))?.[1];
    const using = (load(readFileSync(path.join(root, 'action.yml'), 'utf8')) as { runs: { using: string } }).runs.using;
    const stated = /The CLI needs\s+Node\.js ([\d.]+) or later; the action runs on the runner's Node\.js (\d+) \(`using: (node\d+)`/.exec(README);
    expect(stated).not.toBeNull();
    const [, cliVersion, actionMajor, actionUsing] = stated!;
    expect(engines).toBe(`>=${cliVersion}`);
    expect(target).toBe(cliVersion);
    expect(using).toBe(`node${actionMajor}`);
    expect(using).toBe(actionUsing);
    // util.styleText, used for colour, exists from Node 20.12 (and 21.7): nothing older may be promised.
    const [major, minor] = cliVersion!.split('.').map(Number);
    expect(major! > 20 || (major === 20 && minor! >= 12)).toBe(true);
  });
});

describe('README commands', () => {
  // `node dist/cli.js ...` lines of the sh blocks, each run on a copy of examples/ (so the report folder
  // it writes lands in a temporary directory), with the freshly built CLI in place of dist/cli.js.
  const commands = BLOCKS.flatMap((block, index) =>
    block.lang === 'sh'
      ? block.text.split('\n').filter((line) => line.startsWith('node dist/cli.js ')).map((line) => {
        // The untagged block right after a command is what it prints.
        const next = BLOCKS[index + 1];
        const output = next && next.lang === '' && next.line - (block.line + block.text.split('\n').length) <= 2 ? next.text : null;
        return [line, output] as const;
      })
      : [],
  );

  it('README gives at least one command', () => {
    expect(commands.length).toBeGreaterThan(0);
  });

  it.each(commands)('%s exits and prints as README shows', (command, output) => {
    const cwd = mkdtempSync(path.join(dir, 'run-'));
    cpSync(path.join(root, 'examples'), path.join(cwd, 'examples'), { recursive: true });
    expect(command).not.toMatch(/["'\\$`|;&]/); // split on spaces below: README's commands stay that simple
    const args = command.replace(/^node dist\/cli\.js /, '').split(/ +/);
    const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(result.stderr).toBe('');
    // The verdict line README shows gives the exit status: FAIL is 1, PASS and WARN are 0; none shown, 0.
    const verdict = output && /^(PASS|WARN|FAIL) /m.exec(output)?.[1];
    expect(result.status).toBe(verdict === 'FAIL' ? 1 : 0);
    if (output === null) return;
    // Every line README shows is printed, in that order; `  ...` stands for lines left out.
    const shown = output.split('\n').filter((line) => line.trim() !== '...');
    const printed = result.stdout.split('\n');
    let at = 0;
    for (const line of shown) {
      const found = printed.indexOf(line, at);
      expect({ line, found: found >= 0 }).toEqual({ line, found: true });
      at = found + 1;
    }
  });
});
