// zod's issues, as a person reads them: at the line and column of the offending key or value, with what was
// expected and the nearest valid word for a misspelt key or enum value. Used for the config file and for
// op tables alike.
import type { z } from 'zod/mini';
import { configNumber, wholeNumber } from '../format.js';
import { nearestWord } from '../nearest-word.js';
import { BYTE_KINDS } from '../types.js';
import { issueAt, type ConfigIssue } from './errors.js';
import type { Locator } from './resolve.js';

type Locate = Locator['locate'];

/**
 * zod's issues for a value checked against `schema`, as located ConfigIssues. A misspelt key shows up
 * twice in zod's issues, as an unknown key and as a missing one: keep the unknown key (its message
 * suggests the right spelling) and put it first, as it is usually the cause of the rest.
 */
export function describeAll(issues: z.core.$ZodIssue[], schema: z.ZodMiniType, root: unknown, file: string, text: string | undefined, locate: Locate): ConfigIssue[] {
  const unknown = issues.filter((issue) => issue.code === 'unrecognized_keys');
  const explained = new Set<string>();
  for (const issue of unknown) {
    for (const key of issue.keys) {
      const nearest = nearestWord(key, allowedKeys(schema, issue.path as Array<string | number>));
      if (nearest) explained.add(JSON.stringify([...issue.path, nearest]));
    }
  }
  const rest = issues.filter((issue) => issue.code !== 'unrecognized_keys' && !explained.has(JSON.stringify(issue.path)));
  return [...unknown, ...rest].map((issue) => describe(issue, schema, root, file, text, locate));
}

/** A zod issue as a person reads it, at the line and column of the offending key or value. */
function describe(issue: z.core.$ZodIssue, schema: z.ZodMiniType, root: unknown, file: string, text: string | undefined, locate: Locate): ConfigIssue {
  const path = issue.path.filter((step): step is string | number => typeof step !== 'symbol');
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0]!;
      const allowed = allowedKeys(schema, path);
      const nearest = nearestWord(key, allowed);
      const others = issue.keys.length > 1 ? ` (and ${issue.keys.slice(1).map((k) => `"${k}"`).join(', ')})` : '';
      const hint = nearest
        ? `; did you mean "${nearest}"?`
        : BYTE_KINDS.every((kind) => allowed.includes(kind))
          ? `; a split by kind takes ${allowed.join(', ')}: to give levels as well, put the kinds under their level, as in { dram: { weights: ... }, l2: ... }`
          : allowed.length > 0
            ? `; expected one of ${allowed.join(', ')}`
            : '';
      return issueAt(file, locate([...path, key], { key: true }), [...path, key], `unknown key "${key}"${others}${hint}`, text);
    }
    case 'invalid_value': {
      const got = valueAt(root, path);
      if (got === undefined) return issueAt(file, locate(path, { key: true }), path, `missing required key "${String(path.at(-1))}"`, text);
      const words = issue.values.map(String);
      const nearest = typeof got === 'string' ? nearestWord(got, words) : undefined;
      // `bits: { weights: "4" }`: the right word, quoted into a string where a number belongs.
      const hint = nearest === undefined ? '' : nearest === got ? `: write ${got} without quotes` : `; did you mean "${nearest}"?`;
      const message =
        words.length === 1
          ? `expected ${JSON.stringify(issue.values[0])}, got ${show(got)}`
          : `expected one of ${words.join(', ')}, got ${show(got)}${hint}`;
      return issueAt(file, locate(path), path, message, text);
    }
    case 'invalid_type': {
      const got = valueAt(root, path);
      const message = got === undefined ? `missing required key "${String(path.at(-1))}"` : (shapeMessage(path, root) ?? `expected ${expectedWord(issue.expected)}, got ${show(got)}`);
      return issueAt(file, locate(path, { key: got === undefined }), path, message, text);
    }
    case 'invalid_union': {
      // Branch issues have paths relative to the union. Report the branch that got furthest in, or the
      // one that explains itself (a quantity's own message), before a bare "unexpected".
      const branches = issue.errors
        .filter((branch) => branch.length > 0)
        .map((branch) => branch.map((inner) => ({ ...inner, path: [...path, ...inner.path] }) as z.core.$ZodIssue));
      const best = [...branches].sort((a, b) => depth(b) - depth(a))[0];
      if (best && depth(best) > path.length) return describeAll(best, schema, root, file, text, locate)[0]!;
      const own = branches.flat().find((inner) => inner.code === 'custom' || inner.code === 'invalid_union');
      if (own) return describe(own, schema, root, file, text, locate);
      return issueAt(file, locate(path), path, shapeMessage(path, root) ?? `unexpected ${show(valueAt(root, path))}`, text);
    }
    case 'invalid_key': {
      // A mapping key that breaks the key's own rule (a level or device name): say which rule, at the key.
      const inner = issue.issues[0];
      const message = inner ? inner.message.replace(/^Invalid input: /, '') : issue.message;
      return issueAt(file, locate(path, { key: true }), path, `key ${show(String(path.at(-1)))}: ${message}`, text);
    }
    case 'too_small':
    case 'too_big':
      // The schema's own messages start with "expected"; zod's ("Too small: expected number to be >0") are rewritten.
      return issueAt(file, locate(path), path, issue.message.startsWith('expected') ? issue.message : boundText(issue, valueAt(root, path)), text);
    default:
      return issueAt(file, locate(path), path, issue.message.replace(/^Invalid input: /, ''), text);
  }
}

