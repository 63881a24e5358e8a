import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{a as r}from"./chunks/chunk-7F42TKVK.js";import"./chunks/chunk-XY7QUVLB.js";r(new URL("./chart-worker.js",import.meta.url));var{run:t}=await import("./chunks/main-GPA3XOQ2.js");await t();
