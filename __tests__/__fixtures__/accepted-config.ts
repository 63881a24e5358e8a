// Property tests state what holds for every config the engine accepts: they generate configs, some of
// which the engine refuses (a sum past the range, a level a device lacks), and keep the rest.
import { ConfigError, loadConfig, type Config } from '../../src/core/config/index.js';

/** The config of `text`, or null when the engine refuses it with a config error (any other error is thrown). */
export function acceptedConfig(text: string): Config | null {
  try {
    return loadConfig(text, 'roofline.yml');
  } catch (error) {
    if (error instanceof ConfigError) return null;
    throw error;
  }
}
