// The Vega-Lite shapes the chart's parts build, named once: a view of the chart's vertical stack, a layer of
// a view, and a datum.
import type { TopLevelSpec } from 'vega-lite';

type VConcat = Extract<TopLevelSpec, { vconcat: unknown }>;
/** One view of the chart's vertical stack. */
export type View = VConcat['vconcat'][number];
/** One layer of a layered view. */
export type Layer = Extract<View, { layer: unknown }>['layer'][number];
/** One datum of a layer's inline data. */
export type Row = Record<string, string | number | boolean | null>;
