// Where a cell of a CSV record is, for an error that points at it: the line and character column it starts
// at, and the line it is on as the code frame's excerpt. The readers of CSV files (op tables, the bytes
// files merged into an import, Nsight Compute's output) hand over a record's cells and its text as the
// parser read it; positions are worked out from the text only when an issue is reported. The readers of
// text reports (fvcore, DeepSpeed, torchstat) find their token's column themselves and hand over the line.
import { issueAt, issueIn, keptExcerpt, type ConfigIssue, type Place, type Position } from './errors.js';

/**
 * Where cell `index` of a record whose text is `text`, starting on `line`, starts: its first character, or
 * its opening quote. A record that spans lines (a quoted line end) has the cell on the line it starts on.
 * The text is scanned, outside quotes, for its commas.
 *
 *   cellPosition('a,"b,c",d', 4, 2) //=> { line: 4, column: 9 }
 */
export function cellPosition(text: string, line: number, index: number): Position {
  let start = 0;
  let quoted = false;
  for (let at = 0, cell = 0; at < text.length && cell < index; at++) {
    const char = text[at];
    if (char === '"') quoted = !quoted; // a doubled quote inside quotes toggles twice
    else if (char === ',' && !quoted && ++cell === index) start = at + 1;
  }
  let lines = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < start; at = text.indexOf('\n', at + 1)) lines++;
  return { line: line + lines, column: start - (text.lastIndexOf('\n', start - 1) + 1) + 1 };
}

/** Line `offset` (0 the first) of a record's text, as an excerpt shows it (tabs as spaces, as formatIssues counts columns). */
export function recordLine(text: string, offset: number): string {
  let start = 0;
  for (let passed = 0; passed < offset; passed++) start = text.indexOf('\n', start) + 1 || text.length;
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? undefined : end).replace(/\r$/, '').replace(/\t/g, ' ');
}

/**
 * An issue at cell `index` of a record (text `text`, starting on `line`), with the line the cell is on as
 * its excerpt. Cell 0 is the record as a whole: column 1 of its first line.
 */
export function cellIssue(file: string, text: string, line: number, index: number, message: string): ConfigIssue {
  const position = cellPosition(text, line, index);
  return { ...issueAt(file, position, [], message), excerpt: recordLine(text, position.line - line) };
}

/**
 * Where cell `index` of a record is, kept for an issue told later (`Place`): its position, and the line it
 * is on cut to what an issue there shows.
 */
export function cellPlace(text: string, line: number, index: number): Place {
  const position = cellPosition(text, line, index);
  return { ...position, excerpt: keptExcerpt(recordLine(text, position.line - line), position.column) };
}

/**
 * Column `column` of one line of a text report (`text`, the line as read), kept for an issue told later.
 *
 *   linePlace('|  conv1 |', 6, 4) //=> { line: 6, column: 4, excerpt: '|  conv1 |' }
 */
export function linePlace(text: string, line: number, column: number): Place {
  return { line, column, excerpt: keptExcerpt(recordLine(text, 0), column) };
}

/** An issue at column `column` of one line of a text report (`text`, on `line`), the line shown. */
export function lineIssue(file: string, text: string, line: number, column: number, message: string): ConfigIssue {
  return issueIn(file, { line, column, excerpt: recordLine(text, 0) }, message);
}