/** How far into the value a union branch got: a branch that refused the value's type or shape got least far. */
function depth(branch: z.core.$ZodIssue[]): number {
  const refusedShape = (issue: z.core.$ZodIssue) => issue.code === 'invalid_type' || (issue.code === 'custom' && issue.params?.wrongShape === true);
  return Math.max(...branch.map((issue) => issue.path.length + (refusedShape(issue) ? 0 : 0.5)));
}

/** A bound zod checked, as a person reads it: 'expected a number of at most 10,000,000, got 2e12'. */
function boundText(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, got: unknown): string {
  const limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  const figure = Number.isSafeInteger(limit) ? wholeNumber(limit) : configNumber(limit);
  const small = issue.code === 'too_small';
  if (issue.origin === 'array' || issue.origin === 'string' || issue.origin === 'set') {
    const things = issue.origin === 'string' ? ['character', 'characters'] : ['item', 'items'];
    return `expected ${small ? 'at least' : 'at most'} ${figure} ${limit === 1 ? things[0] : things[1]}`;
  }
  const number = issue.origin === 'int' ? 'a whole number' : 'a number';
  const bound = small && limit === 0 && !issue.inclusive
    ? `${number === 'a number' ? 'a positive number' : 'a positive whole number'}`
    : `${number} ${small ? (issue.inclusive ? 'of at least' : 'above') : issue.inclusive ? 'of at most' : 'below'} ${figure}`;
  return `expected ${bound}, got ${show(got)}`;
}

function expectedWord(expected: string): string {
  return { object: 'a mapping', record: 'a mapping', array: 'a list', string: 'a string', number: 'a number', int: 'a whole number' }[expected] ?? expected;
}

/**
 * What a key holds, with an example, for a value of the wrong shape there: zod's own words ("expected
 * record", "Invalid input") name neither the key's meaning nor how to write it. Undefined for a key
 * whose generic message ("expected a mapping, got ...") says enough.
 */
