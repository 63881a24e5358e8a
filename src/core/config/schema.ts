// The config file's shape: the one source of truth for validation and for the JSON Schema that
// `roofline-gate schema` prints. Quantities are parsed to base units here; cross-field rules (targets
// exist, precisions offered, names unique) live in resolve.ts because they need the catalog.
import * as z from '../zod.js';
import { withMeta as meta } from '../zod.js';
import { catalogNames } from '../catalog/index.js';
import { BYTE_KINDS, FIGURE_KINDS, PRECISIONS, type ByteKind } from '../types.js';
import { IMPORT_FORMATS } from '../import/imported.js';
import { MAX_BATCH, MAX_INLINE_OPS, MAX_MODELS, MAX_TARGETS, NAME_LENGTH } from '../limits.js';
import { STORAGE_WIDTHS } from '../precision-bits.js';
import { MAX_TOKENS, PHASES } from '../llm/generate.js';
import { OUTERMOST } from '../roofline.js';
import { addsUp, isSplit, kindsOf, mismatch, splitTotal, type LevelBytes, type RawSplit } from './kinds.js';
import { configNumber, wholeNumber } from '../format.js';
import { outOfRange, parseQuantity, quantityPattern, quantityText, unitRequired, type Dimension } from '../units.js';

type Sign = 'positive' | 'nonnegative';

/**
 * A number or a string with units, parsed to base units. `positive` rejects zero too: a zero bandwidth or
 * batch makes no sense, while a zero FLOP or byte count is meaningful (SPEC section 1).
 */
export function quantity(dimension: Dimension, sign: Sign, description: string) {
  // Parsing accepts any string so that the error can be precise; quantityPattern serves the JSON Schema.
  const schema = meta(z.pipe(z.unknown(), z.transform((raw: unknown, context) => {
      // classic zod's context.addIssue, which mini's transforms lack: the issue at the value, as it is.
      const addIssue = (issue: { message: string; params?: Record<string, unknown> }) => context.issues.push({ code: 'custom', ...issue, input: raw });
      if (raw === undefined) {
        addIssue({ message: `missing: expected ${dimensionWord[dimension] === 'percentage' ? 'a percentage' : `a ${dimensionWord[dimension]}`}` });
        return z.NEVER;
      }
      const parsed = parseQuantity(raw, dimension);
      if (!parsed.ok) {
        const got = typeof raw === 'string' ? JSON.stringify(raw) : raw !== null && typeof raw === 'object' ? (Array.isArray(raw) ? 'a list' : 'a mapping') : typeof raw === 'number' ? configNumber(raw) : String(raw);
        const hint = parsed.suggestion === undefined ? '' : `; did you mean "${parsed.suggestion}"?`;
        // A mapping or list where a quantity belongs is the wrong shape, not a bad quantity: marked so, a union
        // with a mapping branch (a level split by kind) reports that branch's issue instead.
        const shape = raw !== null && typeof raw === 'object';
        addIssue({ message: parsed.reason ?? `expected ${parsed.expected}, got ${got}${hint}`, ...(shape && { params: { wrongShape: true } }) });
        return z.NEVER;
      }
      if (parsed.value < 0 || (sign === 'positive' && parsed.value === 0)) {
        addIssue({ message: `expected a ${sign === 'positive' ? 'positive' : 'non-negative'} ${dimensionWord[dimension]}, got ${typeof raw === 'number' ? quantityText(raw, dimension) : String(raw)}` });
        return z.NEVER;
      }
      const range = outOfRange(parsed.value, dimension);
      if (range !== undefined) {
        addIssue({ message: range });
        return z.NEVER;
      }
      return parsed.value;
    })), { description });
  quantityDimension.set(schema, dimension);
  return schema;
}

const quantityDimension = new WeakMap<object, Dimension>();

const dimensionWord: Record<Dimension, string> = {
  flops: 'FLOP count', macs: 'MAC count', bytes: 'byte count', flopRate: 'compute rate', byteRate: 'bandwidth',
  seconds: 'time', perSecond: 'rate', fraction: 'percentage',
};

