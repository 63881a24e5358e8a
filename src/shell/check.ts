// `check`, shared by the CLI and the action: load head and baseline, build the report, render it, and
// write the out dir all at once (render everything first, so that a failure never leaves half a folder).
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../core/config/index.js';
import { ConfigError } from '../core/config/index.js';
import { buildReport, reportJson } from '../core/report/build.js';
import { renderMarkdown, type MarkdownOptions } from '../core/report/markdown.js';
import type { Report } from '../core/report/types.js';
import { loadConfig, OpTableMemo } from './load-config.js';
import type { ConfigSource } from './sources.js';

export type Baseline = { kind: 'none' } | { kind: 'config'; source: ConfigSource; file: string };

export interface Analysis {
  report: Report;
  head: Config;
}

export async function analyse(head: { source: ConfigSource; file: string }, baseline: Baseline): Promise<Analysis> {
  // An op table the baseline shares unchanged with the head is parsed once.
  const memo = new OpTableMemo();
  const config = await loadConfig(head.source, head.file, undefined, memo);
  if (config === null) throw ConfigError.at(head.file, { line: 1, column: 1 }, [], 'config file not found');
  // A baseline whose config did not exist yet (a new file, or one generated in the workflow) is "no baseline".
  const base = baseline.kind === 'config' ? await loadConfig(baseline.source, baseline.file, undefined, memo) : null;
  const label = baseline.kind === 'config' ? baseline.source.label : null;
  return { report: buildReport(config, base, label), head: config };
}

export interface Artifacts {
  'report.json': string;
  'report.md': string;
  'roofline.svg'?: string;
  'roofline.vl.json'?: string;
}

/**
 * Renders everything the out dir holds. The chart code (vega) is loaded only here, on demand. A chart
 * that cannot be drawn is a warning, never a lost verdict: the report is written without it.
 */
export async function renderArtifacts(
  report: Report,
  markdown: Omit<MarkdownOptions, 'limit'> = {},
  warn: (message: string) => void = () => undefined,
): Promise<Artifacts> {
  const base = { 'report.json': reportJson(report) };
  try {
    const { rooflineSpec } = await import('../core/chart/index.js');
    const { renderSvg } = await import('../render/svg.js');
    const spec = rooflineSpec(report);
    const svg = await renderSvg(spec);
    return {
      ...base,
      'report.md': renderMarkdown(report, { chart: { kind: 'image', url: 'roofline.svg' }, ...markdown, limit: null }),
      'roofline.svg': svg,
      'roofline.vl.json': `${JSON.stringify(spec, null, 2)}\n`,
    };
  } catch (error) {
    warn(`the roofline chart could not be drawn (${(error as Error).message}); the report is written without it`);
    return { ...base, 'report.md': renderMarkdown(report, { ...markdown, limit: null }) };
  }
}

/** Writes every file to a temporary name first, then renames them into place. */
export async function writeOutDir(dir: string, artifacts: Artifacts): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const entries = Object.entries(artifacts).filter((entry): entry is [string, string] => entry[1] !== undefined);
  const staged = await Promise.all(
    entries.map(async ([name, content]) => {
      const temporary = path.join(dir, `.${name}.${process.pid}.tmp`);
      await writeFile(temporary, content);
      return [temporary, path.join(dir, name)] as const;
    }),
  );
  for (const [temporary, final] of staged) await rename(temporary, final);
  return staged.map(([, final]) => final);
}
