// The config and its op tables as they were at the base commit: read through the contents API, which
// needs no history in the checkout, and from the local clone when the API fails for another reason than
// "not there" (see cloneFallback for when that is allowed), or when there is no token to call it with.
import path from 'node:path';
import { Readable } from 'node:stream';
import { BaselineUnreadable } from '../shell/analyse.js';
import { decodeText, gitRef, type ConfigSource } from '../shell/sources.js';
import { describeApiError, isForbidden } from '../github/client.js';
import { cloneFallback } from './baseline.js';

/** A file at the base commit by its path in the repository; null when not there, thrown on any other failure. */
export type ReadAtBase = (inRepo: string) => Promise<Buffer | null>;

export interface BaseSourceOptions {
  commit: { sha: string; label: string };
  /** null without a token: the local clone is read straight away. */
  readAtBase: ReadAtBase | null;
  workspace: string;
  warn: (message: string) => void;
  /** Where reading the clone for want of a token is said. */
  info?: (message: string) => void;
  /** The local clone at a commit; throws when the clone lacks it. */
  openClone?: (sha: string) => Promise<ConfigSource>;
}

export function baseSource({ commit, readAtBase, workspace, warn, info = () => undefined, openClone = (sha) => gitRef(sha, workspace) }: BaseSourceOptions): ConfigSource {
  let local: Promise<ConfigSource> | undefined;
  /** The clone, once the API failed with `error` (or, null, when there is no API to ask). */
  const fromClone = async (file: string, error: { failed: unknown } | null): Promise<ConfigSource> => {
    const clone = await openClone(commit.sha).catch(() => null);
    const problem = error && { why: describeApiError(error.failed), forbidden: isForbidden(error.failed) };
    const next = cloneFallback({ label: commit.label, file, problem, cloneHasCommit: clone !== null });
    if (next.kind === 'fail') throw new BaselineUnreadable(next.message);
    if ('warning' in next) warn(next.warning);
    else info(next.info);
    return clone!;
  };
  const read = async (file: string): Promise<Buffer | null> => {
    const inRepo = path.relative(workspace, path.resolve(file)).split(path.sep).join('/');
    if (inRepo === '..' || inRepo.startsWith('../') || path.isAbsolute(inRepo)) return null; // outside the repository
    let clone: Promise<ConfigSource>;
    if (readAtBase) {
      try {
        return await readAtBase(inRepo);
      } catch (error) {
        clone = (local ??= fromClone(inRepo, { failed: error }));
      }
    } else clone = local ??= fromClone(inRepo, null);
    const text = await (await clone).readText(file);
    return text === null ? null : Buffer.from(text);
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
