// Loaded with `node --import` by bench.mjs: reports the process's peak resident memory (KiB) on exit.
import { writeSync } from 'node:fs';

process.on('exit', () => writeSync(2, `roofline-bench maxrss=${process.resourceUsage().maxRSS}\n`));