function shapeMessage(path: ReadonlyArray<string | number>, root: unknown): string | undefined {
  const got = valueAt(root, path);
  const key = path.at(-1);
  const model = path[0] === 'models' && typeof path[1] === 'number' && path.length === 3;
  const expected = (what: string) => `expected ${what}, got ${show(got)}`;
  if (model && key === 'measured') {
    // The example uses the model's own first target and, when it reads as one, the time given.
    const time = typeof got === 'string' && /^\s*[0-9.]/.test(got) && got.length <= 20 ? got.trim() : '1 ms';
    return expected(`a time per target, e.g. \`measured: { ${firstTarget(root, path[1] as number)}: ${time} }\``);
  }
  if (model && key === 'ops') return expected('a list of ops, e.g. `ops: [{ name: conv1, flops: 236 MFLOP, bytes: 9.6 MB }]`, or an op table, `ops: { file: ops.csv }`');
  if ((model || path.length === 1) && key === 'hardware') return expected('a device id, or a list of them in brackets, e.g. `hardware: [h100-sxm, a100]`');
  if (path.length === 4 && path[2] === 'llm' && (key === 'batch' || key === 'context')) {
    return expected(`a whole number, or a list of them to sweep, e.g. \`${key}: ${key === 'batch' ? '[1, 8, 32]' : '[1024, 8192]'}\``);
  }
  if (path.length === 1 && key === 'devices') return expected('devices of your own by id, e.g. `devices: { edge-npu: { compute: { fp16: 50 TFLOP/s }, memory: { dram: 100 GB/s } } }`');
  if (path.length === 2 && path[0] === 'gate' && key === 'models') return expected('rules by model name, e.g. `models: { resnet50: { throughput-drop: { fail: 5% } } }`');
  if (path.length === 3 && path[0] === 'devices' && key === 'compute') return expected('a peak per precision, e.g. `compute: { fp16: 50 TFLOP/s, int8: 100 TOP/s }`');
  if (path.length === 3 && path[0] === 'devices' && key === 'memory') return expected('a bandwidth per memory level, outermost first, e.g. `memory: { dram: 100 GB/s }`');
  return undefined;
}

/** The first target of model `index` (its own `hardware:`, else the config's), for an example. */
function firstTarget(root: unknown, index: number): string {
  const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
  const target = first(valueAt(root, ['models', index, 'hardware'])) ?? first(valueAt(root, ['hardware']));
  return typeof target === 'string' && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(target) && target.length <= 40 ? target : 'h100-sxm';
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (an empty value)';
  if (typeof value === 'number') return configNumber(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}..."` : text;
}

function valueAt(root: unknown, path: ReadonlyArray<string | number>): unknown {
  let node = root;
  for (const step of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[step];
  }
  return node;
}

/** Keys allowed in the mapping at `path`, from the schema itself. */
function allowedKeys(root: z.ZodMiniType, path: ReadonlyArray<string | number>): string[] {
  let schema: unknown = root;
  for (const step of path) schema = stepInto(branchFor(unwrap(schema), step), step);
  const mapping = branchFor(unwrap(schema), '');
  if (typeOf(mapping) === 'object') return Object.keys((mapping as z.ZodMiniObject).def.shape);
  // A record keyed by an enum (`compute:`, by precision) allows the enum's words.
  const keys = typeOf(mapping) === 'record' ? unwrap((mapping as z.ZodMiniRecord).def.keyType) : undefined;
  return typeOf(keys) === 'enum' ? [...(keys as z.ZodMiniEnum)._zod.values].map(String) : [];
}

function typeOf(schema: unknown): string | undefined {
  return (schema as { def?: { type?: string } } | undefined)?.def?.type;
}

/**
 * In a union (config unions are "scalar or mapping" or "list or mapping"; `bytes:` offers two mappings, a
 * split by kind and levels by name), the branch a step goes into: a mapping with that key, else a record.
 * Without a step (''), the first mapping.
 */
function branchFor(schema: unknown, step: string | number): unknown {
  if (typeOf(schema) !== 'union') return schema;
  const options = (schema as z.ZodMiniUnion).def.options.map(unwrap);
  if (typeof step === 'number') return options.find((option) => typeOf(option) === 'array');
  const mappings = options.filter((option) => typeOf(option) === 'object' || typeOf(option) === 'record');
  if (step === '') return mappings[0];
  return (
    mappings.find((option) => typeOf(option) === 'object' && step in (option as z.ZodMiniObject).def.shape) ??
    mappings.find((option) => typeOf(option) === 'record') ??
    mappings[0]
  );
}

function stepInto(schema: unknown, step: string | number): unknown {
  switch (typeOf(schema)) {
    case 'object':
      return (schema as z.ZodMiniObject).def.shape[String(step)];
    case 'array':
      return (schema as z.ZodMiniArray).def.element;
    case 'record':
      return (schema as z.ZodMiniRecord).def.valueType;
    default:
      return undefined;
  }
}

function unwrap(schema: unknown): unknown {
  let current = schema as { def?: { type?: string; innerType?: unknown; in?: unknown } } | undefined;
  while (current?.def && ['optional', 'default', 'nullable', 'pipe', 'prefault'].includes(current.def.type ?? '')) {
    current = (current.def.innerType ?? current.def.in) as typeof current;
  }
  return current;
}
