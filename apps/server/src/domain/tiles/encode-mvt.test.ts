import { describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { encodePointTile } from './encode-mvt.js';

describe('encodePointTile', () => {
  it('round-trips points and properties through a standard MVT reader', () => {
    const bytes = encodePointTile('schools', [
      { x: 10, y: 20, properties: { name: 'Enchey School', children: 390, id: 'a', open: true, ratio: 0.5 } },
      { x: 4000, y: -30, properties: { name: 'विद्यालय', children: 390, missing: null } },
    ]);
    const layer = new VectorTile(new Pbf(bytes) as unknown as ConstructorParameters<typeof VectorTile>[0]).layers.schools!;
    expect(layer.version).toBe(2);
    expect(layer.extent).toBe(4096);
    expect(layer.length).toBe(2);
    const first = layer.feature(0);
    expect(first.type).toBe(1);
    expect(first.properties).toEqual({ name: 'Enchey School', children: 390, id: 'a', open: true, ratio: 0.5 });
    expect(first.loadGeometry()[0]![0]).toMatchObject({ x: 10, y: 20 });
    const second = layer.feature(1);
    expect(second.properties).toEqual({ name: 'विद्यालय', children: 390 });
    expect(second.loadGeometry()[0]![0]).toMatchObject({ x: 4000, y: -30 });
    // Shared values are stored once.
    expect((layer as unknown as { _values: unknown[] })._values.filter((v) => v === 390)).toHaveLength(1);
  });

  it('makes an empty tile from no points', () => {
    expect(encodePointTile('schools', []).byteLength).toBe(0);
  });
});
