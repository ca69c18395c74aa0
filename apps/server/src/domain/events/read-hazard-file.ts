import { GeoInputError, readCap, readCycloneTrack, readGeoJsonFootprint, readShakeMapGrid } from '@safeschools/geo';
import { AppError } from '../shared/app-error.js';
import { capHazard } from './cap-hazard.js';
import { cycloneHazard } from './cyclone-hazard.js';
import { footprintHazard } from './footprint-hazard.js';
import type { ParsedHazard } from './parsed-hazard.js';
import { shakeMapHazard } from './shakemap-hazard.js';

export interface HazardFileOptions {
  title?: string;
  /** Storm id or name when a track file holds many storms. */
  track?: string;
  /** Property of a GeoJSON footprint holding its intensity. */
  intensityProperty?: string;
}

const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

function textOf(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
}

/** The name of the first element, skipping the XML declaration, comments and doctype. */
function rootElementName(head: string): string | null {
  const stripped = head.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '').replace(/<![A-Z][\s\S]*?>/g, '');
  const m = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(stripped);
  return m?.[2] ?? null;
}

function geoFailure(error: unknown): never {
  if (error instanceof GeoInputError) {
    throw new AppError('HAZARD_FILE_INVALID', error.message, [{ path: 'file', message: error.message, code: error.code }]);
  }
  throw error;
}

function unsupported(message: string): never {
  throw new AppError('HAZARD_FILE_UNSUPPORTED', message);
}

/**
 * Recognises a hazard file by its content (never by its name) and reads it with the geo package's readers:
 * a ShakeMap grid (XML or zip), a CAP alert, a cyclone track (CSV or GeoJSON points) or a GeoJSON footprint.
 * Feeds are refused here: they are polled, and each alert in them becomes its own event.
 */
export function readHazardFile(bytes: Uint8Array, fileName: string, options: HazardFileOptions = {}): ParsedHazard {
  if (bytes.length === 0) throw new AppError('HAZARD_FILE_INVALID', 'The file is empty.');
  try {
    if (isZip(bytes)) return shakeMapHazard(readShakeMapGrid(bytes), options);
    const headText = textOf(bytes.subarray(0, 4096));
    const head = headText.trimStart();
    if (head.startsWith('<')) {
      const root = rootElementName(head);
      if (root === 'shakemap_grid') return shakeMapHazard(readShakeMapGrid(bytes), options);
      if (root === 'alert') return capHazard(readCap(bytes), options);
      if (root === 'feed' || root === 'rss') {
        unsupported('This is a feed of alerts. Add its address as a feed instead: each alert in it becomes its own event.');
      }
      unsupported(`An XML file with the root element <${root ?? '?'}> is not a hazard this app reads (ShakeMap grid.xml or a CAP alert).`);
    }
    const text = textOf(bytes);
    if (head.startsWith('{')) {
      let doc: unknown;
      try {
        doc = JSON.parse(text);
      } catch (error) {
        throw new AppError('HAZARD_FILE_INVALID', `The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (isTrackGeoJson(doc)) return cycloneHazard(readCycloneTrack(text), options);
      return footprintHazard(readGeoJsonFootprint(text, options.intensityProperty ? { intensityProperty: options.intensityProperty } : {}), fileName, options);
    }
    if (/^[^\n]*(lat|latitude)[^\n]*(lon|long|longitude)/i.test(head) || /^[^\n]*(lon|long|longitude)[^\n]*(lat|latitude)/i.test(head)) {
      const select = options.track ? (/^\d+$/.test(options.track) ? { stormId: options.track } : { name: options.track }) : {};
      return cycloneHazard(readCycloneTrack(text, select), options);
    }
    unsupported('The file is not a hazard this app reads: send a ShakeMap grid (XML or zip), a CAP alert, a cyclone track (CSV or GeoJSON points) or a GeoJSON footprint.');
  } catch (error) {
    return geoFailure(error);
  }
}

/** Point fixes (with perhaps a line joining them) make a track; any polygon makes a footprint. */
function isTrackGeoJson(doc: unknown): boolean {
  if (typeof doc !== 'object' || doc === null) return false;
  const features = (doc as { features?: unknown }).features;
  if (!Array.isArray(features) || features.length === 0) return false;
  const types = new Set(features.map((f) => (f as { geometry?: { type?: unknown } } | null)?.geometry?.type));
  return types.has('Point') && !types.has('Polygon') && !types.has('MultiPolygon');
}
