// Charts drawn on a thread of their own. The entry points start it first thing (dist/cli.js for `check`
// when the compile cache is off, dist/index.js for the action), so that vega's modules, compiled, load on
// another core while this one loads the rest, reads the config and analyses; the chart is drawn there when
// its spec is ready. Without a started thread (the CLI with the compile cache on, the unit tests, the
// scripts) a chart is drawn in this one, as renderSvg does, and a thread that cannot start or dies hands
// the charts after it back to this one.
import { Worker } from 'node:worker_threads';
import type { TopLevelSpec } from 'vega-lite';

/** A chart asked of the thread: its number, to match the answer, and its Vega-Lite spec. */
export interface ChartRequest {
  id: number;
  spec: TopLevelSpec;
}

/** The thread's answer: the SVG, or why vega could not draw it (the message of what it threw). */
export type ChartAnswer = { id: number; svg: string } | { id: number; error: string };

interface Pending {
  resolve: (svg: string) => void;
  reject: (error: Error) => void;
}

/** A started thread and the charts it owes, by request number. */
interface ChartThread {
  worker: Worker;
  owed: Map<number, Pending>;
}

let thread: ChartThread | null = null;
let nextId = 0;

/**
 * Starts the chart thread from `workerFile` (dist/chart-worker.js). dist/cli.js starts it only when Node's
 * compile cache is off (scripts/build.mjs, cliStart, says why); dist/index.js always, as a runner starts
 * with no cache. The thread does not keep the process alive: a run that draws no chart (bad input,
 * `--help`) ends without waiting for vega to load.
 */
export function startChartThread(workerFile: URL): void {
  if (thread) return;
  const started: ChartThread = { worker: new Worker(workerFile), owed: new Map() };
  const { worker, owed } = started;
  worker.on('message', (answer: ChartAnswer) => {
    const request = owed.get(answer.id);
    if (!request) return;
    owed.delete(answer.id);
    if (owed.size === 0) worker.unref();
    if ('svg' in answer) request.resolve(answer.svg);
    else request.reject(new Error(answer.error));
  });
  // A thread that fails to start (its file missing) or dies (out of memory on a huge chart) fails the
  // charts it owes, which are then warnings like any chart vega cannot draw; later ones are drawn here.
  const end = (error: Error) => {
    if (thread === started) thread = null;
    for (const request of owed.values()) request.reject(error);
    owed.clear();
  };
  worker.on('error', end);
  worker.on('exit', (code) => end(new Error(`the chart thread stopped (exit code ${code})`)));
  // After the listeners: adding a 'message' listener refs the thread's port again.
  worker.unref();
  thread = started;
}

/** The chart as an SVG document: drawn on the chart thread when one was started, else in this one. */
export async function renderChart(spec: TopLevelSpec): Promise<string> {
  if (!thread) {
    const { renderSvg } = await import('../render/svg.js');
    return renderSvg(spec);
  }
  const { worker, owed } = thread;
  const id = nextId++;
  return new Promise<string>((resolve, reject) => {
    owed.set(id, { resolve, reject });
    // Kept alive while a chart is owed.
    worker.ref();
    worker.postMessage({ id, spec } satisfies ChartRequest);
  });
}
