// The verdict is never lost, in-process: the step's outputs, the out dir and a first job summary are written
// from the report alone (no API call: a typed fake would record one), and each step that fails (rendering
// the out dir, writing it, drawing the text chart, the check run) is one warning naming it, the verdict kept.
// @actions/core writes to the GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files set here, as on a runner.
import { afterAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import * as core from '@actions/core';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import lzString from 'lz-string';
import { beginCheckRun, type CheckRun } from '../src/action/check-run.js';
import type { Log } from '../src/action/log.js';
import { VEGA_EDITOR_URL } from '../src/core/chart/editor-url.js';
import { deliverVerdict, shareVerdict, type OutDirSteps } from '../src/action/verdict.js';
import { renderArtifacts } from '../src/shell/artifacts.js';
import { writeOutDir } from '../src/shell/out-dir.js';
import type { Event } from '../src/action/event.js';
import type { Settings } from '../src/action/inputs.js';
import { forkEvent, pullRequestEvent, settings } from './__fixtures__/event.js';
import { COMMENT_URL, fakeApi, IMAGE_URL } from './__fixtures__/github-api.js';
import { FAILING } from './__fixtures__/report.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roofline-verdict-'));
const files = { output: path.join(dir, 'output'), summary: path.join(dir, 'summary.md') };
process.env.GITHUB_OUTPUT = files.output;
process.env.GITHUB_STEP_SUMMARY = files.summary;
// The annotations @actions/core prints (`::error ...`) are the annotations test's; kept off the test log.
const quiet = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
// Each write of the job summary, counted; it still writes the file.
const summaryWrites = jest.spyOn(core.summary, 'write');
afterAll(() => {
  quiet.mockRestore();
  summaryWrites.mockRestore();
  delete process.env.GITHUB_OUTPUT;
  delete process.env.GITHUB_STEP_SUMMARY;
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  summaryWrites.mockClear();
});

/** GITHUB_OUTPUT's `name<<DELIMITER` blocks; a name set twice keeps its last value, as the runner does. */
function outputs(): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of readFileSync(files.output, 'utf8').matchAll(/^(.+?)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm)) found[match[1]!] = match[3]!;
  return found;
}
const summary = () => readFileSync(files.summary, 'utf8');

function recorder(): Log & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, info: () => undefined, notice: () => undefined, warning: (m) => warnings.push(m) };
}

const outDir = () => path.join(mkdtempSync(path.join(dir, 'out-')), 'roofline-report');
const REAL: OutDirSteps = { render: renderArtifacts, write: writeOutDir, text: () => 'the text roofline' };
/** An out dir rendered fast: the report's files, no chart. */
const NO_CHART: OutDirSteps['render'] = async () => ({ files: { 'report.json': '{}', 'report.md': '' }, spec: null });
/** FAILING: vgg16 crosses the ridge against the base, three failing findings. */
const analysis = { report: FAILING, positions: null };
const FAILURE = 'roofline-gate: fail (3 failing, 0 warning findings; fail-on: fail). The job summary has the details.';

