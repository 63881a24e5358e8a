// The report the action reports on, in-process: analysed from the workspace's config against the base
// read through a typed fake of the contents API, or read from a report.json another job computed.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { obtainReport } from '../src/action/analysis.js';
import type { Log } from '../src/action/log.js';
import { reportJson } from '../src/core/report/build.js';
import { renderMarkdown } from '../src/core/report/markdown.js';
import { BASE_SHA, pullRequestEvent, pushEvent, settings, workflowRunEvent } from './__fixtures__/event.js';
import { fakeApi } from './__fixtures__/github-api.js';
import { BASE, FAILING, HEAD } from './__fixtures__/report.js';
import { makeRepo } from './e2e/harness.js';

const BUDGET = `${HEAD}gate:\n  budgets:\n    max-latency: 1 ms\n`;
const repo = makeRepo({}, { 'roofline.yml': HEAD, 'budget.yml': BUDGET });
const cwd = process.cwd();
beforeAll(() => process.chdir(repo.dir)); // the action runs in the workspace
afterAll(() => {
  process.chdir(cwd);
  rmSync(repo.dir, { recursive: true, force: true });
});

function run(options: { settings?: Parameters<typeof settings>[0]; event?: ReturnType<typeof pullRequestEvent>; base?: Record<string, string> } = {}) {
  const said: string[] = [];
  const log: Pick<Log, 'info' | 'warning'> = { info: (m) => said.push(m), warning: (m) => said.push(`warning: ${m}`) };
  const files = options.base ?? {};
  const api = fakeApi({ readFileAt: async (_sha, file) => (file in files ? Buffer.from(files[file]!) : null) });
  return { api, said, analysis: obtainReport(settings(options.settings), options.event ?? pullRequestEvent(), api, repo.dir, log) };
}

describe('obtainReport', () => {
  it('a pull request: the config at its base commit, read through the API', async () => {
    const { api, said, analysis } = run({ base: { 'roofline.yml': BASE } });
    const { report, positions } = await analysis;
    expect(api.calls).toEqual([{ method: 'readFileAt', args: [BASE_SHA, 'roofline.yml'] }]);
    expect([report.status, report.baseline, report.findings.length]).toEqual(['fail', 'git:base000 (main)', 3]);
    expect(positions!.get('vgg16')).toMatchObject({ line: 5 });
    expect(said).toEqual(['Baseline: git:base000 (main)']);
  });

  it('a push: the commit before it, named in the summary', async () => {
    const { report } = await run({ event: pushEvent(), base: { 'roofline.yml': BASE } }).analysis;
    expect(report.baseline).toBe('git:base000');
    expect(renderMarkdown(report, { limit: null })).toContain('against git:base000.');
  });

  it('a config new in the pull request (404 at the base): no baseline, said so, and budgets still apply', async () => {
    const { said, analysis } = run({ settings: { config: 'budget.yml' } });
    const { report } = await analysis;
    expect(report.baseline).toBeNull();
    expect(report.findings.map((f) => f.rule)).toEqual(['max-latency']);
    expect(renderMarkdown(report, { limit: null })).toContain('no baseline');
    expect(said).toEqual(['No baseline (budget.yml does not exist at the base): only budgets and above-roof apply.']);
  });

  it('an event that names no commit, or `baseline: none`: no baseline, no API call, and why', async () => {
    for (const [options, why] of [
      [{ event: workflowRunEvent() }, 'a workflow_run event names no commit to compare with'],
      [{ settings: { baseline: { kind: 'none' } } }, '`baseline: none` is set'],
    ] as const) {
      const { api, said, analysis } = run(options);
      expect((await analysis).report.baseline).toBeNull();
      expect(api.calls).toEqual([]);
      expect(said).toEqual([`No baseline (${why}): only budgets and above-roof apply.`]);
    }
  });

  it('a base config that does not load: the head keeps its verdict on budgets, and the warning says why', async () => {
    // The pull request may be the fix for a broken base: its own config is what the verdict is about.
    const { said, analysis } = run({ settings: { config: 'budget.yml' }, base: { 'budget.yml': 'version: 1\nhardware: [h100]\nmodels: {}\n' } });
    const { report } = await analysis;
    expect(report.baseline).toBeNull();
    expect(report.findings.map((f) => f.rule)).toEqual(['max-latency']);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^warning: The baseline at git:base000 \(main\) could not be used, so only budgets and above-roof apply:\nbudget\.yml:3:9: models: /);
  });

  it('a head config that does not load is still the error it was, whatever the base', async () => {
    writeFileSync(path.join(repo.dir, 'broken.yml'), 'version: 1\nhardware: [h100]\nmodels: {}\n');
    await expect(run({ settings: { config: 'broken.yml' }, base: { 'broken.yml': BASE } }).analysis).rejects.toThrow(/broken\.yml:3:9: models: /);
  });

  it('`report:` reads the report.json another job computed, and analyses nothing', async () => {
    const file = path.join(repo.dir, 'downloaded', 'report.json');
    rmSync(path.dirname(file), { recursive: true, force: true });
    mkdirSync(path.dirname(file));
    writeFileSync(file, reportJson(FAILING));
    const { api, analysis } = run({ settings: { report: file, config: 'missing.yml' }, event: workflowRunEvent() });
    const { report, positions } = await analysis;
    expect(reportJson(report)).toBe(reportJson(FAILING));
    expect(positions).toBeNull();
    expect(api.calls).toEqual([]);
  });

  it('`report:` naming no file says where it should come from', async () => {
    await expect(run({ settings: { report: 'nowhere.json' } }).analysis).rejects.toThrow(
      'report: nowhere.json not found; download the artifact the pull_request workflow uploaded before this step',
    );
  });
});
