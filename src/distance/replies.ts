// The replies of the distance calculator, in Dutch and English: the distance with its band and travel support,
// and the clear answers for a place it does not know, a name it cannot choose for, one place, or the same twice.
import type { Lang } from '../knowledge/schema.js';
import type { DistanceReply, FollowUp, MessageReply, Reply, ReplyLink, ReplyPlace } from '../reply.js';
import { renderBand, renderCallYears, toBand } from './bands.js';
import { normalizeName } from './normalize.js';
import type { Place, PlaceIndex } from './places.js';
import type { Band, TravelSupportFile, TravelTable } from './schema.js';

/** The licence line of the place data; the footer of every distance answer. */
export const GEONAMES_ATTRIBUTION: Readonly<Record<Lang, string>> = {
  nl: 'Plaatsgegevens: GeoNames (geonames.org), licentie CC BY 4.0 (creativecommons.org/licenses/by/4.0)',
  en: 'Place data: GeoNames (geonames.org), licensed under CC BY 4.0 (creativecommons.org/licenses/by/4.0)',
};

/** The action id of a button that asks the distance between two places. */
export function toDistanceAction(from: Place, to: Place): string {
  return `distance:${from.id}:${to.id}`;
}

/** The two GeoNames ids of a `distance:<id>:<id>` action, or undefined for any other action. */
export function parseDistanceAction(action: string): [number, number] | undefined {
  const match = /^distance:(\d{1,10}):(\d{1,10})$/.exec(action);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/** The name as asked, with a capital when it was typed in lower case ("praag" → "Praag"). */
function toAskedName(asked: string | undefined, place: Place): string | undefined {
  const name = asked?.trim().replace(/^\p{Ll}/u, (letter) => letter.toUpperCase());
  return name === undefined || name === '' || normalizeName(name) === normalizeName(place.name) ? undefined : name;
}

/** The place as the reply shows it: name, region and country; `asked` is the name the question used. */
export function toReplyPlace(place: Place, places: PlaceIndex, lang: Lang, asked?: string): ReplyPlace {
  const region = places.regionName(place, lang);
  const askedName = toAskedName(asked, place);
  return {
    id: place.id,
    name: place.name,
    ...(askedName === undefined ? {} : { asked: askedName }),
    country: places.countryName(place.countryCode, lang),
    countryCode: place.countryCode,
    ...(region === undefined ? {} : { region }),
  };
}

/** `Oss (Noord-Brabant, Nederland)`; `Den Haag — The Hague (Zuid-Holland, Nederland)` when asked by another name. */
export function describePlace(place: ReplyPlace): string {
  const where = `${place.name} (${[place.region, place.country].filter(Boolean).join(', ')})`;
  return place.asked === undefined ? where : `${place.asked} — ${where}`;
}

const formatKm = (km: number, lang: Lang): string => new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL').format(km);
const euro = (amount: number): string => `€ ${amount}`;

function amounts(band: Band, lang: Lang, bold: boolean): string {
  const mark = (amount: number): string => (bold ? `**${euro(amount)}**` : euro(amount));
  if (band.green === undefined) return mark(band.standard);
  return lang === 'en' ? `${mark(band.standard)}, or ${mark(band.green)} with green travel` : `${mark(band.standard)}, of ${mark(band.green)} bij groen reizen`;
}

function supportLine(band: Band, table: TravelTable, lang: Lang): string {
  const calls = renderCallYears(table, lang);
  return lang === 'en' ? `Travel support per participant, projects of ${calls}: ${amounts(band, lang, true)}` : `Reisbijdrage per deelnemer, projecten van ${calls}: ${amounts(band, lang, true)}`;
}

/** The same band in the other tables: what projects of other call years get. */
function otherTableLines(km: number, table: TravelTable, travel: TravelSupportFile, lang: Lang): string[] {
  return travel.tables.flatMap((other) => {
    const band = other === table ? undefined : toBand(km, other);
    if (!band) return [];
    const calls = renderCallYears(other, lang);
    return [lang === 'en' ? `Projects of ${calls}: ${amounts(band, lang, false)}.` : `Projecten van ${calls}: ${amounts(band, lang, false)}.`];
  });
}

const CALL_YEAR_NOTE: Readonly<Record<Lang, string>> = {
  nl: 'Het bedrag hangt af van het call-jaar van het project, zoals vastgelegd in de subsidieovereenkomst, niet van het jaar van de reis. Noem het call-jaar voor de bedragen van je eigen project, bijvoorbeeld "afstand Zwolle Helsinki call 2023".',
  en: 'The amount depends on the call year of the project, as fixed in its grant agreement, not on the year of the trip. Name the call year for your own project\'s amounts, for example "distance Zwolle Helsinki call 2023".',
};

/** What a distance answer is made of. */
export interface DistanceAnswer {
  from: Place;
  to: Place;
  /** The names the question used, to show next to the data's names. */
  asked?: { from: string; to: string };
  km: number;
  table: TravelTable;
  /** The call year the question named, if any; the table is that year's. */
  callYear?: number;
  travel: TravelSupportFile;
  alternatives: FollowUp[];
}

/** The distance answer: km, band, travel support, the EU's calculator, and the attribution. */
export function toDistanceReply(answer: DistanceAnswer, places: PlaceIndex, lang: Lang): DistanceReply {
  const { km, table, travel } = answer;
  const en = lang === 'en';
  const from = toReplyPlace(answer.from, places, lang, answer.asked?.from);
  const to = toReplyPlace(answer.to, places, lang, answer.asked?.to);
  const band = toBand(km, table);
  const lowest = table.bands[0]?.fromKm ?? 0;
  const distance = `**${formatKm(km, lang)} km**`;
  const lines = band
    ? [
        en ? `${distance} as the crow flies, one way: distance band ${renderBand(band, lang)}` : `${distance} hemelsbreed, enkele reis: afstandsband ${renderBand(band, lang)}`,
        supportLine(band, table, lang),
      ]
    : [en ? `${distance} as the crow flies: under ${lowest} km there is no travel support.` : `${distance} hemelsbreed: onder ${lowest} km is er geen reisbijdrage.`];
  lines.push(en ? `From: ${describePlace(from)}` : `Van: ${describePlace(from)}`, en ? `To: ${describePlace(to)}` : `Naar: ${describePlace(to)}`);
  const notes = [
    ...(band
      ? [en ? 'The amount supports the return journey; the band is set by the one-way distance.' : 'Het bedrag is voor de reis heen en terug; de afstand van de enkele reis bepaalt de band.']
      : []),
    ...(band ? otherTableLines(km, table, travel, lang) : []),
    ...(band && answer.callYear === undefined ? [CALL_YEAR_NOTE[lang]] : []),
    ...travel.notes.map((note) => note[lang]),
  ];
  const links: ReplyLink[] = [
    { label: travel.calculator.label[lang], url: travel.calculator.url, kind: 'tool' },
    { label: table.source.title[lang], url: table.source.url, kind: 'document' },
  ];
  return {
    kind: 'distance',
    lang,
    title: `${from.asked ?? from.name} – ${to.asked ?? to.name}`,
    body: lines.join('\n'),
    from,
    to,
    km,
    support: band ? { band: renderBand(band, lang), standard: band.standard, ...(band.green === undefined ? {} : { green: band.green }) } : undefined,
    notes,
    links,
    alternatives: answer.alternatives,
    source: `${table.source.title[lang]} (${renderCallYears(table, lang)}; ${lang === 'en' ? 'checked on' : 'gecontroleerd op'} ${table.source.checked})`,
    attribution: GEONAMES_ATTRIBUTION[lang],
  };
}

/** Example questions offered when the question lacks something. */
function exampleFollowUps(lang: Lang): FollowUp[] {
  return lang === 'en'
    ? [{ label: 'distance from Ede to Valletta', action: 'distance:2756429:2562305' }]
    : [{ label: 'afstand Zwolle Helsinki', action: 'distance:2743477:658225' }];
}

/** Only one place was named. */
export function toNeedTwoPlacesReply(place: Place, places: PlaceIndex, lang: Lang): MessageReply {
  const named = describePlace(toReplyPlace(place, places, lang));
  return {
    kind: 'message',
    lang,
    text:
      lang === 'en'
        ? `I need two places to measure a distance; I only found ${named}. Ask for example: "distance from ${place.name} to Helsinki".`
        : `Voor een afstand heb ik twee plaatsen nodig; ik vond alleen ${named}. Vraag bijvoorbeeld: "afstand ${place.name} Helsinki".`,
    followUps: exampleFollowUps(lang),
  };
}

/** Both names point to the same place. */
export function toSamePlaceReply(place: Place, places: PlaceIndex, lang: Lang): MessageReply {
  const named = describePlace(toReplyPlace(place, places, lang));
  return {
    kind: 'message',
    lang,
    text:
      lang === 'en'
        ? `Both names point to the same place, ${named}: name two different places, for example "distance from ${place.name} to Helsinki".`
        : `Beide namen wijzen naar dezelfde plaats, ${named}: noem twee verschillende plaatsen, bijvoorbeeld "afstand ${place.name} Helsinki".`,
    followUps: exampleFollowUps(lang),
  };
}

/** A country was named where a place is needed. */
export function toCountryReply(countries: string[], lang: Lang): MessageReply {
  const quoted = countries.map((name) => `"${name}"`).join(lang === 'en' ? ' and ' : ' en ');
  const plural = countries.length > 1;
  return {
    kind: 'message',
    lang,
    text:
      lang === 'en'
        ? `${quoted} ${plural ? 'are countries' : 'is a country'}. The distance is measured between two places, such as your school's town and your partner's: "distance from Zwolle to Helsinki".`
        : `${quoted} ${plural ? 'zijn landen' : 'is een land'}. De afstand geldt tussen twee plaatsen, zoals die van je school en van je partner: "afstand Zwolle Helsinki".`,
    followUps: exampleFollowUps(lang),
  };
}

/** A name matches several places about equally well: the user picks one. */
export function toAmbiguousReply(name: string, options: FollowUp[], lang: Lang): Reply {
  return {
    kind: 'suggestions',
    lang,
    text: lang === 'en' ? `"${name}" can be several places. Which one do you mean?` : `"${name}" kan meer dan één plaats zijn. Welke bedoel je?`,
    options,
  };
}

/** A name the data does not have; with close names when there are any. */
export function toUnknownPlaceReply(names: string[], options: FollowUp[], lang: Lang): Reply {
  const quoted = names.map((name) => `"${name}"`).join(lang === 'en' ? ' and ' : ' en ');
  const plural = names.length > 1;
  const unknown =
    lang === 'en' ? `I don't know the place${plural ? 's' : ''} ${quoted}.` : `De plaats${plural ? 'en' : ''} ${quoted} ken ik niet.`;
  if (options.length > 0) {
    return { kind: 'suggestions', lang, text: `${unknown} ${lang === 'en' ? 'Did you mean:' : 'Bedoel je:'}`, options };
  }
  return {
    kind: 'message',
    lang,
    text:
      lang === 'en'
        ? `${unknown} Write the name as on a map, with the country if needed: "Bergen, Norway".`
        : `${unknown} Schrijf de naam zoals op de kaart, zo nodig met het land: "Bergen, Noorwegen".`,
    followUps: exampleFollowUps(lang),
  };
}