describe('deliverVerdict', () => {
  it('writes the outputs, the out dir and a first summary, with no API at hand', async () => {
    const out = outDir();
    const log = recorder();
    const delivered = await deliverVerdict(analysis, settings({ outDir: out }), pullRequestEvent(), dir, log, REAL);
    expect(delivered.failure).toBe(FAILURE);
    expect(outputs()).toMatchObject({ status: 'fail', findings: '3', 'report-json': path.join(out, 'report.json'), 'chart-svg': path.join(out, 'roofline.svg') });
    expect(JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')).status).toBe('fail');
    expect(summary()).toContain('### ❌ roofline-gate: fail');
    expect(summary()).toContain('```text\nthe text roofline\n```');
    expect(summary()).toContain(`_No chart image: this summary was written before the chart was published, and the step ended before it was written again. roofline.svg in the out dir (${out}) has the chart._`);
    // The Vega editor link opens the very spec roofline.vl.json holds (lz-string in the fragment, editor-url.ts).
    const link = delivered.chart.editorUrl!;
    expect(link.startsWith(VEGA_EDITOR_URL)).toBe(true);
    expect(JSON.parse(lzString.decompressFromEncodedURIComponent(link.slice(VEGA_EDITOR_URL.length)))).toEqual(JSON.parse(readFileSync(path.join(out, 'roofline.vl.json'), 'utf8')));
    expect(summary()).toContain(`[Open the chart in the Vega editor](${link})`);
    expect(log.warnings).toEqual([]);
  }, 20000);

  it('an out dir that cannot be rendered (a report too large to serialise): the verdict and summary, files empty, one warning', async () => {
    const log = recorder();
    const render: OutDirSteps['render'] = async () => {
      throw new RangeError('Invalid string length');
    };
    const delivered = await deliverVerdict(analysis, settings({ outDir: outDir() }), pullRequestEvent(), dir, log, { ...REAL, render });
    expect(delivered.failure).toBe(FAILURE);
    expect(outputs()).toEqual({ status: 'fail', findings: '3', 'report-json': '', 'report-markdown': '', 'chart-svg': '', 'chart-vega-lite': '' });
    expect(summary()).toContain('### ❌ roofline-gate: fail');
    expect(log.warnings).toEqual(['The out dir could not be rendered (Invalid string length). The verdict is unaffected.']);
  });

  it('an out dir that cannot be written: the verdict and summary, files empty, the warning names the folder', async () => {
    const log = recorder();
    const write: OutDirSteps['write'] = async () => {
      throw new Error("EACCES: permission denied, mkdir 'roofline-report'");
    };
    const delivered = await deliverVerdict(analysis, settings(), pullRequestEvent(), dir, log, { ...REAL, write, render: async () => ({ files: { 'report.json': '{}', 'report.md': '', 'roofline.svg': '<svg/>' }, spec: null }) });
    expect(outputs()).toMatchObject({ status: 'fail', findings: '3', 'report-json': '', 'chart-svg': '' });
    // The chart was drawn: the comment still gets it, though no file holds it.
    expect(delivered.chart.svg).toBe('<svg/>');
    expect(log.warnings).toEqual(["The out dir roofline-report could not be written (EACCES: permission denied, mkdir 'roofline-report'). The verdict is unaffected."]);
  });

  (existsSync('/proc/self') ? it : it.skip)('an out dir under /proc (where mkdir { recursive: true } never settled): the warning at once, the verdict kept', async () => {
    const log = recorder();
    const started = Date.now();
    await deliverVerdict(analysis, settings({ outDir: '/proc/nope', comment: 'off' }), pullRequestEvent(), dir, log, { ...REAL, render: NO_CHART });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(outputs()).toMatchObject({ status: 'fail', findings: '3', 'report-json': '' });
    expect(log.warnings).toEqual(['The out dir /proc/nope could not be written (ENOENT: /proc/nope cannot be created: /proc exists but takes no new directories). The verdict is unaffected.']);
  });

  it('a text chart that cannot be drawn (a stack overflow at 300,000 pairs): no chart in the summary, a warning naming the text chart, not the API', async () => {
    const log = recorder();
    const text = () => {
      throw new RangeError('Maximum call stack size exceeded');
    };
    const delivered = await deliverVerdict(analysis, settings({ comment: 'off' }), pullRequestEvent(), dir, log, { ...REAL, text, render: NO_CHART });
    expect(delivered.chart.text).toBeNull();
    expect(summary()).toContain('### ❌ roofline-gate: fail');
    expect(summary()).not.toContain('```text');
    expect(log.warnings).toEqual(['The text roofline chart could not be drawn (Maximum call stack size exceeded); the job summary and comment show none. The verdict is unaffected.']);
  });
});

describe('shareVerdict', () => {
  const check = (finish: CheckRun['finish']): CheckRun => ({ finish, fail: async () => undefined });

  it('rewrites the summary with the comment and the image, and sets their outputs last', async () => {
    const log = recorder();
    const delivered = await deliverVerdict(analysis, settings({ outDir: outDir() }), pullRequestEvent(), dir, log, REAL);
    const api = fakeApi();
    await shareVerdict(FAILING, delivered, settings(), pullRequestEvent(), api, check(async () => undefined), log);
    expect(outputs()).toMatchObject({ status: 'fail', 'comment-url': COMMENT_URL, 'chart-url': IMAGE_URL });
    // Rewritten, not appended: one verdict heading, the image instead of the first summary's text chart.
    expect(summary().match(/### ❌ roofline-gate: fail/g)).toHaveLength(1);
    expect(summary()).toContain(`![Roofline chart](${IMAGE_URL})`);
    expect(summary()).toContain(`[Pull-request comment](${COMMENT_URL})`);
    expect(log.warnings).toEqual([]);
    // Once before sharing, once after it.
    expect(summaryWrites).toHaveBeenCalledTimes(2);
  }, 20000);

  // Nothing is shared: share() gives the first summary's parts again, so that summary is the last.
  it.each<[string, Partial<Settings>, Event]>([
    ['comments off', { comment: 'off' }, pullRequestEvent()],
    ['a fork', {}, forkEvent()],
    ['an empty token', { token: '' }, pullRequestEvent()],
  ])('%s: the summary is written once, before sharing, and left as it is', async (_, overrides, event) => {
    const log = recorder();
    const given = settings(overrides);
    const delivered = await deliverVerdict(analysis, given, event, dir, log, { ...REAL, render: NO_CHART });
    const first = summary();
    expect(first).toContain('### ❌ roofline-gate: fail');
    await shareVerdict(FAILING, delivered, given, event, fakeApi(), check(async () => undefined), log);
    expect(summaryWrites).toHaveBeenCalledTimes(1);
    expect(summary()).toBe(first);
  });

  it('a step that throws is one warning naming it; the rest still runs', async () => {
    const log = recorder();
    const delivered = await deliverVerdict(analysis, settings(), pullRequestEvent(), dir, log, { ...REAL, render: NO_CHART });
    await shareVerdict(FAILING, delivered, settings(), pullRequestEvent(), fakeApi(), check(async () => Promise.reject(new Error('boom'))), log);
    expect(log.warnings).toEqual(['The check run was not completed (boom). The verdict is unaffected.']);
    expect(outputs()['comment-url']).toBe(COMMENT_URL);
    expect(summary()).toContain(`[Pull-request comment](${COMMENT_URL})`);
  });
});

describe('an empty `token` input', () => {
  it('the outputs, the out dir, the summary with the note, one warning; not one API call', async () => {
    const warnings: string[] = [];
    const log: Log = { info: () => undefined, notice: (m) => warnings.push(`notice: ${m}`), warning: (m) => warnings.push(m) };
    const out = outDir();
    const given = settings({ token: '', outDir: out });
    // A fake that answers every call as GitHub would: a call made would show in api.calls, not fail quietly.
    const api = fakeApi();
    const check = beginCheckRun(given, pullRequestEvent(), api, log);
    const delivered = await deliverVerdict(analysis, given, pullRequestEvent(), dir, log, REAL);
    expect(delivered.failure).toBe(FAILURE);
    const warning =
      "The `token` input is empty (a secret that is not set gives ''), so no GitHub API call was made: no pull-request comment, chart image, history trend or check run. " +
      'Set `token` to `${{ github.token }}` (its default) or to a secret that is set. The verdict, job summary and out dir are unaffected.';
    expect(summary()).toContain('### ❌ roofline-gate: fail');
    expect(summary()).toContain(`> [!NOTE]\n> ${warning}`);
    // Backticks in the italic reason are written as &#96; (outside a code span), as in every reason.
    expect(summary()).toContain(`_No chart image: the &#96;token&#96; input is empty, so nothing can be published. roofline.svg in the out dir (${out}) has the chart._`);

    await shareVerdict(FAILING, delivered, given, pullRequestEvent(), api, check, log);
    expect(api.calls).toEqual([]);
    expect(warnings).toEqual([warning]);
    expect(outputs()).toEqual({
      status: 'fail', findings: '3',
      'report-json': path.join(out, 'report.json'), 'report-markdown': path.join(out, 'report.md'),
      'chart-svg': path.join(out, 'roofline.svg'), 'chart-vega-lite': path.join(out, 'roofline.vl.json'),
      'comment-url': '', 'chart-url': '',
    });
    expect(summary().match(/### ❌ roofline-gate: fail/g)).toHaveLength(1);
    expect(summary().split(warning)).toHaveLength(2); // the note once
    expect(JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')).status).toBe('fail');
  }, 20000);
});
