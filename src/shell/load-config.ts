// Reads a config and the op tables it refers to from a source, and validates them with the core.
import path from 'node:path';
import { pipeline, Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { parse, CsvError } from 'csv-parse';
import { ConfigError, parseConfig, resolveConfig, type Config, type OpTable } from '../core/config/index.js';
import { OpTableReader, opTableFormat } from '../core/config/op-table.js';
import { architectureFromText, type Architecture } from '../core/llm/architecture.js';
import { decodeText, FileRefused, isInside, type ConfigSource } from './sources.js';

/**
 * The validated config at `file` in `source`, or null when the file does not exist there. Every file it
 * names must lie in `root` (the config's own directory unless given), the config itself included: in the
 * action the config comes from the pull request, and a link to /proc/self/environ must not be read.
 */
export async function loadConfig(source: ConfigSource, file: string, root = path.dirname(file)): Promise<Config | null> {
  const text = await refusedAs(() => source.readText(file, root), (reason) => ConfigError.at(file, { line: 1, column: 1 }, [], reason));
  if (text === null) return null;
  const parsed = parseConfig(text, file);
  /** A file the config names, as a path from here, after checking that it lies in the tree. */
  const named = (ref: { file: string; path: ReadonlyArray<string | number> }, what: string) => {
    const at = (message: string) => ConfigError.at(file, parsed.locate(ref.path), ref.path, message, parsed.text);
    const resolved = path.join(path.dirname(file), ref.file);
    if (path.isAbsolute(ref.file) || !isInside(path.resolve(root), path.resolve(resolved))) {
      throw at(`${what} ${ref.file} lies outside the config's directory tree: give a path relative to the config, below it`);
    }
    return { resolved, at };
  };
  const tables = new Map<number, OpTable>();
  for (const ref of parsed.opTables) {
    const { resolved: tableFile, at } = named(ref, 'op table');
    const chunks = await refusedAs(() => source.readChunks(tableFile, root), (reason) => at(`op table ${ref.file} ${reason}`));
    if (chunks === null) throw at(`op table ${tableFile} not found (paths are relative to the config file)`);
    tables.set(ref.modelIndex, await readOpTable(chunks, tableFile));
  }
  // Through the same source as the config: at a git ref, the base commit's config.json is read.
  const architectures = new Map<number, Architecture>();
  const read = new Map<string, Architecture>();
  for (const ref of parsed.llmConfigs) {
    const { resolved: jsonFile, at } = named(ref, 'config.json');
    let architecture = read.get(jsonFile);
    if (architecture === undefined) {
      const text = await refusedAs(() => source.readText(jsonFile, root), (reason) => at(`${ref.file} ${reason}`));
      if (text === null) throw at(`${jsonFile} not found (paths are relative to the config file)`);
      architecture = architectureFromText(text, jsonFile);
      read.set(jsonFile, architecture);
    }
    architectures.set(ref.modelIndex, architecture);
  }
  return resolveConfig(parsed.raw, parsed, tables, architectures);
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
