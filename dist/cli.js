#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import r from"node:module";r.enableCompileCache?.();process.argv[2]==="check"&&(await import("./chunks/chart-thread-XWPTEWCM.js")).startChartThread(new URL("./chart-worker.js",import.meta.url));await import("./chunks/cli-AVKKT7O5.js");
