// The action's entry point (action.yml runs dist/index.js). The chart thread starts before the action's
// modules load, so that vega loads on another core meanwhile (src/shell/chart-thread.ts); every run of the
// action draws the chart.
import { startChartThread } from './shell/chart-thread.js';

startChartThread(new URL('./chart-worker.js', import.meta.url));
const { run } = await import('./main.js');
await run();
