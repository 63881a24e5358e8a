// The history's index on the assets branch: which default-branch commits have a stored report.json, oldest
// first, and when each was pushed. Adding an entry prunes the oldest beyond a count; the pruned files are
// deleted by an ordinary commit, so the branch's history is never rewritten. Pure: text in, values out.
import * as z from '../zod.js';

/** Reports kept: the last 100 pushes. */
export const HISTORY_KEEP = 100;

const entrySchema = z.strictObject({
  /** The commit; word characters only, as it names a file. */
  sha: z.string().check(z.regex(/^\w{4,64}$/)),
  /** The push's commit time, ISO 8601; '' when the event carried none. */
  time: z.string().check(z.maxLength(40)),
});

const indexSchema = z.strictObject({ version: z.literal(1), entries: z.array(entrySchema).check(z.maxLength(10_000)) });

export type HistoryIndexEntry = z.output<typeof entrySchema>;
export type HistoryIndex = z.output<typeof indexSchema>;

export const EMPTY_INDEX: HistoryIndex = { version: 1, entries: [] };

/**
 * The index from its text; a missing one is empty, and so is one that is not an index (`invalid` says so,
 * for a warning: its entries can no longer be listed or pruned).
 */
export function parseIndex(text: string | null): { index: HistoryIndex; invalid: boolean } {
  if (text === null) return { index: EMPTY_INDEX, invalid: false };
  try {
    const parsed = indexSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { index: parsed.data, invalid: false };
  } catch {
    // not JSON: invalid, below
  }
  return { index: EMPTY_INDEX, invalid: true };
}

export function indexJson(index: HistoryIndex): string {
  return `${JSON.stringify(index, null, 2)}\n`;
}

/**
 * The index with `entry` as its newest (a re-run of the same commit replaces its entry), and the commits
 * pruned to keep `keep` entries, oldest first.
 *
 *   addEntry({ version: 1, entries: [a, b] }, c, 2) //=> { index: { version: 1, entries: [b, c] }, pruned: [a.sha] }
 */
export function addEntry(index: HistoryIndex, entry: HistoryIndexEntry, keep = HISTORY_KEEP): { index: HistoryIndex; pruned: string[] } {
  const entries = [...index.entries.filter((e) => e.sha !== entry.sha), entry];
  const cut = Math.max(0, entries.length - keep);
  return { index: { version: 1, entries: entries.slice(cut) }, pruned: entries.slice(0, cut).map((e) => e.sha) };
}

/** The newest `count` entries, oldest first: what a pull request's trend is drawn from. */
export function recentEntries(index: HistoryIndex, count: number): HistoryIndexEntry[] {
  return index.entries.slice(Math.max(0, index.entries.length - count));
}
