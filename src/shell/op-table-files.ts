// The op tables a config names, read from their files: our own CSV, JSON and JSON Lines tables and the
// tools' outputs (profilers, FLOP counters), streamed through the core's readers, and a baseline's table
// read through the head's (OpTableMemo). Loaded by load-config.ts only for a config that names a table:
// csv-parse, the importers and node:crypto stay out of every other run's start.
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { pipeline, Readable } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { parse as parseCsvText } from 'csv-parse/sync';
import { ConfigError, type OpTable } from '../core/config/index.js';
import { wholeNumber } from '../core/format.js';
import { OpTableReader } from '../core/config/op-table.js';
import { importedTable, type Imported, type ImportFormat, type ToolFormat } from '../core/import/imported.js';
import { NcuReader, ncuHeaderStart } from '../core/import/ncu.js';
import { FORMAT_LIST, SNIFF_BYTES, sniffFormat } from '../core/import/sniff.js';
import { lineImporter } from '../core/import/line-importers.js';
import { BytesTableReader, withBytes } from '../core/import/merged-bytes.js';
import { JSON_TABLE_MAX, LINE_LENGTH } from '../core/limits.js';
import { refusedAs, release, type ConfigSource } from './sources.js';

/** An import that gives no bytes, with those of the bytes file (`ops: { bytes: PATH }`) merged in by op name. */
export async function withBytesFile(
  chunks: AsyncIterable<string | Buffer>,
  file: string,
  format: ImportFormat | undefined,
  bytes: { resolved: string; at: (message: string) => ConfigError },
  source: ConfigSource,
  root: string,
): Promise<OpTable> {
  const read = await readImport(chunks, file, format);
  if (!('imported' in read) || read.imported.noBytes === undefined) {
    throw bytes.at('`bytes:` merges bytes into an import that gives none (fvcore, deepspeed); this table has its own');
  }
  const bytesChunks = await refusedAs(() => source.readChunks(bytes.resolved, root), (reason) => bytes.at(`bytes file ${reason}`));
  if (bytesChunks === null) throw bytes.at(`bytes file ${bytes.resolved} not found (paths are relative to the config file)`);
  const reader = new BytesTableReader(bytes.resolved);
  try {
    await parseCsv(textChunks(bytesChunks, bytes.resolved), bytes.resolved, (record, _oneLine, raw) => reader.record(record, raw), true);
  } finally {
    release(bytesChunks);
  }
  return importedTable(withBytes(read.imported, file, reader.finish(), bytes.resolved), file);
}

/** What OpTableMemo keeps: the tables read, by format and path. */
export type MemoTables = Map<string, ReadTable>;

/** `chunks` read as OpTableMemo.read says, through the tables it keeps. */
export async function readThroughMemo(tables: MemoTables, chunks: AsyncIterable<string | Buffer>, name: string, file: string, format?: ImportFormat): Promise<OpTable> {
  const key = `${format ?? ''}:${name}`;
  const seen = tables.get(key);
  const hash = createHash('sha256');
  const parts: Buffer[] = [];
  if (seen) {
    for await (const chunk of chunks) {
      hash.update(chunk);
      parts.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    }
    if (hash.digest('hex') === seen.digest) return { ...seen.table, file };
    return rowsReused(seen, parts, file, format) ?? readOpTable(Readable.from(parts), file, format);
  }
  const opLines: number[] = [];
  const table = await readOpTable(kept(chunks, hash, parts), file, format, opLines);
  tables.set(key, { digest: hash.digest('hex'), table, kind: format ?? sniffedFormat(parts, file), raw: parts, opLines });
  return table;
}

/** A table the memo read, with its format, its raw bytes and the line each of its ops was read from. */
export interface ReadTable {
  digest: string;
  table: OpTable;
  kind: ImportFormat | null;
  raw: Buffer[];
  opLines: number[];
}

/** The chunks, digested and kept on the way. */
async function* kept(chunks: AsyncIterable<string | Buffer>, hash: ReturnType<typeof createHash>, parts: Buffer[]): AsyncIterable<string | Buffer> {
  for await (const chunk of chunks) {
    hash.update(chunk);
    parts.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    yield chunk;
  }
}