/**
 * Names end up in report.json, whose reader caps them at NAME_LENGTH: a config that validates must give a
 * report that reads back.
 */
function capped(what: string) {
  const article = /^[aeiou]/.test(what) ? 'an' : 'a';
  return z
    .string()
    .check(z.minLength(1, `expected a non-empty ${what}`))
    .check(z.maxLength(NAME_LENGTH, { error: (issue) => `expected ${article} ${what} of at most ${wholeNumber(NAME_LENGTH)} characters, got ${wholeNumber(String(issue.input).length)}` }));
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const ID_RULE = 'expected an id of letters, digits, dots, dashes and underscores';
const identifier = capped('device id').check(z.regex(ID_PATTERN, ID_RULE));

const precision = meta(z.enum(PRECISIONS), { description: 'Numeric format; picks the compute roof.' });

export const levelName = capped('memory level name')
  .check(z.regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'expected a memory level name such as dram, l2 or l1'))
  // A level named like a kind would make `bytes: { weights: ... }` (the outermost level's split) ambiguous.
  .check(z.regex(new RegExp(`^(?!(?:${BYTE_KINDS.join('|')})$)`), {
    error: (issue) => `"${String(issue.input)}" is a kind of bytes, not a memory level: give kinds under their level, as in { dram: { ${String(issue.input)}: ... } }`,
  }));

const kindDescription: Record<ByteKind, string> = {
  weights: 'Bytes of weights (parameters) moved through this level per pass; read once per pass whatever the batch.',
  activations: 'Bytes of activations moved through this level per pass; they grow with the batch.',
  kv: 'Bytes of KV cache moved through this level per pass; they grow with the batch and the context.',
};

/**
 * `{ weights: 13.5 GB, activations: 40 MB, kv: 1.1 GB }`: a level's bytes by kind. The kinds add up to the
 * level's bytes (a kind left out is 0); `total:` beside them is checked against their sum.
 */
const kindSplit = meta(
  z
    .strictObject({
      ...(Object.fromEntries(BYTE_KINDS.map((kind) => [kind, z.optional(quantity('bytes', 'nonnegative', kindDescription[kind]))])) as Record<ByteKind, z.ZodMiniOptional<ReturnType<typeof quantity>>>),
      total: z.optional(quantity('bytes', 'nonnegative', 'The level\'s bytes, when given beside the kinds: they must add up to it.')),
    })
    .check((context) => {
      if (BYTE_KINDS.some((kind) => context.value[kind] !== undefined)) return;
      context.issues.push({ code: 'custom', input: context.value, path: [], message: `expected at least one kind of bytes (${BYTE_KINDS.join(', ')}) in a split` });
    }),
  { description: 'Bytes by kind: weights, activations, kv (a kind left out is 0), and optionally their total.' },
);
const outermostSplit = meta(kindSplit, { description: 'Bytes moved through the outermost memory level (DRAM/HBM) per pass, by kind.' });
/** The split schemas, for the JSON Schema to require a kind in each as the check above does. */
const splitSchemas = new WeakSet<object>([kindSplit, outermostSplit]);

/**
 * `bytes: 86 MB` (outermost level), `bytes: { dram: 86 MB, l2: 300 MB }`, with any level split by kind,
 * `bytes: { dram: { weights: 13.5 GB, kv: 1.1 GB }, l2: 3 GB }`, or `bytes: { weights: ..., kv: ... }`
 * for the outermost level's split alone. Parsed to `{ level: count | split }` with totals checked and gone.
 */
