import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{a,b,c}from"./chunk-7RBUTMAP.js";import"./chunk-7R2TQ4UL.js";import"./chunk-AORWRKE2.js";import"./chunk-XY7QUVLB.js";export{a as measureText,b as renderSvg,c as renderVegaSvg};
