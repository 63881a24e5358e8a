// The chart thread's entry (dist/chart-worker.js, started by chart-thread.ts). A thread does not share the
// compile cache its process turned on (dist/cli.js, Node 22.1+), so it turns on the same one, before its
// modules load (vega, about 700 KB): only then are they covered.
import module from 'node:module';
import { workerData } from 'node:worker_threads';
import type { ChartThreadData } from './chart-thread.js';

const { compileCacheDir } = workerData as ChartThreadData;
// Node 22.1+; the @types/node of Node 20, the oldest supported, does not know it.
const { enableCompileCache } = module as { enableCompileCache?: (directory: string) => unknown };
if (compileCacheDir !== null) enableCompileCache?.(compileCacheDir);
await import('./chart-loop.js');
