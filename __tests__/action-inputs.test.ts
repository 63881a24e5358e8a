// The action's inputs, as the runner passes them: INPUT_* variables.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { readSettings } from '../src/action/inputs.js';

let written: string[];
beforeEach(() => {
  written = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  jest.restoreAllMocks();
  for (const name of Object.keys(process.env)) if (name.startsWith('INPUT_')) delete process.env[name];
});

const given = (inputs: Record<string, string>) => {
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
  return readSettings();
};

describe('readSettings', () => {
  it('gives action.yml’s defaults when the runner passes them', () => {
    expect(
      given({ config: 'roofline.yml', baseline: 'auto', comment: 'update', 'fail-on': 'fail', 'chart-branch': 'roofline-gate-assets', 'out-dir': 'roofline-report', history: 'on', report: '', token: 'ghs_x' }),
    ).toEqual({
      config: 'roofline.yml', baseline: { kind: 'auto' }, comment: 'update', failOn: 'fail', chartBranch: 'roofline-gate-assets',
      outDir: 'roofline-report', history: true, checkRun: true, report: null, token: 'ghs_x', backoffMs: 1000, timeoutMs: 10_000,
    });
  });

  it('reads check-run: on and off, and refuses anything else', () => {
    expect([given({ 'check-run': 'off' }).checkRun, given({ 'check-run': 'true' }).checkRun, given({}).checkRun]).toEqual([false, true, true]);
    expect(() => given({ 'check-run': 'maybe' })).toThrow('check-run: "maybe" is not a setting; use on or off');
  });

  it('reads history: on and off (true and false too), and refuses anything else, saying what to write', () => {
    expect([given({ history: 'off' }).history, given({ history: 'false' }).history, given({ history: 'ON' }).history]).toEqual([false, false, true]);
    expect(() => given({ history: 'sometimes' })).toThrow('history: "sometimes" is not a setting; use on or off');
  });

  it('masks the token before anything else is logged', () => {
    given({ token: 'ghs_secret' });
    expect(written[0]).toBe('::add-mask::ghs_secret\n');
  });

  it.each([
    ['true', 'update'], ['false', 'off'], ['TRUE', 'update'], ['new', 'new'], ['changed', 'changed'], ['off', 'off'],
  ])('reads comment: %s as %s', (value, mode) => {
    expect(given({ comment: value }).comment).toBe(mode);
  });

  it('reads baseline as auto, none, or a file', () => {
    expect(given({ baseline: 'none' }).baseline).toEqual({ kind: 'none' });
    expect(given({ baseline: 'old/roofline.yml' }).baseline).toEqual({ kind: 'file', file: 'old/roofline.yml' });
  });

  it("reads chart-branch: '' as never pushing", () => {
    expect(given({ 'chart-branch': '' }).chartBranch).toBeNull();
  });

  it.each([
    [{ comment: 'sometimes' }, 'comment: "sometimes" is not a mode; use update, new, changed or off (true means update, false means off)'],
    [{ 'fail-on': 'error' }, 'fail-on: "error" is not a level; use fail, warn or never'],
    [{ 'chart-branch': 'a..b' }, "chart-branch: \"a..b\" is not a valid branch name; use letters, digits, '-', '_', '.' and '/', or '' to never push"],
    [{ 'chart-branch': 'has space' }, 'is not a valid branch name'],
  ])('says what to write instead of %j', (inputs, message) => {
    expect(() => given(inputs)).toThrow(message);
  });
});
