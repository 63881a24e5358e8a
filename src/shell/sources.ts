// Where a config and its op tables are read from: the working tree, a git ref, or (in the action) the
// REST contents API. Each is a small object with two methods, so loading is written once.
import { execFile } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { ConfigError } from '../core/config/index.js';

export interface ConfigSource {
  /** How the report names this source: `roofline.yml`, `git:main`. */
  label: string;
  /** The file's text, or null when it does not exist there. */
  readText(file: string): Promise<string | null>;
  /** The file as a stream of text chunks, for op tables. */
  readChunks(file: string): Promise<AsyncIterable<string | Buffer> | null>;
}

/** Bytes -> text, refusing what is not UTF-8 text (a binary file, a wrong encoding). */
export function decodeText(bytes: Uint8Array, file: string): string {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) throw ConfigError.at(file, { line: 1, column: 1 }, [], 'the file is binary, not YAML text');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw ConfigError.at(file, { line: 1, column: 1 }, [], 'the file is not UTF-8 text');
  }
}

export function workingTree(label = 'working tree'): ConfigSource {
  return {
    label,
    async readText(file) {
      try {
        return decodeText(await readFile(file), file);
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async readChunks(file) {
      const stream = createReadStream(file);
      // Surface a missing file as null rather than as a stream error later.
      return new Promise((resolve, reject) => {
        stream.once('open', () => resolve(stream));
        stream.once('error', (error) => (isMissing(error) ? resolve(null) : reject(error)));
      });
    },
  };
}

const run = promisify(execFile);

/** Files as they were at a git ref, through `git show REF:PATH`. */
export async function gitRef(ref: string, cwd = process.cwd()): Promise<ConfigSource> {
  try {
    await run('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd });
  } catch {
    throw new UsageError(`--base-ref ${ref}: no such commit, branch or tag in this repository (try \`git fetch\` first)`);
  }
  const { stdout: top } = await run('git', ['rev-parse', '--show-toplevel'], { cwd });
  const root = top.trim();
  const show = async (file: string): Promise<Buffer | null> => {
    const inRepo = path.relative(root, path.resolve(cwd, file)).split(path.sep).join('/');
    try {
      const { stdout } = await run('git', ['show', `${ref}:${inRepo}`], { cwd: root, encoding: 'buffer', maxBuffer: 1 << 30 });
      return stdout;
    } catch {
      return null; // not in the tree at that ref
    }
  };
  return {
    label: `git:${ref}`,
    async readText(file) {
      const bytes = await show(file);
      return bytes && decodeText(bytes, `${ref}:${file}`);
    },
    async readChunks(file) {
      const bytes = await show(file);
      return bytes && Readable.from([bytes]);
    },
  };
}

/** A mistake in how the command was called: exit status 2, with this message. */
export class UsageError extends Error {
  override name = 'UsageError';
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
