import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{a as r}from"./chunks/chunk-XJW6AVHQ.js";import"./chunks/chunk-XY7QUVLB.js";r(new URL("./chart-worker.js",import.meta.url));var{run:t}=await import("./chunks/main-PNCG3KNF.js");await t();
