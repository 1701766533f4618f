// The shape of the distance calculator's data in knowledge/: the Erasmus+ travel-support table
// (travel-support.yaml) and the additions to the GeoNames place data (places.yaml), checked with zod at load.
import { z } from 'zod';
import { BilingualSchema } from '../knowledge/schema.js';

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const httpsUrl = z.url({ protocol: /^https$/, error: 'must be a well-formed https URL' });
const km = z.int('must be a whole number of km').nonnegative('must not be negative');
const euros = z.int('must be a whole number of euros').positive('must be more than 0');

/** One distance band: from `fromKm` up to and including `toKm` (open-ended when `toKm` is absent). */
const BandSchema = z
  .strictObject({
    fromKm: km,
    toKm: km.optional(),
    standard: euros,
    green: euros.optional(),
  })
  .refine((band) => band.toKm === undefined || band.toKm >= band.fromKm, { message: 'toKm must not be below fromKm', path: ['toKm'] });

const callYear = z.int().min(2014, 'must be a call year, e.g. 2024').max(2100, 'must be a call year, e.g. 2024');
const isoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });

/** The amounts of the Programme Guide for projects of calls `firstCall` to `lastCall` (open-ended without it). */
const TravelTableSchema = z
  .strictObject({
    firstCall: callYear,
    lastCall: callYear.optional(),
    programme: nonEmpty,
    source: z.strictObject({ title: BilingualSchema, url: httpsUrl, checked: isoDate }),
    currency: z.literal('EUR'),
    bands: z.array(BandSchema).min(1, 'needs at least one band'),
  })
  .superRefine((table, ctx) => {
    if (table.lastCall !== undefined && table.lastCall < table.firstCall) {
      ctx.addIssue({ code: 'custom', path: ['lastCall'], message: `must not be before firstCall ${table.firstCall}` });
    }
    table.bands.forEach((band, i) => {
      const next = table.bands[i + 1];
      if (next === undefined) return;
      if (band.toKm === undefined) {
        ctx.addIssue({ code: 'custom', path: ['bands', i, 'toKm'], message: 'only the last band may be open-ended' });
      } else if (next.fromKm !== band.toKm + 1) {
        ctx.addIssue({ code: 'custom', path: ['bands', i + 1, 'fromKm'], message: `must be ${band.toKm + 1}: the bands must follow on without gaps or overlaps` });
      }
    });
    const last = table.bands[table.bands.length - 1];
    if (last !== undefined && last.toKm !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['bands', table.bands.length - 1, 'toKm'], message: 'the last band must be open-ended (no toKm)' });
    }
  });

/** knowledge/travel-support.yaml */
export const TravelSupportFileSchema = z
  .strictObject({
    calculator: z.strictObject({ url: httpsUrl, label: BilingualSchema }),
    tables: z.array(TravelTableSchema).min(1, 'needs at least one table'),
    /** Shown under every distance answer. */
    notes: z.array(BilingualSchema).default([]),
  })
  .superRefine((file, ctx) => {
    // Each call year has one table: sorted by their first call, each table must close before the next opens.
    const order = file.tables.map((table, i) => ({ table, i })).sort((a, b) => a.table.firstCall - b.table.firstCall);
    order.forEach(({ table, i }, k) => {
      const next = order[k + 1];
      if (next === undefined) return;
      if (table.lastCall === undefined || table.lastCall >= next.table.firstCall) {
        ctx.addIssue({ code: 'custom', path: ['tables', i, 'lastCall'], message: `must be before ${next.table.firstCall}, the first call of the next table` });
      }
    });
  });

const countryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as NL');
const regionName = z.union([nonEmpty, BilingualSchema]);

/** A name for a place that the data lacks or ranks too low. */
const AliasSchema = z.strictObject({
  names: z.array(nonEmpty).min(1, 'needs at least one name'),
  geonameId: z.int().positive('must be a GeoNames id'),
  /** The place's name in the data, so that a wrong id shows at load. */
  place: nonEmpty,
});

/** knowledge/places.yaml */
export const PlacesFileSchema = z.strictObject({
  /** Countries that take part in Erasmus+ (EU members and associated countries): ranked first among namesakes. */
  programmeCountries: z.array(countryCode).default([]),
  aliases: z.array(AliasSchema).default([]),
  countries: z.record(countryCode, z.array(nonEmpty)).default({}),
  regions: z.record(countryCode, z.record(z.string().regex(/^[A-Z0-9]{1,20}$/, 'must be a GeoNames admin1 code'), regionName)).default({}),
});

export type Band = z.infer<typeof BandSchema>;
export type TravelTable = z.infer<typeof TravelTableSchema>;
export type TravelSupportFile = z.infer<typeof TravelSupportFileSchema>;
export type PlacesFile = z.infer<typeof PlacesFileSchema>;
export type RegionName = z.infer<typeof regionName>;
