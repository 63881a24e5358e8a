#!/usr/bin/env node
// The command line: `roofline-gate check | hardware | generate | import | schema`. check exits 0 pass or warnings
// only, 1 the gate failed, 2 bad input or usage; the others 0 or 2. Errors are one screen of text, never a
// stack trace, and only usage mistakes point to --help.
import { execFile } from 'node:child_process';
import { parseArgs, promisify, styleText } from 'node:util';
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
import { IMPORT_FORMATS, importedCsv, type ImportFormat } from './core/import/imported.js';
import { opTableCsv } from './core/llm/csv.js';
import { plainOp } from './core/config/op-columns.js';
import { loadConfig } from './shell/load-config.js';

const VERSION = '0.1.0';
const FORMATS = ['text', 'markdown', 'json'] as const;
/** The top-level help's: each command's own help says only what applies to it. */
const EXIT_STATUS = 'Exit status: 0 success (check: pass or warnings only), 1 the gate failed (check), 2 bad input or usage.';

/** One option of a subcommand: what parseArgs reads (type, default) and the line its --help shows. */
interface Option {
  type: 'string' | 'boolean';
  default?: string | boolean;
  short?: string;
  /** What the value stands for in the help (`--out DIR`); string options only. */
  value?: string;
  help: string;
}

interface Command {
  /** The line the top-level help gives the command. */
  summary: string;
  /** More about it, first in its own help. */
  detail: string;
  /** The positional arguments it takes, as the synopsis shows them (none when absent). */
  positionals?: string;
  /** The exit statuses this command can end with, as its help lists them. */
  exits: string;
  options: Record<string, Option>;
}

const HELP_OPTION = { type: 'boolean', short: 'h', help: 'print this help and exit' } as const;
const CONFIG_OPTION = { type: 'string', default: 'roofline.yml', value: 'FILE', help: 'the config file' } as const;

// Each command's options and its help are this one table: parseArgs reads the options from it, and
// --help prints them from it, so no option can be parsed without being documented.
const COMMANDS = {
  check: {
    summary: 'analyse the config, compare with a baseline, print the report and write the out dir',
    detail: 'Analyses the config, compares it with a baseline when one is given, prints the report and writes\n'
      + 'DIR/report.json, report.md, roofline.svg and roofline.vl.json.',
    exits: 'Exit status: 0 pass or warnings only, 1 the gate failed, 2 bad input or usage.',
    options: {
      config: CONFIG_OPTION,
      base: { type: 'string', value: 'OLD.yml', help: 'compare with this config file (or give --base-ref)' },
      'base-ref': { type: 'string', value: 'GIT_REF', help: 'compare with the config as it was at that commit, branch or tag' },
      out: { type: 'string', default: 'roofline-report', value: 'DIR', help: 'where the report files are written' },
      format: { type: 'string', default: 'text', value: FORMATS.join('|'), help: 'what is printed' },
      'no-color': { type: 'boolean', default: false, help: 'plain text (colour is used only at a terminal, and not with NO_COLOR)' },
      help: HELP_OPTION,
    },
  },
  hardware: {
    summary: 'list the built-in devices, or one with every figure and its source',
    detail: 'Lists the built-in devices; with an ID (or an alias such as h100), shows that one with every\n'
      + 'figure and its source.',
    positionals: '[ID]',
    exits: 'Exit status: 0 listed, 2 an unknown ID or bad usage.',
    options: {
      json: { type: 'boolean', default: false, help: 'print JSON instead of text' },
      help: HELP_OPTION,
    },
  },
  import: {
    summary: 'print a profiler\'s or FLOP counter\'s output as an op table (CSV)',
    detail: `Reads FILE as FORMAT, one of ${IMPORT_FORMATS.join(', ')} (read from the content when\n`
      + 'left out), and prints it as an op table in CSV, the columns an `ops: { file: ... }` table takes.\n'
      + 'What the source counted, and any figure left out and why, go to standard error.',
    positionals: '[FORMAT] FILE',
    exits: 'Exit status: 0 printed, 2 a file it cannot read or bad usage.',
    options: { help: HELP_OPTION },
  },
  generate: {
    summary: 'print the ops an `llm:` model is generated as, an op table CSV',
    detail: 'Prints the op table an `llm:` model of the config is generated as (name, flops, bytes.dram.weights,\n'
      + 'bytes.dram.activations, bytes.dram.kv), to see, diff or reuse as `ops: { file: ... }`.',
    exits: 'Exit status: 0 printed, 2 bad input or usage.',
    options: {
      config: CONFIG_OPTION,
      model: { type: 'string', value: 'NAME', help: 'the `llm:` model to print (needed when the config has several)' },
      help: HELP_OPTION,
    },
  },
  schema: {
    summary: 'print the JSON Schema of the config file',
    detail: 'Prints the JSON Schema of the config file (the one shipped as roofline.schema.json).',
    exits: 'Exit status: 0 printed, 2 bad usage.',
    options: { help: HELP_OPTION },
  },
} as const satisfies Record<string, Command>;

