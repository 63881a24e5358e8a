#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import e from"node:module";e.enableCompileCache?.();process.argv[2]==="check"&&!e.getCompileCacheDir?.()&&(await import("./chunks/chart-thread-D3SULKAP.js")).startChartThread(new URL("./chart-worker.js",import.meta.url));await import("./chunks/cli-PSCF5YAO.js");
