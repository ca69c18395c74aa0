import { describe, expect, it } from 'vitest';
import { sniffFileType, XLSX } from './sniff-file-type.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

const jpeg = bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF');
const png = bytes('\x89PNG\r\n\x1a\n', [0, 0, 0, 13]);
const webp = bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 ');
const heic = bytes([0, 0, 0, 24], 'ftypheic', [0, 0, 0, 0]);
const pdf = bytes('%PDF-1.7\n');
const zip = bytes('PK\x03\x04', [20, 0]);
const csv = bytes('udise_code,name\n0101,Govt. Primary School Kalimpong\n');
const geojson = bytes('\xef\xbb\xbf  {"type":"FeatureCollection","features":[]}');
const cap = bytes('<?xml version="1.0"?><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">');

describe('sniffFileType', () => {
  it('accepts each allowed kind with a matching or neutral claim', () => {
    expect(sniffFileType(jpeg, 'image/jpeg')?.contentType).toBe('image/jpeg');
    expect(sniffFileType(jpeg, 'image/jpg')?.contentType).toBe('image/jpeg');
    expect(sniffFileType(png, 'image/png')?.kind).toBe('png');
    expect(sniffFileType(webp, 'image/webp')?.kind).toBe('webp');
    expect(sniffFileType(heic, 'image/heic')?.kind).toBe('heic');
    expect(sniffFileType(pdf, 'application/pdf')?.kind).toBe('pdf');
    expect(sniffFileType(zip, 'application/zip')?.contentType).toBe('application/zip');
    expect(sniffFileType(zip, XLSX)?.contentType).toBe(XLSX);
    expect(sniffFileType(zip, 'application/octet-stream', 'schools.xlsx')?.contentType).toBe(XLSX);
    expect(sniffFileType(csv, 'text/csv; charset=utf-8')?.contentType).toBe('text/csv');
    expect(sniffFileType(csv, 'application/vnd.ms-excel')?.kind).toBe('text');
    expect(sniffFileType(geojson, 'application/geo+json')?.contentType).toBe('application/geo+json');
    expect(sniffFileType(geojson, undefined)?.contentType).toBe('application/json');
    expect(sniffFileType(cap, 'application/cap+xml')?.contentType).toBe('application/cap+xml');
    expect(sniffFileType(cap, 'text/plain')?.contentType).toBe('text/plain');
    expect(sniffFileType(bytes('Gemeinde,Schüler\n'), 'text/csv')?.kind).toBe('text');
  });

  it('refuses a claim the bytes contradict', () => {
    expect(sniffFileType(png, 'application/pdf')).toBeNull();
    expect(sniffFileType(jpeg, 'image/png')).toBeNull();
    expect(sniffFileType(csv, 'application/json')).toBeNull();
    expect(sniffFileType(geojson, 'application/xml')).toBeNull();
    expect(sniffFileType(pdf, 'text/csv')).toBeNull();
    expect(sniffFileType(zip, 'image/jpeg')).toBeNull();
  });

  it('refuses kinds outside the allow-list', () => {
    expect(sniffFileType(bytes('MZ\x90\x00'), 'application/octet-stream')).toBeNull();
    expect(sniffFileType(bytes('\x7fELF\x02\x01'), undefined)).toBeNull();
    expect(sniffFileType(bytes('GIF89a'), 'image/gif')).toBeNull();
    expect(sniffFileType(bytes('<!DOCTYPE html><script>'), 'text/plain')).toBeNull();
    expect(sniffFileType(bytes('<svg onload=alert(1)>'), 'application/xml')).toBeNull();
    expect(sniffFileType(csv, 'text/html')).toBeNull();
    expect(sniffFileType(bytes('a,b\x00c'), 'text/csv')).toBeNull();
    expect(sniffFileType(bytes(''), 'text/plain')).toBeNull();
  });
});
