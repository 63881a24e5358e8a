// The chart thread (dist/chart-worker.js, started by chart-thread.ts): vega loaded at once, before any chart
// is asked of it, then each spec it is sent drawn and answered with the SVG or vega's error.
import { parentPort } from 'node:worker_threads';
import type { ChartAnswer, ChartRequest } from './chart-thread.js';
import { renderSvg } from '../render/svg.js';

const port = parentPort;
if (!port) throw new Error('chart-worker.js runs as the chart thread (src/shell/chart-thread.ts), not on its own');

port.on('message', ({ id, spec }: ChartRequest) => {
  renderSvg(spec).then(
    (svg) => port.postMessage({ id, svg } satisfies ChartAnswer),
    (error: unknown) => port.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies ChartAnswer),
  );
});
