// A link that opens a spec in the online Vega editor, for a PR comment.
import lzString from 'lz-string';

/**
 * The Vega editor reads a shared spec from its URL fragment: `#/url/<mode>/` followed by the spec's JSON
 * compressed with lz-string's compressToEncodedURIComponent, as its Share dialog writes it
 * (vega/editor, src/components/header/share-modal/renderer.tsx).
 */
export const VEGA_EDITOR_URL = 'https://vega.github.io/editor/#/url/vega-lite/';

/**
 * The editor URL of `spec`, or null when it would be longer than `maxLength` characters (long URLs are cut
 * by browsers and chat tools; the Vega editor itself warns past 2083). The default leaves a PR comment room.
 */
export function vegaEditorUrl(spec: unknown, maxLength = 8000): string | null {
  const url = VEGA_EDITOR_URL + lzString.compressToEncodedURIComponent(JSON.stringify(spec));
  return url.length <= maxLength ? url : null;
}
