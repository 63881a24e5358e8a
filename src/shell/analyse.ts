// `check`'s first half, shared by the CLI and the action: load the head config and its baseline, and build
// the report.
import path from 'node:path';
import type { Config } from '../core/config/index.js';
import { ConfigError } from '../core/config/index.js';
import { buildReport } from '../core/report/build.js';
import type { Report } from '../core/report/types.js';
import { loadConfig, OpTableMemo } from './load-config.js';
import type { ConfigSource } from './sources.js';

/**
 * What to compare with. `tolerant`: a baseline the user did not name (the action's `auto`, the base commit's
 * config) that fails to load is reported as `baseProblem` and the head is analysed without one, since the
 * pull request may be the fix; a baseline the user named (`--base`, `--base-ref`) that fails is an error.
 */
export type Baseline = { kind: 'none' } | { kind: 'config'; source: ConfigSource; file: string; tolerant?: boolean };

/** Thrown by a baseline source that cannot read the base at all (API down and commit not in the clone). */
export class BaselineUnreadable extends Error {
  override name = 'BaselineUnreadable';
}

export interface Analysis {
  report: Report;
  head: Config;
  /** Why a tolerant baseline was not used (its error, one screen); null when it was, or none was asked for. */
  baseProblem: string | null;
}

export async function analyse(head: { source: ConfigSource; file: string }, baseline: Baseline): Promise<Analysis> {
  // An op table the baseline shares with the head is parsed once, its changed rows only; without a
  // baseline nothing is kept for it.
  const memo = baseline.kind === 'config' ? new OpTableMemo() : undefined;
  const config = await loadConfig(head.source, head.file, undefined, memo);
  // A file that is not there has no line 1: the error names the directory it was looked for in instead.
  if (config === null) throw ConfigError.at(head.file, { line: 0, column: 0 }, [], `config file not found (looked in ${path.dirname(path.resolve(head.file))})`);
  // A baseline whose config did not exist yet (a new file, or one generated in the workflow) is "no baseline".
  let base: Config | null = null;
  let baseProblem: string | null = null;
  if (baseline.kind === 'config') {
    try {
      base = await loadConfig(baseline.source, baseline.file, undefined, memo);
    } catch (error) {
      if (!baseline.tolerant || !(error instanceof ConfigError || error instanceof BaselineUnreadable)) throw error;
      baseProblem = error.message;
    }
  }
  const label = baseline.kind === 'config' ? baseline.source.label : null;
  return { report: buildReport(config, base, label), head: config, baseProblem };
}
