// The chart's pure parts: spec, text chart, editor link. The SVG renderer (src/render/svg.ts) loads vega, so it is
// not re-exported here: import it on its own, on demand.
export { asciiRoofline } from './ascii.js';
export { VEGA_EDITOR_URL, vegaEditorUrl } from './editor-url.js';
export { geometry, type ChartPoint, type Geometry } from './geometry.js';
export { rooflineSpec, type ChartOptions } from './spec.js';
export { CHART_FONT, textWidth } from './text-width.js';
