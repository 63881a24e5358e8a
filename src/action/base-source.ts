// The config and its op tables as they were at the base commit: read through the contents API, which
// needs no history in the checkout, and from the local clone when the API fails for another reason than
// "not there" (see afterContentsFailure for when that is allowed).
import path from 'node:path';
import { Readable } from 'node:stream';
import { BaselineUnreadable } from '../shell/analyse.js';
import { decodeText, gitRef, type ConfigSource } from '../shell/sources.js';
import { describeApiError, isForbidden } from '../github/client.js';
import { afterContentsFailure } from './baseline.js';

/** A file at the base commit by its path in the repository; null when not there, thrown on any other failure. */
export type ReadAtBase = (inRepo: string) => Promise<Buffer | null>;

export interface BaseSourceOptions {
  commit: { sha: string; label: string };
  readAtBase: ReadAtBase;
  workspace: string;
  warn: (message: string) => void;
  /** The local clone at a commit; throws when the clone lacks it. */
  openClone?: (sha: string) => Promise<ConfigSource>;
}

export function baseSource({ commit, readAtBase, workspace, warn, openClone = (sha) => gitRef(sha, workspace) }: BaseSourceOptions): ConfigSource {
  let local: Promise<ConfigSource> | undefined;
  const fromClone = async (file: string, error: unknown): Promise<ConfigSource> => {
    const clone = await openClone(commit.sha).catch(() => null);
    const next = afterContentsFailure({ label: commit.label, file, why: describeApiError(error), forbidden: isForbidden(error), cloneHasCommit: clone !== null });
    if (next.kind === 'fail') throw new BaselineUnreadable(next.message);
    warn(next.warning);
    return clone!;
  };
  const read = async (file: string): Promise<Buffer | null> => {
    const inRepo = path.relative(workspace, path.resolve(file)).split(path.sep).join('/');
    if (inRepo === '..' || inRepo.startsWith('../') || path.isAbsolute(inRepo)) return null; // outside the repository
    try {
      return await readAtBase(inRepo);
    } catch (error) {
      local ??= fromClone(inRepo, error);
      const text = await (await local).readText(file);
      return text === null ? null : Buffer.from(text);
    }
  };
  return {
    label: commit.label,
    async readText(file) {
      const bytes = await read(file);
      return bytes && decodeText(bytes, `${commit.label}:${file}`);
    },
    async readChunks(file) {
      const bytes = await read(file);
      return bytes && Readable.from([bytes]);
    },
  };
}
