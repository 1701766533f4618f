import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_KM, greatCircleKm, renderBand, selectTable, toBand } from '../../src/distance/bands.js';
import { loadDistanceData } from '../../src/distance/load.js';
import type { TravelTable } from '../../src/distance/schema.js';

const { travel } = loadDistanceData('knowledge');
const table = selectTable(travel.tables, 2025);

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

describe('toBand on the 2021–2027 table', () => {
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

describe('selectTable', () => {
  const year = (y: number, standard: number): TravelTable => ({ ...table, year: y, bands: [{ fromKm: 10, standard }] });
  const tables = [year(2027, 3), year(2021, 1), year(2025, 2)];

  it('takes the newest table whose year has begun', () => {
    expect(selectTable(tables, 2026).year).toBe(2025);
    expect(selectTable(tables, 2027).year).toBe(2027);
    expect(selectTable(tables, 2030).year).toBe(2027);
  });

  it('falls back to the oldest table before any has begun', () => {
    expect(selectTable(tables, 2019).year).toBe(2021);
  });
});
