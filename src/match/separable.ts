// Dutch separable verbs: in a main clause the particle goes to the end ("Hoe leggen we de samenwerking
// vast?", "Wanneer dien ik het rapport in?", "Hoe vraag ik subsidie aan?"), so the verb that the
// knowledge writes as one word (vastleggen, indienen, aanvragen) is split over the clause. A clause that
// ends in a particle, with a form of its verb earlier on, is read as the joined infinitive.
import { toTokens } from './normalize.js';

/** The forms of each verb that takes a particle: present, past and infinitive. */
const VERB_FORMS: Record<string, readonly string[]> = {
  leggen: ['leg', 'legt', 'leggen', 'legde', 'legden'],
  dienen: ['dien', 'dient', 'dienen', 'diende', 'dienden'],
  vragen: ['vraag', 'vraagt', 'vragen', 'vroeg', 'vroegen'],
  vullen: ['vul', 'vult', 'vullen', 'vulde', 'vulden'],
  stellen: ['stel', 'stelt', 'stellen', 'stelde', 'stelden'],
  sluiten: ['sluit', 'sluiten', 'sloot', 'sloten'],
  zoeken: ['zoek', 'zoekt', 'zoeken', 'zocht', 'zochten'],
  spreken: ['spreek', 'spreekt', 'spreken', 'sprak', 'spraken'],
  leveren: ['lever', 'levert', 'leveren', 'leverde', 'leverden'],
  schrijven: ['schrijf', 'schrijft', 'schrijven', 'schreef', 'schreven'],
  geven: ['geef', 'geeft', 'geven', 'gaf', 'gaven'],
  melden: ['meld', 'meldt', 'melden', 'meldde', 'meldden'],
  rekenen: ['reken', 'rekent', 'rekenen', 'rekende', 'rekenden'],
  voeren: ['voer', 'voert', 'voeren', 'voerde', 'voerden'],
  werken: ['werk', 'werkt', 'werken', 'werkte', 'werkten'],
  zetten: ['zet', 'zetten', 'zette'],
  nemen: ['neem', 'neemt', 'nemen', 'nam', 'namen'],
  doen: ['doe', 'doet', 'doen', 'deed', 'deden'],
  halen: ['haal', 'haalt', 'halen', 'haalde', 'haalden'],
  wijzen: ['wijs', 'wijst', 'wijzen', 'wees', 'wezen'],
  laden: ['laad', 'laadt', 'laden', 'laadde', 'laadden'],
  dragen: ['draag', 'draagt', 'dragen', 'droeg', 'droegen'],
  brengen: ['breng', 'brengt', 'brengen', 'bracht', 'brachten'],
  vangen: ['vang', 'vangt', 'vangen', 'ving', 'vingen'],
  lopen: ['loop', 'loopt', 'lopen', 'liep', 'liepen'],
  ronden: ['rond', 'rondt', 'ronden', 'rondde', 'rondden'],
  houden: ['houd', 'houdt', 'houden', 'hield', 'hielden'],
  sturen: ['stuur', 'stuurt', 'sturen', 'stuurde', 'stuurden'],
  maken: ['maak', 'maakt', 'maken', 'maakte', 'maakten'],
  kijken: ['kijk', 'kijkt', 'kijken', 'keek', 'keken'],
};

const PARTICLES = new Set(['vast', 'in', 'aan', 'op', 'af', 'uit', 'mee', 'door', 'terug', 'bij', 'samen', 'deel', 'over', 'toe', 'neer']);

/** The infinitive of each form: `leg` → `leggen`. */
const INFINITIVE = new Map(Object.entries(VERB_FORMS).flatMap(([infinitive, forms]) => forms.map((form) => [form, infinitive] as const)));

/**
 * Words that may follow the particle at the end of a clause: a phrase ("Hoe ronden we het af met de
 * partners?") or a clause of its own ("Hoe houden we bij hoeveel tijd het kost?").
 */
const AFTER_PARTICLE = new Set(['met', 'voor', 'naar', 'van', 'bij', 'tot', 'tijdens', 'binnen', 'zonder', 'om', 'hoeveel', 'wat', 'welke', 'wie', 'wanneer', 'hoe', 'of', 'waar']);

/** How far back from the particle the verb may stand. */
const MAX_SPAN = 10;

/**
 * The tokens of `text`, with each clause that ends in a particle read as the joined verb, where `isWord`
 * knows that verb (`leggen … vast` → `vastleggen`).
 */
export function joinSeparableVerbs(text: string, isWord: (token: string) => boolean): string[] {
  const out: string[] = [];
  for (const clause of text.split(/[,;:?!.()]+/)) {
    const tokens = toTokens(clause);
    // "om alles af te ronden", "in te dienen": the particle, "te" and the infinitive are one verb.
    for (let i = tokens.length - 3; i >= 0; i--) {
      const [particle, te, verb] = [tokens[i] ?? '', tokens[i + 1], tokens[i + 2] ?? ''];
      const joined = `${particle}${verb}`;
      if (te === 'te' && PARTICLES.has(particle) && INFINITIVE.get(verb) === verb && isWord(joined)) tokens.splice(i, 3, joined);
    }
    // The particle ends the clause, or only a phrase such as "met de partners" follows it.
    let at = tokens.length - 1;
    const before = tokens.findLastIndex((token, i) => i > 1 && AFTER_PARTICLE.has(token) && PARTICLES.has(tokens[i - 1] ?? ''));
    if (!PARTICLES.has(tokens[at] ?? '') && before > 0) at = before - 1;
    const particle = tokens[at];
    if (particle !== undefined && PARTICLES.has(particle) && at > 1) {
      for (let i = at - 1; i >= Math.max(0, at - MAX_SPAN); i--) {
        const infinitive = INFINITIVE.get(tokens[i] ?? '');
        const joined = infinitive && `${particle}${infinitive}`;
        if (joined && isWord(joined)) {
          tokens[i] = joined;
          tokens.splice(at, 1);
          break;
        }
      }
    }
    out.push(...tokens);
  }
  return out;
}