type CommandName = keyof typeof COMMANDS;
const NAMES = Object.keys(COMMANDS) as CommandName[];

/** `roofline-gate check [--config FILE] ...`, wrapped under its first word; --help is left to the list. */
function synopsis(name: CommandName): string {
  const command: Command = COMMANDS[name];
  const words = [
    ...(command.positionals ? [command.positionals] : []),
    ...Object.entries(command.options)
      .filter(([key]) => key !== 'help')
      .map(([key, option]) => `[--${key}${option.value ? ` ${option.value}` : ''}]`),
  ];
  const head = `roofline-gate ${name}`;
  const lines = [head];
  for (const word of words) {
    if (lines.at(-1)!.length + word.length + 1 > 100) lines.push(' '.repeat(head.length));
    lines[lines.length - 1] += ` ${word}`;
  }
  return lines.join('\n');
}

function commandHelp(name: CommandName): string {
  const command: Command = COMMANDS[name];
  const rows = Object.entries(command.options).map(([key, option]) => {
    const flag = `${option.short ? `-${option.short}, ` : ''}--${key}${option.value ? ` ${option.value}` : ''}`;
    return [flag, `${option.help}${option.default !== undefined && option.type === 'string' ? ` (default ${option.default})` : ''}`] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [
    'Usage:',
    indent(synopsis(name)),
    '',
    command.detail,
    '',
    'Options:',
    ...rows.map(([flag, help]) => `  ${flag.padEnd(width)}  ${help}`),
    '',
    command.exits,
    '',
  ].join('\n');
}

const indent = (text: string) => text.replace(/^/gm, '  ');

function help(): string {
  const width = Math.max(...NAMES.map((name) => name.length));
  return [
    `roofline-gate ${VERSION}: where your models sit on the roofline of the hardware they ship on`,
    '',
    'Usage:',
    ...NAMES.map((name) => indent(synopsis(name))),
    '',
    ...NAMES.map((name) => `${name.padEnd(width)}  ${COMMANDS[name].summary}`),
    '',
    'roofline-gate COMMAND --help lists the options of one command.',
    EXIT_STATUS,
    '',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'check':
      return check(rest);
    case 'hardware':
      return hardware(rest);
    case 'schema':
      return schema(rest);
    case 'import':
      return importFile(rest);
    case 'generate':
      return generate(rest);
    case undefined:
    case '--help':
    case '-h':
      process.stdout.write(help());
      return command === undefined ? 2 : 0;
    case 'help': {
      // `roofline-gate help check` is `roofline-gate check --help`.
      const [name] = rest;
      if (name === undefined) return process.stdout.write(help()), 0;
      return main([name, '--help']);
    }
    case '--version':
    case '-v':
      process.stdout.write(`${VERSION}\n`);
      return 0;
    default: {
      const nearest = nearestWord(command, [...NAMES, 'help']);
      throw new CallError(`unknown command "${command}"${nearest ? `; did you mean "${nearest}"?` : ''}`);
    }
  }
}

async function check(args: string[]): Promise<number> {
  const { values } = parse(args, COMMANDS.check.options, 'check');
  if (values.help) return printHelp('check');
  const format = values.format;
  if (!(FORMATS as readonly string[]).includes(format)) {
    const nearest = nearestWord(format, FORMATS);
    throw new CallError(`--format ${format}: expected text, markdown or json${nearest ? `; did you mean "${nearest}"?` : ''}`, 'check');
  }
  if (values.base !== undefined && values['base-ref'] !== undefined) throw new CallError('give --base or --base-ref, not both', 'check');

  const file = values.config;
  let baseline: Baseline = { kind: 'none' };
  if (values.base !== undefined) baseline = { kind: 'config', source: workingTree(values.base), file: values.base };
  if (values['base-ref'] !== undefined) baseline = { kind: 'config', source: await baseRef(values['base-ref']), file };
  if (values.base !== undefined && (await workingTree().readText(values.base)) === null) {
    throw new UsageError(`--base ${values.base}: file not found`);
  }

  const { report } = await analyse({ source: workingTree(file), file }, baseline);
  const warn = (message: string) => process.stderr.write(`roofline-gate: warning: ${message}\n`);
  // A config path that is not at REF compares with nothing, which is right for a new file; said, so that a
  // typo in --config or REF shows.
  const ref = values['base-ref'];
  if (ref !== undefined && report.baseline === null) warn(`--base-ref ${ref}: ${file} is not at ${ref}, so there is no baseline`);
  const { files } = await renderArtifacts(report, {}, warn);

  // The verdict reaches the reader before anything can go wrong with the out dir.
  if (format === 'json') process.stdout.write(reportJson(report));
  else if (format === 'markdown') process.stdout.write(renderMarkdown(report, { limit: null }));
  else process.stdout.write(renderText(report, { paint: colours(values['no-color']) }));
  try {
    await writeOutDir(values.out, files);
  } catch (error) {
    throw new UsageError(`--out ${values.out}: cannot write the report there (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return report.status === 'fail' ? 1 : 0;
}

function hardware(args: string[]): number {
  const { values, positionals } = parse(args, COMMANDS.hardware.options, 'hardware', true);
  if (values.help) return printHelp('hardware');
  if (positionals.length > 1) throw new CallError('hardware takes at most one ID', 'hardware');
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

function schema(args: string[]): number {
  const { values } = parse(args, COMMANDS.schema.options, 'schema');
  if (values.help) return printHelp('schema');
  process.stdout.write(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
  return 0;
}

async function importFile(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, COMMANDS.import.options, 'import', true);
  if (values.help) return printHelp('import');
  if (positionals.length === 0 || positionals.length > 2) throw new CallError('import takes [FORMAT] FILE', 'import');
  const [format, file] = positionals.length === 2 ? positionals : [undefined, positionals[0]!];
  if (format !== undefined && !(IMPORT_FORMATS as readonly string[]).includes(format)) {
    const nearest = nearestWord(format, IMPORT_FORMATS);
    throw new CallError(`unknown format "${format}"${nearest ? `; did you mean "${nearest}"?` : ''} (formats: ${IMPORT_FORMATS.join(', ')})`, 'import');
  }
  const chunks = await workingTree().readChunks(file!);
  if (chunks === null) throw new UsageError(`${file}: file not found`);
  const { readImport, UnknownFormat } = await import('./shell/op-table-files.js');
  let read: Awaited<ReturnType<typeof readImport>>;
  try {
    read = await readImport(chunks, file!, format as ImportFormat | undefined);
  } catch (error) {
    if (error instanceof UnknownFormat) throw new UsageError(`${file}: ${error.message.replace('give `format:`', 'give FORMAT')}`);
    throw error;
  }
  if ('table' in read) {
    process.stdout.write(importedCsv(read.table.ops.map((op) => ({ ...plainOp(op), measuredSeconds: op.measuredSeconds ?? null, launches: 1 }))));
    return 0;
  }
  process.stdout.write(importedCsv(read.imported.ops));
  const note = (message: string) => process.stderr.write(`roofline-gate: ${message}\n`);
  note(`${read.imported.format}: ${read.imported.convention}`);
  if (read.imported.noBytes !== undefined) note(read.imported.noBytes);
  for (const message of read.imported.notes) note(message);
  return 0;
}

async function generate(args: string[]): Promise<number> {
  const { values } = parse(args, COMMANDS.generate.options, 'generate');
  if (values.help) return printHelp('generate');
  const config = await loadConfig(workingTree(values.config), values.config);
  if (config === null) throw new UsageError(`--config ${values.config}: file not found`);
  const generated = config.models.filter((model) => model.phases !== undefined);
  const names = generated.map((model) => model.name).join(', ');
  const wanted = values.model;
  const model = wanted === undefined ? generated[0] : generated.find((candidate) => candidate.name === wanted);
  if (wanted === undefined && generated.length !== 1) {
    if (generated.length === 0) throw new UsageError(`${values.config} has no \`llm:\` model`);
    throw new CallError(`${values.config} has several \`llm:\` models (${names}): name one with --model`, 'generate');
  }
  if (!model) {
    const nearest = nearestWord(wanted!, generated.map((candidate) => candidate.name));
    throw new UsageError(`--model ${wanted}: no \`llm:\` model of that name${nearest ? `; did you mean "${nearest}"?` : ''} (${names || 'there are none'})`);
  }
  process.stdout.write(opTableCsv(model.ops!));
  return 0;
}

function printHelp(name: CommandName): number {
  process.stdout.write(commandHelp(name));
  return 0;
}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

/**
 * A mistake in how the command was typed (an unknown command or option, an argument missing or one too
 * many): the errors its --help answers, so the only ones that point to it.
 */
class CallError extends UsageError {
  constructor(message: string, readonly command?: CommandName) {
    super(message);
  }
}

/** parseArgs over a command's options (it ignores their `help` and `value`, which are for --help). */
function parse<O extends Options>(args: string[], options: O, command: CommandName, positionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals: positionals, strict: true });
  } catch (error) {
    let message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    const unknown = /^Unknown option '(-[^']*)'/.exec(message)?.[1];
    const nearest = unknown === undefined ? undefined : nearestWord(unknown, Object.keys(options ?? {}).map((key) => `--${key}`));
    if (nearest) message += `; did you mean "${nearest}"?`;
    throw new CallError(message, command);
  }
}

