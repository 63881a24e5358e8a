// Names from a config are data in every rendering: no workflow command, no terminal escape, no live link,
// no invisible reordering.
import { describe, expect, it } from '@jest/globals';
import { marked } from 'marked';
import { formatIssues, keptExcerpt, quote } from '../src/core/config/errors.js';
import { loadConfig } from '../src/core/config/index.js';
import { asciiRoofline } from '../src/core/chart/ascii.js';
import { buildReport } from '../src/core/report/build.js';
import { commandSafe, markdownText, visibleText } from '../src/core/report/escape.js';
import { renderText } from '../src/core/report/text.js';

const config = (name: string) =>
  loadConfig(`version: 1\nhardware: gtx-1080-ti\nmodels:\n  - name: ${JSON.stringify(name)}\n    precision: fp32\n    flops: 25 GFLOP\n    bytes: 1 GB\n`, 'roofline.yml');

describe('visibleText', () => {
  it('shows control, bidi and zero-width characters as code points', () => {
    expect(visibleText('a\u202Eb\u001b[31mc\u200Bd\u2066e\ufeff\n\t\u0085')).toBe('a<U+202E>b<U+001B>[31mc<U+200B>d<U+2066>e<U+FEFF><U+000A><U+0009><U+0085>');
    expect(visibleText('résumé 模型 🙂')).toBe('résumé 模型 🙂');
  });

  it('shows what is no character at all: U+FFFE, U+FFFF and a surrogate without its pair, but not a pair', () => {
    // '\ud83d\ude42' is 🙂's pair; '\ud83d' alone before 'x', and '\ude42' alone after 'y', are not.
    expect(visibleText('a\ufffeb\uffffc\ud83dx y\ude42 \ud83d\ude42')).toBe('a<U+FFFE>b<U+FFFF>c<U+D83D>x y<U+DE42> 🙂');
  });
});

describe('commandSafe', () => {
  it('neutralises every line that a runner would read as a workflow command', () => {
    expect(commandSafe('::add-mask::x\n  ::error::y\n##[warning]z\nok ::notice::w')).toBe('<U+003A>:add-mask::x\n  <U+003A>:error::y\n<U+0023>#[warning]z\nok ::notice::w');
  });
});

describe('the text report', () => {
  it('starts no line with a workflow command and passes no escape to the terminal', () => {
    const text = renderText(buildReport(config('::stop-commands::\u001b[2Jx'), null, null));
    expect(text.split('\n')[1]).toBe('<U+003A>:stop-commands::<U+001B>[2Jx  gtx-1080-ti  fp32  25.0 (DRAM)   23.3  compute-bound †  11.3 TFLOP/s    2.21 ms       452/s');
    expect(text).not.toMatch(/^\s*::/m);
    expect(text).not.toContain('\u001b');
  });

  it('shows a name with a line break on one line', () => {
    const text = renderText(buildReport(config('a\n::error::b'), null, null));
    expect(text.split('\n')[1]!.startsWith('a<U+000A>::error::b  gtx-1080-ti')).toBe(true);
  });
});

describe('the text chart', () => {
  it('lists a hostile name visibly, on no line of its own', () => {
    const chart = asciiRoofline(buildReport(config('::add-mask::\u202Ex'), null, null));
    expect(chart).toContain('A ::add-mask::<U+202E>x on gtx-1080-ti: compute-bound');
    expect(chart).not.toMatch(/^\s*::/m);
  });
});

describe('markdownText', () => {
  it('keeps bare URLs from becoming links, in GitHub-flavoured Markdown', () => {
    const name = 'see https://evil.example/x and www.evil.example';
    expect(markdownText(name)).toBe('see https:&#8203;//evil.example/x and www&#8203;.evil.example');
    expect(marked.parse(`| ${markdownText(name)} |\n|---|\n`, { gfm: true })).not.toContain('<a ');
    expect(marked.parse(`| ${name} |\n|---|\n`, { gfm: true })).toContain('<a ');
  });

  it('shows right-to-left overrides and zero-width characters', () => {
    expect(markdownText('model\u202Egpj.exe\u200D')).toBe('model&lt;U+202E&gt;gpj.exe&lt;U+200D&gt;');
  });
});

