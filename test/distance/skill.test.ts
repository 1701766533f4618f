import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderConsole } from '../../adapters/console/render.js';
import { createAssistant } from '../../src/assistant.js';
import { fixedClock } from '../../src/clock.js';
import { selectTable } from '../../src/distance/bands.js';
import { loadDistanceData } from '../../src/distance/load.js';
import { GEONAMES_ATTRIBUTION, toDistanceReply } from '../../src/distance/replies.js';
import { createDistanceSkill } from '../../src/distance/skill.js';
import type { Input } from '../../src/input.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { toPlainText } from '../../src/plain-text.js';
import type { DistanceReply, Reply } from '../../src/reply.js';

const skill = createDistanceSkill({ knowledgeDir: 'knowledge', clock: fixedClock(new Date('2026-12-01T10:00:00Z')) });
const assistant = createAssistant({ knowledge: loadKnowledge('test/fixtures/knowledge'), skills: [skill] });
const conversation = { platform: 'console', channelId: 'c1', userId: 'u1', kind: 'personal' } as const;
const ask = (text: string, extra: Partial<Input> = {}): Promise<Reply> => assistant.handle({ text, conversation, ...extra });
const click = (action: string, lang: 'nl' | 'en' = 'nl'): Promise<Reply> => assistant.handle({ action, lang, conversation });

function asDistance(reply: Reply): DistanceReply {
  if (reply.kind !== 'distance') throw new Error(`expected a distance reply, got ${reply.kind}: ${toPlainText(reply)}`);
  return reply;
}

beforeAll(() => {
  skill.warm();
});

describe('distance questions', () => {
  it.each([
    ['afstand Zwolle Helsinki', 'Zwolle', 'NL', 'Helsinki', 'FI', 'nl'],
    ['distance from Ede to Valletta', 'Ede', 'NL', 'Valletta', 'MT', 'en'],
    ['hoe ver is Den Bosch van Sevilla?', "'s-Hertogenbosch", 'NL', 'Sevilla', 'ES', 'nl'],
    ['/erasmus afstand Den Haag - Praag', 'The Hague', 'NL', 'Prague', 'CZ', 'nl'],
    ['afstand Oss Brussel', 'Oss', 'NL', 'Brussels', 'BE', 'nl'],
    ['wat is de afstand tussen Oss, Nederland en Sevilla, Spanje?', 'Oss', 'NL', 'Sevilla', 'ES', 'nl'],
    ['afstand Bergen op Zoom Sevilla', 'Bergen op Zoom', 'NL', 'Sevilla', 'ES', 'nl'],
    ['how far is it from Hoek van Holland to Bergen, Norway', 'Hoek van Holland', 'NL', 'Bergen', 'NO', 'en'],
    ['afstand s-Gravenhage Praha', 'The Hague', 'NL', 'Prague', 'CZ', 'nl'],
    ['afstand Zwolle Helsinki enkele reis', 'Zwolle', 'NL', 'Helsinki', 'FI', 'nl'],
    ['afstand Sittard-Geleen Helsinki', 'Sittard', 'NL', 'Helsinki', 'FI', 'nl'],
  ])('%s', async (text, from, fromCountry, to, toCountry, lang) => {
    const reply = asDistance(await ask(text));
    expect(reply.from).toMatchObject({ name: from, countryCode: fromCountry });
    expect(reply.to).toMatchObject({ name: to, countryCode: toCountry });
    expect(reply.lang).toBe(lang);
  });

  it('gives Amsterdam–Helsinki about 1,500 km, its band and the travel support', async () => {
    const reply = asDistance(await ask('afstand Amsterdam Helsinki'));
    expect(reply.km).toBeGreaterThan(1490);
    expect(reply.km).toBeLessThan(1520);
    expect(reply.support).toEqual({ band: '500–1999 km', standard: 309, green: 417 });
    expect(reply.links.map((link) => link.url)).toContain('https://erasmus-plus.ec.europa.eu/resources-and-tools/distance-calculator');
    expect(reply.attribution).toBe(GEONAMES_ATTRIBUTION.nl);
  });

  it('shows the name as asked next to the name in the data', async () => {
    const reply = asDistance(await ask('afstand Den Haag Praag'));
    expect(reply.title).toBe('Den Haag – Praag');
    expect(reply.from).toMatchObject({ name: 'The Hague', asked: 'Den Haag', region: 'Zuid-Holland', country: 'Nederland' });
  });

  it('gives no travel support under 10 km', async () => {
    const reply = asDistance(await ask('afstand Amsterdam Amstelveen'));
    expect(reply.km).toBeLessThan(10);
    expect(reply.support).toBeUndefined();
    expect(toPlainText(reply)).toContain('onder 10 km is er geen reisbijdrage');
  });

  it('offers the other places of the same name', async () => {
    const reply = asDistance(await ask('afstand Oss Helsinki'));
    expect(reply.from.countryCode).toBe('NL');
    const osh = reply.alternatives.find((option) => option.label.includes('Kirgizië'));
    expect(osh?.action).toMatch(/^distance:\d+:658225$/);
    const other = asDistance(await click(osh?.action ?? ''));
    expect(other.from).toMatchObject({ name: 'Osh', countryCode: 'KG' });
    expect(other.to.name).toBe('Helsinki');
  });
});

