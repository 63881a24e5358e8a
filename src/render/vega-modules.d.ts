// Types of the vega modules render/svg.ts loads one by one. They ship none of their own; the `vega`
// bundle's typings (vega-typings) describe View and parse, which `vega` re-exports from them unchanged.
declare module 'vega-view' {
  export { View } from 'vega';
}

declare module 'vega-parser' {
  export { parse } from 'vega';
}

declare module 'vega-scenegraph' {
  /** Text measurement, replaceable: its `width` is what Vega lays text out with. */
  export const textMetrics: object;
}

/** The registry of transform types a parsed spec's dataflow can instantiate, by name. */
declare module 'vega-dataflow' {
  export const transforms: Record<string, unknown>;
}

declare module 'vega-transforms';
declare module 'vega-view-transforms';
declare module 'vega-encode';
