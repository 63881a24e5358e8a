// Reads a config and the op tables it refers to from a source, and validates them with the core.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pipeline, Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { parse, CsvError } from 'csv-parse';
import { ConfigError, parseConfig, resolveConfig, type Config, type OpTable } from '../core/config/index.js';
import { OpTableReader, opTableFormat } from '../core/config/op-table.js';
import { decodeText, FileRefused, isInside, type ConfigSource } from './sources.js';

/**
 * The validated config at `file` in `source`, or null when the file does not exist there. Every file it
 * names must lie in `root` (the config's own directory unless given), the config itself included: in the
 * action the config comes from the pull request, and a link to /proc/self/environ must not be read.
 */
export async function loadConfig(source: ConfigSource, file: string, root = path.dirname(file), memo?: OpTableMemo): Promise<Config | null> {
  const text = await refusedAs(() => source.readText(file, root), (reason) => ConfigError.at(file, { line: 1, column: 1 }, [], reason));
  if (text === null) return null;
  const parsed = parseConfig(text, file);
  const tables = new Map<number, OpTable>();
  for (const ref of parsed.opTables) {
    const at = (message: string) => ConfigError.at(file, parsed.locate(ref.path), ref.path, message, parsed.text);
    const tableFile = path.join(path.dirname(file), ref.file);
    if (path.isAbsolute(ref.file) || !isInside(path.resolve(root), path.resolve(tableFile))) {
      throw at(`op table ${ref.file} lies outside the config's directory tree: give a path relative to the config, below it`);
    }
    const chunks = await refusedAs(() => source.readChunks(tableFile, root), (reason) => at(`op table ${ref.file} ${reason}`));
    if (chunks === null) throw at(`op table ${tableFile} not found (paths are relative to the config file)`);
    tables.set(ref.modelIndex, memo ? await memo.read(chunks, ref.file, tableFile) : await readOpTable(chunks, tableFile));
  }
  return resolveConfig(parsed.raw, parsed, tables);
}

/** The read, with a refusal (a link out of the tree, a FIFO, a directory) turned into the caller's error. */
async function refusedAs<T>(read: () => Promise<T>, error: (reason: string) => Error): Promise<T> {
  try {
    return await read();
  } catch (refusal) {
    if (refusal instanceof FileRefused) throw error(refusal.reason);
    throw refusal;
  }
}

/**
 * Op tables already read, by their path relative to the config and a digest of their content: a baseline
 * whose table did not change reuses the head's instead of parsing a million rows again. A table whose path
 * was seen is read whole and digested first (the content decides); any other is streamed, digested on the way.
 */
export class OpTableMemo {
  private readonly tables = new Map<string, { digest: string; table: OpTable }>();

  async read(chunks: AsyncIterable<string | Buffer>, name: string, file: string): Promise<OpTable> {
    const seen = this.tables.get(name);
    const hash = createHash('sha256');
    if (seen) {
      const parts: Array<string | Buffer> = [];
      for await (const chunk of chunks) {
        hash.update(chunk);
        parts.push(chunk);
      }
      if (hash.digest('hex') === seen.digest) return { ...seen.table, file };
      return readOpTable(Readable.from(parts), file);
    }
    const table = await readOpTable(digested(chunks, hash), file);
    this.tables.set(name, { digest: hash.digest('hex'), table });
    return table;
  }
}

async function* digested(chunks: AsyncIterable<string | Buffer>, hash: ReturnType<typeof createHash>): AsyncIterable<string | Buffer> {
  for await (const chunk of chunks) {
    hash.update(chunk);
    yield chunk;
  }
}

/** Streams an op table through the core's reader: CSV and JSON Lines record by record. */
export async function readOpTable(chunks: AsyncIterable<string | Buffer>, file: string): Promise<OpTable> {
  const reader = new OpTableReader(file);
  const format = opTableFormat(file);
  if (format !== 'json') chunks = textOnly(chunks, file);
  if (format === 'csv') {
    const records = parse({ relax_column_count: true, bom: true });
    // pipeline, not pipe: an error of the source (a binary file) must reach the loop below.
    pipeline(Readable.from(chunks), records, () => undefined);
    try {
      for await (const record of records as AsyncIterable<string[]>) reader.csvRecord(record);
    } catch (error) {
      if (error instanceof ConfigError || !(error instanceof CsvError)) throw error;
      const line = (error as CsvError & { lines?: number }).lines ?? 1;
      // csv-parse's messages may end by quoting the field (`value is "..."`): that part is left out.
      const problem = error.message.replace(/^Invalid [^:]*: /, '').replace(/,? value is .*$/s, '').slice(0, 200);
      throw ConfigError.at(file, { line, column: 1 }, [], `CSV syntax: ${problem}`);
    }
  } else if (format === 'jsonl') {
    let line = 0;
    let rest = '';
    const decoder = new StringDecoder('utf8'); // a chunk may end inside a multi-byte character
    for await (const chunk of chunks) {
      const lines = (rest + (typeof chunk === 'string' ? chunk : decoder.write(chunk))).split('\n');
      rest = lines.pop()!;
      for (const text of lines) reader.jsonLine(text, ++line);
    }
    reader.jsonLine(rest, ++line);
  } else {
    const parts: Buffer[] = [];
    for await (const chunk of chunks) parts.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    reader.json(decodeText(Buffer.concat(parts), file));
  }
  return reader.finish();
}

/** The chunks, refusing a binary file (a NUL byte) before any of it is parsed or quoted in an error. */
async function* textOnly(chunks: AsyncIterable<string | Buffer>, file: string): AsyncIterable<string | Buffer> {
  for await (const chunk of chunks) {
    if (typeof chunk === 'string' ? chunk.includes('\u0000') : chunk.includes(0)) {
      throw ConfigError.at(file, { line: 1, column: 1 }, [], 'the file is binary, not a text op table');
    }
    yield chunk;
  }
}
