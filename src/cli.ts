#!/usr/bin/env node
// The command line: `roofline-gate check | hardware | schema`. Exit status 0 pass or warnings only,
// 1 the gate failed, 2 bad input or usage. Errors are one screen of text, never a stack trace.
import { parseArgs, styleText } from 'node:util';
import { CATALOG, findEntry } from './core/catalog/index.js';
import { catalogDetail, catalogTable } from './core/catalog/listing.js';
import { ConfigError, configJsonSchema } from './core/config/index.js';
import { reportJson } from './core/report/build.js';
import { renderMarkdown } from './core/report/markdown.js';
import { renderText, type Style } from './core/report/text.js';
import { nearestWord } from './core/nearest-word.js';
import { analyse, type Baseline } from './shell/analyse.js';
import { renderArtifacts } from './shell/artifacts.js';
import { writeOutDir } from './shell/out-dir.js';
import { gitRef, UsageError, workingTree } from './shell/sources.js';

const VERSION = '0.1.0';

const HELP = `roofline-gate ${VERSION}: where your models sit on the roofline of the hardware they ship on

Usage:
  roofline-gate check [--config roofline.yml] [--base OLD.yml | --base-ref REF]
                      [--out DIR] [--format text|markdown|json] [--no-color]
  roofline-gate hardware [ID] [--json]
  roofline-gate schema

check      analyse the config, compare with a baseline, print the report and write
           DIR/report.json, report.md, roofline.svg, roofline.vl.json (DIR: roofline-report)
hardware   list the built-in devices, or one with every figure and its source
schema     print the JSON Schema of the config file

Exit status: 0 pass or warnings only, 1 the gate failed, 2 bad input or usage.
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'check':
      return check(rest);
    case 'hardware':
      return hardware(rest);
    case 'schema':
      process.stdout.write(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
      return 0;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(HELP);
      return command === undefined ? 2 : 0;
    case '--version':
    case '-v':
      process.stdout.write(`${VERSION}\n`);
      return 0;
    default: {
      const nearest = nearestWord(command, ['check', 'hardware', 'schema', 'help']);
      throw new UsageError(`unknown command "${command}"${nearest ? `; did you mean "${nearest}"?` : ''}`);
    }
  }
}

async function check(args: string[]): Promise<number> {
  const { values } = parse(args, {
    config: { type: 'string', default: 'roofline.yml' },
    base: { type: 'string' },
    'base-ref': { type: 'string' },
    out: { type: 'string', default: 'roofline-report' },
    format: { type: 'string', default: 'text' },
    'no-color': { type: 'boolean', default: false },
  });
  const format = values.format!;
  if (!['text', 'markdown', 'json'].includes(format)) throw new UsageError(`--format ${format}: expected text, markdown or json`);
  if (values.base !== undefined && values['base-ref'] !== undefined) throw new UsageError('give --base or --base-ref, not both');

  const file = values.config!;
  let baseline: Baseline = { kind: 'none' };
  if (values.base !== undefined) baseline = { kind: 'config', source: workingTree(values.base), file: values.base };
  if (values['base-ref'] !== undefined) baseline = { kind: 'config', source: await gitRef(values['base-ref']), file };
  if (values.base !== undefined && (await workingTree().readText(values.base)) === null) {
    throw new UsageError(`--base ${values.base}: file not found`);
  }

  const { report } = await analyse({ source: workingTree(file), file }, baseline);
  const warn = (message: string) => process.stderr.write(`roofline-gate: warning: ${message}\n`);
  const artifacts = await renderArtifacts(report, {}, warn);

  // The verdict reaches the reader before anything can go wrong with the out dir.
  if (format === 'json') process.stdout.write(reportJson(report));
  else if (format === 'markdown') process.stdout.write(renderMarkdown(report, { limit: null }));
  else process.stdout.write(renderText(report, { paint: colours(values['no-color']!) }));
  try {
    await writeOutDir(values.out!, artifacts);
  } catch (error) {
    throw new UsageError(`--out ${values.out}: cannot write the report there (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return report.status === 'fail' ? 1 : 0;
}

function hardware(args: string[]): number {
  const { values, positionals } = parse(args, { json: { type: 'boolean', default: false } }, true);
  if (positionals.length > 1) throw new UsageError('hardware takes at most one ID');
  const id = positionals[0];
  if (id === undefined) {
    process.stdout.write(values.json ? `${JSON.stringify(CATALOG, null, 2)}\n` : catalogTable(CATALOG));
    return 0;
  }
  const entry = findEntry(id);
  if (!entry) {
    const nearest = nearestWord(id, CATALOG.flatMap((e) => [e.id, ...e.aliases]));
    throw new UsageError(`unknown hardware "${id}"${nearest ? `; did you mean "${nearest}"?` : ''} (roofline-gate hardware lists them)`);
  }
  process.stdout.write(values.json ? `${JSON.stringify(entry, null, 2)}\n` : catalogDetail(entry));
  return 0;
}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

function parse<O extends Options>(args: string[], options: O, positionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals: positionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/, ''));
  }
}

const STYLES: Record<Style, Parameters<typeof styleText>[0]> = {
  compute: 'green', memory: 'yellow', fail: 'red', warn: 'yellow', pass: 'green', dim: 'gray', bold: 'bold',
};

/** Colour only for a person at a terminal, and never when NO_COLOR is set (no-color.org). */
function colours(disabled: boolean): ((text: string, style: Style) => string) | undefined {
  if (disabled || !process.stdout.isTTY || process.env.NO_COLOR) return undefined;
  return (text, style) => styleText(STYLES[style], text);
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
    } else if (error instanceof UsageError) {
      process.stderr.write(`roofline-gate: ${error.message}\nRun roofline-gate --help for usage.\n`);
    } else {
      // An error of ours, not of the input: say so plainly; the stack only when asked for.
      const detail = process.env.ROOFLINE_GATE_DEBUG ? String((error as Error).stack) : String((error as Error)?.message ?? error);
      process.stderr.write(`roofline-gate: unexpected error: ${detail}\nPlease report it with the config that caused it.\n`);
    }
    process.exitCode = 2;
  },
);
