// Where a config and its op tables are read from: the working tree, a git ref, or (in the action) the
// REST contents API. Each is a small object with two methods, so loading is written once.
import { execFile } from 'node:child_process';
import { constants, type Stats } from 'node:fs';
import { open, realpath, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { ConfigError } from '../core/config/index.js';
import { CONFIG_MAX_BYTES } from '../core/limits.js';

/**
 * A place files are read from. `root` is the directory tree a read must stay in, links followed, where the
 * source can tell (loadConfig has already checked the path itself): a file outside it, or one that is not a
 * regular file, is refused with a FileRefused error rather than read.
 */
export interface ConfigSource {
  /** How the report names this source: `roofline.yml`, `git:main`. */
  label: string;
  /** The file's text, or null when it does not exist there. */
  readText(file: string, root?: string): Promise<string | null>;
  /** The file as a stream of text chunks, for op tables. */
  readChunks(file: string, root?: string): Promise<AsyncIterable<string | Buffer> | null>;
}

/** A file that exists but may not be read; `reason` completes "<file> ...", and never quotes its content. */
export class FileRefused extends Error {
  override name = 'FileRefused';
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file} ${reason}`);
  }
}

/** True when `inner` is `outer` or lies below it (both absolute). */
export function isInside(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Opens `file` for reading when it is a regular file whose real path (links followed) lies inside `root`;
 * null when it does not exist. Anything else is refused before it is opened: a FIFO would block the read
 * forever and a device never ends. The file is opened non-blocking and checked again once open, so that it
 * cannot be swapped for one of those in between.
 */
async function openRegularFile(file: string, root: string | undefined): Promise<FileHandle | null> {
  let real: string;
  try {
    real = await realpath(file);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  if (root !== undefined && !isInside(await realpath(root).catch(() => path.resolve(root)), real)) {
    throw new FileRefused(file, `leads outside ${root === '.' ? 'the current directory' : root} (links are followed): files a config names must lie in the config's directory tree`);
  }
  const before = await stat(real);
  if (!before.isFile()) throw new FileRefused(file, `is ${kindOf(before)}, not a regular file`);
  const handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK);
  const after = await handle.stat();
  if (!after.isFile() || after.ino !== before.ino) {
    await handle.close();
    throw new FileRefused(file, `is ${kindOf(after)}, not a regular file`);
  }
  return handle;
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
    async readText(file, root) {
      const handle = await openRegularFile(file, root);
      if (handle === null) return null;
      try {
        // Refused before it is read: the size of a config (or a config.json) is bounded, the file may not be.
        if ((await handle.stat()).size > CONFIG_MAX_BYTES) throw new FileRefused(file, `is larger than ${CONFIG_MAX_BYTES / 1024 / 1024} MiB, the limit for a config`);
        return decodeText(await handle.readFile(), file);
      } finally {
        await handle.close();
      }
    },
    async readChunks(file, root) {
      const handle = await openRegularFile(file, root);
      return handle && handle.createReadStream();
    },
  };
}

/**
 * Closes what readChunks opened, whether the reader read it to the end or stopped early (a refused row, an
 * unknown format found from the first bytes): a file stream left open would hold its descriptor until GC.
 */
export function release(chunks: AsyncIterable<string | Buffer>): void {
  if (chunks instanceof Readable) chunks.destroy();
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
    // `git show` of a link prints where it points; refuse it as the working tree would refuse an escape.
    const { stdout: entry } = await run('git', ['ls-tree', '-z', ref, '--', inRepo], { cwd: root }).catch(() => ({ stdout: '' }));
    const mode = entry.split(' ')[0];
    if (mode === '120000') throw new FileRefused(file, `is a symbolic link at ${ref}: files a config names must be regular files`);
    if (mode === '040000') throw new FileRefused(file, `is a directory at ${ref}, not a file`);
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

/** The read, with a refusal (a link out of the tree, a FIFO, a directory) turned into the caller's error. */
export async function refusedAs<T>(read: () => Promise<T>, error: (reason: string) => Error): Promise<T> {
  try {
    return await read();
  } catch (refusal) {
    if (refusal instanceof FileRefused) throw error(refusal.reason);
    throw refusal;
  }
}
