// The trend chart of a pull request's comment: one small panel per changed pair, its throughput at the
// default-branch commits the history holds (oldest to newest) and, last, at the pull request's head. Each
// panel has its own y scale, so that a 2% move shows whatever the pair's size. A pure Vega-Lite spec.
import type { TopLevelSpec } from 'vega-lite';
import type { TrendSeries } from '../history/trend.js';
import { CONFIG, MUTED_COLOR, TEXT_COLOR } from './theme.js';

const PANEL_WIDTH = 200;
const PANEL_HEIGHT = 90;
const COLUMNS = 3;
/** The x label of the pull request's own point. */
export const HEAD_LABEL = 'this PR';

export function trendSpec(series: TrendSeries[]): TopLevelSpec {
  const values = series.flatMap((s) => {
    const pair = `${s.model} on ${s.hardware}`;
    return [
      ...s.points.map((p, i) => ({ pair, order: i, commit: p.sha.slice(0, 7), throughput: p.throughput, head: false })),
      { pair, order: s.points.length, commit: HEAD_LABEL, throughput: s.head, head: true },
    ];
  });
  const x = { field: 'commit', type: 'ordinal', sort: { field: 'order', op: 'min' }, title: null, axis: { labelAngle: -45, labelFontSize: 9 } } as const;
  const y = { field: 'throughput', type: 'quantitative', scale: { zero: false }, title: 'per second', axis: { format: '~s', tickCount: 4 } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Throughput over the last default-branch commits', subtitle: `the last point is ${HEAD_LABEL}` },
    data: { values },
    facet: { field: 'pair', type: 'nominal', title: null, sort: series.map((s) => `${s.model} on ${s.hardware}`) },
    columns: COLUMNS,
    spec: {
      width: PANEL_WIDTH,
      height: PANEL_HEIGHT,
      layer: [
        { mark: { type: 'line', color: MUTED_COLOR }, transform: [{ filter: '!datum.head' }], encoding: { x, y } },
        {
          mark: { type: 'point', filled: true, size: 30 },
          encoding: {
            x,
            y,
            color: { condition: { test: 'datum.head', value: '#e8590c' }, value: TEXT_COLOR },
            tooltip: [{ field: 'commit' }, { field: 'throughput', format: '.3s' }],
          },
        },
      ],
    },
    resolve: { scale: { y: 'independent', x: 'independent' } },
    config: CONFIG,
  } as TopLevelSpec;
}
