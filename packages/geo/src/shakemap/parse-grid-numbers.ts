import { GeoInputError } from '../errors.js';

const POW10 = Array.from({ length: 40 }, (_, i) => 10 ** i);

function scale(mantissa: number, exp10: number): number {
  if (exp10 === 0) return mantissa;
  if (exp10 > 0) return exp10 < 40 ? mantissa * (POW10[exp10] ?? 1) : mantissa * 10 ** exp10;
  return -exp10 < 40 ? mantissa / (POW10[-exp10] ?? 1) : mantissa * 10 ** exp10;
}

export interface GridNumbers {
  /** Complete points read. */
  points: number;
  /** Values of an incomplete last row that were dropped (non-zero only for a file cut mid-row). */
  droppedValues: number;
}

/**
 * Parses whitespace-separated numbers straight from ASCII bytes into one Float32Array per column, without
 * building strings: a national grid holds tens of millions of values. Every line must hold a whole number of
 * rows; an incomplete final row (a file cut short) is reported, not silently shifted into the next column.
 */
export function parseGridNumbers(bytes: Uint8Array, start: number, end: number, columns: Float32Array[], maxPoints: number): GridNumbers {
  const nf = columns.length;
  let col = 0;
  let point = 0;
  let line = 1;
  let valuesOnLine = 0;
  let i = start;
  while (i < end) {
    const c = bytes[i] as number;
    if (c === 0x0a) {
      if (valuesOnLine % nf !== 0) {
        throw new GeoInputError('SHAKEMAP_GRID_INVALID', `grid_data row ${line} holds ${valuesOnLine} values; each row needs ${nf} (one per grid_field).`);
      }
      if (valuesOnLine > 0) line++;
      valuesOnLine = 0;
      i++;
      continue;
    }
    if (c === 0x20 || c === 0x09 || c === 0x0d) {
      i++;
      continue;
    }
    let value: number;
    let neg = false;
    if (c === 0x2d || c === 0x2b) {
      neg = c === 0x2d;
      i++;
    }
    const first = bytes[i] ?? 0;
    if ((first | 0x20) === 0x6e && ((bytes[i + 1] ?? 0) | 0x20) === 0x61 && ((bytes[i + 2] ?? 0) | 0x20) === 0x6e) {
      value = Number.NaN;
      i += 3;
    } else {
      let mantissa = 0;
      let exp10 = 0;
      let digits = 0;
      let d = bytes[i] ?? 0;
      while (d >= 0x30 && d <= 0x39) {
        mantissa = mantissa * 10 + (d - 0x30);
        digits++;
        d = bytes[++i] ?? 0;
      }
      if (d === 0x2e) {
        d = bytes[++i] ?? 0;
        while (d >= 0x30 && d <= 0x39) {
          mantissa = mantissa * 10 + (d - 0x30);
          exp10--;
          digits++;
          d = bytes[++i] ?? 0;
        }
      }
      if (digits === 0) {
        const shown = String.fromCharCode(bytes[i] ?? 0x3f);
        throw new GeoInputError('SHAKEMAP_GRID_INVALID', `grid_data row ${line} has an unexpected character "${shown}" where a number should be.`);
      }
      if ((d | 0x20) === 0x65) {
        let e = 0;
        let eNeg = false;
        d = bytes[++i] ?? 0;
        if (d === 0x2d || d === 0x2b) {
          eNeg = d === 0x2d;
          d = bytes[++i] ?? 0;
        }
        while (d >= 0x30 && d <= 0x39) {
          e = e * 10 + (d - 0x30);
          d = bytes[++i] ?? 0;
        }
        exp10 += eNeg ? -e : e;
      }
      value = scale(mantissa, exp10);
    }
    if (point >= maxPoints) {
      throw new GeoInputError('SHAKEMAP_GRID_INVALID', `grid_data holds more points than nlon*nlat = ${maxPoints}.`);
    }
    (columns[col] as Float32Array)[point] = neg ? -value : value;
    valuesOnLine++;
    if (++col === nf) {
      col = 0;
      point++;
    }
  }
  return { points: point, droppedValues: col };
}
