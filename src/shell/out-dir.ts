// The report folder (`--out`, `out-dir`), written all at once: every file goes to a temporary name first
// and is then renamed into place, so a reader never sees a mix of two runs' files. When anything fails
// before the renames, the temporary files and the folders made for them are removed again: the folder is
// as it was, and the error (a PathError) says which path failed and why.
import { rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Artifacts } from './artifacts.js';
import { makeDir, pathError, removeDirs } from './make-dir.js';

/** Writes every file to a temporary name first, then renames them into place; returns the final paths. */
export async function writeOutDir(dir: string, artifacts: Artifacts): Promise<string[]> {
  const made = await makeDir(dir);
  const entries = Object.entries(artifacts).filter((entry): entry is [string, string] => entry[1] !== undefined);
  const staged = entries.map(([name]) => [path.join(dir, `.${name}.${process.pid}.tmp`), path.join(dir, name)] as const);
  // Every write settles before any is cleaned up, so none is left half-written behind the cleanup.
  const writes = await Promise.allSettled(staged.map(([temporary], i) => writeFile(temporary, entries[i]![1])));
  const failed = writes.findIndex((write) => write.status === 'rejected');
  if (failed >= 0) {
    await Promise.all(staged.map(([temporary]) => unlink(temporary).catch(() => undefined)));
    await removeDirs(made);
    throw pathError(staged[failed]![1], (writes[failed] as PromiseRejectedResult).reason, 'written');
  }
  // A rename within one folder fails only when the folder changes underneath (removed, remounted): the
  // files not yet renamed are removed, those renamed stay.
  for (const [i, [temporary, final]] of staged.entries()) {
    try {
      await rename(temporary, final);
    } catch (error) {
      await Promise.all(staged.slice(i).map(([left]) => unlink(left).catch(() => undefined)));
      throw pathError(final, error, 'written');
    }
  }
  return staged.map(([, final]) => final);
}