describe('band edges in the answer', () => {
  const { travel } = loadDistanceData('knowledge');
  const table = selectTable(travel.tables, 2022);
  const zwolle = skill.places.byId(2743477);
  const helsinki = skill.places.byId(658225);

  it.each([
    [9, undefined],
    [10, { band: '10–99 km', standard: 23 }],
    [99, { band: '10–99 km', standard: 23 }],
    [100, { band: '100–499 km', standard: 180, green: 210 }],
    [1999, { band: '500–1999 km', standard: 275, green: 320 }],
    [2000, { band: '2000–2999 km', standard: 360, green: 410 }],
    [8000, { band: '8000 km and more', standard: 1500 }],
  ])('%i km → %o', (km, support) => {
    if (!zwolle || !helsinki) throw new Error('places missing');
    const reply = toDistanceReply({ from: zwolle, to: helsinki, km, table, travel, alternatives: [] }, skill.places, 'en');
    expect(reply.support).toEqual(support);
  });
});

describe('bad input', () => {
  it('names an unknown place and offers close names', async () => {
    const reply = await ask('afstand Zwolle Helsinkk');
    expect(reply.kind).toBe('suggestions');
    expect(toPlainText(reply)).toContain('"Helsinkk"');
    const options = reply.kind === 'suggestions' ? reply.options : [];
    expect(options[0]).toEqual({ label: 'Zwolle – Helsinki (Finland)', action: 'distance:2743477:658225' });
    expect(asDistance(await click(options[0]?.action ?? '')).to.name).toBe('Helsinki');
  });

  it('names an unknown place that is like no other', async () => {
    const reply = await ask('distance from Zwolle to Xyzzyqwrtz');
    expect(reply.kind).toBe('message');
    expect(toPlainText(reply)).toContain(`I don't know the place "Xyzzyqwrtz"`);
  });

  it('lists the candidates of an ambiguous name with country and region', async () => {
    const reply = await ask('afstand Springfield Zwolle');
    expect(reply.kind).toBe('suggestions');
    const labels = reply.kind === 'suggestions' ? reply.options.map((o) => o.label) : [];
    expect(labels.length).toBeGreaterThanOrEqual(3);
    expect(labels).toContain('Springfield (Illinois, Verenigde Staten) – Zwolle');
    expect(labels).toContain('Springfield (Missouri, Verenigde Staten) – Zwolle');
    const picked = reply.kind === 'suggestions' ? reply.options[1] : undefined;
    const answer = asDistance(await click(picked?.action ?? ''));
    expect(answer.from.region).toBe('Missouri');
  });

  it('lets the Dutch Bergen and the Norwegian one be chosen', async () => {
    const reply = await ask('afstand Bergen Helsinki');
    expect(reply.kind === 'suggestions' && reply.options.map((o) => o.label).slice(0, 2)).toEqual([
      'Bergen (Noord-Holland, Nederland) – Helsinki',
      'Bergen (Noorwegen) – Helsinki',
    ]);
  });

  it('asks for a second place when only one is given', async () => {
    const reply = await ask('afstand Zwolle');
    expect(reply.kind).toBe('message');
    expect(toPlainText(reply)).toContain('twee plaatsen');
    expect(toPlainText(reply)).toContain('Zwolle (Overijssel, Nederland)');
  });

  it('asks for places when countries are named', async () => {
    const reply = await ask('afstand Nederland Finland');
    expect(reply.kind).toBe('message');
    expect(toPlainText(reply)).toContain('"Nederland" en "Finland" zijn landen');
    expect(toPlainText(await ask('distance Zwolle Spain'))).toContain('"Spain" is a country');
  });

  it('says so when both names are the same place', async () => {
    const reply = await ask('distance from Den Haag to The Hague');
    expect(reply.kind).toBe('message');
    expect(toPlainText(reply)).toContain('same place, The Hague (South Holland, Netherlands)');
  });

  it('leaves a click it cannot read, or with an id the data lacks, to the assistant', async () => {
    for (const action of ['distance:abc', 'distance:1:658225']) {
      expect(await skill.handle({ input: { action, conversation }, text: '', lang: 'nl', action })).toBeUndefined();
      expect((await click(action)).kind).toBe('message');
    }
  });
});

describe('questions for the roadmap', () => {
  it.each([
    'waar vind ik de afstandscalculator',
    'distance calculator',
    'how far is our project',
    'afstand',
    'hoe ver is het project',
    'distance learning',
    'afstand naar Finland',
    'how far is Spain from here',
    'afstand voor groen reizen',
    'distance band for green travel',
  ])(
    'leaves "%s" to the roadmap matcher',
    async (text) => {
      expect(await skill.handle({ input: { text, conversation }, text, lang: 'nl', action: undefined })).toBeUndefined();
      expect((await ask(text)).kind).not.toBe('distance');
    },
  );

  it('takes none of the questions of the answer-quality test set', async () => {
    const texts = ['test/eval/questions.json', 'test/eval/dev-questions.json'].flatMap((file) =>
      (JSON.parse(readFileSync(file, 'utf8')) as { cases: Array<{ q: string; lang: 'nl' | 'en' }> }).cases.map((c) => [c.q, c.lang] as const),
    );
    expect(texts.length).toBeGreaterThan(200);
    const taken: string[] = [];
    for (const [text, lang] of texts) {
      if (await skill.handle({ input: { text, conversation }, text, lang, action: undefined })) taken.push(text);
    }
    expect(taken).toEqual([]);
  });
});

