import Pbf from 'pbf';

/** A point feature in tile coordinates (0..extent), with scalar properties. */
export interface TilePoint {
  x: number;
  y: number;
  properties: Record<string, string | number | boolean | null | undefined>;
}

// Mapbox Vector Tile 2.1 field numbers (vector_tile.proto).
const TILE_LAYERS = 3;
const LAYER = { name: 1, features: 2, keys: 3, values: 4, extent: 5, version: 15 } as const;
const FEATURE = { tags: 2, type: 3, geometry: 4 } as const;
const VALUE = { string: 1, double: 3, uint: 5, sint: 6, bool: 7 } as const;
const POINT = 1;
const MOVE_TO_ONE = (1 & 0x7) | (1 << 3);

const zigzag = (n: number) => (n << 1) ^ (n >> 31);

interface LayerData {
  name: string;
  extent: number;
  features: { geometry: number[]; tags: number[] }[];
  keys: string[];
  values: (string | number | boolean)[];
}

function writeValue(value: string | number | boolean, pbf: Pbf): void {
  if (typeof value === 'string') pbf.writeStringField(VALUE.string, value);
  else if (typeof value === 'boolean') pbf.writeBooleanField(VALUE.bool, value);
  else if (Number.isInteger(value) && value >= 0) pbf.writeVarintField(VALUE.uint, value);
  else if (Number.isInteger(value)) pbf.writeSVarintField(VALUE.sint, value);
  else pbf.writeDoubleField(VALUE.double, value);
}

function writeLayer(layer: LayerData, pbf: Pbf): void {
  pbf.writeVarintField(LAYER.version, 2);
  pbf.writeStringField(LAYER.name, layer.name);
  pbf.writeVarintField(LAYER.extent, layer.extent);
  for (const f of layer.features) {
    pbf.writeMessage(
      LAYER.features,
      (feature: typeof f, out: Pbf) => {
        out.writePackedVarint(FEATURE.tags, feature.tags);
        out.writeVarintField(FEATURE.type, POINT);
        out.writePackedVarint(FEATURE.geometry, feature.geometry);
      },
      f,
    );
  }
  for (const key of layer.keys) pbf.writeStringField(LAYER.keys, key);
  for (const value of layer.values) pbf.writeMessage(LAYER.values, writeValue, value);
}

/**
 * Encodes one layer of points as a Mapbox Vector Tile. Written here because the embedded PostGIS has no
 * protobuf support (no ST_AsMVT); the same code serves both databases. Keys and values are shared tables,
 * as the format intends; null and undefined properties are left out.
 */
export function encodePointTile(name: string, points: readonly TilePoint[], extent = 4096): Uint8Array {
  if (points.length === 0) return new Uint8Array();
  const layer: LayerData = { name, extent, features: [], keys: [], values: [] };
  const keyIndex = new Map<string, number>();
  const valueIndex = new Map<string, number>();
  for (const p of points) {
    const tags: number[] = [];
    for (const [key, value] of Object.entries(p.properties)) {
      if (value === null || value === undefined) continue;
      let k = keyIndex.get(key);
      if (k === undefined) keyIndex.set(key, (k = layer.keys.push(key) - 1));
      const id = `${typeof value}:${String(value)}`;
      let v = valueIndex.get(id);
      if (v === undefined) valueIndex.set(id, (v = layer.values.push(value) - 1));
      tags.push(k, v);
    }
    layer.features.push({ tags, geometry: [MOVE_TO_ONE, zigzag(Math.round(p.x)), zigzag(Math.round(p.y))] });
  }
  const pbf = new Pbf();
  pbf.writeMessage(TILE_LAYERS, writeLayer, layer);
  return pbf.finish();
}
