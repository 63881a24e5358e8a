// The one wording of a figure's kind in a sentence: "a derived figure", "an estimated figure".
import type { FigureKind } from './types.js';

const ADJECTIVE: Record<FigureKind, string> = { vendor: 'vendor', derived: 'derived', measured: 'measured', estimate: 'estimated' };

/**
 * The kinds as a noun phrase with its article.
 *
 *   figureOfKind(['estimate'])            //=> 'an estimated figure'
 *   figureOfKind(['derived', 'measured']) //=> 'a derived or measured figure'
 */
export function figureOfKind(kinds: readonly FigureKind[]): string {
  const words = kinds.map((kind) => ADJECTIVE[kind]).join(' or ');
  return `${/^[aeiou]/.test(words) ? 'an' : 'a'} ${words} figure`;
}