/**
 * The base's table, parsing only the rows between the longest run of rows it shares with the head from the
 * start and the longest from the end, and reusing the head's ops for the others: one op changed, inserted
 * or removed costs a few rows. The header and the rows to parse go through the same reader at their own
 * lines, so a changed row gives the errors of a full parse. Null when the file must be parsed whole: binary
 * or not UTF-8, not CSV or JSON Lines, a changed header, an odd count of quotes, line ends that csv-parse
 * might read otherwise than as rows.
 */
function rowsReused(head: ReadTable, parts: Buffer[], file: string, format?: ImportFormat): OpTable | null {
  const kind = format ?? sniffedFormat(parts, file);
  if ((kind !== 'csv' && kind !== 'jsonl') || head.kind !== kind || head.opLines.length === 0) return null;
  const bytes = Buffer.concat(parts);
  const headBytes = Buffer.concat(head.raw);
  if (bytes.includes(0) || !isUtf8(bytes)) return null;
  // Rows are found in the bytes: a line end or a quote never occurs inside a UTF-8 sequence.
  const csv = kind === 'csv';
  const quoted = csv && bytes.includes(QUOTE);
  const quotes = (from: number, to: number) => (quoted ? count(bytes, QUOTE, from, to) : 0);
  const evenQuotes = quotes(0, bytes.length) % 2 === 0 && (!headBytes.includes(QUOTE) || count(headBytes, QUOTE, 0, headBytes.length) % 2 === 0);
  if (csv && ((bytes.includes(CR) && !onlyCrlf(bytes)) || !evenQuotes)) return null;
  // The shared rows at the start end at a line end outside quotes, before the first byte that differs.
  let cut = lineStart(bytes, commonPrefix(bytes, headBytes));
  for (let open = quotes(0, cut) % 2; open === 1 && cut > 0; ) {
    const earlier = lineStart(bytes, cut - 1);
    open ^= quotes(earlier, cut) % 2;
    cut = earlier;
  }
  // The shared rows at the end start after a line end in both, outside quotes (as both files close theirs).
  const shift = headBytes.length - bytes.length;
  const shared = commonSuffix(bytes, headBytes, Math.min(bytes.length, headBytes.length) - cut);
  let start = bytes.length - shared;
  if (!rowStart(bytes, start) || !rowStart(headBytes, start + shift)) start = bytes.indexOf(LF, start) + 1 || bytes.length;
  for (let open = quotes(start, bytes.length) % 2; open === 1 && start < bytes.length; ) {
    const later = bytes.indexOf(LF, start) + 1 || bytes.length;
    open ^= quotes(start, later) % 2;
    start = later;
  }
  const cutLine = 1 + count(bytes, LF, 0, cut);
  const headStartLine = cutLine + count(headBytes, LF, cut, start + shift);
  const lineShift = cutLine + count(bytes, LF, cut, start) - headStartLine;
  const firstOp = head.opLines[0]!;
  if (csv && cutLine < firstOp) return null; // the header (or a blank line before it) changed
  const before = firstAtOrAfter(head.opLines, cutLine);
  const after = firstAtOrAfter(head.opLines, headStartLine);
  const reader = new OpTableReader(file);
  const decode = (from: number, to: number) => new TextDecoder('utf-8', { ignoreBOM: from > 0 }).decode(bytes.subarray(from, to));
  const middle = decode(cut, start);
  try {
    if (csv) {
      const header = decode(0, nthLineStart(bytes, firstOp));
      for (const { record, raw } of parseCsvText(header, { relax_column_count: true, bom: true, raw: true }) as unknown as RawRecord[]) reader.csvRecord(record, undefined, false, raw);
    }
    for (let index = 0; index < before; index++) reader.reuse(head.table.ops[index]!, head.opLines[index]!);
    if (csv) {
      const records = parseCsvText(middle, { relax_column_count: true, bom: cut === 0, raw: true }) as unknown as RawRecord[];
      records.forEach(({ record, raw }, index) => reader.csvRecord(record, index === 0 ? cutLine : undefined, false, raw));
    } else {
      const rows = middle.split('\n');
      if (start < bytes.length) rows.pop(); // the middle ends with a line end, not with a last line
      rows.forEach((row, index) => reader.jsonLine(row, cutLine + index));
    }
  } catch {
    return null; // a CSV syntax error: the full parse says where
  }
  for (let index = after; index < head.opLines.length; index++) reader.reuse(head.table.ops[index]!, head.opLines[index]! + lineShift);
  return reader.finish();
}

const [LF, CR, QUOTE] = [0x0a, 0x0d, 0x22];

