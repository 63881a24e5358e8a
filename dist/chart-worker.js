import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import r from"node:module";import{workerData as e}from"node:worker_threads";var{compileCacheDir:a}=e,{enableCompileCache:t}=r;a!==null&&t?.(a);await import("./chunks/chart-loop-AZ57FVTG.js");
