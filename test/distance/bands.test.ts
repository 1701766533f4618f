import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_KM, greatCircleKm, readCallYear, renderBand, renderCallYears, selectTable, toBand } from '../../src/distance/bands.js';
import { loadDistanceData } from '../../src/distance/load.js';
import type { TravelTable } from '../../src/distance/schema.js';

const { travel } = loadDistanceData('knowledge');
const table = selectTable(travel.tables, 2022);
const table2024 = selectTable(travel.tables, 2026);

describe('greatCircleKm', () => {
  it('measures on a sphere of 6371 km', () => {
    expect(greatCircleKm({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo((2 * Math.PI * EARTH_RADIUS_KM) / 360, 6);
    expect(greatCircleKm({ lat: 90, lon: 0 }, { lat: -90, lon: 0 })).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 6);
    expect(greatCircleKm({ lat: 10, lon: 170 }, { lat: 10, lon: -170 })).toBeCloseTo(greatCircleKm({ lat: 10, lon: -10 }, { lat: 10, lon: 10 }), 6);
  });

  it('gives Amsterdam–Helsinki about 1,500 km, the same both ways', () => {
    const amsterdam = { lat: 52.37403, lon: 4.88969 };
    const helsinki = { lat: 60.16952, lon: 24.93545 };
    const km = greatCircleKm(amsterdam, helsinki);
    expect(km).toBeGreaterThan(1490);
    expect(km).toBeLessThan(1520);
    expect(greatCircleKm(helsinki, amsterdam)).toBeCloseTo(km, 9);
    expect(greatCircleKm(amsterdam, amsterdam)).toBe(0);
  });
});

describe('toBand on the table of calls 2021–2023', () => {
  it.each([
    [9, undefined, undefined],
    [10, 23, undefined],
    [99, 23, undefined],
    [100, 180, 210],
    [499, 180, 210],
    [500, 275, 320],
    [1999, 275, 320],
    [2000, 360, 410],
    [2999, 360, 410],
    [3000, 530, 610],
    [3999, 530, 610],
    [4000, 820, undefined],
    [7999, 820, undefined],
    [8000, 1500, undefined],
    [19000, 1500, undefined],
  ])('%i km → standard %s, green %s', (km, standard, green) => {
    const band = toBand(km, table);
    expect(band?.standard).toBe(standard);
    expect(band?.green).toBe(green);
  });

  it('names the bands as the Programme Guide does', () => {
    expect(table.bands.map((band) => renderBand(band, 'en'))).toEqual([
      '10–99 km',
      '100–499 km',
      '500–1999 km',
      '2000–2999 km',
      '3000–3999 km',
      '4000–7999 km',
      '8000 km and more',
    ]);
    expect(renderBand(table.bands[6]!, 'nl')).toBe('8000 km en meer');
  });
});

describe('toBand on the table of calls from 2024', () => {
  it.each([
    [9, undefined, undefined],
    [10, 28, 56],
    [100, 211, 285],
    [1999, 309, 417],
    [2000, 395, 535],
    [3999, 580, 785],
    [4000, 1188, undefined],
    [8000, 1735, undefined],
  ])('%i km → standard %s, green %s', (km, standard, green) => {
    const band = toBand(km, table2024);
    expect(band?.standard).toBe(standard);
    expect(band?.green).toBe(green);
  });
});

describe('selectTable', () => {
  const calls = (firstCall: number, standard: number): TravelTable => ({ ...table, firstCall, bands: [{ fromKm: 10, standard }] });
  const tables = [calls(2027, 3), calls(2021, 1), calls(2024, 2)];

  it("takes the table of the project's call year", () => {
    expect(selectTable(tables, 2023).firstCall).toBe(2021);
    expect(selectTable(tables, 2024).firstCall).toBe(2024);
    expect(selectTable(tables, 2026).firstCall).toBe(2024);
    expect(selectTable(tables, 2030).firstCall).toBe(2027);
  });

  it('falls back to the oldest table for a call before any table', () => {
    expect(selectTable(tables, 2019).firstCall).toBe(2021);
  });
});

describe('call years', () => {
  it('writes the call years of a table', () => {
    expect(renderCallYears(table, 'en')).toBe('calls 2021–2023');
    expect(renderCallYears(table2024, 'en')).toBe('calls from 2024');
    expect(renderCallYears(table2024, 'nl')).toBe('calls vanaf 2024');
  });

  it.each([
    ['afstand Zwolle Helsinki call 2023', 2023, 'afstand Zwolle Helsinki'],
    ['afstand Zwolle Helsinki voor ons project uit 2022', 2022, 'afstand Zwolle Helsinki'],
    ['distance Ede Valletta 2024 call', 2024, 'distance Ede Valletta'],
    ['distance Ede to Valletta for the 2025-call', 2025, 'distance Ede to Valletta'],
    ['afstand Zwolle Helsinki', undefined, 'afstand Zwolle Helsinki'],
    ['afstand 2023 Helsinki', undefined, 'afstand 2023 Helsinki'],
  ])('%s → %s', (text, callYear, rest) => {
    expect(readCallYear(text)).toEqual({ callYear, rest });
  });
});
