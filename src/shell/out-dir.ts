// The report folder (`--out`, `out-dir`), written all at once: every file goes to a temporary name first
// and is then renamed into place, so a reader never sees a mix of two runs' files.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Artifacts } from './artifacts.js';

/** Writes every file to a temporary name first, then renames them into place; returns the final paths. */
export async function writeOutDir(dir: string, artifacts: Artifacts): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const entries = Object.entries(artifacts).filter((entry): entry is [string, string] => entry[1] !== undefined);
  const staged = await Promise.all(
    entries.map(async ([name, content]) => {
      const temporary = path.join(dir, `.${name}.${process.pid}.tmp`);
      await writeFile(temporary, content);
      return [temporary, path.join(dir, name)] as const;
    }),
  );
  for (const [temporary, final] of staged) await rename(temporary, final);
  return staged.map(([, final]) => final);
}
