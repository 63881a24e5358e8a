// Reads a config and the files it names from a source, and validates them with the core: the op tables
// through op-table-files.ts, loaded only when the config names one.
import path from 'node:path';
import { ConfigError, parseConfig, resolveConfig, type Config, type OpTable } from '../core/config/index.js';
import type { ImportFormat } from '../core/import/imported.js';
import { architectureFromText, type Architecture } from '../core/llm/architecture.js';
import type { MemoTables } from './op-table-files.js';
import { isInside, refusedAs, release, type ConfigSource } from './sources.js';

/**
 * The validated config at `file` in `source`, or null when the file does not exist there. Every file it
 * names must lie in `root` (the config's own directory unless given), the config itself included: in the
 * action the config comes from the pull request, and a link to /proc/self/environ must not be read.
 */
export async function loadConfig(source: ConfigSource, file: string, root = path.dirname(file), memo?: OpTableMemo): Promise<Config | null> {
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
  const files = parsed.opTables.length > 0 ? await import('./op-table-files.js') : null;
  for (const ref of parsed.opTables) {
    const { resolved: tableFile, at } = named(ref, 'op table');
    const chunks = await refusedAs(() => source.readChunks(tableFile, root), (reason) => at(`op table ${ref.file} ${reason}`));
    if (chunks === null) throw at(`op table ${tableFile} not found (paths are relative to the config file)`);
    try {
      const table = ref.bytes
        ? await files!.withBytesFile(chunks, tableFile, ref.format, named(ref.bytes, 'bytes file'), source, root)
        : memo ? await memo.read(chunks, ref.file, tableFile, ref.format) : await files!.readOpTable(chunks, tableFile, ref.format);
      tables.set(ref.modelIndex, table);
    } catch (error) {
      if (error instanceof files!.UnknownFormat) throw at(`op table ${ref.file}: ${error.message}`);
      throw error;
    } finally {
      release(chunks);
    }
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

/**
 * Op tables already read, by their path relative to the config, their format and a digest of their
 * content: a baseline whose table did not change reuses the head's instead of parsing a million rows again.
 * A table whose path was seen is read whole and digested first (the content decides); any other is
 * streamed, digested on the way, and its raw bytes kept. A CSV or JSON Lines baseline that differs in a few
 * rows reuses the head's op for every row whose text is the same at the same place, and parses the rest
 * (see `rowsReused`).
 */
export class OpTableMemo {
  private readonly tables: MemoTables = new Map();

  async read(chunks: AsyncIterable<string | Buffer>, name: string, file: string, format?: ImportFormat): Promise<OpTable> {
    const { readThroughMemo } = await import('./op-table-files.js');
    return readThroughMemo(this.tables, chunks, name, file, format);
  }
}
