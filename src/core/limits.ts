// Every size limit a user can meet, in one place: what GitHub accepts, and what roofline-gate itself
// accepts, so that what one part produces another part never refuses (a config that validates always
// gives a report.json that the action's `report:` input reads back). Each name says its unit.

/**
 * A size in the unit GitHub counts it in: `chars` (UTF-16 code units, JavaScript's `length`: never fewer
 * than the characters GitHub counts, so a body within `chars` is within GitHub's limit) or `bytes` (UTF-8).
 * text-size.ts measures and cuts in these units.
 */
export type SizeLimit = { readonly chars: number } | { readonly bytes: number };

/**
 * GitHub refuses an issue or pull-request comment longer than 65,536 characters: "Body is too long (maximum
 * is 65536 characters)" (HTTP 422, as quoted in github.com/telia-oss/github-pr-resource/issues/259). It
 * has been measured to accept more (262,144 bytes of ASCII; github.com/dead-claudia/github-limits/pull/13);
 * 65,536 UTF-16 code units are at most 196,608 bytes, within either reading.
 */
export const COMMENT_MAX: SizeLimit = { chars: 65_536 };

/**
 * The runner drops a step's whole job summary when its file is larger than 1 MiB (1,048,576 bytes): in
 * actions/runner's src/Runner.Worker/FileCommandManager.cs, `AttachmentSizeLimit = 1024 * 1024` compared
 * with the file's length in bytes ("$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of
 * 1024k"). The summary is UTF-8: a CJK name takes 3 bytes a character.
 */
export const SUMMARY_MAX: SizeLimit = { bytes: 1024 * 1024 };

/**
 * GitHub refuses a check run whose `output.summary` is longer than this: "Maximum length: 65535
 * characters" (docs.github.com/rest/checks/runs, create a check run).
 */
export const CHECK_RUN_SUMMARY_MAX: SizeLimit = { chars: 65_535 };

/**
 * The longest Vega editor link put in a comment or summary (characters): long enough for a chart of a few
 * dozen points, short enough to leave most of a comment for the report.
 */
export const EDITOR_URL_MAX_CHARS = 20_000;

/** GitHub shows at most 10 error and 10 warning annotations per step. */
export const ANNOTATIONS_SHOWN = 10;

/** The longest model, op, device or level name, in characters (the config and report.json alike). */
export const NAME_LENGTH = 200;

/** The longest finding or advice message report.json may carry, in characters. */
export const MESSAGE_LENGTH = 2_000;

/** Memory levels per device. */
export const MAX_LEVELS = 16;

/**
 * report.json files larger than this are refused before parsing (a guard against a hostile file: the
 * `report:` input may come from a fork). A pair takes about 830 bytes (10,000 models x 3 devices wrote
 * 24,978,438 bytes), so MAX_PAIRS such pairs take about 83 MB.
 *
 * The largest item each list can hold, in report.json's layout (reportJson: 2-space indent; an item of a
 * top-level list has its fields on lines indented 6 spaces, and is followed by `,\n`). Model and op names
 * may hold any character, and JSON.stringify writes a control character or a lone surrogate as `\u00XX`,
 * 6 bytes a UTF-16 unit (ECMA-262, QuoteJSONString); device ids and level names are ASCII (config/schema.ts:
 * ID_PATTERN, levelName), 1 byte a character; a number takes at most 24 (`-2.2250738585072014e-308`).
 * - A finding: `    {` 6; rule `max-crossover-batch` 37; severity 26; model 6+9+(2+6 x NAME_LENGTH)+2 = 1,219;
 *   hardware 6+12+202+2 = 222; message 6+11+(2+6 x MESSAGE_LENGTH)+2 = 12,021; level 219; before, after,
 *   limit 42+41+41; `"ops": [` 15, three op names of 8+1,202+2 (the last without its comma) 3,635, `]` 8;
 *   `    },` 7: 17,539 bytes.
 * - An advice item: `{` 6; model 1,219; hardware 222; kind `quantize-activations` 38; message 12,021;
 *   throughput 46, gain 40; `"change": {` 18, figure `bytes.` + a level name 8+10+208+2 = 228, before a
 *   device id 222, after 220, `}` 8; `},` 7: 14,295 bytes.
 * So MAX_REPORT_ITEMS of them would take 1.75 GB and 1.43 GB: the cap on items alone does not keep a
 * report within this size, and report/listed.ts also lists findings and advice only while the file stays
 * within it (the rest counted, as those past the item cap are).
 *
 * The results are not cut: a pair with its names at NAME_LENGTH, MAX_LEVELS levels and CHANGED_OPS changed
 * ops takes 268,370 bytes (193,032 of them the changed ops'); one of short names, three levels and
 * CHANGED_OPS changed ops about 23,000 (20-character names and figures). So from about 500 of the first, or
 * 5,900 of the second, a report exceeds this size and does not read back. Listing fewer changed ops would
 * be the honest cut there (`moreChanged` counts them already).
 */
