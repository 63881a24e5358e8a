// Reports to show on a pull request, built from configs written here, as the action builds them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseConfig, resolveConfig } from '../../src/core/config/index.js';
import { buildReport } from '../../src/core/report/build.js';
import type { Report } from '../../src/core/report/types.js';

/** The end-to-end suite's baseline: vgg16 and mobilenet on a GTX 1080 Ti. */
export const BASE = readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'two-models.yml'), 'utf8');
/** vgg16 moves 20% more bytes: it crosses the ridge, three failing findings. */
export const HEAD = BASE.replace('bytes: 1 GB', 'bytes: 1.2 GB');

export function report(head: string, base: string | null = null): Report {
  const config = (text: string) => {
    const parsed = parseConfig(text, 'roofline.yml');
    return resolveConfig(parsed.raw, parsed, new Map());
  };
  return buildReport(config(head), base === null ? null : config(base), base === null ? null : 'git:base000 (main)');
}

/** HEAD against BASE: status fail. */
export const FAILING = report(HEAD, BASE);
/** BASE against itself: nothing changed. */
export const UNCHANGED = report(BASE, BASE);
