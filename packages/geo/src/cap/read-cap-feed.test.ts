import { describe, expect, it } from 'vitest';
import { geoError } from '../testing/expect-geo-error.js';
import { mutatedText } from '../testing/mutated-text.js';
import { sharedBytes } from '../testing/shared-data.js';
import { readCapFeed } from './read-cap-feed.js';

describe('readCapFeed', () => {
  it('GDACS RSS with embedded CAP: gdacs fields from the CAP parameters', () => {
    const feed = readCapFeed(sharedBytes('cap/gdacs/kontur_gdacs_cap_feed_2020-11-10_prettyprinted.xml'));
    expect(feed.kind).toBe('rss');
    expect(feed.entries).toHaveLength(3);
    const first = feed.entries[0];
    expect(first?.id).toBe('EQ1243255_1342589');
    expect(first?.capLink).toBe('https://www.gdacs.org/contentdata/resources/EQ/1243255/cap_1243255.xml');
    expect(first?.updated).toBe('2020-11-10T04:41:00.000Z');
    expect(first?.cap?.identifier).toBe('GDACS_EQ_1243255_1342589');
    expect(first?.gdacs).toMatchObject({ alertLevel: 'Green', eventType: 'EQ', eventId: '1243255', episodeId: '1342589', country: 'Guam', iso3: 'GUM' });
    expect(first?.gdacs?.severity).toBe('Magnitude 4.8M, Depth:35km');
    expect(first?.title).not.toMatch(/\n/);
  });

  it('GDACS RSS with gdacs: elements and a bbox', () => {
    const rss = `<rss version="2.0" xmlns:gdacs="http://www.gdacs.org"><channel><title>GDACS</title><item><title>TC</title>
      <link>https://www.gdacs.org/report.aspx?eventid=1</link><guid>TC1</guid><pubDate>Fri, 03 May 2019 00:00:00 GMT</pubDate>
      <gdacs:alertlevel>Red</gdacs:alertlevel><gdacs:eventtype>TC</gdacs:eventtype><gdacs:eventid>1000552</gdacs:eventid>
      <gdacs:episodeid>20</gdacs:episodeid><gdacs:population unit="Pop">12 million</gdacs:population><gdacs:country>India</gdacs:country>
      <gdacs:fromdate>Fri, 26 Apr 2019 00:00:00 GMT</gdacs:fromdate><gdacs:todate>Sat, 04 May 2019 00:00:00 GMT</gdacs:todate>
      <gdacs:bbox>80.1 92.3 2.5 26.1</gdacs:bbox></item></channel></rss>`;
    const entry = readCapFeed(rss).entries[0];
    expect(entry?.gdacs).toMatchObject({ alertLevel: 'Red', eventType: 'TC', eventId: '1000552', episodeId: '20', population: '12 million', country: 'India' });
    expect(entry?.gdacs?.bbox).toEqual([80.1, 2.5, 92.3, 26.1]);
    expect(entry?.capLink).toBeUndefined();
  });

  it('GDACS RSS: the point of each item, and magnitude and depth of an earthquake from its severity text', () => {
    const feed = readCapFeed(sharedBytes('cap/gdacs/kontur_gdacs_cap_feed_2020-11-10_prettyprinted.xml'));
    expect(feed.entries[0]?.gdacs).toMatchObject({ point: { lat: 12.2105, lon: 140.2602 }, magnitude: 4.8, depthKm: 35 });
    const tc = feed.entries.find((e) => e.gdacs?.eventType === 'TC');
    expect(tc?.gdacs?.point).toBeDefined();
    expect(tc?.gdacs?.magnitude).toBeUndefined();
  });

  it('GDACS RSS as gdacs.org writes it: severity value and unit, gdacs:cap as the CAP link, georss points', () => {
    const rss = `<rss version="2.0" xmlns:gdacs="http://www.gdacs.org" xmlns:geo="http://www.w3.org/2003/01/geo/wgs84_pos#" xmlns:georss="http://www.georss.org/georss"><channel><title>GDACS RSS information</title>
      <item><title>Orange earthquake alert (Magnitude 6.4M, Depth:18km) in India 10/12/2026 10:00 UTC</title>
        <link>https://www.gdacs.org/report.aspx?eventtype=EQ&amp;eventid=1500001</link><guid isPermaLink="false">EQ1500001</guid>
        <pubDate>Thu, 10 Dec 2026 10:05:00 GMT</pubDate><gdacs:fromdate>Thu, 10 Dec 2026 10:00:00 GMT</gdacs:fromdate>
        <geo:Point><geo:lat>27.3</geo:lat><geo:long>88.6</geo:long></geo:Point>
        <gdacs:cap>https://www.gdacs.org/contentdata/resources/EQ/1500001/cap_1500001.xml</gdacs:cap>
        <gdacs:eventtype>EQ</gdacs:eventtype><gdacs:alertlevel>Orange</gdacs:alertlevel><gdacs:eventid>1500001</gdacs:eventid><gdacs:episodeid>1600001</gdacs:episodeid>
        <gdacs:severity unit="M" value="6.4">Magnitude 6.4M, Depth:18km</gdacs:severity></item>
      <item><title>Red tropical cyclone</title><link>https://www.gdacs.org/report.aspx?eventtype=TC&amp;eventid=1001</link><guid>TC1001_3</guid>
        <georss:point>21.5 88.1</georss:point><gdacs:eventtype>TC</gdacs:eventtype><gdacs:alertlevel>Red</gdacs:alertlevel><gdacs:eventid>1001</gdacs:eventid>
        <gdacs:severity unit="km/h" value="185">Tropical cyclone (maximum wind speed of 185 km/h)</gdacs:severity></item>
      <item><title>Broken</title><guid>EQ9</guid><geo:Point><geo:lat>north</geo:lat><geo:long>88</geo:long></geo:Point>
        <gdacs:eventtype>EQ</gdacs:eventtype><gdacs:eventid>9</gdacs:eventid><gdacs:severity unit="M" value="big">strong</gdacs:severity></item>
      <item><title>Out of range</title><guid>EQ10</guid><geo:lat>95</geo:lat><geo:long>88</geo:long><gdacs:eventtype>EQ</gdacs:eventtype><gdacs:eventid>10</gdacs:eventid></item>
    </channel></rss>`;
    const [eq, tc, broken, outOfRange] = readCapFeed(rss).entries;
    expect(eq?.capLink).toBe('https://www.gdacs.org/contentdata/resources/EQ/1500001/cap_1500001.xml');
    expect(eq?.link).toBe('https://www.gdacs.org/report.aspx?eventtype=EQ&eventid=1500001');
    expect(eq?.gdacs).toMatchObject({ eventType: 'EQ', alertLevel: 'Orange', eventId: '1500001', episodeId: '1600001', point: { lat: 27.3, lon: 88.6 }, severityValue: 6.4, severityUnit: 'M', magnitude: 6.4, depthKm: 18, fromDate: 'Thu, 10 Dec 2026 10:00:00 GMT' });
    expect(tc?.gdacs).toMatchObject({ eventType: 'TC', alertLevel: 'Red', point: { lat: 21.5, lon: 88.1 }, severityValue: 185, severityUnit: 'km/h' });
    expect(tc?.gdacs?.magnitude).toBeUndefined();
    expect(tc?.capLink).toBeUndefined();
    // Unreadable facts are left out, never guessed and never thrown.
    expect(broken?.gdacs?.point).toBeUndefined();
    expect(broken?.gdacs?.magnitude).toBeUndefined();
    expect(broken?.gdacs?.severityValue).toBeUndefined();
    expect(outOfRange?.gdacs?.point).toBeUndefined();
  });

  it('NWS Atom index (CAP 1.1 fields): entries link to the CAP messages', () => {
    const feed = readCapFeed(sharedBytes('cap/agencies/us_nws_weather.atom'));
    expect(feed.kind).toBe('atom');
    expect(feed.entries).toHaveLength(2);
    expect(feed.entries[0]?.capLink).toMatch(/wwacapget\.php/);
    expect(feed.entries[0]?.capFields['event']).toBe('Wind Advisory');
    expect(feed.entries[0]?.updated).toBe('2014-05-11T04:00:00.000Z');
  });

  it('Krisinformation Atom feed', () => {
    const feed = readCapFeed(sharedBytes('cap/agencies/sweden.atom'));
    expect(feed.entries.length).toBeGreaterThan(1);
    expect(feed.entries[0]?.capLink).toMatch(/capmessage\/11337sv/);
    expect(feed.entries[0]?.capFields['event']).toBe('News');
  });

  it('refuses an embedded alert that breaks a CAP rule alone, and reads the other entries', () => {
    const feed = readCapFeed(
      mutatedText('cap/gdacs/kontur_gdacs_cap_feed_2020-11-10_prettyprinted.xml', [
        '<cap:msgType>Alert</cap:msgType>',
        '<cap:msgType>Update</cap:msgType>',
      ]),
    );
    expect(feed.entries).toHaveLength(3);
    const [first, ...others] = feed.entries;
    expect(first?.cap).toBeUndefined();
    expect(first?.refused?.code).toBe('CAP_REFERENCES_MISSING');
    expect(first?.gdacs).toBeUndefined(); // its facts came from the refused alert
    expect(others.map((e) => e.cap?.identifier)).toEqual(['GDACS_TC_1000742_1', 'GDACS_EQ_1243234_1342580']);
    expect(others.every((e) => e.refused === undefined)).toBe(true);
    expect(feed.warnings.map((w) => w.code)).toEqual(['CAP_REFERENCES_MISSING']);
  });

  it("keeps each embedded alert's own warnings on its entry, for the event it becomes", () => {
    const feed = readCapFeed(
      mutatedText('cap/gdacs/kontur_gdacs_cap_feed_2020-11-10_prettyprinted.xml', [
        '<cap:status>Actual</cap:status>',
        '<cap:status>actual</cap:status>',
      ]),
    );
    const [first, ...others] = feed.entries;
    expect(first?.capWarnings?.map((w) => w.code)).toEqual(['CAP_VALUE_CASE']);
    expect(others.map((e) => e.capWarnings)).toEqual([[], []]);
  });

  it('refuses a single alert, a non-feed and a channel-less RSS', () => {
    expect(geoError(() => readCapFeed(sharedBytes('cap/oasis/oasis_cap12_example1.xml'))).message).toMatch(/readCap/);
    expect(geoError(() => readCapFeed('<html/>')).code).toBe('CAP_FEED_INVALID');
    expect(geoError(() => readCapFeed('<rss/>')).code).toBe('CAP_FEED_INVALID');
    expect(geoError(() => readCapFeed('<rss><channel>')).code).toBe('CAP_FEED_INVALID');
  });
});
