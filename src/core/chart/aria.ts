// What a screen reader hears of the chart. Vega-Lite's own ARIA label of a mark lists its encoded channels
// with raw numbers (`x: 153.016184404; y: 3.12e+14; ...`); instead each mark that tells something reads a
// `description` its layer builds from the texts its tooltip shows (formatted once, in format.ts), and each
// mark that only repeats or frames another (a label and its white backing, an arrow, a dashed rule, the
// numbered list) is left out of the accessibility tree, so that each thing is read once, where it is drawn.
//
// Vega-Lite: the `description` encoding channel "replaces the default ARIA label"
// (https://vega.github.io/vega-lite/docs/encoding.html#description); `aria: false` on a mark sets
// aria-hidden on it (https://vega.github.io/vega-lite/docs/aria.html). Vega escapes both into the SVG as it
// escapes every text it writes (vega-scenegraph's attribute escaping), config strings among them.

/** The encoding channel that makes a datum's `description` field its mark's ARIA label. */
export const DESCRIBED = { description: { field: 'description' } } as const;

/** Mark properties of a mark a screen reader skips: it adds nothing to the marks around it. */
export const HIDDEN = { aria: false } as const;
