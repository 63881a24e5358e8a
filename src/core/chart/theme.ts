// The chart's look, in one place: sizes, colours, shapes, fonts.
import type { Config } from 'vega-lite';
import type { Bound } from '../types.js';
import { CHART_FONT } from './text-width.js';

/** The roofline plot's area in pixels; with the y axis and padding the SVG is about 720 px wide. */
export const PLOT_WIDTH = 620;
export const PLOT_HEIGHT = 380;

export const LABEL_FONT_SIZE = 11;
export const SMALL_FONT_SIZE = 10;
export const TEXT_COLOR = '#1f2937';
export const MUTED_COLOR = '#6b7280';

/** Fill of a point by what bounds it; the per-op bars use the same two colours for compute and memory time. */
export const BOUND_COLORS: Record<Bound, string> = { compute: '#e8590c', memory: '#1c7ed6' };

/** Line and outline colour per device, dark enough to read labels in; none close to the two bound colours. */
export const DEVICE_COLORS = ['#343a40', '#7048e8', '#0b7285', '#a0522d', '#c2255c', '#5c940d', '#364fc7', '#862e9c'];
/** Point shape per device, the same order: a device is told apart by colour and by shape. */
export const DEVICE_SHAPES = ['circle', 'square', 'diamond', 'triangle-up', 'triangle-down', 'cross', 'triangle-right', 'triangle-left'];

/** Area of a point mark in px^2 (radius about 5.6 px for a circle), and the half-size labels keep clear of. */
export const POINT_SIZE = 100;
export const POINT_RADIUS = 6;
/** Half the width of the x that marks a measured pair's achieved FLOP/s. */
export const MEASURED_RADIUS = 4.5;
/** A measured pair above its roof: impossible, so the inputs are off. Unlike every device and bound colour. */
export const ABOVE_ROOF_COLOR = '#e03131';

export const CONFIG: Config = {
  font: CHART_FONT,
  background: 'white',
  padding: 12,
  view: { stroke: '#ced4da' },
  title: { fontSize: 15, subtitleFontSize: 11.5, subtitleColor: '#495057', anchor: 'start', offset: 10, subtitlePadding: 4 },
  axis: {
    labelFontSize: LABEL_FONT_SIZE,
    titleFontSize: 12,
    titleFontWeight: 'normal',
    labelColor: '#495057',
    titleColor: TEXT_COLOR,
    gridColor: '#e9ecef',
    domainColor: '#868e96',
    tickColor: '#868e96',
  },
  legend: {
    labelFontSize: LABEL_FONT_SIZE,
    titleFontSize: LABEL_FONT_SIZE,
    titleFontWeight: 'bold',
    labelColor: TEXT_COLOR,
    titleColor: TEXT_COLOR,
    fillColor: 'white',
    strokeColor: '#dee2e6',
    padding: 7,
    cornerRadius: 3,
    offset: 8,
    rowPadding: 3,
    symbolSize: POINT_SIZE,
    symbolStrokeWidth: 1.5,
    labelLimit: 220,
  },
  header: { labelFontSize: 12, titleFontSize: 12 },
  text: { fontSize: LABEL_FONT_SIZE },
  concat: { spacing: 28 },
};