const bytes = meta(z.pipe(z
  .union([
    quantity('bytes', 'nonnegative', 'Bytes moved through the outermost memory level (DRAM/HBM) per pass.'),
    outermostSplit,
    z.record(levelName, z.union([quantity('bytes', 'nonnegative', 'Bytes moved through this level per pass.'), kindSplit])),
  ])
  // `bytes: {}` names no level at all: nothing could say which roof binds (and the chart could not place
  // it). A model or op that moves no bytes says so with `bytes: 0`, which is compute-bound.
  .check((context) => {
    if (typeof context.value !== 'object' || Object.keys(context.value).length > 0) return;
    context.issues.push({ code: 'custom', input: context.value, path: [], message: 'expected at least one memory level, e.g. { dram: 86 MB }; for no bytes moved at all, write `bytes: 0`' });
  })
  .check((context) => {
    const value = context.value;
    if (typeof value === 'number') return;
    const levels: Array<[string, unknown, Array<string>]> = isShorthand(value) ? [[OUTERMOST, value, []]] : Object.entries(value).map(([level, split]) => [level, split, [level]]);
    for (const [level, split, path] of levels) {
      if (!isSplit(split) || split.total === undefined) continue;
      const sum = splitTotal(split);
      if (!addsUp(sum, split.total)) context.issues.push({ code: 'custom', input: split, path: [...path, 'total'], message: mismatch(level, sum, split.total) });
    }
  }), z.transform((value): number | Record<string, LevelBytes> => {
    if (typeof value === 'number') return value;
    if (isShorthand(value)) return { [OUTERMOST]: kindsOf(value) };
    return Object.fromEntries(Object.entries(value).map(([level, count]) => [level, isSplit(count) ? kindsOf(count) : count]));
  })), { description: 'Bytes moved per pass: one size for the outermost level (DRAM/HBM), one per memory level (e.g. { dram: 86 MB, l2: 300 MB }), any level split by kind (e.g. { dram: { weights: 13.5 GB, kv: 1.1 GB } }).' });

/** A split given without a level: no level may be named like a kind, so its keys tell it apart. */
function isShorthand(value: object): value is RawSplit {
  return Object.keys(value).some((key) => (BYTE_KINDS as readonly string[]).includes(key) || key === 'total');
}

const flopsField = quantity('flops', 'nonnegative', 'FLOPs per pass. FLOP counters such as DeepSpeed, calflops and FlopCounterMode report FLOPs.');
const macsField = quantity('macs', 'nonnegative', 'Multiply-accumulates per pass, counted as 2 FLOP each. fvcore, ptflops, thop and torchstat report MACs.');

export const opSchema = z
  .strictObject({
    name: meta(capped('op name'), { description: 'Name of the op, e.g. layers.0.q_proj.' }),
    flops: z.optional(flopsField),
    macs: z.optional(macsField),
    bytes,
    measured: z.optional(quantity('seconds', 'positive', 'Measured time of this op per pass, on the device it was profiled on (imported kernel times).')),
  })
  .check((context) => {
    const { flops, macs } = context.value;
    if ((flops === undefined) === (macs === undefined)) {
      context.issues.push({
        code: 'custom',
        input: context.value,
        path: flops === undefined ? [] : ['macs'],
        message: flops === undefined ? 'expected `flops:` or `macs:`' : 'expected only one of `flops:` and `macs:`',
      });
    }
  });

/** A JSON op table: an array of ops, or `{ "ops": [...] }`. */
export const opFileSchema = z.union([z.array(opSchema), z.strictObject({ ops: z.array(opSchema) })]);

/** A target: editors offer the built-in ids and aliases; any other id must be defined under `devices:`. */
const hardwareId = meta(
  capped('device id').check(z.regex(ID_PATTERN, {
    // `hardware: a, b` is YAML for the one string "a, b": when each part is an id, the list lacks its brackets.
    error: (issue) => {
      const parts = String(issue.input).split(/\s*,\s*/);
      return parts.length > 1 && parts.every((part) => ID_PATTERN.test(part))
        ? `a list needs brackets: \`hardware: [${parts.join(', ')}]\``
        : ID_RULE;
    },
  })),
  {
    description: 'A built-in device id or alias (`roofline-gate hardware` lists them), or an id defined under `devices:`.',
    examples: catalogNames(),
  },
);
const targets = z.union([
  hardwareId,
  z.array(hardwareId).check(z.minLength(1, 'expected at least one target')).check(z.maxLength(MAX_TARGETS, `expected at most ${wholeNumber(MAX_TARGETS)} targets`)),
]);

