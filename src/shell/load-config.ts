// Reads a config and the op tables it refers to from a source, and validates them with the core.
import path from 'node:path';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { parse, CsvError } from 'csv-parse';
import { ConfigError, parseConfig, resolveConfig, type Config, type OpTable } from '../core/config/index.js';
import { OpTableReader, opTableFormat } from '../core/config/op-table.js';
import { decodeText, type ConfigSource } from './sources.js';

/** The validated config at `file` in `source`, or null when the file does not exist there. */
export async function loadConfig(source: ConfigSource, file: string): Promise<Config | null> {
  const text = await source.readText(file);
  if (text === null) return null;
  const parsed = parseConfig(text, file);
  const tables = new Map<number, OpTable>();
  for (const ref of parsed.opTables) {
    const tableFile = path.join(path.dirname(file), ref.file);
    const chunks = await source.readChunks(tableFile);
    if (chunks === null) {
      throw ConfigError.at(file, parsed.locate(ref.path), ref.path, `op table ${tableFile} not found (paths are relative to the config file)`, parsed.text);
    }
    tables.set(ref.modelIndex, await readOpTable(chunks, tableFile));
  }
  return resolveConfig(parsed.raw, parsed, tables);
}

/** Streams an op table through the core's reader: CSV and JSON Lines record by record. */
export async function readOpTable(chunks: AsyncIterable<string | Buffer>, file: string): Promise<OpTable> {
  const reader = new OpTableReader(file);
  const format = opTableFormat(file);
  if (format === 'csv') {
    const stream = chunks instanceof Readable ? chunks : Readable.from(chunks);
    const records = stream.pipe(parse({ relax_column_count: true, bom: true }));
    try {
      for await (const record of records as AsyncIterable<string[]>) reader.csvRecord(record);
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      const line = (error as CsvError & { lines?: number }).lines ?? 1;
      throw ConfigError.at(file, { line, column: 1 }, [], `CSV syntax: ${error.message.replace(/^Invalid [^:]*: /, '')}`);
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
