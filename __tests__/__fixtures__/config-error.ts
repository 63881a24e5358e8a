// What a config, table or import is refused with, for the tests that assert it: the ConfigError itself
// (any other error is thrown on, and an accepted input fails the test), and its issues as the lines tests
// compare. Written once here; the tests had a copy each.
import { ConfigError } from '../../src/core/config/index.js';

const ACCEPTED = 'expected a ConfigError, but the input was accepted';

function ownError(error: unknown): ConfigError {
  if (error instanceof ConfigError) return error;
  throw error;
}

/** The ConfigError that `load()` throws. */
export function refusal(load: () => unknown): ConfigError {
  try {
    load();
  } catch (error) {
    return ownError(error);
  }
  throw new Error(ACCEPTED);
}

/** The ConfigError that `load()` rejects with. */
export async function asyncRefusal(load: () => Promise<unknown>): Promise<ConfigError> {
  try {
    await load();
  } catch (error) {
    return ownError(error);
  }
  throw new Error(ACCEPTED);
}

/**
 * Each issue as `path: message`.
 *
 *   pathMessages(refusal(() => loadConfig(text, 'roofline.yml'))) //=> ['models[0].bytes: expected a non-negative byte count, got -1e31 B']
 */
export function pathMessages(error: ConfigError): string[] {
  return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
}