/** A record as csv-parse gives it with `raw: true`: its cells and its text. */
interface RawRecord {
  record: string[];
  raw: string;
}

/** How many times `byte` occurs in `bytes` from `from` up to `to`. */
function count(bytes: Buffer, byte: number, from: number, to: number): number {
  let found = 0;
  for (let at = from; at < to; at++) if (bytes[at] === byte) found++;
  return found;
}

/** True when every line end is CR LF: csv-parse takes the first line end it meets as the only one. */
function onlyCrlf(bytes: Buffer): boolean {
  for (let at = -1; at < bytes.length; at++) if ((bytes[at] === CR) !== (bytes[at + 1] === LF)) return false;
  return true;
}

/** Where the line holding byte `at` starts. */
function lineStart(bytes: Buffer, at: number): number {
  return at <= 0 ? 0 : bytes.lastIndexOf(LF, at - 1) + 1;
}

/** True when a line starts at byte `at`. */
function rowStart(bytes: Buffer, at: number): boolean {
  return at === 0 || bytes[at - 1] === LF;
}

/** Where line `line` (1-based) starts. */
function nthLineStart(bytes: Buffer, line: number): number {
  let at = 0;
  for (let passed = 1; passed < line; passed++) at = bytes.indexOf(LF, at) + 1;
  return at;
}

