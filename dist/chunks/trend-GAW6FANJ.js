import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  CONFIG,
  MUTED_COLOR,
  TEXT_COLOR
} from "./chunk-LPK2DI7R.js";
import "./chunk-ZC2P73PW.js";
import "./chunk-HANBNIMK.js";

// src/core/chart/trend.ts
var PANEL_WIDTH = 180;
var PANEL_HEIGHT = 90;
var COLUMNS = 3;
var HEAD_LABEL = "this PR";
function trendSpec(series) {
  const commits = Math.max(...series.map((s) => s.points.length));
  const values = series.flatMap((s) => {
    const pair = `${s.model} on ${s.hardware}`;
    return [
      ...s.points.map((p, i) => ({ pair, order: i, commit: p.sha.slice(0, 7), throughput: p.throughput, head: false })),
      { pair, order: s.points.length, commit: HEAD_LABEL, throughput: s.head, head: true }
    ];
  });
  const x = { field: "order", type: "ordinal", title: null, axis: { labels: false, ticks: false } };
  const y = { field: "throughput", type: "quantitative", scale: { zero: false }, title: null, axis: { format: "~s", tickCount: 4 } };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: "Throughput over the last default-branch commits",
      subtitle: `per second at each of the last ${commits} commits with a stored report, oldest first; orange: this pull request`
    },
    data: { values },
    facet: { field: "pair", type: "nominal", title: null, sort: series.map((s) => `${s.model} on ${s.hardware}`) },
    columns: COLUMNS,
    spec: {
      width: PANEL_WIDTH,
      height: PANEL_HEIGHT,
      layer: [
        { mark: { type: "line", color: MUTED_COLOR }, transform: [{ filter: "!datum.head" }], encoding: { x, y } },
        // From the newest commit to the pull request: dashed, as it is not a commit of the branch.
        { mark: { type: "line", color: "#e8590c", strokeDash: [3, 3] }, transform: [{ window: [{ op: "rank", as: "fromEnd" }], sort: [{ field: "order", order: "descending" }], groupby: ["pair"] }, { filter: "datum.fromEnd <= 2" }], encoding: { x, y } },
        {
          mark: { type: "point", filled: true, size: 30 },
          encoding: {
            x,
            y,
            color: { condition: { test: "datum.head", value: "#e8590c" }, value: TEXT_COLOR },
            tooltip: [{ field: "commit" }, { field: "throughput", format: ".3s" }]
          }
        }
      ]
    },
    resolve: { scale: { y: "independent", x: "independent" } },
    config: CONFIG
  };
}
export {
  trendSpec
};
