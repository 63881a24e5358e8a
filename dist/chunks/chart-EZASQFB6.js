import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  VEGA_EDITOR_URL,
  asciiRoofline,
  geometry,
  rooflineSpec,
  vegaEditorUrl
} from "./chunk-AQCLTQ7U.js";
import "./chunk-HTFASCCZ.js";
import "./chunk-LPK2DI7R.js";
import {
  CHART_FONT,
  textWidth
} from "./chunk-ZC2P73PW.js";
import "./chunk-HANBNIMK.js";
export {
  CHART_FONT,
  VEGA_EDITOR_URL,
  asciiRoofline,
  geometry,
  rooflineSpec,
  textWidth,
  vegaEditorUrl
};