const opTableRef = z.strictObject({
  file: meta(z.string().check(z.minLength(1)), { description: 'Op table, relative to the config file: an op table (CSV, JSON, JSON Lines) or a profiler\'s or FLOP counter\'s output.' }),
  format: meta(z.optional(z.enum(IMPORT_FORMATS)), { description: 'What the file is; read from its content when left out. ncu: Nsight Compute --csv (details or raw page); torchstat, fvcore (flop_count_table), deepspeed (flops profiler report).' }),
  bytes: meta(z.optional(z.string().check(z.minLength(1))), { description: 'For an import that gives no bytes (fvcore, deepspeed): a CSV with columns name and bytes or bytes.<level>, relative to the config file; each op takes the bytes of the row of its name.' }),
});

const tokens = (description: string, least: 0 | 1) =>
  meta(z.number().check(z.int()).check(z.gte(least)).check(z.lte(MAX_TOKENS, `expected at most ${wholeNumber(MAX_TOKENS)} tokens`)), { description });

/** Values one sweep may take: enough for any curve, few enough that a report stays readable. */
export const MAX_SWEEP = 64;

/** One value, or a list of distinct values to sweep (one result each). */
const sweepable = <T extends z.ZodMiniNumber>(value: T, description: string) =>
  meta(
    z.union([
      value,
      z.array(value).check(z.minLength(1, 'expected at least one value to sweep')).check(z.maxLength(MAX_SWEEP, `expected at most ${wholeNumber(MAX_SWEEP)} values to sweep`)),
    ]),
    { description },
  );

/** `llm:` (SPEC section 6): the model's ops generated from a Hugging Face config.json. */
const llmSchema = z.strictObject({
  config: meta(z.string().check(z.minLength(1)).check(z.regex(/\.json$/i, 'expected a .json file (a Hugging Face config.json)')), { description: 'A Hugging Face config.json, relative to the config file.' }),
  phase: meta(z.enum(PHASES), { description: 'prefill (the prompt), decode (one token against `context` cached tokens), or generate (prefill, then `generate` decode steps).' }),
  batch: z._default(sweepable(z.number().check(z.int()).check(z.gt(0)).check(z.lte(MAX_TOKENS)), 'Sequences served together; a list, e.g. [1, 8, 32, 128], sweeps it: one result per value, named NAME@bN.'), 1),
  context: z.optional(sweepable(tokens('decode: tokens already in each sequence\'s KV cache (prefill: the prompt length, as `prompt:`).', 0), 'Tokens already in each sequence\'s KV cache (decode) or the prompt length (prefill); a list, e.g. [1024, 8192, 32768], sweeps it: one result per value, named NAME@ctxN.')),
  prompt: z.optional(tokens('prefill and generate: prompt tokens per sequence.', 1)),
  generate: z.optional(tokens('generate: decode steps after the prefill.', 1)),
  attention: meta(z._default(z.enum(['flash', 'plain']), 'flash'), { description: 'flash (no scores in memory, K/V read once per block of 128 queries) or plain (scores materialised).' }),
});

