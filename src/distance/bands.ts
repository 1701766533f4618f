// Great-circle distance and the Erasmus+ distance bands. The EU's distance calculator measures the
// one-way great-circle distance on a sphere; the band is taken on the distance rounded to whole km.
import type { Lang } from '../knowledge/schema.js';
import type { Band, TravelTable } from './schema.js';

/** Mean Earth radius in km, the sphere the great-circle distance is taken on. */
export const EARTH_RADIUS_KM = 6371;

/** A point in degrees. */
export interface Coordinates {
  lat: number;
  lon: number;
}

const toRadians = (degrees: number): number => (degrees * Math.PI) / 180;

/** The great-circle (haversine) distance in km between two points given in degrees, unrounded. */
export function greatCircleKm(a: Coordinates, b: Coordinates): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLon = toRadians(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The band a whole-km distance falls in, or undefined below the first band (no travel support). */
export function toBand(km: number, table: TravelTable): Band | undefined {
  return table.bands.find((band) => km >= band.fromKm && (band.toKm === undefined || km <= band.toKm));
}

/**
 * The table for projects of call `callYear`: the newest whose first call is not after it; the oldest one for
 * a call before every table. A project keeps its call's amounts, whatever the year of the trip.
 */
export function selectTable(tables: readonly TravelTable[], callYear: number): TravelTable {
  const sorted = [...tables].sort((a, b) => a.firstCall - b.firstCall);
  const current = sorted.filter((table) => table.firstCall <= callYear).pop() ?? sorted[0];
  if (current === undefined) throw new Error('The travel-support data has no table');
  return current;
}

/** The call years of a table as people write them: `calls 2021–2023`, `calls from 2024`. */
export function renderCallYears(table: TravelTable, lang: Lang): string {
  if (table.lastCall === undefined) return lang === 'en' ? `calls from ${table.firstCall}` : `calls vanaf ${table.firstCall}`;
  if (table.lastCall === table.firstCall) return `call ${table.firstCall}`;
  return `calls ${table.firstCall}–${table.lastCall}`;
}

/** A call year that a question names ("call 2023", "project uit 2022", "2024-call"), and the question without it. */
export function readCallYear(text: string): { callYear: number | undefined; rest: string } {
  const pattern = /\s*\b(?:(?:in|for|voor|van|uit|from|of)\s+)?(?:(?:de|the|een|a|ons|onze|our)\s+)?(?:(?:call|oproep|projects?|projecten?)\s+(?:(?:uit|van|from|of|in)\s+)?(?:de\s+|the\s+)?(?:call\s+)?(20[1-9]\d)|(20[1-9]\d)[\s-]?(?:call|oproep|projects?|projecten?))\b/i;
  const match = pattern.exec(text);
  if (!match) return { callYear: undefined, rest: text };
  return { callYear: Number(match[1] ?? match[2]), rest: `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`.replace(/\s+/g, ' ').trim() };
}

/** The band as people write it: `500–1999 km`, `8000 km and more`. */
export function renderBand(band: Band, lang: Lang): string {
  if (band.toKm === undefined) return lang === 'en' ? `${band.fromKm} km and more` : `${band.fromKm} km en meer`;
  return `${band.fromKm}–${band.toKm} km`;
}
