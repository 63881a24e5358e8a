// The trend chart of a pull request's comment: one small panel per changed pair, its throughput at the
// default-branch commits the history holds (oldest to newest) and, last, at the pull request's head. Each
// panel has its own y scale, so that a 2% move shows whatever the pair's size. A pure Vega-Lite spec.
import type { TopLevelSpec } from 'vega-lite';
import { perSecond } from '../format.js';
import { visibleText } from '../report/escape.js';
import type { TrendSeries } from '../history/trend.js';
import { DESCRIBED, HIDDEN } from './aria.js';
import { CONFIG, MUTED_COLOR, TEXT_COLOR } from './theme.js';

const PANEL_WIDTH = 180;
const PANEL_HEIGHT = 90;
const COLUMNS = 3;
/** The pull request's own point, in its tooltip. */
const HEAD_LABEL = 'this PR';

export function trendSpec(series: TrendSeries[]): TopLevelSpec {
  const commits = Math.max(...series.map((s) => s.points.length));
  // A point's throughput as the report prints it, in its tooltip and its description (aria.ts).
  const point = (pair: string, order: number, commit: string, throughput: number, head: boolean) => {
    const throughputText = perSecond(throughput);
    return { pair, order, commit, throughput, head, throughputText, description: `${commit}: ${throughputText}` };
  };
  const values = series.flatMap((s) => {
    // Drawn as the text shows names: an invisible or control character as <U+XXXX> (see spec.ts).
    const pair = visibleText(`${s.model} on ${s.hardware}`);
    return [...s.points.map((p, i) => point(pair, i, p.sha.slice(0, 7), p.throughput, false)), point(pair, s.points.length, HEAD_LABEL, s.head, true)];
  });
  // By position, not by commit: two short SHAs may be equal; the commit is in the tooltip.
  // Vega would read the axis as its positions, "0, 1, 2"; the points' descriptions name the commits.
  const x = {
    field: 'order',
    type: 'ordinal',
    title: null,
    axis: { labels: false, ticks: false, description: 'X-axis: the default-branch commits with a stored report, oldest first, then this pull request' },
  } as const;
  const y = { field: 'throughput', type: 'quantitative', scale: { zero: false }, title: null, axis: { format: '~s', tickCount: 4 } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Throughput over the last default-branch commits',
      subtitle: `per second at each of the last ${commits} commits with a stored report, oldest first; orange: this pull request`,
    },
    data: { values },
    facet: { field: 'pair', type: 'nominal', title: null, sort: series.map((s) => `${s.model} on ${s.hardware}`) },
    columns: COLUMNS,
    spec: {
      width: PANEL_WIDTH,
      height: PANEL_HEIGHT,
      layer: [
        // The lines join the points, which say every value: a screen reader skips them.
        { mark: { type: 'line', color: MUTED_COLOR, ...HIDDEN }, transform: [{ filter: '!datum.head' }], encoding: { x, y } },
        // From the newest commit to the pull request: dashed, as it is not a commit of the branch.
        { mark: { type: 'line', color: '#e8590c', strokeDash: [3, 3], ...HIDDEN }, transform: [{ window: [{ op: 'rank', as: 'fromEnd' }], sort: [{ field: 'order', order: 'descending' }], groupby: ['pair'] }, { filter: 'datum.fromEnd <= 2' }], encoding: { x, y } },
        {
          mark: { type: 'point', filled: true, size: 30 },
          encoding: {
            x,
            y,
            color: { condition: { test: 'datum.head', value: '#e8590c' }, value: TEXT_COLOR },
            ...DESCRIBED,
            tooltip: [{ field: 'commit' }, { field: 'throughputText', title: 'throughput' }],
          },
        },
      ],
    },
    resolve: { scale: { y: 'independent', x: 'independent' } },
    config: CONFIG,
  } as TopLevelSpec;
}