describe('quotations in errors', () => {
  it('cut where a character ends: 59 characters of emoji are 29 emoji, then the ellipsis', () => {
    // QUOTE_LENGTH is 60: 59 UTF-16 units for the text and 1 for '…'. 😀 is a surrogate pair (2 units), so
    // 29 fit (58 units) and the 30th would split. Before, slice(0, 59) kept half of the 30th emoji.
    expect(quote('😀'.repeat(40))).toBe(`"${'😀'.repeat(29)}…"`);
  });

  it('cut a line excerpt where a character ends: 100 units of text, then the ellipsis', () => {
    // `x` then 60 emoji is 121 UTF-16 units; 100 units hold the x and 49 emoji (99 units), the 50th would split.
    const shown = formatIssues([{ file: 'roofline.yml', line: 3, column: 2, path: 'models[0].name', message: 'too long', excerpt: `x${'😀'.repeat(60)}` }]);
    expect(shown.split('\n')[1]).toBe(`     3 | x${'😀'.repeat(49)}…`);
  });

  it('start a far column\'s excerpt where a character starts, the caret still under the column', () => {
    // Units 0-99 'a', 100 'b', 101-140 twenty emoji (each a pair), 141-150 'c'. Column 143 is unit 142, a 'c'.
    // The excerpt would start 40 units before it, at 102, the second half of the first emoji: it starts at 103,
    // so the line is '…', 19 emoji (38 units) and the 10 c's, and unit 142 is at column 1 + 38 + 2 = 41.
    const line = `${'a'.repeat(100)}b${'😀'.repeat(20)}${'c'.repeat(10)}`;
    const shown = formatIssues([{ file: 'ops.csv', line: 2, column: 143, path: '', message: 'bad', excerpt: line }]).split('\n');
    expect(shown.slice(1)).toEqual([`     2 | …${'😀'.repeat(19)}${'c'.repeat(10)}`, `       | ${' '.repeat(40)}^`]);
  });

  it('keep of a line, for an issue told later, what a frame shows of it and no more', () => {
    const line = 'x'.repeat(5000);
    const frame = (excerpt: string, column: number) => formatIssues([{ file: 'p.csv', line: 2, column, path: '', message: 'bad', excerpt }]);
    // Column 1: the frame shows 100 characters and an ellipsis; kept, 100 + 8 (enough to still be cut there).
    expect(keptExcerpt(line, 1)).toBe('x'.repeat(108));
    expect(frame(keptExcerpt(line, 1), 1).split('\n')[1]).toBe(`     2 | ${'x'.repeat(100)}…`);
    // Column 300: the frame starts 40 before it (index 259, after an ellipsis), 101 characters in all with
    // both ellipses (so 99 x's), the caret at 1 + 40 + 1 = 42; kept, the 260 before LEAD and 108 more, 368.
    expect(keptExcerpt(line, 300)).toHaveLength(368);
    expect(frame(keptExcerpt(line, 300), 300).split('\n').slice(1)).toEqual([`     2 | …${'x'.repeat(99)}…`, `       | ${' '.repeat(41)}^`]);
    expect(frame(keptExcerpt(line, 300), 300)).toBe(frame(line, 300));
    // 99 a's and emoji: 108 units would end inside the fifth emoji, so the kept text ends after the fourth; shown
    // as the whole line is, 99 a's and the ellipsis (the 50th unit's emoji would split at 100).
    const emoji = `${'a'.repeat(99)}${'😀'.repeat(10)}`;
    expect(keptExcerpt(emoji, 1)).toBe(`${'a'.repeat(99)}${'😀'.repeat(4)}`);
    expect(frame(keptExcerpt(emoji, 1), 1)).toBe(frame(emoji, 1));
    expect(frame(emoji, 1).split('\n')[1]).toBe(`     2 | ${'a'.repeat(99)}…`);
  });
});