describe('rendering', () => {
  it('writes the answer as plain text with the attribution in the footer', async () => {
    const text = toPlainText(await ask('afstand Zwolle Helsinki'));
    expect(text.split('\n')[0]).toBe('Zwolle – Helsinki');
    expect(text).toMatch(/1\.\d{3} km hemelsbreed, enkele reis: afstandsband 500–1999 km/);
    expect(text).toContain('Reisbijdrage per deelnemer, projecten van calls vanaf 2024: € 309, of € 417 bij groen reizen');
    expect(text).toContain('Projecten van calls 2021–2023: € 275, of € 320 bij groen reizen.');
    expect(text).toContain('niet van het jaar van de reis');
    expect(text).toContain('Erasmus+ programmagids 2024, eenheidskosten voor reizen (calls vanaf 2024; gecontroleerd op 2026-12-01)');
    expect(text).toContain('https://erasmus-plus.ec.europa.eu/resources-and-tools/distance-calculator');
    expect(text).not.toContain('**');
    expect(text.split('\n').at(-1)).toBe('Plaatsgegevens: GeoNames (geonames.org), licentie CC BY 4.0 (creativecommons.org/licenses/by/4.0)');
  });

  it('writes English with English separators and the English attribution', async () => {
    const text = toPlainText(await ask('distance from Ede to Valletta'));
    expect(text).toMatch(/1,\d{3} km as the crow flies, one way/);
    expect(text).toContain('Travel support per participant, projects of calls from 2024: € 309, or € 417 with green travel');
    expect(text).toContain('Place data: GeoNames (geonames.org), licensed under CC BY 4.0 (creativecommons.org/licenses/by/4.0)');
  });

  it('numbers the other places as choices in the terminal', async () => {
    const text = renderConsole(await ask('afstand Oss Helsinki'));
    expect(text).toMatch(/Typ een nummer om te kiezen:\n {2}\[1\] Osh \(Kirgizië\) – Helsinki/);
  });
});

describe('the message extension', () => {
  it('answers two names typed apart', () => {
    const reply = asDistance(skill.answer('Zwolle', 'Helsinki', 'en'));
    expect(reply.support?.band).toBe('500–1999 km');
    expect(skill.answer('Zwolle', 'Helsinkk', 'en').kind).toBe('suggestions');
  });
});

describe('the call year', () => {
  it.each([
    ['afstand Zwolle Helsinki call 2023', 275, 'calls 2021–2023'],
    ['afstand Zwolle Helsinki voor ons project uit 2022', 275, 'calls 2021–2023'],
    ['distance Zwolle Helsinki 2024 call', 309, 'calls from 2024'],
    ['distance from Zwolle to Helsinki for a 2021 project', 275, 'calls 2021–2023'],
  ])('%s → € %i (%s)', async (text, standard, calls) => {
    const reply = asDistance(await ask(text));
    expect(reply.to.name).toBe('Helsinki');
    expect(reply.support?.standard).toBe(standard);
    expect(reply.source).toContain(calls);
    expect(reply.notes.join(' ')).not.toContain('year of the trip');
  });
});

describe("a new Guide's table", () => {
  it('is a data change: the clock picks the table of this year\'s call', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'distance-'));
    try {
      cpSync('knowledge/places.yaml', join(dir, 'places.yaml'));
      const travel = readFileSync('knowledge/travel-support.yaml', 'utf8');
      const start = travel.indexOf('  - firstCall: 2024');
      const end = travel.indexOf('\n# Shown under');
      const next = travel.slice(start, end).replace('firstCall: 2024', 'firstCall: 2028').replace('standard: 309, green: 417', 'standard: 330, green: 450');
      const closed = travel.slice(0, start) + travel.slice(start, end).replace('firstCall: 2024', 'firstCall: 2024\n    lastCall: 2027');
      writeFileSync(join(dir, 'travel-support.yaml'), `${closed}${next}${travel.slice(end)}`);
      const later = createDistanceSkill({ knowledgeDir: dir, places: skill.places, clock: fixedClock(new Date('2028-03-01T00:00:00Z')) });
      expect(asDistance(later.answer('Zwolle', 'Helsinki', 'nl')).support).toEqual({ band: '500–1999 km', standard: 330, green: 450 });
      const before = createDistanceSkill({ knowledgeDir: dir, places: skill.places, clock: fixedClock(new Date('2027-12-31T12:00:00Z')) });
      expect(asDistance(before.answer('Zwolle', 'Helsinki', 'nl')).support?.standard).toBe(309);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
