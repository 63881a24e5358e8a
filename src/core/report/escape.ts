// Strings from a config (model names, op names, device names) go into Markdown that GitHub renders, into
// HTML, and to a terminal or a workflow log. Escaped here, once for every rendering, so that a name can never
// mention someone, inject HTML, break a table, become a link, reorder text unseen, colour the terminal or
// issue a workflow command.

const MARKDOWN_ENTITIES: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
  '|': '&#124;', '`': '&#96;', '*': '&#42;', '_': '&#95;', '[': '&#91;', ']': '&#93;',
  '\\': '&#92;', '#': '&#35;', '~': '&#126;', '$': '&#36;',
};

/**
 * Text safe in Markdown tables, lists and inline HTML: every character Markdown or HTML treats specially
 * becomes an entity, `@` is split from the name after it by a zero-width space (as Dependabot does, so no
 * one is mentioned), and line breaks become spaces (a newline would end a table row).
 *
 *   markdownText('a|b @team <img>') //=> 'a&#124;b @&#8203;team &lt;img&gt;'
 */
export function markdownText(text: string): string {
  return visibleText(text.replace(/[\r\n\u2028\u2029]+/g, ' '))
    .replace(/[&<>"'|`*_[\]\\#~$]/g, (character) => MARKDOWN_ENTITIES[character]!)
    .replace(/@/g, '@&#8203;')
    // GitHub links bare `https://...` and `www.` by itself; a zero-width space keeps the text a name.
    .replace(/([A-Za-z][A-Za-z0-9+.-]*):\/\//g, '$1:&#8203;//')
    .replace(/\b(www)\./gi, '$1&#8203;.');
}

/**
 * Characters that are invisible or act on the text around them, shown as `<U+XXXX>`: control characters
 * (an ANSI escape, a newline), right-to-left overrides and isolates, zero-width characters, and what is
 * no character at all (U+FFFE, U+FFFF, a lone surrogate).
 *
 *   visibleText('a\u202Eb\u001b[31m') //=> 'a<U+202E>b<U+001B>[31m'
 */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, visibleCharacter);
}

// Also the two noncharacters U+FFFE and U+FFFF and a surrogate without its pair: none is a character
// (Unicode 15, section 23.7 and 3.8), and XML allows none of them, nor any C0 control but tab and line ends
// (XML 1.0, section 2.2, the Char production), so in a name drawn into the chart's SVG they would leave the
// file unreadable.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text for a terminal or a workflow log, whole: a line that starts with `::` or `##[` (after spaces, which
 * the runner skips) would be read as a workflow command (`::add-mask::`, `::stop-commands::`), so its first
 * character is shown as `<U+003A>` or `<U+0023>`. Names in it have been through visibleText already.
 *
 *   commandSafe('ok\n  ::error::x') //=> 'ok\n  <U+003A>:error::x'
 */
export function commandSafe(text: string): string {
  return text.replace(/^([ \t]*)(::|##\[)/gm, (_, space: string, command: string) => `${space}${visibleCharacter(command[0]!)}${command.slice(1)}`);
}

function visibleCharacter(character: string): string {
  return `<U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** Every string in `value` (a report: names, messages) through visibleText, for a plain-text rendering. */
export function withVisibleStrings<T>(value: T): T {
  if (typeof value === 'string') return visibleText(value) as T;
  if (Array.isArray(value)) return value.map(withVisibleStrings) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
  for (const [key, item] of Object.entries(value)) out[key] = withVisibleStrings(item);
  return out as T;
}

/** Text for HTML element content and attribute values. */
export function htmlText(text: string): string {
  return text.replace(/[&<>"']/g, (character) => MARKDOWN_ENTITIES[character]!);
}
