// The action's inputs (action.yml), read and checked in one place. Every error says what to write instead.
import * as core from '@actions/core';
import { REQUEST_TIMEOUT_MS } from '../github/client.js';

export type CommentMode = 'update' | 'new' | 'changed' | 'off';
export type FailOn = 'fail' | 'warn' | 'never';
export type BaselineSetting = { kind: 'auto' } | { kind: 'none' } | { kind: 'file'; file: string };

export interface Settings {
  /** The config file, relative to the workspace. Also keys the sticky comment, so two configs get two comments. */
  config: string;
  /** `auto`: the pull request's base commit, or the commit before a push; a working-tree file; or none. */
  baseline: BaselineSetting;
  /** `update` one sticky comment, post a `new` one each run, update only when `changed`, or `off`. */
  comment: CommentMode;
  /** The worst status that still passes the step: `fail` fails on failing findings, `warn` on warnings too. */
  failOn: FailOn;
  /** The branch chart images are committed to; null never pushes (the comment shows a text chart). */
  chartBranch: string | null;
  /** Where report.json, report.md, roofline.svg and roofline.vl.json are written. */
  outDir: string;
  /** Store report.json on the assets branch for pushes to the default branch, and show a trend on pull requests. */
  history: boolean;
  /** A check run with the verdict (needs `checks: write`; skipped with a note without it). */
  checkRun: boolean;
  /** A report.json computed by an earlier job (the fork pattern): used instead of analysing `config`. */
  report: string | null;
  /** The token for the REST API; masked in logs. */
  token: string;
  /** Milliseconds per second of retry and rate-limit backoff: 1000, shortened only by tests. */
  backoffMs: number;
  /** Milliseconds one API request may take (REQUEST_TIMEOUT_MS), shortened only by tests. */
  timeoutMs: number;
}

const COMMENT_MODES: Record<string, CommentMode> = { update: 'update', new: 'new', changed: 'changed', off: 'off', true: 'update', false: 'off' };
const FAIL_ON: readonly FailOn[] = ['fail', 'warn', 'never'];

export function readSettings(): Settings {
  const token = core.getInput('token');
  if (token) core.setSecret(token);

  const comment = COMMENT_MODES[core.getInput('comment').toLowerCase() || 'update'];
  if (!comment) throw new InputError(`comment: "${core.getInput('comment')}" is not a mode; use update, new, changed or off (true means update, false means off)`);

  const failOn = (core.getInput('fail-on').toLowerCase() || 'fail') as FailOn;
  if (!FAIL_ON.includes(failOn)) throw new InputError(`fail-on: "${core.getInput('fail-on')}" is not a level; use fail, warn or never`);

  const chartBranch = core.getInput('chart-branch');
  if (chartBranch && !isBranchName(chartBranch)) {
    throw new InputError(`chart-branch: "${chartBranch}" is not a valid branch name; use letters, digits, '-', '_', '.' and '/', or '' to never push`);
  }


  const baseline = core.getInput('baseline') || 'auto';
  const backoff = Number(process.env.ROOFLINE_GATE_BACKOFF_MS);
  const timeout = Number(process.env.ROOFLINE_GATE_TIMEOUT_MS);
  return {
    config: core.getInput('config') || 'roofline.yml',
    baseline: baseline === 'auto' || baseline === 'none' ? { kind: baseline } : { kind: 'file', file: baseline },
    comment,
    failOn,
    chartBranch: chartBranch || null,
    outDir: core.getInput('out-dir') || 'roofline-report',
    history: onOff('history'),
    checkRun: onOff('check-run'),
    report: core.getInput('report') || null,
    token,
    backoffMs: Number.isFinite(backoff) && backoff >= 0 ? backoff : 1000,
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : REQUEST_TIMEOUT_MS,
  };
}

/** An `on`/`off` input (`true`/`false` too), `on` when empty. */
function onOff(name: string): boolean {
  const value = core.getInput(name).toLowerCase() || 'on';
  if (!['on', 'off', 'true', 'false'].includes(value)) throw new InputError(`${name}: "${core.getInput(name)}" is not a setting; use on or off`);
  return value === 'on' || value === 'true';
}

/** A bad input value: reported as it is, with no stack. */
export class InputError extends Error {
  override name = 'InputError';
}

/** The rules of `git check-ref-format --branch`, for the names people write. */
function isBranchName(name: string): boolean {
  return /^[\w.\-/]+$/.test(name) && !/(^[./-])|\/\/|\.\.|\.lock(\/|$)|[./]$|\/\./.test(name);
}
