// Strings from a config (model names, op names, device names) go into Markdown that GitHub renders, and
// into HTML. Escaped here, once, so that a name can never mention someone, inject HTML or break a table.

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
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[&<>"'|`*_[\]\\#~$]/g, (character) => MARKDOWN_ENTITIES[character]!)
    .replace(/@/g, '@&#8203;');
}

/** Text for HTML element content and attribute values. */
export function htmlText(text: string): string {
  return text.replace(/[&<>"']/g, (character) => MARKDOWN_ENTITIES[character]!);
}