/** gitRef, after telling a directory outside any git repository from a REF that is not in one. */
async function baseRef(ref: string) {
  try {
    await promisify(execFile)('git', ['rev-parse', '--git-dir']);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UsageError(`--base-ref ${ref}: ${missing ? 'git is not installed (or not on PATH)' : `${process.cwd()} is not in a git repository`}: run roofline-gate in the repository's checkout, or compare with a file, --base OLD.yml`);
  }
  return gitRef(ref);
}

const STYLES: Record<Style, Parameters<typeof styleText>[0]> = {
  compute: 'green', memory: 'yellow', fail: 'red', warn: 'yellow', pass: 'green', dim: 'gray', bold: 'bold',
};

/** Colour only for a person at a terminal, and never when NO_COLOR is set (no-color.org). */
function colours(disabled: boolean): ((text: string, style: Style) => string) | undefined {
  if (disabled || !process.stdout.isTTY || process.env.NO_COLOR) return undefined;
  return (text, style) => styleText(STYLES[style], text);
}

// A reader that stops early (`roofline-gate schema | head`) closes the pipe: the rest of the output has
// nowhere to go, and that is no error. The command carries on (check still writes its out dir) and exits
// with its own status; later writes to the closed pipe are dropped.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
  process.stderr.write(`roofline-gate: cannot write to standard output (${error.code ?? error.message})\n`);
  process.exitCode = 2;
});

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
    } else if (error instanceof CallError) {
      process.stderr.write(`roofline-gate: ${error.message}\nRun roofline-gate ${error.command ? `${error.command} ` : ''}--help for usage.\n`);
    } else if (error instanceof UsageError) {
      process.stderr.write(`roofline-gate: ${error.message}\n`);
    } else {
      // An error of ours, not of the input: say so plainly; the stack only when asked for.
      const detail = process.env.ROOFLINE_GATE_DEBUG ? String((error as Error).stack) : String((error as Error)?.message ?? error);
      process.stderr.write(`roofline-gate: unexpected error: ${detail}\nPlease report it with the config that caused it.\n`);
    }
    process.exitCode = 2;
  },
);
