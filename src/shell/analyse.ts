// `check`'s first half, shared by the CLI and the action: load the head config and its baseline, and build
// the report.
import type { Config } from '../core/config/index.js';
import { ConfigError } from '../core/config/index.js';
import { buildReport } from '../core/report/build.js';
import type { Report } from '../core/report/types.js';
import { loadConfig } from './load-config.js';
import type { ConfigSource } from './sources.js';

export type Baseline = { kind: 'none' } | { kind: 'config'; source: ConfigSource; file: string };

export interface Analysis {
  report: Report;
  head: Config;
}

export async function analyse(head: { source: ConfigSource; file: string }, baseline: Baseline): Promise<Analysis> {
  const config = await loadConfig(head.source, head.file);
  if (config === null) throw ConfigError.at(head.file, { line: 1, column: 1 }, [], 'config file not found');
  // A baseline whose config did not exist yet (a new file, or one generated in the workflow) is "no baseline".
  const base = baseline.kind === 'config' ? await loadConfig(baseline.source, baseline.file) : null;
  const label = baseline.kind === 'config' ? baseline.source.label : null;
  return { report: buildReport(config, base, label), head: config };
}
