import { GeoInputError } from '../errors.js';

/** Runs fn and returns the GeoInputError it throws; fails loudly on any other outcome (e.g. a TypeError). */
export function geoError(fn: () => unknown): GeoInputError {
  try {
    fn();
  } catch (err) {
    if (err instanceof GeoInputError) return err;
    throw new Error(`expected GeoInputError, got ${String(err)}`);
  }
  throw new Error('expected GeoInputError, but nothing was thrown');
}
