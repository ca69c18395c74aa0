/**
 * Schools bucketed into a regular lon/lat grid (a counting sort, CSR layout): the points of cell c are
 * order[cellStart[c] .. cellStart[c+1]), with their coordinates copied in that order for cache-friendly scans,
 * and per-cell enrolment sums so cells wholly inside a polygon are counted without touching their points.
 */
export interface CellGrid {
  minLon: number;
  minLat: number;
  cellDeg: number;
  invCell: number;
  nx: number;
  ny: number;
  cellStart: Uint32Array;
  order: Uint32Array;
  sLon: Float64Array;
  sLat: Float64Array;
  /** Enrolment in cell order too, so counting boundary points reads memory sequentially. */
  sGirls: Uint32Array;
  sBoys: Uint32Array;
  sTotal: Uint32Array;
  cellGirls: Float64Array;
  cellBoys: Float64Array;
  cellTotal: Float64Array;
}

export function colOf(g: CellGrid, lon: number): number {
  return Math.floor((lon - g.minLon) * g.invCell);
}

export function rowOf(g: CellGrid, lat: number): number {
  return Math.floor((lat - g.minLat) * g.invCell);
}

/** Cell size giving about `perCell` points per cell over the data's bounding box, kept within sane limits. */
function chooseCellDeg(width: number, height: number, n: number, perCell: number): number {
  const area = Math.max(width * height, 1e-6);
  const size = Math.sqrt((area * perCell) / Math.max(n, 1));
  const maxCells = 4_000_000;
  const floor = Math.sqrt(area / maxCells);
  return Math.min(1, Math.max(size, floor, 0.002));
}

export function buildCellGrid(
  lon: Float64Array,
  lat: Float64Array,
  valid: Uint8Array,
  girls: Uint32Array,
  boys: Uint32Array,
  total: Uint32Array,
  perCell = 8,
): CellGrid {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  let count = 0;
  for (let i = 0; i < lon.length; i++) {
    if (!valid[i]) continue;
    const x = lon[i] as number;
    const y = lat[i] as number;
    if (x < minLon) minLon = x;
    if (x > maxLon) maxLon = x;
    if (y < minLat) minLat = y;
    if (y > maxLat) maxLat = y;
    count++;
  }
  if (count === 0) minLon = minLat = maxLon = maxLat = 0;
  const cellDeg = chooseCellDeg(maxLon - minLon, maxLat - minLat, count, perCell);
  const invCell = 1 / cellDeg;
  const nx = Math.floor((maxLon - minLon) * invCell) + 1;
  const ny = Math.floor((maxLat - minLat) * invCell) + 1;
  const cells = nx * ny;
  const cellOfPoint = new Int32Array(lon.length).fill(-1);
  const cellStart = new Uint32Array(cells + 1);
  for (let i = 0; i < lon.length; i++) {
    if (!valid[i]) continue;
    const c = Math.floor(((lat[i] as number) - minLat) * invCell) * nx + Math.floor(((lon[i] as number) - minLon) * invCell);
    cellOfPoint[i] = c;
    (cellStart[c + 1] as number)++;
  }
  for (let c = 0; c < cells; c++) cellStart[c + 1] = (cellStart[c + 1] as number) + (cellStart[c] as number);
  const fill = cellStart.slice(0, cells);
  const order = new Uint32Array(count);
  const sLon = new Float64Array(count);
  const sLat = new Float64Array(count);
  const sGirls = new Uint32Array(count);
  const sBoys = new Uint32Array(count);
  const sTotal = new Uint32Array(count);
  const cellGirls = new Float64Array(cells);
  const cellBoys = new Float64Array(cells);
  const cellTotal = new Float64Array(cells);
  for (let i = 0; i < lon.length; i++) {
    const c = cellOfPoint[i] as number;
    if (c < 0) continue;
    const k = (fill[c] as number)++;
    order[k] = i;
    sLon[k] = lon[i] as number;
    sLat[k] = lat[i] as number;
    sGirls[k] = girls[i] as number;
    sBoys[k] = boys[i] as number;
    sTotal[k] = total[i] as number;
    cellGirls[c] = (cellGirls[c] as number) + (girls[i] as number);
    cellBoys[c] = (cellBoys[c] as number) + (boys[i] as number);
    cellTotal[c] = (cellTotal[c] as number) + (total[i] as number);
  }
  return { minLon, minLat, cellDeg, invCell, nx, ny, cellStart, order, sLon, sLat, sGirls, sBoys, sTotal, cellGirls, cellBoys, cellTotal };
}
