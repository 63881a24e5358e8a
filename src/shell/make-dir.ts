// A folder and the missing folders above it, made one level at a time. Not `mkdir(dir, { recursive: true })`:
// where a parent exists but refuses a child with ENOENT (procfs: `/proc/nope`), Node's recursive mkdir takes
// ENOENT for "the parent is missing", makes the parent (EEXIST, fine), tries the child again, and so on
// forever, at full CPU and never settling (Node 20.20 here: `fs.promises.mkdir('/proc/nope', { recursive:
// true })` had not settled when `timeout 3` killed it; Kewton/CommandMate#1774 measured the same spin on
// Node 18 and 22). Here each missing level gets one mkdir call, so the work is bounded by the path's depth.
import { lstat, mkdir, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** The file-system calls makeDir makes, replaceable in tests by ones that fail. */
export interface DirCalls {
  stat: (at: string) => Promise<{ isDirectory(): boolean; isFile(): boolean }>;
  lstat: (at: string) => Promise<{ isSymbolicLink(): boolean }>;
  mkdir: (at: string) => Promise<unknown>;
  rmdir: (at: string) => Promise<unknown>;
}

const NODE: DirCalls = { stat, lstat, mkdir: (at) => mkdir(at), rmdir };

/**
 * A path that cannot be made or written, and why, in words: `ENOTDIR: out is a file, not a directory`.
 * No `code` property, on purpose: the CLI shows an error's `code` when it has one and its message when not.
 */
export class PathError extends Error {
  override name = 'PathError';
  constructor(
    readonly path: string,
    /** The errno code (ENOENT, EACCES, ...). */
    readonly errno: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Makes `dir` and every missing folder above it; returns the folders it made, top first ([] when `dir`
 * was there). On failure it removes what it made and throws a PathError naming the level that failed.
 */
export async function makeDir(dir: string, calls: DirCalls = NODE): Promise<string[]> {
  const missing = await missingLevels(path.normalize(dir), calls);
  const made: string[] = [];
  try {
    for (const level of missing) {
      if (await madeHere(level, calls)) made.push(level);
    }
  } catch (error) {
    await removeDirs(made, calls);
    throw error;
  }
  return made;
}

/** Removes folders makeDir made (it lists them top first), deepest first, if they are empty; never throws. */
export async function removeDirs(made: readonly string[], calls: Pick<DirCalls, 'rmdir'> = NODE): Promise<void> {
  for (const level of [...made].reverse()) await calls.rmdir(level).catch(() => undefined);
}

/** The levels of `dir` that do not exist, top first, after checking that the first one that does is a folder. */
async function missingLevels(dir: string, calls: DirCalls): Promise<string[]> {
  const missing: string[] = [];
  for (let at = dir; ; at = path.dirname(at)) {
    let found;
    try {
      found = await calls.stat(at);
    } catch (error) {
      const code = codeOf(error);
      // ENOTDIR: something above is a file; the walk goes on up to it and says so there.
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw pathError(at, error);
      // The root, or `.` in a folder since removed: nothing further up to make it in.
      if (path.dirname(at) === at) throw new PathError(at, code, `${code}: ${at} does not exist`);
      missing.unshift(at);
      continue;
    }
    if (!found.isDirectory()) throw new PathError(at, 'ENOTDIR', `ENOTDIR: ${at} is ${found.isFile() ? 'a file' : 'not a folder'}, not a directory`);
    return missing;
  }
}

/** One mkdir of one level whose parent exists: true when it made it, false when a folder was there already. */
async function madeHere(level: string, calls: DirCalls): Promise<boolean> {
  try {
    await calls.mkdir(level);
    return true;
  } catch (error) {
    if (codeOf(error) !== 'EEXIST') throw pathError(level, error);
  }
  // Made meanwhile by another process, or something else is there (a file, a link to nothing).
  const there = await calls.stat(level).catch(() => null);
  if (there?.isDirectory()) return false;
  const link = await calls.lstat(level).then((s) => s.isSymbolicLink(), () => false);
  throw new PathError(level, 'EEXIST', `EEXIST: ${level} is ${link ? 'a symbolic link to something that does not exist' : 'a file'}, not a directory`);
}

/**
 * The error of a file-system call on `at`, said in words: a folder that was to be `created` (its parent
 * exists, makeDir checked), or a file that was to be `written`.
 */
export function pathError(at: string, error: unknown, doing: 'created' | 'written' = 'created'): PathError {
  const code = codeOf(error) ?? 'EIO';
  return new PathError(at, code, `${code}: ${explain(code, at, doing, error)}`);
}

function explain(code: string, at: string, doing: 'created' | 'written', error: unknown): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `${at} cannot be ${doing}: permission denied`;
    case 'EROFS':
      return `${at} cannot be ${doing}: the file system is read-only`;
    case 'ENOSPC':
      return `${at} cannot be ${doing}: no space left on the device`;
    case 'ENOENT':
      // The parent exists, yet the child cannot be made: a virtual file system (procfs, sysfs).
      if (doing === 'created') return `${at} cannot be created: ${path.dirname(at)} exists but takes no new directories`;
  }
  // Node's own words, without the code and the call they repeat: "ENAMETOOLONG: name too long, mkdir 'x'".
  const words = String((error as Error | null)?.message ?? error).replace(/^[A-Z]+: /, '').replace(/, \w+ '.*$/s, '');
  return `${at} cannot be ${doing}: ${words}`;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
