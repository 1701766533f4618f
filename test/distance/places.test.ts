import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultGeoNamesPath } from '../../src/distance/geonames.js';
import { loadDistanceData } from '../../src/distance/load.js';
import { createPlaceIndex, PlaceDataError, type PlaceIndex } from '../../src/distance/places.js';
import type { Lang } from '../../src/knowledge/schema.js';

const { places: additions } = loadDistanceData('knowledge');
let places: PlaceIndex;

beforeAll(() => {
  places = createPlaceIndex({ additions });
  places.load();
});

const best = (text: string, lang: Lang = 'nl') => places.find(text, lang)[0]?.place;

describe('the GeoNames data', () => {
  it('reads the places of cities500 lazily', () => {
    const lazy = createPlaceIndex({ additions });
    expect(lazy.loaded).toBe(false);
    expect(places.count()).toBeGreaterThan(190_000);
    expect(places.byId(2743477)?.name).toBe('Zwolle');
    expect(places.byId(1)).toBeUndefined();
  });

  it('reads them in the background in small steps, letting other work run in between', async () => {
    const background = createPlaceIndex({ additions });
    let turns = 0;
    let counting = true;
    const tick = (): void => {
      turns += 1;
      if (counting) setImmediate(tick);
    };
    setImmediate(tick);
    const ms = await background.loadInBackground();
    counting = false;
    expect(background.loaded).toBe(true);
    expect(ms).toBeGreaterThan(0);
    // A dump of ~200,000 rows read in steps of 1,000 rows gives other callbacks about two hundred turns.
    expect(turns).toBeGreaterThan(100);
    expect(background.count()).toBe(places.count());
    expect(background.find('Zwolle', 'nl')[0]?.place.id).toBe(2743477);
    expect(await background.loadInBackground()).toBe(0);
  });

  it('answers a question asked while it reads in the background, by finishing the reading at once', async () => {
    const background = createPlaceIndex({ additions });
    const loading = background.loadInBackground();
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(background.loaded).toBe(false);
    expect(background.find('Zwolle', 'nl')[0]?.place.id).toBe(2743477);
    expect(background.loaded).toBe(true);
    await loading;
    expect(background.count()).toBe(places.count());
  });

  it('refuses an alias whose id is another place, in the background too', async () => {
    const wrong = createPlaceIndex({ additions: { ...additions, aliases: [{ names: ['Den Bosch'], geonameId: 2743477, place: "'s-Hertogenbosch" }] } });
    await expect(wrong.loadInBackground()).rejects.toThrow(PlaceDataError);
    expect(() => wrong.load()).toThrow(PlaceDataError);
  });

  it('refuses an alias whose id is another place', () => {
    const wrong = createPlaceIndex({ additions: { ...additions, aliases: [{ names: ['Den Bosch'], geonameId: 2743477, place: "'s-Hertogenbosch" }] } });
    expect(() => wrong.load()).toThrow(PlaceDataError);
    expect(() => wrong.load()).toThrow(/aliases Den Bosch › geonameId: 2743477 should be 's-Hertogenbosch, but the id is Zwolle/);
  });
});

describe('names in Dutch, English and the local language, with or without diacritics', () => {
  it.each([
    ['Den Haag', 'The Hague', 'NL'],
    ["'s-Gravenhage", 'The Hague', 'NL'],
    ['s-Gravenhage', 'The Hague', 'NL'],
    ['The Hague', 'The Hague', 'NL'],
    ['Praag', 'Prague', 'CZ'],
    ['Praha', 'Prague', 'CZ'],
    ['Prague', 'Prague', 'CZ'],
    ['Brussel', 'Brussels', 'BE'],
    ['Bruxelles', 'Brussels', 'BE'],
    ['Den Bosch', "'s-Hertogenbosch", 'NL'],
    ["'s-Hertogenbosch", "'s-Hertogenbosch", 'NL'],
    ['’s-Hertogenbosch', "'s-Hertogenbosch", 'NL'],
    ['Keulen', 'Köln', 'DE'],
    ['Koln', 'Köln', 'DE'],
    ['Munchen', 'Munich', 'DE'],
    ['Reykjavik', 'Reykjavík', 'IS'],
    ['Kopenhagen', 'Copenhagen', 'DK'],
    ['Lissabon', 'Lisbon', 'PT'],
    ['Sevilla', 'Sevilla', 'ES'],
    ['Seville', 'Sevilla', 'ES'],
    ['Valletta', 'Valletta', 'MT'],
    ['Sint-Petersburg', 'Saint Petersburg', 'RU'],
    ['ZWOLLE', 'Zwolle', 'NL'],
  ])('%s → %s (%s)', (text, name, country) => {
    expect(best(text)).toMatchObject({ name, countryCode: country });
  });
});

describe('ranking', () => {
  it.each([
    ['Oss', 'nl', 'Oss', 'NL'],
    ['Oss', 'en', 'Oss', 'NL'],
    ['Ede', 'en', 'Ede', 'NL'],
    ['Zwolle', 'en', 'Zwolle', 'NL'],
    ['Harlingen', 'en', 'Harlingen', 'NL'],
    ['Bergen', 'nl', 'Bergen', 'NL'],
    ['Bergen', 'en', 'Bergen', 'NO'],
    ['Valencia', 'en', 'Valencia', 'ES'],
    ['Gent', 'nl', 'Gent', 'BE'],
    ['Paris', 'en', 'Paris', 'FR'],
    ['London', 'nl', 'London', 'GB'],
    ['Aken', 'nl', 'Aachen', 'DE'],
    ['Luxemburg', 'nl', 'Luxembourg', 'LU'],
  ] as const)('%s (%s) → %s in %s', (text, lang, name, country) => {
    expect(best(text, lang)).toMatchObject({ name, countryCode: country });
  });

  it('offers the other places of the same name', () => {
    const oss = places.find('Oss', 'nl');
    expect(oss.map((m) => m.place.countryCode)).toContain('KG');
    const bergen = places.find('Bergen', 'nl').map((m) => m.place.countryCode);
    expect(bergen.slice(0, 2)).toEqual(['NL', 'NO']);
  });

  it('knows nothing of a made-up name', () => {
    expect(places.find('Xyzzyqwrtz', 'nl')).toEqual([]);
  });
});

describe('"Place, country" and "Place (region)"', () => {
  it.each([
    ['Bergen, Noorwegen', 'NO'],
    ['Bergen, Norway', 'NO'],
    ['Bergen (NO)', 'NO'],
    ['Bergen, Noord-Holland', 'NL'],
    ['Oss, Kirgizië', 'KG'],
    ['Oss, Kyrgyzstan', 'KG'],
    ['Valencia, Venezuela', 'VE'],
    ['Amsterdam, New York', 'US'],
    ['London, Canada', 'CA'],
  ])('%s is in %s', (text, country) => {
    expect(best(text)?.countryCode).toBe(country);
  });

  it('finds nothing when the country has no such place', () => {
    expect(places.find('Zwolle, Finland', 'nl')).toEqual([]);
  });
});

describe('knowledge/places.yaml against the data', () => {
  it('names regions that exist, by the code GeoNames gives their places', () => {
    const seats: Record<string, string> = { 'NL 06': "'s-Hertogenbosch", 'NL 15': 'Zwolle', 'BE VLG': 'Antwerpen', 'DE 02': 'Munich', 'FR 84': 'Lyon', 'ES 51': 'Sevilla', 'IT 16': 'Florence', 'GB SCT': 'Edinburgh', 'US NY': 'New York City' };
    for (const [where, name] of Object.entries(seats)) {
      const [country, admin1] = where.split(' ');
      expect(places.find(name, 'en').some((m) => m.place.countryCode === country && m.place.admin1 === admin1), where).toBe(true);
    }
    const inData = new Set<string>();
    for (const line of readFileSync(defaultGeoNamesPath(), 'utf8').split('\n')) {
      const columns = line.split('\t', 11);
      inData.add(`${columns[8]} ${columns[10]}`);
    }
    const named = Object.entries(additions.regions).flatMap(([country, regions]) => Object.keys(regions).map((admin1) => `${country} ${admin1}`));
    expect(named.length).toBeGreaterThan(100);
    expect(named.filter((region) => !inData.has(region))).toEqual([]);
  });

  it('lists the programme countries of Erasmus+', () => {
    expect(additions.programmeCountries).toHaveLength(33);
    expect(additions.programmeCountries).toEqual(expect.arrayContaining(['NL', 'BE', 'DE', 'NO', 'IS', 'LI', 'MK', 'RS', 'TR']));
    expect(additions.programmeCountries).not.toContain('GB');
    expect(additions.programmeCountries).not.toContain('CH');
  });
});

describe('country and region names', () => {
  it('names them in the reply language', () => {
    const oss = best('Oss');
    expect(oss && places.regionName(oss, 'nl')).toBe('Noord-Brabant');
    expect(places.countryName('NL', 'nl')).toBe('Nederland');
    expect(places.countryName('NL', 'en')).toBe('Netherlands');
    const haarlem = best('Haarlem');
    expect(haarlem && places.regionName(haarlem, 'en')).toBe('North Holland');
    const helsinki = best('Helsinki');
    expect(helsinki && places.regionName(helsinki, 'nl')).toBeUndefined();
  });
});

describe('suggest', () => {
  it.each([
    ['Helsinkk', 'Helsinki'],
    ['Amsterdm', 'Amsterdam'],
    ['Zwolel', 'Zwolle'],
    ['Hertogenbosch', "'s-Hertogenbosch"],
    ['Valeta', 'Valletta'],
    ['Kopenhage', 'Copenhagen'],
  ])('offers %s → %s', (typed, name) => {
    expect(places.suggest(typed, 'nl').map((p) => p.name)).toContain(name);
  });

  it('offers nothing for gibberish', () => {
    expect(places.suggest('Xyzzyqwrtz', 'nl')).toEqual([]);
  });
});
