import type { LonLat } from '@safeschools/domain';

/*
 * The map is a schematic drawn from the plan's own coordinates, not a background map: the PDF must render on a
 * server without internet access (no tile server, no map style to fetch), and a printed page only has to show
 * where each route runs and where each assembly point lies relative to the others. At school scale (a few
 * hundred metres) an equirectangular projection at the site's latitude distorts by far less than the line width.
 */

/** Millimetres on the page; y grows downwards as in Typst. */
export type MapXY = readonly [number, number];

export interface MapLabel {
  readonly text: string;
  /** From the map's left edge, or (when `alignRight`) the negative distance from its right edge. */
  readonly dx: number;
  readonly dy: number;
  readonly alignRight: boolean;
}

export interface PlanMapData {
  readonly width: number;
  readonly height: number;
  readonly routes: readonly { readonly line: readonly MapXY[]; readonly arrow: readonly MapXY[]; readonly label: MapLabel }[];
  readonly assemblyPoints: readonly { readonly at: MapXY; readonly label: MapLabel }[];
  readonly hazards: readonly { readonly at: MapXY; readonly label: MapLabel }[];
  readonly scaleBar: { readonly length: number; readonly text: string };
}

export interface MapFeatures {
  readonly routes: readonly { readonly label: string; readonly coordinates: readonly LonLat[] }[];
  readonly assemblyPoints: readonly { readonly label: string; readonly point: LonLat }[];
  readonly hazards: readonly { readonly label: string; readonly point: LonLat }[];
}

const metresPerDegree = (6_371_008.8 * Math.PI) / 180;
/** Room left around the features for markers and their labels. */
const padding = 12;
/** A single point or a tiny site still gets a readable neighbourhood instead of an infinite zoom. */
const minimumExtentMetres = 60;
const round = (value: number): number => Math.round(value * 100) / 100;

/** Projects the plan's features onto a map `width` mm wide whose height follows the features' shape. */
export function layoutPlanMap(features: MapFeatures, width = 170): PlanMapData | undefined {
  const all: LonLat[] = [
    ...features.routes.flatMap((route) => route.coordinates),
    ...features.assemblyPoints.map((point) => point.point),
    ...features.hazards.map((hazard) => hazard.point),
  ].filter(([lon, lat]) => Number.isFinite(lon) && Number.isFinite(lat));
  if (all.length === 0) return undefined;

  const lons = all.map(([lon]) => lon);
  const lats = all.map(([, lat]) => lat);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const midLat = (minLat + maxLat) / 2;
  const xScale = metresPerDegree * Math.cos((midLat * Math.PI) / 180);
  const extentX = Math.max((maxLon - minLon) * xScale, minimumExtentMetres);
  const extentY = Math.max((maxLat - minLat) * metresPerDegree, minimumExtentMetres);

  const inner = width - 2 * padding;
  const height = Math.min(150, Math.max(80, (extentY / extentX) * inner + 2 * padding));
  const mmPerMetre = Math.min(inner / extentX, (height - 2 * padding) / extentY);
  const centreLon = (minLon + maxLon) / 2;
  const project = ([lon, lat]: LonLat): MapXY => [
    round(width / 2 + (lon - centreLon) * xScale * mmPerMetre),
    round(height / 2 - (lat - midLat) * metresPerDegree * mmPerMetre),
  ];
  const labelAt = (text: string, [x, y]: MapXY): MapLabel =>
    x > width * 0.7
      ? { text, dx: round(x - width - 3), dy: round(y - 5.5), alignRight: true }
      : { text, dx: round(x + 3), dy: round(y - 5.5), alignRight: false };

  return {
    width,
    height: round(height),
    routes: features.routes
      .filter((route) => route.coordinates.length > 0)
      .map((route) => {
        const line = route.coordinates.map(project);
        return { line, arrow: arrowHead(line), label: labelAt(route.label, line[0] as MapXY) };
      }),
    assemblyPoints: features.assemblyPoints.map((point) => {
      const at = project(point.point);
      return { at, label: labelAt(point.label, at) };
    }),
    hazards: features.hazards.map((hazard) => {
      const at = project(hazard.point);
      return { at, label: labelAt(hazard.label, at) };
    }),
    scaleBar: scaleBar(inner / 4 / mmPerMetre, mmPerMetre),
  };
}

/** A filled triangle at the route's end pointing along its last segment, so the direction of travel shows. */
function arrowHead(line: readonly MapXY[]): MapXY[] {
  const tip = line[line.length - 1];
  const from = line.findLast((p) => tip !== undefined && (p[0] !== tip[0] || p[1] !== tip[1]));
  if (tip === undefined || from === undefined) return [];
  const length = Math.hypot(tip[0] - from[0], tip[1] - from[1]);
  const [ux, uy] = [(tip[0] - from[0]) / length, (tip[1] - from[1]) / length];
  const [bx, by] = [tip[0] - ux * 3.5, tip[1] - uy * 3.5];
  return [tip, [round(bx - uy * 1.6), round(by + ux * 1.6)], [round(bx + uy * 1.6), round(by - ux * 1.6)]];
}

/** The longest 1, 2 or 5 × 10^k metres not above `targetMetres`. */
function scaleBar(targetMetres: number, mmPerMetre: number): PlanMapData['scaleBar'] {
  const power = 10 ** Math.floor(Math.log10(targetMetres));
  const metres = [5, 2, 1].map((step) => step * power).find((candidate) => candidate <= targetMetres) ?? power;
  const text = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
  return { length: round(metres * mmPerMetre), text };
}
