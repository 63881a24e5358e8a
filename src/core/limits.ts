// Every size limit a user can meet, in one place: what GitHub accepts, and what roofline-gate itself
// accepts, so that what one part produces another part never refuses (a config that validates always
// gives a report.json that the action's `report:` input reads back).

/** GitHub refuses an issue or pull-request comment longer than this (characters). */
export const COMMENT_LIMIT = 65_536;

/** GitHub shows at most 1 MiB of job summary per step; a little is kept back for the footer. */
export const SUMMARY_LIMIT = 1_000_000;

/**
 * The longest Vega editor link put in a comment or summary (characters): long enough for a chart of a few
 * dozen points, short enough to leave most of a comment for the report.
 */
export const EDITOR_URL_LIMIT = 20_000;

/** GitHub shows at most 10 error and 10 warning annotations per step. */
export const ANNOTATIONS_SHOWN = 10;

/** The longest model, op, device or level name, in characters (the config and report.json alike). */
export const NAME_LENGTH = 200;

/** The longest finding or advice message report.json may carry, in characters. */
export const MESSAGE_LENGTH = 2_000;

/** Pairs, findings and advice items in one report.json: far above any real config, small enough to render. */
export const MAX_REPORT_ITEMS = 20_000;

/** Memory levels per device. */
export const MAX_LEVELS = 16;

/** report.json files larger than this are refused before parsing: a real report is kilobytes; ~60,000 results fit. */
export const REPORT_MAX_BYTES = 32 * 1024 * 1024;

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
