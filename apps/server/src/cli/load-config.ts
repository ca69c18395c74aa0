import { ConfigError, loadConfig, type Config } from '../config/config.js';

/** Commands read the same environment as the server; a bad one ends the command with every problem listed. */
export function configOrExit(error: (m: string) => void): Config | null {
  try {
    return loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      error(e.message);
      return null;
    }
    throw e;
  }
}
