// Jest globalSetup: end-to-end tests run the bundled CLI and action as a user would, so build them once,
// before any test file starts (tests run in parallel workers and must never see a half-written bundle).
// The bundle goes to a temporary directory, never to the committed dist/: `npm test` leaves the checkout
// as it found it, and tests run what src/ builds to now, not what was last committed. Workers inherit
// process.env, so they find it through DIST_ENV (read by ./dist.ts); it is removed when jest exits.
// A failed build is reported, not thrown: unit tests still run, and the end-to-end tests fail on their own.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const DIST_ENV = 'ROOFLINE_GATE_TEST_DIST'; // read by ./dist.ts

export default function buildDist() {
  const dir = mkdtempSync(path.join(tmpdir(), 'roofline-gate-dist-'));
  process.env[DIST_ENV] = dir;
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  try {
    const script = path.resolve(import.meta.dirname, '..', '..', 'scripts', 'build.mjs');
    execFileSync(process.execPath, [script, dir], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    process.stderr.write(`\nglobalSetup: building the bundle failed; end-to-end tests will fail:\n${error.stderr ?? error}\n`);
  }
}
