import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{a,b}from"./chunk-7F42TKVK.js";import"./chunk-XY7QUVLB.js";export{b as renderChart,a as startChartThread};