/** The index of the first of the ascending `lines` at or after `line`. */
function firstAtOrAfter(lines: number[], line: number): number {
  let [low, high] = [0, lines.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (lines[middle]! < line) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Bytes compared a block at a time before the first difference is looked for byte by byte. */
const BLOCK = 64 * 1024;

/** How many bytes `a` and `b` share from the start. */
function commonPrefix(a: Buffer, b: Buffer): number {
  const length = Math.min(a.length, b.length);
  let at = 0;
  while (at < length && a.compare(b, at, Math.min(at + BLOCK, length), at, Math.min(at + BLOCK, length)) === 0) at += BLOCK;
  while (at < length && a[at] === b[at]) at++;
  return Math.min(at, length);
}

/** How many bytes `a` and `b` share at the end, at most `limit`. */
function commonSuffix(a: Buffer, b: Buffer, limit: number): number {
  let shared = 0;
  const same = (from: number, to: number) => a.compare(b, b.length - to, b.length - from, a.length - to, a.length - from) === 0;
  while (shared < limit && same(shared, Math.min(shared + BLOCK, limit))) shared = Math.min(shared + BLOCK, limit);
  while (shared < limit && a[a.length - 1 - shared] === b[b.length - 1 - shared]) shared++;
  return shared;
}

/** The format `readImport` reads from the file's start: its first chunks, up to SNIFF_BYTES characters. */
function sniffedFormat(parts: Buffer[], file: string): ImportFormat | null {
  const decoder = new TextDecoder('utf-8');
  let head = '';
  for (let index = 0; index < parts.length && head.length < SNIFF_BYTES; index++) head += decoder.decode(parts[index], { stream: true });
  return sniffFormat(file, head);
}

/** A file whose format was left out and cannot be read from its content. */
export class UnknownFormat extends Error {
  override name = 'UnknownFormat';
}

/**
 * Streams an op table through the core's reader: CSV and JSON Lines record by record, a profiler's or FLOP
 * counter's output through its importer. `format` left out is read from the file's start.
 */
export async function readOpTable(chunks: AsyncIterable<string | Buffer>, file: string, format?: ImportFormat, opLines?: number[]): Promise<OpTable> {
  const read = await readImport(chunks, file, format, opLines);
  return 'table' in read ? read.table : importedTable(read.imported, file);
}

/** The file as an op table (our own formats) or as what an importer made of it (a tool's output). */
export async function readImport(
  chunks: AsyncIterable<string | Buffer>,
  file: string,
  format?: ImportFormat,
  opLines?: number[],
): Promise<{ table: OpTable } | { imported: Imported }> {
  const text = textChunks(chunks, file);
  const { head, rest } = await peek(text, (head) => head.length >= SNIFF_BYTES);
  const known = format ?? sniffFormat(file, head);
  if (known === null) {
    throw new UnknownFormat(`cannot tell what format the file is; give \`format:\` (one of ${FORMAT_LIST})`);
  }
  const all = prepend(head, rest);
  if (known === 'csv' || known === 'json' || known === 'jsonl') return { table: await readOwnTable(all, file, known, opLines) };
  return { imported: await readTool(all, file, known) };
}

async function readOwnTable(chunks: AsyncIterable<string>, file: string, format: 'csv' | 'json' | 'jsonl', opLines?: number[]): Promise<OpTable> {
  const reader = new OpTableReader(file, opLines);
  if (format === 'csv') {
    await parseCsv(chunks, file, (record, oneLine, raw) => reader.csvRecord(record, undefined, oneLine, raw), true);
  } else if (format === 'jsonl') {
    let line = 0;
    for await (const text of lines(chunks, file)) reader.jsonLine(text, ++line);
  } else {
    let whole = '';
    for await (const chunk of chunks) {
      whole += chunk;
      if (whole.length > JSON_TABLE_MAX) throw ConfigError.at(file, { line: 1, column: 1 }, [], `the file is larger than ${JSON_TABLE_MAX / 1024 / 1024} MiB, the limit for a JSON op table: give large tables as CSV or JSON Lines`);
    }
    reader.json(whole);
  }
  return reader.finish();
}

/** The longest text before an Nsight Compute header that is looked through (characters). */
const PREAMBLE_LIMIT = 16 * 1024 * 1024;

async function readTool(chunks: AsyncIterable<string>, file: string, format: ToolFormat): Promise<Imported> {
  if (format !== 'ncu') {
    const importer = lineImporter(format, file);
    let line = 0;
    for await (const text of lines(chunks, file)) importer.line(text, ++line);
    return importer.finish();
  }
  // Text before the header (==PROF== lines, the application's output) may hold stray quotes: cut it off
  // before parsing, counting its lines so that errors point at the right one.
  const { head, rest } = await peek(chunks, (head) => ncuHeaderStart(head) >= 0 || head.length > PREAMBLE_LIMIT);
  const start = ncuHeaderStart(head);
  const skipped = start < 0 ? '' : head.slice(0, start);
  const reader = new NcuReader(file, 1 + (skipped.match(/\n/g)?.length ?? 0));
  await parseCsv(prepend(start < 0 ? head : head.slice(start), rest), file, (record, _oneLine, raw) => reader.record(record, raw), true);
  return reader.finish();
}

/**
 * CSV records, streaming; a syntax error becomes a ConfigError at its line. Lines csv-parse would read as a
 * plain split (no quote, no CR, short enough that no record-size limit applies) are split here, at a
 * fraction of its cost per row; from the first line that is not, csv-parse reads the rest, told what it
 * would have found by then (`\n` as the line end once a line ended so, the lines before for its errors).
 * `record` is told whether the record is one line (split here) or may span several (csv-parse's), and, when
 * `raw` is set, a record of csv-parse's text (its `raw` option; a line split here is its cells joined by commas).
 */
export async function parseCsv(
  chunks: AsyncIterable<string>,
  file: string,
  record: (cells: string[], oneLine: boolean, raw?: string) => void,
  raw = false,
): Promise<void> {
  const source = chunks[Symbol.asyncIterator]();
  let rest = '';
  let lines = 0;
  let tail: string | null = null;
  while (tail === null) {
    const next = await source.next();
    if (next.done) {
      if (rest === '') return;
      if (plainUpTo(rest) < rest.length) tail = rest;
      else return record(plainCells(rest), true);
      break;
    }
    const text = rest + next.value;
    // csv-parse's `bom` drops a BOM the decoder left (a second one): left to it.
    if (lines === 0 && text.charCodeAt(0) === 0xfeff) {
      tail = text;
      break;
    }
    const plain = plainUpTo(text);
    let start = 0;
    let end = text.indexOf('\n');
    for (; end >= 0 && end < plain && end - start <= PLAIN_LINE; end = text.indexOf('\n', start)) {
      record(plainCells(text.slice(start, end)), true);
      lines++;
      start = end + 1;
    }
    rest = text.slice(start);
    // A line that is not plain, or an unfinished one that cannot be: csv-parse reads from its start.
    if (end >= 0 || plain < text.length || rest.length > PLAIN_LINE) tail = rest;
  }
  const records = parse({ relax_column_count: true, bom: lines === 0, max_record_size: LINE_LENGTH, raw, ...(lines > 0 && { record_delimiter: '\n' }) });
  // pipeline, not pipe: an error of the source (a binary file) must reach the loop below.
  pipeline(Readable.from(prepend(tail, source)), records, () => undefined);
  try {
    if (raw) for await (const read of records as AsyncIterable<RawRecord>) record(read.record, false, read.raw);
    else for await (const cells of records as AsyncIterable<string[]>) record(cells, false);
  } catch (error) {
    if (error instanceof ConfigError || !(error instanceof CsvError)) throw error;
    const line = lines + ((error as CsvError & { lines?: number }).lines ?? 1);
    if (error.code === 'CSV_MAX_RECORD_SIZE') throw ConfigError.at(file, { line, column: 1 }, [], `a record longer than ${wholeNumber(LINE_LENGTH)} characters: no op table row is this long`);
    // csv-parse's messages may end by quoting the field (`value is "..."`): that part is left out.
    const problem = error.message.replace(/^Invalid [^:]*: /, '').replace(/,? value is .*$/s, '').slice(0, 200);
    throw ConfigError.at(file, { line, column: 1 }, [], `CSV syntax: ${problem}`);
  }
}

/**
 * The longest line split without csv-parse: its record-size limit counts a record's UTF-8 bytes, at most
 * three per UTF-16 unit, so a line this long cannot reach it.
 */
const PLAIN_LINE = Math.floor(LINE_LENGTH / 3);

/**
 * From this length, V8 cuts a string out of another as a view that keeps the whole of it alive: a cell
 * (an op's name) would hold its 64 KiB chunk for as long as the op lives.
 */
const SLICED = 13;

/** The cells of a plain line, each long one copied into characters of its own (through UTF-16 code units, lossless). */
function plainCells(line: string): string[] {
  const cells = line.split(',');
  for (let index = 0; index < cells.length; index++) {
    if (cells[index]!.length >= SLICED) cells[index] = Buffer.from(cells[index]!, 'utf16le').toString('utf16le');
  }
  return cells;
}

/** Where the first quote or CR of `text` is (its length when there is none). */
function plainUpTo(text: string): number {
  const quote = text.indexOf('"');
  const cr = text.indexOf('\r');
  return Math.min(quote < 0 ? text.length : quote, cr < 0 ? text.length : cr);
}

/** Reads chunks until `enough` says so (or the end), giving what was read and an iterator over the rest. */
async function peek(chunks: AsyncIterable<string>, enough: (head: string) => boolean): Promise<{ head: string; rest: AsyncIterator<string> }> {
  const rest = chunks[Symbol.asyncIterator]();
  let head = '';
  while (!enough(head)) {
    const next = await rest.next();
    if (next.done) break;
    head += next.value;
  }
  return { head, rest };
}

async function* prepend(head: string, rest: AsyncIterator<string>): AsyncIterable<string> {
  if (head !== '') yield head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/** The lines of `file`, refusing one longer than LINE_LENGTH before it is held whole. */
async function* lines(chunks: AsyncIterable<string>, file: string): AsyncIterable<string> {
  let rest = '';
  let line = 0;
  for await (const chunk of chunks) {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop()!;
    for (const part of parts) {
      line++;
      if (part.length > LINE_LENGTH) throw tooLong(file, line);
      yield part;
    }
    if (rest.length > LINE_LENGTH) throw tooLong(file, line + 1);
  }
  yield rest;
}

function tooLong(file: string, line: number): ConfigError {
  return ConfigError.at(file, { line, column: 1 }, [], `line ${line} is longer than ${wholeNumber(LINE_LENGTH)} characters: no op table row is this long`);
}

/**
 * The chunks as text, refusing a binary file (a NUL byte) before any of it is parsed or quoted in an
 * error, and a file that is not UTF-8.
 */
async function* textChunks(chunks: AsyncIterable<string | Buffer>, file: string): AsyncIterable<string> {
  // Streaming: a chunk may end inside a multi-byte character.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (chunk?: Buffer) => {
    try {
      return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
    } catch {
      throw ConfigError.at(file, { line: 1, column: 1 }, [], 'the file is not UTF-8 text');
    }
  };
  for await (const chunk of chunks) {
    if (typeof chunk === 'string' ? chunk.includes('\u0000') : chunk.includes(0)) {
      throw ConfigError.at(file, { line: 1, column: 1 }, [], 'the file is binary, not a text op table');
    }
    yield typeof chunk === 'string' ? chunk : decode(chunk);
  }
  const end = decode();
  if (end !== '') yield end;
}
