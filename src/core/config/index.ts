// Config text -> validated Config, in two steps so that the shell can read op tables in between:
//
//   const parsed = parseConfig(text, 'roofline.yml');        // syntax and schema
//   for (const ref of parsed.opTables) { ...read ref.file with the op-table reader... }
//   const config = resolveConfig(parsed.raw, parsed, tables); // cross-field rules, models and devices
import { ConfigError } from './errors.js';
import { describeAll } from './issues.js';
import { resolveConfig, type Config, type Locator, type OpTable } from './resolve.js';
import { configSchema, type RawConfig } from './schema.js';
import { loadYaml, type KeyPath } from './yaml.js';
import type { ImportFormat } from '../import/imported.js';
import { wholeNumber } from '../format.js';
import { MAX_PAIRS } from '../limits.js';

export { ConfigError, formatIssues, type ConfigIssue } from './errors.js';
export { configJsonSchema, type GateConfig } from './schema.js';
export type { Config, OpTable } from './resolve.js';

export interface ParsedConfig extends Locator {
  raw: RawConfig;
  /** Op tables the config refers to, relative to the config file; the shell reads them. */
  opTables: Array<{ modelIndex: number; file: string; format?: ImportFormat; path: KeyPath; bytes?: { file: string; path: KeyPath } }>;
  /** The config.json of each `llm:` model, relative to the config file; the shell reads them. */
  llmConfigs: Array<{ modelIndex: number; file: string; path: KeyPath }>;
}

export function parseConfig(text: string, file: string): ParsedConfig {
  const yaml = loadYaml(text, file);
  if (yaml.value === undefined || yaml.value === null) {
    throw ConfigError.at(file, { line: 1, column: 1 }, [], 'the file is empty (only comments): expected a config starting with `version: 1`');
  }
  const reserved = reservedKeyPath(yaml.value);
  if (reserved !== undefined) {
    const why = 'JavaScript gives the name a meaning of its own, and it would be dropped silently';
    const message = reserved[0] === 'gate' && reserved[1] === 'models'
      ? `a model named \`__proto__\` cannot be given rules (${why}): rename the model`
      : `\`__proto__\` is not accepted as a key (${why})`;
    throw ConfigError.at(file, yaml.locate(reserved, { key: true }), reserved, message, text);
  }
  const result = configSchema.safeParse(yaml.value);
  if (!result.success) {
    throw new ConfigError(describeAll(result.error.issues, configSchema, yaml.value, file, text, yaml.locate));
  }
  const raw = result.data;
  const pairs = pairCount(raw);
  if (pairs !== undefined) throw ConfigError.at(file, yaml.locate(['models'], { key: true }), ['models'], pairs, text);
  const opTables = raw.models.flatMap((model, modelIndex) =>
    model.ops && !Array.isArray(model.ops)
      ? [{
          modelIndex, file: model.ops.file, ...(model.ops.format && { format: model.ops.format }), path: ['models', modelIndex, 'ops', 'file'],
          ...(model.ops.bytes && { bytes: { file: model.ops.bytes, path: ['models', modelIndex, 'ops', 'bytes'] } }),
        }]
      : [],
  );
  const llmConfigs = raw.models.flatMap((model, modelIndex) =>
    model.llm ? [{ modelIndex, file: model.llm.config, path: ['models', modelIndex, 'llm', 'config'] }] : [],
  );
  return { raw, opTables, llmConfigs, file, text, locate: yaml.locate };
}

/** The whole pipeline for a config with no op tables (or with them already read). */
export function loadConfig(text: string, file: string, tables: ReadonlyMap<number, OpTable> = new Map()): Config {
  const parsed = parseConfig(text, file);
  return resolveConfig(parsed.raw, parsed, tables);
}

export { resolveConfig };

/**
 * The message for a config asking for more than MAX_PAIRS pairs (each model x its targets x its sweep
 * values), undefined within the limit: counted from the schema's output, before any op table is read.
 */
function pairCount(raw: RawConfig): string | undefined {
  const count = (value: unknown) => (Array.isArray(value) ? value.length : value === undefined ? 0 : 1);
  const shapes = raw.models.map((model) => ({
    targets: count(model.hardware ?? raw.hardware),
    sweep: model.llm ? count(model.llm.batch) * Math.max(1, count(model.llm.context)) : 1,
  }));
  const pairs = shapes.reduce((sum, shape) => sum + shape.targets * shape.sweep, 0);
  if (pairs <= MAX_PAIRS) return undefined;
  const [first] = shapes;
  const uniform = shapes.every((shape) => shape.targets === first!.targets && shape.sweep === first!.sweep);
  const plural = (n: number, word: string) => `${wholeNumber(n)} ${word}${n === 1 ? '' : 's'}`;
  const product = uniform
    ? `${plural(shapes.length, 'model')} x ${plural(first!.targets, 'target')} x ${plural(first!.sweep, 'sweep value')}`
    : `${plural(shapes.length, 'model')}, each x its targets x its sweep values`;
  return `${wholeNumber(pairs)} model-target pairs (${product}): at most ${wholeNumber(MAX_PAIRS)} are analysed in one run; split the config, or give fewer targets or sweep values`;
}

/** The path of the first `__proto__` key in a parsed value: the schema would drop it without a word. */
function reservedKeyPath(value: unknown): KeyPath | undefined {
  const stack: Array<{ node: unknown; path: KeyPath }> = [{ node: value, path: [] }];
  const seen = new Set<object>(); // aliases share nodes: each is looked at once
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) node.forEach((item, index) => stack.push({ node: item, path: [...path, index] }));
    else if (Object.hasOwn(node, '__proto__')) return [...path, '__proto__'];
    else for (const [key, item] of Object.entries(node)) stack.push({ node: item, path: [...path, key] });
  }
  return undefined;
}
