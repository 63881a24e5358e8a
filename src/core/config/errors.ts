// Bad input, described so that a person can fix it without reading a stack trace: file, line, column,
// the key path, what was expected, and the nearest valid word when a word was misspelt.
import { QUOTE_LENGTH } from '../limits.js';
import { cutToFit } from '../text-size.js';
import { wholeNumber } from '../format.js';
import { commandSafe, visibleText } from '../report/escape.js';
import { detached } from '../detached.js';

export interface Position {
  line: number;
  column: number;
}

export interface ConfigIssue {
  file: string;
  /** 1-based; 0 (and column 0) for an issue with no position in the file, such as a file not found. */
  line: number;
  column: number;
  /** Key path in the config, e.g. `models[2].bytes.l2`; empty for the file as a whole. */
  path: string;
  message: string;
  /**
   * The source line the issue points into, when the text is at hand; for a place kept to be reported later
   * (`Place`), as much of it as `formatIssues` shows (`keptExcerpt`).
   */
  excerpt?: string;
}

/**
 * A place in a file with its line as an issue shows it: what a reader keeps of a line for an issue it can
 * only tell at the end (an op with no FLOP count, an op the bytes file has no row for).
 */
export interface Place extends Position {
  excerpt: string;
}

/** Thrown by the core for any input that cannot be used. The CLI maps it to exit status 2. */
export class ConfigError extends Error {
  readonly issues: ConfigIssue[];

  constructor(issues: ConfigIssue[]) {
    super(formatIssues(issues));
    this.name = 'ConfigError';
    this.issues = issues;
  }

  static at(file: string, position: Position, path: ReadonlyArray<string | number>, message: string, text?: string): ConfigError {
    return new ConfigError([issueAt(file, position, path, message, text)]);
  }
}

export function issueAt(
  file: string,
  position: Position,
  path: ReadonlyArray<string | number>,
  message: string,
  text?: string,
): ConfigIssue {
  const issue: ConfigIssue = { file, ...position, path: formatPath(path), message };
  if (text !== undefined) {
    const line = lineOf(text, position.line);
    if (line !== undefined) issue.excerpt = line;
  }
  return issue;
}

/** An issue at a place kept (`Place`), its line shown. */
export function issueIn(file: string, place: Place, message: string): ConfigIssue {
  return { ...issueAt(file, { line: place.line, column: place.column }, [], message), excerpt: place.excerpt };
}

/** `['models', 2, 'bytes', 'l2']` -> `models[2].bytes.l2` */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else out += out === '' ? String(step) : `.${String(step)}`;
  }
  return out;
}

/**
 * A short, printable quotation of content from a file: at most QUOTE_LENGTH characters, control characters
 * shown as escapes, in double quotes. Any content an error repeats goes through here: a config may name a
 * file it should not (a link to /proc/self/environ), and its content must not reach a log in full.
 *
 *   quote('a\tb') //=> '"a\\tb"' (a tab, shown as \t)
 */
export function quote(text: string): string {
  const clipped = cutToFit(text, { chars: QUOTE_LENGTH });
  return JSON.stringify(clipped).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Shown at most; a config with more problems than this has one underlying mistake worth fixing first. */
const MAX_SHOWN = 8;
const MAX_EXCERPT = 100;
/** Characters shown before the caret when the column lies past MAX_EXCERPT (a cell far along an Nsight Compute row). */
const LEAD = 40;

/**
 * One screen of text:
 *
 *   roofline.yml:12:16: models[1].bytes.l2: expected a byte count such as 86 MB; did you mean "MB"?
 *      12 |     bytes: { l2: 3.1 MBs }
 *         |                  ^
 *
 * An issue at line 0 has no position: `roofline.yml: config file not found (looked in /src)`. A line is
 * shown from its start up to MAX_EXCERPT characters; a column past that, from LEAD characters before it,
 * after an ellipsis, so that the caret always points into the text shown.
 */
export function formatIssues(issues: ConfigIssue[]): string {
  const shown = issues.slice(0, MAX_SHOWN).map((issue) => {
    const where = issue.line === 0 ? issue.file : `${issue.file}:${issue.line}:${issue.column}`;
    // Messages quote names from the config: shown visibly, so that an error cannot colour the terminal.
    const head = visibleText(`${where}: ${issue.path === '' ? '' : `${issue.path}: `}${issue.message}`);
    if (issue.excerpt === undefined) return head;
    const gutter = String(issue.line).padStart(6);
    let [line, column] = [issue.excerpt, issue.column];
    if (column > MAX_EXCERPT && line.length > MAX_EXCERPT + 1) {
      column = Math.min(column, line.length + 1);
      let from = column - 1 - LEAD;
      if (/[\udc00-\udfff]/.test(line[from] ?? '')) from++; // not half a surrogate pair
      [line, column] = [`…${line.slice(from)}`, column - from + 1];
    }
    const excerpt = visibleText(cutToFit(line, { chars: MAX_EXCERPT + 1 }));
    return `${head}\n${gutter} | ${excerpt}\n${' '.repeat(6)} | ${' '.repeat(Math.max(0, Math.min(column, MAX_EXCERPT + 1) - 1))}^`;
  });
  if (issues.length > MAX_SHOWN) shown.push(`... and ${wholeNumber(issues.length - MAX_SHOWN)} more`);
  return commandSafe(shown.join('\n'));
}

/**
 * As much of `line` as `formatIssues` shows for an issue at `column`, and a few characters more (so that it
 * still cuts the line there, a character across the cut whole): a reader that keeps lines for later issues
 * keeps at most that, not lines of any length (a raw Nsight Compute row of a thousand metrics).
 *
 *   keptExcerpt('x'.repeat(5000), 1).length    //=> 108  (MAX_EXCERPT + 8)
 *   keptExcerpt('x'.repeat(5000), 300).length  //=> 368  (300 - LEAD, then MAX_EXCERPT + 8)
 */
export function keptExcerpt(line: string, column: number): string {
  const kept = line.slice(0, Math.max(0, column - LEAD) + MAX_EXCERPT + 8).replace(/[\ud800-\udbff]$/, ''); // not half a surrogate pair
  // A copy: a cut would keep the line, and the chunk it was cut from, alive as long as the op (detached.ts).
  return detached(kept);
}

/** Offsets at which each line of `text` starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The last text quoted from and its line starts: the issues of one file come one after another, 10k of them at most. */
let indexed: { text: string; starts: number[] } | undefined;

function lineOf(text: string, line: number): string | undefined {
  if (indexed?.text !== text) indexed = { text, starts: lineStarts(text) };
  const start = indexed.starts[Math.max(0, line - 1)];
  if (start === undefined) return undefined;
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? undefined : end).replace(/\r$/, '').replace(/\t/g, ' ');
}