export const REPORT_MAX_BYTES = 128 * 1024 * 1024;

/** The longest baseline label report.json carries (`git:main`, a path); a longer one is cut with an ellipsis. */
export const LABEL_LENGTH = 1_000;

/** The most characters of a file's content an error message quotes (a cell, a header, a parser's complaint). */
export const QUOTE_LENGTH = 60;

/**
 * Changed ops report.json lists per pair, largest time change first (it says how many more changed): the
 * ones worth reading, whatever the op count; the comment shows fewer when it must fit.
 */
export const CHANGED_OPS = 20;

/** Ops a finding names as its explanation (the message says how many more changed). */
export const EXPLAINING_OPS = 3;

// What a config may hold. Each limit is far above any real config and is checked before the work that it
// bounds, so that hostile input ends in a one-screen error (exit 2) within seconds rather than a hang or a
// crash: the config comes from the pull request, and its author need not be trusted.

/** A config file larger than this is refused before it is parsed (bytes); 100k inline ops take about 6 MB. */
export const CONFIG_MAX_BYTES = 16 * 1024 * 1024;

/** Items in any one YAML list or mapping of a config, checked before the schema walks it. */
export const MAX_YAML_ITEMS = 100_000;

/** YAML aliases (`*name`) in one file: anchors are fine, but no config needs more, and more is an alias bomb. */
export const MAX_ALIASES = 1_000;

/** Models in one config. */
export const MAX_MODELS = 10_000;

/** Targets (devices) in one `hardware:` list. */
export const MAX_TARGETS = 256;

/**
 * Model-target pairs one config may ask for, counting each sweep value (models x targets x sweep values),
 * checked before any analysis: 10,000 models on 256 targets (each within its limit) would be 2,560,000
 * pairs, tens of minutes and tens of GB; 100,000 is well above the 30,000 pairs of the bench's "10k models
 * x 3 devices".
 */
export const MAX_PAIRS = 100_000;

/**
 * Pairs, findings and advice items in one report.json: as many as a config may have pairs (MAX_PAIRS), so
 * that every pair a run writes can be read back (the `report:` input, the history), and no more. A pair
 * can have up to 40 findings (intensity-drop and ridge-margin at each of MAX_LEVELS levels, one of each
 * other rule) and 5 advice items: report.json lists the first MAX_REPORT_ITEMS and counts the rest
 * (report/listed.ts).
 */
export const MAX_REPORT_ITEMS = MAX_PAIRS;

/** Ops listed inline under one model's `ops:` (larger models belong in an op table file). */
export const MAX_INLINE_OPS = MAX_YAML_ITEMS;

/** Op rows in one op table file (CSV, JSON, JSON Lines or a tool's output): 5M CSV rows of two levels check in about 23 s and 1.3 GB (2-core machine). */
export const MAX_OP_ROWS = 5_000_000;

/** The longest line of an op table, or the largest CSV record (characters). A real row is under a kilobyte. */
export const LINE_LENGTH = 1024 * 1024;

/** A JSON op table (read whole, not streamed) larger than this is refused (bytes); larger tables stream as CSV or JSON Lines. */
export const JSON_TABLE_MAX = 64 * 1024 * 1024;

/** Samples (or tokens) per pass. */
export const MAX_BATCH = 1e9;

/**
 * The range every figure of a config must lie in, in base units, inclusive. Outside it a figure is a typo
 * or an attack: 5e-324 B/s hangs the chart's axes, 1e308 FLOP overflows when ops are summed. Inside it
 * every derived figure (intensity, time, throughput, efficiency) stays a finite number. FLOP and byte
 * counts may also be exactly 0 (SPEC section 1); the range applies to op sums too. Messages show these bounds
 * through format.ts (units.ts, outOfRange), as every figure.
 */
export const RANGES = {
  /** Peak compute of a device (FLOP/s or OP/s). */
  flopRate: { min: 1, max: 1e21 },
  /** Bandwidth of a memory level (bytes/s). */
  byteRate: { min: 1, max: 1e21 },
  /** FLOP, MAC and byte counts per pass, of a model, an op, or the sum of a model's ops. */
  count: { min: 1, max: 1e30 },
  /** Measured times and latency budgets (seconds). */
  seconds: { min: 1e-15, max: 1e9 },
  /** Throughput budgets (per second). */
  perSecond: { min: 1e-9, max: 1e21 },
} as const;
