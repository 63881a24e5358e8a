// Limits in the unit GitHub counts: the job summary in UTF-8 bytes, the comment and the check run in
// characters, each cut where a character ends (text-size.ts), never inside an emoji or a CJK character.
import { describe, expect, it } from '@jest/globals';
import { errorEnd } from '../src/action/check-run-policy.js';
import { CHECK_RUN_SUMMARY_MAX, COMMENT_MAX, SUMMARY_MAX } from '../src/core/limits.js';
import { renderMarkdown } from '../src/core/report/markdown.js';
import type { Report } from '../src/core/report/types.js';
import { cutToFit, fits, sizeIn } from '../src/core/text-size.js';
import { BASE, report } from './__fixtures__/report.js';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
/** A high surrogate without its low half, or a low one without its high half: half an emoji. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('the limits GitHub sets, each in its unit', () => {
  it('are 65,536 characters (comment), 1 MiB of bytes (summary), 65,535 characters (check run)', () => {
    expect([COMMENT_MAX, SUMMARY_MAX, CHECK_RUN_SUMMARY_MAX]).toEqual([{ chars: 65_536 }, { bytes: 1_048_576 }, { chars: 65_535 }]);
  });
});

describe('sizeIn and fits', () => {
  it('count UTF-16 characters or UTF-8 bytes', () => {
    expect(sizeIn('日本語', { bytes: 1 })).toBe(9); // 3 bytes each
    expect(sizeIn('日本語', { chars: 1 })).toBe(3);
    expect(sizeIn('😀', { chars: 1 })).toBe(2); // a surrogate pair
    expect(sizeIn('😀', { bytes: 1 })).toBe(4);
    expect([fits('日本語', { bytes: 9 }), fits('日本語', { bytes: 8 }), fits('日本語', { chars: 3 })]).toEqual([true, false, true]);
  });
});

describe('cutToFit', () => {
  it('leaves what fits as it is', () => {
    expect(cutToFit('ab😀c', { chars: 5 })).toBe('ab😀c');
    expect(cutToFit('日本語', { bytes: 9 })).toBe('日本語');
  });

  it('never splits an emoji (a surrogate pair) at the cut', () => {
    // 'ab😀c' is 5 units; within 4, with the 1-unit ellipsis, 3 units are left: 'ab' and half the emoji.
    expect(cutToFit('ab😀c', { chars: 4 })).toBe('ab…');
    expect(cutToFit('abc😀d', { chars: 4 })).toBe('abc…');
  });

  it('never splits a grapheme cluster: a skin tone, a flag, an accent', () => {
    // 👍🏽 is two code points, four units; 'a👍🏽b' is 6 units, and 4 are left for the text within 5.
    expect(cutToFit('a👍🏽b', { chars: 5 })).toBe('a…');
    // Each flag is two regional indicators, four units: 'ab🇯🇵🇫🇷' is 10.
    expect(cutToFit('ab🇯🇵🇫🇷', { chars: 7 })).toBe('ab🇯🇵…');
    expect(cutToFit('ab🇯🇵🇫🇷', { chars: 6 })).toBe('ab…');
    // e and a combining acute accent are one character: the cut goes before the e.
    expect(cutToFit('cafe\u0301!', { chars: 5 })).toBe('caf…');
  });

  it('cuts UTF-8 where a character ends: 9 bytes of CJK within 7 or 8 keep one character and the 3-byte ellipsis', () => {
    expect(cutToFit('日本語', { bytes: 7 })).toBe('日…'); // 3 + 3 bytes; '日本…' would be 9
    expect(cutToFit('日本語', { bytes: 8 })).toBe('日…');
    expect(bytes(cutToFit('日本語', { bytes: 7 }))).toBe(6);
  });
});

describe('renderMarkdown within a limit', () => {
  const base = report(BASE);
  const cjk = (count: number): Report => ({
    ...base,
    results: Array.from({ length: count }, (_, i) => ({ ...base.results[i % 2]!, model: `${'模型'.repeat(95)}-${i}` })),
  });

  it('keeps a CJK-named job summary within 1,048,576 bytes, where counting characters would not have', () => {
    // 2,000 rows, each with a name of 190 CJK characters (570 bytes) and about 120 ASCII characters more:
    // at least 1,140,000 bytes in all, over 1 MiB, but at most about 620,000 characters, under 1,048,576.
    const full = renderMarkdown(cjk(2000), { limit: null });
    expect(full.length).toBeLessThan(1_048_576);
    expect(bytes(full)).toBeGreaterThan(1_048_576);
    // Halved once, 1,000 rows of at most 700 bytes fit: about 700,000 bytes.
    const summary = renderMarkdown(cjk(2000), { limit: SUMMARY_MAX });
    expect(bytes(summary)).toBeLessThanOrEqual(1_048_576);
    expect(summary).toContain("_Showing 1,000 of 2,000 results to fit GitHub's size limit; report.md and report.json in the out dir have them all._");
    expect(summary).not.toMatch(LONE_SURROGATE);
  });

  it('cuts a body that cannot shed enough where an emoji ends, and says so', () => {
    // A header of 40,000 emoji is 80,000 units: nothing to shed makes that fit, so the body is cut. The
    // note after the cut is 91 units, leaving 65,445: an odd count, so the cut backs off to 65,444, which
    // is 32,722 whole emoji.
    const note = "\n\n_…cut to fit GitHub's size limit; report.md and report.json in the out dir have it all._\n";
    const body = renderMarkdown(base, { header: '😀'.repeat(40_000), limit: COMMENT_MAX });
    expect(body).toBe(`${'😀'.repeat(32_722)}${note}`);
    expect(body.length).toBe(65_535);
  });

  it('leaves out a text chart too large for the comment, and says where the chart is', () => {
    const chart = { kind: 'text' as const, text: 'x'.repeat(70_000), reason: 'No chart image: comments are off.' };
    const body = renderMarkdown(base, { chart, limit: COMMENT_MAX });
    expect(body).not.toContain('xxxxxxxxxx');
    expect(body).toContain("_The text roofline was left out to fit GitHub's size limit; roofline.svg in the out dir has the chart._");
    expect(renderMarkdown(base, { chart, limit: null })).toContain('x'.repeat(70_000));
  });
});

describe('errorEnd', () => {
  it('cuts a check run summary to 65,535 characters where an emoji ends', () => {
    // 'x' and 40,000 emoji: 80,001 units. Within 65,535 less the ellipsis, 65,534 units are left, which
    // end inside an emoji; backing off gives 'x' and 32,766 emoji (65,533 units), then the ellipsis.
    const { summary } = errorEnd(`x${'😀'.repeat(40_000)}`);
    expect(summary).toBe(`x${'😀'.repeat(32_766)}…`);
    expect(summary.length).toBe(65_534);
  });
});
