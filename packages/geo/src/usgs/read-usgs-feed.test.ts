import { describe, expect, it } from 'vitest';
import { geoError } from '../testing/expect-geo-error.js';
import { readUsgsFeed } from './read-usgs-feed.js';

// The shape of https://earthquake.usgs.gov/earthquakes/feed/v1.0/summary/4.5_day.geojson (GeoJSON summary format).
const feature = (id: string, props: Record<string, unknown>, coordinates: unknown = [88.62, 27.33, 12.5]) => ({
  type: 'Feature',
  properties: {
    mag: 6.1,
    place: '20 km NNE of Gangtok, India',
    time: 1765432100000,
    updated: 1765432400000,
    tz: null,
    url: `https://earthquake.usgs.gov/earthquakes/eventpage/${id}`,
    detail: `https://earthquake.usgs.gov/earthquakes/feed/v1.0/detail/${id}.geojson`,
    status: 'automatic',
    tsunami: 0,
    net: id.slice(0, 2),
    code: id.slice(2),
    ids: `,${id},`,
    type: 'earthquake',
    title: 'M 6.1 - 20 km NNE of Gangtok, India',
    ...props,
  },
  geometry: { type: 'Point', coordinates },
  id,
});
const feed = (...features: unknown[]) =>
  JSON.stringify({ type: 'FeatureCollection', metadata: { generated: 1765432500000, title: 'USGS Magnitude 4.5+ Past Day', status: 200, count: features.length }, features, bbox: [88, 27, 0, 89, 28, 20] });

describe('readUsgsFeed', () => {
  it('reads each earthquake: ids with aliases, magnitude, depth, epicentre, times, place', () => {
    const result = readUsgsFeed(new TextEncoder().encode(feed(feature('us7000sk01', { ids: ',at00sk01,us7000sk01,' }))));
    expect(result.title).toBe('USGS Magnitude 4.5+ Past Day');
    expect(result.warnings).toEqual([]);
    expect(result.entries).toEqual([
      {
        sourceId: 'us7000sk01',
        ids: ['us7000sk01', 'at00sk01'],
        magnitude: 6.1,
        depthKm: 12.5,
        lat: 27.33,
        lon: 88.62,
        time: new Date(1765432100000).toISOString(),
        updated: new Date(1765432400000).toISOString(),
        place: '20 km NNE of Gangtok, India',
        title: 'M 6.1 - 20 km NNE of Gangtok, India',
        url: 'https://earthquake.usgs.gov/earthquakes/eventpage/us7000sk01',
        status: 'automatic',
      },
    ]);
  });

  it('leaves out other event types and deleted events, and takes a depth above sea level as the surface', () => {
    const result = readUsgsFeed(
      feed(
        feature('us1', { type: 'quarry blast' }),
        feature('us2', { status: 'deleted' }),
        feature('us3', { title: null, place: null }, [10, 20, -1.2]),
      ),
    );
    expect(result.skipped).toBe(2);
    expect(result.entries.map((e) => [e.sourceId, e.depthKm, e.title])).toEqual([['us3', 0, 'M 6.1 - us3']]);
  });

  it('leaves out a broken feature with a warning and reads the others', () => {
    const result = readUsgsFeed(
      feed(
        'not a feature',
        feature('us4', { mag: null }),
        feature('us5', {}, [200, 27]),
        feature('us6', {}, 'here'),
        feature('us7', { time: 'yesterday' }),
        { type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] } },
        feature('us8', {}),
      ),
    );
    expect(result.entries.map((e) => e.sourceId)).toEqual(['us8']);
    expect(result.warnings.map((w) => w.code)).toEqual(Array(6).fill('USGS_FEATURE_INVALID'));
    expect(result.warnings[1]?.message).toContain('us4');
  });

  it('refuses what is not a feed with a clear code', () => {
    expect(geoError(() => readUsgsFeed('{"type": "Feature"')).code).toBe('USGS_FEED_INVALID');
    expect(geoError(() => readUsgsFeed('{"type": "Feature", "features": []}')).code).toBe('USGS_FEED_INVALID');
    expect(geoError(() => readUsgsFeed('<rss/>')).code).toBe('USGS_FEED_INVALID');
    expect(geoError(() => readUsgsFeed('[]')).code).toBe('USGS_FEED_INVALID');
    expect(readUsgsFeed('{"type":"FeatureCollection","features":[]}').entries).toEqual([]);
  });
});
