// Suggestions for misspelt words: the candidate nearest by edit distance, when it is close enough to be a
// plausible slip. Used for keys, units, precisions, hardware ids, columns, options and commands alike.

/**
 * The candidate closest to `word` (case-insensitive), when it is close enough to be a plausible
 * misspelling: an edit distance of at most a third of the word's length (and at least one edit allowed).
 * Candidates as near as each other go by the longest prefix shared with the word, then by their order:
 * `h10` is nearer `h100` than `a10`, though one edit turns it into either. Failing that, a candidate the
 * word begins with all but the last letter of (at least 3 letters) is a different ending of the same word:
 * `decoding` for `decode`, `prefilling` for `prefill`.
 */
export function nearestWord(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  let bestPrefix = -1;
  let ending: string | undefined;
  let endingPrefix = -1;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    const other = candidate.toLowerCase();
    const distance = editDistance(lower, other);
    const prefix = sharedPrefix(lower, other);
    if (distance < bestDistance || (distance === bestDistance && prefix > bestPrefix)) [best, bestDistance, bestPrefix] = [candidate, distance, prefix];
    if (prefix >= Math.max(3, other.length - 1) && prefix > endingPrefix) [ending, endingPrefix] = [candidate, prefix];
  }
  const allowed = Math.max(1, Math.floor(word.length / 3));
  return bestDistance <= allowed ? best : ending;
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Edit distance counting a swap of two neighbours as one edit (optimal string alignment). */
function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, before[j - 2]! + 1);
      current.push(distance);
    }
    [before, previous] = [previous, current];
  }
  return previous[b.length]!;
}