export const modelSchema = z.strictObject({
  name: meta(capped('model name'), { description: 'Unique name of the model.' }),
  precision,
  flops: z.optional(flopsField),
  macs: z.optional(macsField),
  bytes: z.optional(bytes),
  ops: meta(
    z.optional(z.union([
      z
        .array(opSchema)
        .check(z.minLength(1, 'expected at least one op'))
        .check(z.maxLength(MAX_INLINE_OPS, `expected at most ${wholeNumber(MAX_INLINE_OPS)} ops inline: list more in an op table file, \`ops: { file: ops.csv }\``)),
      opTableRef,
    ])),
    { description: 'The model as ops, each with its FLOPs (or MACs) and bytes, listed here or in a table file; time is summed op by op.' },
  ),
  llm: meta(z.optional(llmSchema), { description: 'The model generated from a Hugging Face config.json: its phase (prefill, decode, generate), batch, context and attention; see "How an LLM is modelled" in README.' }),
  bits: meta(
    z.optional(z.strictObject(
      Object.fromEntries(
        BYTE_KINDS.map((kind) => [kind, meta(z.optional(z.literal(STORAGE_WIDTHS)), { description: `Bits per stored value of the ${kind === 'kv' ? 'KV cache' : kind}: ${STORAGE_WIDTHS.join(', ')}.` })]),
      ) as Record<ByteKind, z.ZodMiniOptional<z.ZodMiniLiteral<(typeof STORAGE_WIDTHS)[number]>>>,
    )),
    { description: 'Storage width in bits of each kind of bytes, e.g. { weights: 4, kv: 8 }; a kind left out is stored at the precision\'s width.' },
  ),
  // Optional rather than defaulted: resolve must tell a batch given beside `llm:` (refused) from none.
  batch: meta(
    z.optional(z.number().check(z.gt(0)).check(z.lte(MAX_BATCH, `expected a batch of at most ${wholeNumber(MAX_BATCH)}`)).check(z.int())),
    { description: 'Samples (or tokens) per pass; 1 when left out.' },
  ),
  hardware: meta(z.optional(targets), { description: 'Targets for this model; overrides the top-level list.' }),
  measured: meta(
    z.optional(z.record(identifier, quantity('seconds', 'positive', 'Measured time per pass on this target.'))),
    { description: 'Measured time per pass by target id, for efficiency and the above-roof check.' },
  ),
});

const threshold = (description: string) => meta(z.strictObject({
  warn: z.optional(quantity('fraction', 'nonnegative', 'Relative drop that warns.')),
  fail: z.optional(quantity('fraction', 'nonnegative', 'Relative drop that fails the gate.')),
}), { description });

const severityOrOff = z.enum(['fail', 'warn', 'off']);

const budgets = meta(
  z.strictObject({
    'min-throughput': z.optional(quantity('perSecond', 'positive', 'Lowest acceptable throughput, e.g. 1000/s.')),
    'max-latency': z.optional(quantity('seconds', 'positive', 'Highest acceptable time per pass, e.g. 5 ms.')),
    'ridge-margin': z.optional(quantity('fraction', 'nonnegative', 'How far right of the ridge a model must stay, e.g. 20%.')),
    'max-crossover-batch': meta(z.optional(z.number().check(z.int()).check(z.gt(0))), { description: '`llm:` decode and generate models: the batch served at; fails when decode turns compute-bound only past it (the crossover batch is higher).' }),
  }),
  { description: 'Absolute limits every result must meet, with or without a baseline.' },
);

const gateRules = {
  'intensity-drop': z.optional(threshold('The intensity at a level present on both sides drops by this much against the baseline.')),
  'throughput-drop': z.optional(threshold('Throughput drops (time per pass rises) by this much against the baseline.')),
  'bound-shift': meta(z.optional(severityOrOff), { description: 'Compute-bound becomes memory-bound, or a slower, outer level starts to bind: fail, warn or off.' }),
  'efficiency-drop': z.optional(threshold('Measured efficiency drops by this much against the baseline (measured times on both sides).')),
  'above-roof': meta(z.optional(severityOrOff), { description: 'A measured time faster than the roofline allows (the inputs are off): fail, warn or off.' }),
  'exceeds-memory': meta(z.optional(severityOrOff), { description: 'An `llm:` model\'s footprint (weights, KV cache, largest activation) does not fit its device\'s memory: fail, warn or off.' }),
  budgets: z.optional(budgets),
};

export const gateSchema = meta(z.strictObject({
  ...gateRules,
  models: meta(
    z.optional(z.record(z.string(), meta(z.strictObject(gateRules), { description: 'Rules for this model, overriding the ones above.' }))),
    { description: 'Per-model rules, by model name.' },
  ),
}), { description: 'When the gate warns or fails: thresholds against the baseline and absolute budgets.' });

