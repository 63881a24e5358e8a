import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{a as r}from"./chunks/chunk-A46UYISA.js";import"./chunks/chunk-XY7QUVLB.js";r(new URL("./chart-worker.js",import.meta.url));var{run:t}=await import("./chunks/main-4YM5JTVU.js");await t();
