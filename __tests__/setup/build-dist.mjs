// Jest globalSetup: end-to-end tests run the bundled dist/ as a user would, so build it once, before any
// test file starts (tests run in parallel workers and must never see a half-written dist/).
// A failed build is reported, not thrown: unit tests still run, and the end-to-end tests fail on their own.
import { execFileSync } from 'node:child_process';

export default function buildDist() {
  try {
    execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    process.stderr.write(`\nglobalSetup: building dist/ failed; end-to-end tests will fail:\n${error.stderr ?? error}\n`);
  }
}
