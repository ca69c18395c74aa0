export { GeoInputError, geoWarningCodes, type GeoErrorCode, type GeoWarning, type GeoWarningCode } from './errors.js';
export type { MultiPolygonCoords, PolygonCoords, Position, Ring } from './geometry-types.js';
export { parseXmlBytes, parseXmlText } from './xml/parse-xml.js';
export type { XmlElement } from './xml/xml-node.js';

export { readShakeMapGrid, type ReadShakeMapOptions } from './shakemap/read-shakemap-grid.js';
export type { GridSpec, ShakeMapEvent, ShakeMapGrid } from './shakemap/grid-types.js';
export { readCap } from './cap/read-cap.js';
export { readCapFeed, type CapFeedEntry, type CapFeedResult } from './cap/read-cap-feed.js';
export type { GdacsFields } from './cap/gdacs-fields.js';
export { readUsgsFeed, type EarthquakeEntry, type UsgsFeedResult } from './usgs/read-usgs-feed.js';
export type { CapAlert, CapArea, CapCircle, CapInfo, CapReference, CapResult, NamedValue } from './cap/cap-types.js';
export { readGeoJsonFootprint, type Footprint, type FootprintOptions, type FootprintResult } from './geojson/read-geojson-footprint.js';
export { readCycloneTrack } from './cyclone/read-cyclone-track.js';
export type { TrackSelection } from './cyclone/parse-track-csv.js';
export type { CycloneTrack, TrackPoint } from './cyclone/track-types.js';

export { SchoolIndex, type SchoolIndexInput } from './spatial/school-index.js';
export { withinCircle } from './spatial/within-circle.js';
export { countByPolygons, preparePolygonSet, withinPolygon, type PolygonCounts, type PolygonSet } from './spatial/polygon-queries.js';
export { pointInPolygon, preparePolygon, type PreparedPolygon } from './spatial/prepared-polygon.js';
export { sampleGrid, sampleGridValues } from './spatial/sample-grid.js';
export { EARTH_RADIUS_KM, haversineKm } from './spatial/haversine.js';

export { aww2014Mmi, scenarioMmi } from './hazard/scenario-mmi.js';
export { mmiToPgaG, pgaGToMmi } from './hazard/gmice.js';
export { hollandB2008, hollandBPowell2005, hollandSpeed, rmaxWilloughby2006Km } from './hazard/holland-wind.js';
export { cyclonePeakWind } from './hazard/cyclone-peak-wind.js';
export { cycloneWindGrid, type CycloneWindOptions } from './hazard/cyclone-wind.js';
export { interpolateTrack, type TrackStep } from './hazard/interpolate-track.js';

export { lognormalCdf, lognormalFromMoments, normalCdf } from './fragility/lognormal.js';
export { exceedance, type DiscreteFragility, type FragilityFunction, type FragilitySet, type LognormalFragility } from './fragility/fragility-types.js';
export { readNrmlFragility } from './fragility/read-nrml-fragility.js';
export { DEFAULT_FRAGILITY } from './fragility/default-fragility.js';
export { DEFAULT_TYPOLOGY_RULES, mapTypologies, type TypologyMapping, type TypologyRule } from './fragility/map-typologies.js';

export { computeImpact, defaultBands, type AreaRollup, type ImpactOptions, type ImpactResult } from './impact/compute-impact.js';
export type { Hazard } from './impact/hazard-types.js';