const deviceSchema = meta(
  z.strictObject({
    name: meta(z.optional(capped('device name')), { description: 'Name shown in reports and the chart; the id when absent.' }),
    compute: meta(
      z.partialRecord(precision, quantity('flopRate', 'positive', 'Dense peak at this precision.')),
      { description: 'Dense peak per precision, e.g. { fp16: 50 TFLOP/s, int8: 100 TOP/s }.' },
    ),
    memory: meta(
      z.record(levelName, quantity('byteRate', 'positive', 'Bandwidth of this level.')),
      { description: 'Bandwidth per memory level, outermost (slowest) first, e.g. { dram: 100 GB/s, sram: 2 TB/s }.' },
    ),
    capacity: z.optional(quantity('bytes', 'positive', 'Device memory (the outermost level), e.g. 24 GB: an `llm:` model\'s footprint must fit in it (rule exceeds-memory).')),
  }),
  { description: 'A device of your own: its figures are taken as given.' },
);

const catalogOptions = meta(
  z.strictObject({
    kinds: meta(
      z.optional(
        z
          .array(meta(z.enum(FIGURE_KINDS), { description: 'vendor: a datasheet states it; derived: computed from vendor figures; measured: a published benchmark; estimate: none of these.' }))
          .check(z.minLength(1, 'expected at least one kind, e.g. [vendor, derived]')),
      ),
      { description: 'Kinds of built-in figures a target may rely on; a target whose roof or level is of another kind is an error. Default: all.' },
    ),
  }),
  { description: 'How the built-in hardware catalog is used. Devices under `devices:` are your own figures and are not filtered.' },
);

const adviceSchema = z.strictObject({
  devices: meta(
    z.optional(z.array(identifier)),
    { description: 'Devices advice may suggest moving to: built-in ids or aliases, or ids under `devices:`. None by default.' },
  ),
});

export const configSchema = meta(
  z.strictObject({
    version: meta(z.literal(1), { description: 'Config format version; always 1.' }),
    hardware: meta(z.optional(targets), { description: 'Default targets: built-in ids or ids under devices.' }),
    devices: meta(z.optional(z.record(identifier, deviceSchema)), { description: 'Your own devices by id; an id that is also built in overrides the built-in one.' }),
    catalog: z.optional(catalogOptions),
    models: meta(
      z.array(modelSchema).check(z.minLength(1, 'expected at least one model')).check(z.maxLength(MAX_MODELS, `expected at most ${wholeNumber(MAX_MODELS)} models`)),
      { description: 'The models to place on the roofline of their targets.' },
    ),
    gate: z.optional(gateSchema),
    advice: meta(z.optional(adviceSchema), { description: 'What advice may suggest beyond the model itself.' }),
  }),
  { title: 'roofline-gate config', description: 'Models, their FLOPs and bytes, target hardware and gate thresholds.' },
);

export type RawConfig = z.output<typeof configSchema>;
export type RawModel = z.output<typeof modelSchema>;
export type RawOp = z.output<typeof opSchema>;
export type RawLlm = z.output<typeof llmSchema>;
export type GateConfig = z.output<typeof gateSchema>;

/** The JSON Schema for editors, generated from the schema above. */
export function configJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(configSchema, {
    io: 'input',
    // Draft 7 is what editors' YAML language servers support best.
    target: 'draft-7',
    unrepresentable: 'any',
    override: (context) => {
      if (splitSchemas.has(context.zodSchema)) context.jsonSchema.anyOf = BYTE_KINDS.map((kind) => ({ required: [kind] }));
      const dimension = quantityDimension.get(context.zodSchema);
      if (dimension === undefined) return;
      const text = { type: 'string', pattern: quantityPattern(dimension) };
      const description = context.jsonSchema.description;
      for (const key of Object.keys(context.jsonSchema)) delete context.jsonSchema[key];
      Object.assign(context.jsonSchema, unitRequired(dimension) ? text : { anyOf: [{ type: 'number' }, text] });
      if (description !== undefined) context.jsonSchema.description = description;
    },
  }) as Record<string, unknown>;
}
