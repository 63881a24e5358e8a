// Text measured and cut in the unit a limit counts (limits.ts's SizeLimit): UTF-16 characters for the PR
// comment and the check run, UTF-8 bytes for the job summary. A cut never splits what a reader sees as one
// character: not a surrogate pair (an emoji), not a UTF-8 sequence, not a grapheme cluster (a flag, a
// family emoji, a letter and its accent). Pure.
import type { SizeLimit } from './limits.js';

const UTF8 = new TextEncoder();

/** The size of `text` in the unit of `limit`. */
export function sizeIn(text: string, limit: SizeLimit): number {
  return 'chars' in limit ? text.length : UTF8.encode(text).length;
}

/** The largest size `limit` allows. */
export function maxOf(limit: SizeLimit): number {
  return 'chars' in limit ? limit.chars : limit.bytes;
}

export function fits(text: string, limit: SizeLimit): boolean {
  // A string of n UTF-16 units is at most 3n UTF-8 bytes: most summaries are measured without encoding.
  if ('bytes' in limit && text.length * 3 <= limit.bytes) return true;
  return sizeIn(text, limit) <= maxOf(limit);
}

/** `limit` less the size of `text`, in the same unit (at least 0). */
export function less(limit: SizeLimit, text: string): SizeLimit {
  const left = Math.max(0, maxOf(limit) - sizeIn(text, limit));
  return 'chars' in limit ? { chars: left } : { bytes: left };
}

/**
 * `text` as it is when it fits `limit`; else its longest start that fits with `ellipsis` after it, cut
 * where a character (a grapheme cluster) ends.
 *
 *   cutToFit('ab😀c', { chars: 4 })  //=> 'ab…'  (not 'ab\ud83d…': the emoji is two UTF-16 units)
 *   cutToFit('日本語', { bytes: 7 })   //=> '日…'  (3 bytes, then the 3-byte ellipsis; '日本' and '…' would be 9)
 */
export function cutToFit(text: string, limit: SizeLimit, ellipsis = '…'): string {
  if (fits(text, limit)) return text;
  const room = less(limit, ellipsis);
  return `${text.slice(0, graphemeStart(text, longestPrefix(text, room)))}${ellipsis}`;
}

/** The length (UTF-16 units) of the longest prefix of `text` within `limit`, not ending inside a surrogate pair. */
function longestPrefix(text: string, limit: SizeLimit): number {
  let end: number;
  if ('chars' in limit) end = Math.min(text.length, limit.chars);
  else {
    const bytes = UTF8.encode(text);
    let cut = Math.min(bytes.length, limit.bytes);
    while (cut > 0 && cut < bytes.length && (bytes[cut]! & 0xc0) === 0x80) cut--; // back to a sequence's first byte
    end = new TextDecoder().decode(bytes.subarray(0, cut)).length;
  }
  if (end > 0 && end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
  return end;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Made on first use: building it costs about 10 ms, and most runs never cut text. */
let graphemes: Intl.Segmenter | undefined;

/** Clusters are short: a window this long before the cut holds the start of the one it falls in. */
const WINDOW = 64;

/** `at`, or the start of the grapheme cluster `at` falls inside. */
function graphemeStart(text: string, at: number): number {
  if (at <= 0 || at >= text.length) return Math.max(0, at);
  // Segment a window that starts after a line break or space where it has one (a boundary for certain, so
  // flags pair up as in the whole text), and ends one cluster past the cut.
  let from = Math.max(0, at - WINDOW);
  const window = text.slice(from, at);
  const space = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
  if (space >= 0) from += space + 1;
  let start = from;
  graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  for (const { index } of graphemes.segment(text.slice(from, Math.min(text.length, at + WINDOW)))) {
    if (from + index > at) break;
    start = from + index;
  }
  return start;
}

