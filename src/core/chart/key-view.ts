// The numbered list under the plot, when points carry numbers rather than names: per point its mark, its
// number and "model · hardware · bound", in one column, or two above 8 points.
import { boundText } from '../bound-text.js';
import { fillEncoding, shapeEncoding, strokeEncoding } from './encodings.js';
import type { Plot } from './marks.js';
import type { View } from './spec-types.js';
import { PLOT_WIDTH, TEXT_COLOR } from './theme.js';
import { tooltipFields, tooltipRows } from './tooltip.js';

const ROW_HEIGHT = 17;

export function keyView({ g, device, legend }: Plot): View {
  const columns = g.points.length > 8 ? 2 : 1;
  const columnWidth = PLOT_WIDTH / columns;
  const rows = Math.ceil(g.points.length / columns);
  const values = g.points.map((p, i) => {
    const column = Math.floor(i / rows);
    const r = p.result;
    return {
      px: column * columnWidth + 8,
      py: (i % rows) * ROW_HEIGHT + ROW_HEIGHT / 2,
      number: String(p.number),
      text: `${r.model} · ${device.name(r.hardware)} · ${boundText(r.bindingLevel)}`,
      device: device.name(r.hardware),
      bound: r.bound,
      ...tooltipFields(p, device.name),
    };
  });
  const px = { field: 'px', type: 'quantitative', scale: null, axis: null } as const;
  const py = { field: 'py', type: 'quantitative', scale: null, axis: null } as const;
  return {
    width: PLOT_WIDTH,
    height: rows * ROW_HEIGHT,
    data: { values },
    view: { stroke: null },
    layer: [
      {
        mark: { type: 'point', filled: true, size: 60, strokeWidth: 1.2, opacity: 1 },
        encoding: {
          x: px,
          y: py,
          // The plot's legends already say what shapes and colours mean.
          shape: { ...shapeEncoding(device, legend), legend: null },
          stroke: { ...strokeEncoding(device, legend), legend: null },
          fill: { ...fillEncoding(legend), legend: null },
          tooltip: tooltipRows(g),
        },
      },
      {
        mark: { type: 'text', align: 'right', baseline: 'middle', dx: 30, fontWeight: 'bold', color: TEXT_COLOR },
        encoding: { x: px, y: py, text: { field: 'number' } },
      },
      {
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 36, color: TEXT_COLOR, limit: columnWidth - 48 },
        encoding: { x: px, y: py, text: { field: 'text' }, tooltip: tooltipRows(g) },
      },
    ],
  };
}
