// Where the bundle under test is: jest's globalSetup (./build-dist.mjs) builds src/ into a temporary
// directory for each run, so tests never run a stale committed dist/ and never rewrite it.
import path from 'node:path';

const dir = process.env.ROOFLINE_GATE_TEST_DIST;
if (!dir) throw new Error('ROOFLINE_GATE_TEST_DIST is unset: run the tests through jest, whose globalSetup builds the bundle');

/** The directory holding the freshly built cli.js and index.js. */
export const DIST = dir;
export const CLI = path.join(DIST, 'cli.js');
