import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  CHART_FONT
} from "./chunk-ZC2P73PW.js";

// src/core/chart/theme.ts
var PLOT_WIDTH = 620;
var PLOT_HEIGHT = 380;
var LABEL_FONT_SIZE = 11;
var SMALL_FONT_SIZE = 10;
var TEXT_COLOR = "#1f2937";
var MUTED_COLOR = "#6b7280";
var BOUND_COLORS = { compute: "#e8590c", memory: "#1c7ed6" };
var DEVICE_COLORS = ["#343a40", "#7048e8", "#0b7285", "#a0522d", "#c2255c", "#5c940d", "#364fc7", "#862e9c"];
var DEVICE_SHAPES = ["circle", "square", "diamond", "triangle-up", "triangle-down", "cross", "triangle-right", "triangle-left"];
var POINT_SIZE = 100;
var POINT_RADIUS = 6;
var MEASURED_RADIUS = 4.5;
var ABOVE_ROOF_COLOR = "#e03131";
var CONFIG = {
  font: CHART_FONT,
  background: "white",
  padding: 12,
  view: { stroke: "#ced4da" },
  title: { fontSize: 15, subtitleFontSize: 11.5, subtitleColor: "#495057", anchor: "start", offset: 10, subtitlePadding: 4 },
  axis: {
    labelFontSize: LABEL_FONT_SIZE,
    titleFontSize: 12,
    titleFontWeight: "normal",
    labelColor: "#495057",
    titleColor: TEXT_COLOR,
    gridColor: "#e9ecef",
    domainColor: "#868e96",
    tickColor: "#868e96"
  },
  legend: {
    labelFontSize: LABEL_FONT_SIZE,
    titleFontSize: LABEL_FONT_SIZE,
    titleFontWeight: "bold",
    labelColor: TEXT_COLOR,
    titleColor: TEXT_COLOR,
    fillColor: "white",
    strokeColor: "#dee2e6",
    padding: 7,
    cornerRadius: 3,
    offset: 8,
    rowPadding: 3,
    symbolSize: POINT_SIZE,
    symbolStrokeWidth: 1.5,
    labelLimit: 220
  },
  header: { labelFontSize: 12, titleFontSize: 12 },
  text: { fontSize: LABEL_FONT_SIZE },
  concat: { spacing: 28 }
};

export {
  PLOT_WIDTH,
  PLOT_HEIGHT,
  LABEL_FONT_SIZE,
  SMALL_FONT_SIZE,
  TEXT_COLOR,
  MUTED_COLOR,
  BOUND_COLORS,
  DEVICE_COLORS,
  DEVICE_SHAPES,
  POINT_SIZE,
  POINT_RADIUS,
  MEASURED_RADIUS,
  ABOVE_ROOF_COLOR,
  CONFIG
};
