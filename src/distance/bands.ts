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

/** The newest table whose year has begun by `year`; the oldest one when none has. */
export function selectTable(tables: readonly TravelTable[], year: number): TravelTable {
  const sorted = [...tables].sort((a, b) => a.year - b.year);
  const current = sorted.filter((table) => table.year <= year).pop() ?? sorted[0];
  if (current === undefined) throw new Error('The travel-support data has no table');
  return current;
}

/** The band as people write it: `500–1999 km`, `8000 km and more`. */
export function renderBand(band: Band, lang: Lang): string {
  if (band.toKm === undefined) return lang === 'en' ? `${band.fromKm} km and more` : `${band.fromKm} km en meer`;
  return `${band.fromKm}–${band.toKm} km`;
}
