import { describe, expect, it } from 'vitest';
import { createAssistant } from '../src/assistant.js';
import type { Input } from '../src/input.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { toPlainText } from '../src/plain-text.js';
import type { Reply } from '../src/reply.js';

const assistant = createAssistant({ knowledge: loadKnowledge('test/fixtures/knowledge') });
let conversations = 0;
/** A conversation of its own for each call, unless a test passes one: the assistant remembers each conversation's language. */
const fresh = () => ({ platform: 'console', channelId: `c${++conversations}`, userId: 'u1', kind: 'personal' }) as const;
const ask = (text: string, extra: Partial<Input> = {}): Promise<Reply> => assistant.handle({ text, conversation: fresh(), ...extra });
const click = (action: string, extra: Partial<Input> = {}): Promise<Reply> => assistant.handle({ action, conversation: fresh(), ...extra });

describe('commands', () => {
  it.each([
    ['help', 'help', 'en'],
    ['hulp', 'help', 'nl'],
    ['roadmap', 'roadmap', 'nl'],
    ['stappenplan', 'roadmap', 'nl'],
    ['overview', 'roadmap', 'en'],
    ['tools', 'tools', 'nl'],
    ['hulpmiddelen', 'tools', 'nl'],
    ['Rapportage', 'phase', 'nl'],
    ['reporting', 'phase', 'en'],
    ['fase voorbereiding', 'phase', 'nl'],
  ])('%s → %s in %s', async (text, kind, lang) => {
    const reply = await ask(text);
    expect(reply.kind).toBe(kind);
    expect(reply.lang).toBe(lang);
  });

  it('keeps the conversation language for words that both languages use', async () => {
    const conversation = fresh();
    expect((await ask('where can I find the distance calculator?', { conversation })).lang).toBe('en');
    expect((await ask('roadmap', { conversation })).lang).toBe('en');
    expect((await ask('tools', { conversation })).lang).toBe('en');
    expect((await ask('waar vind ik de afstandscalculator?', { conversation })).lang).toBe('nl');
    expect((await ask('roadmap', { conversation })).lang).toBe('nl');
  });

  it('with no history, follows the surface locale, then Dutch', async () => {
    expect((await ask('roadmap', { locale: 'en' })).lang).toBe('en');
    expect((await ask('roadmap')).lang).toBe('nl');
  });

  it('prefers the conversation so far over the surface locale, and an explicit language over both', async () => {
    const conversation = fresh();
    await ask('waar vind ik de afstandscalculator?', { conversation });
    expect((await ask('roadmap', { conversation, locale: 'en' })).lang).toBe('nl');
    expect((await ask('roadmap', { conversation, lang: 'en' })).lang).toBe('en');
  });

  it('lets a greeting alone set the language', async () => {
    const conversation = fresh();
    expect(await ask('good morning!', { conversation })).toMatchObject({ kind: 'smalltalk', lang: 'en' });
    expect((await ask('tools', { conversation })).lang).toBe('en');
  });

  it('lists the phases in road order', async () => {
    const reply = await ask('roadmap');
    expect(reply.kind === 'roadmap' && reply.phases.map((p) => p.id)).toEqual(['preparation', 'reporting']);
  });

  it('shows a phase with its steps and the neighbouring phase', async () => {
    const reply = await ask('reporting');
    if (reply.kind !== 'phase') throw new Error(reply.kind);
    expect(reply.steps.map((s) => s.id)).toEqual(['interim-report', 'final-report']);
    expect(reply.position).toBe(2);
    expect(reply.followUps.map((f) => f.action)).toEqual(['phase:preparation', 'cmd:roadmap']);
  });

  it('lists tools and documents only', async () => {
    const reply = await ask('tools');
    expect(reply.kind === 'tools' && reply.tools.map((t) => t.id)).toEqual(['distance-calculator']);
  });
});

describe('answers', () => {
  it('answers in the language of the question, with links, notes and follow-ups', async () => {
    const reply = await ask('what do I need for the interim report?');
    if (reply.kind !== 'answer') throw new Error(reply.kind);
    expect(reply).toMatchObject({ lang: 'en', entryId: 'interim-report', title: 'Interim report', phaseTitle: 'Reporting' });
    expect(reply.links).toEqual([{ label: 'Mobility Tool+', url: 'https://webgate.ec.europa.eu/eac/mobility', kind: 'login' }]);
    expect(reply.notes[0]).toMatch(/Beneficiary Module.*checked on 2026-11-26/);
    expect(reply.followUps.map((f) => f.action)).toEqual(['entry:final-report']);
    expect(reply.source).toContain('PROGRESS EN/OF INTERIM RAPPORTAGE');
  });

  it('offers the next step on the road when it is not already related', async () => {
    const reply = await ask('hoe vind ik een partner');
    expect(reply.kind === 'answer' && reply.followUps.map((f) => f.action)).toEqual(['entry:distance-calculator']);
    const calculator = await ask('afstandscalculator');
    expect(calculator.kind === 'answer' && calculator.followUps.map((f) => f.label)).toEqual(['Volgende stap: Voortgangsrapportage']);
  });

  it('declines an off-topic question honestly, with topics to start from', async () => {
    const reply = await ask('wat voor weer wordt het morgen');
    if (reply.kind !== 'not-found') throw new Error(reply.kind);
    expect(reply.text).toMatch(/^Dat weet ik niet/);
    expect(reply.options.length).toBeGreaterThan(0);
  });
});

describe('everyday wording', () => {
  const real = createAssistant({ knowledge: loadKnowledge('knowledge') });
  it.each([
    ['Is there an entry-level version for newcomers to Erasmus+?', 'ka220-vs-ka210'],
    ['Is it risky to submit last minute?', 'submit-early'],
    ['How does the budget work in a KA220 nowadays?', 'lump-sum'],
    ['Waar zetten we onze resultaten online zodat anderen ze kunnen vinden?', 'project-results-platform'],
    ['Kunnen we met het NA om tafel over ons idee?', 'tailored-advice'],
  ])('reads %j as a roadmap question', async (question, entryId) => {
    expect(await real.handle({ text: question, conversation: fresh() })).toMatchObject({ kind: 'answer', entryId });
  });
});

describe('buttons', () => {
  it('opens an entry, a phase and a command from their action ids', async () => {
    expect(await click('entry:final-report', { lang: 'en' })).toMatchObject({ kind: 'answer', entryId: 'final-report', lang: 'en' });
    expect(await click('phase:preparation')).toMatchObject({ kind: 'phase', phaseId: 'preparation' });
    expect(await click('cmd:tools')).toMatchObject({ kind: 'tools' });
  });

  it.each(['entry:no-such-entry', 'phase:gone', 'cmd:nothing', 'javascript:alert(1)', 'x'.repeat(5000)])('answers a stale or forged action %#', async (action) => {
    const reply = await click(action);
    expect(reply.kind).toBe('message');
  });
});

describe('strange input', () => {
  it('explains itself for an empty message', async () => {
    expect((await ask('   ')).kind).toBe('help');
  });

  it('asks to shorten a huge message instead of matching it', async () => {
    const reply = await ask('interim report '.repeat(500));
    expect(reply.kind).toBe('message');
    expect(toPlainText(reply)).toMatch(/too long|te lang/);
  });

  it.each(['🙂🙂🙂', '<!channel> @here', '\u0000\u0001', 'SELECT * FROM users; --', '١٢٣'])('answers %j without failing', async (text) => {
    const reply = await ask(text);
    expect(['not-found', 'help', 'answer', 'message']).toContain(reply.kind);
    expect(toPlainText(reply).length).toBeGreaterThan(0);
  });
});

describe('list summaries', () => {
  it('writes a bullet list as one line in a list item', async () => {
    const knowledge = loadKnowledge('knowledge');
    const reply = await createAssistant({ knowledge }).handle({ action: 'cmd:tools', lang: 'nl', conversation: fresh() });
    if (reply.kind !== 'tools') throw new Error(reply.kind);
    for (const tool of reply.tools) {
      expect(tool.summary, tool.id).not.toMatch(/\n/);
      expect(tool.summary.length, tool.id).toBeLessThanOrEqual(160);
    }
    const withList = reply.tools.find((tool) => tool.summary.includes(';'));
    expect(withList?.summary).toMatch(/: [^;]+; /);
  });
});

describe('the first or last step of a part of the road', () => {
  it('answers from the stops of the phase or track the question names', async () => {
    const assistant = createAssistant({ knowledge: loadKnowledge('knowledge') });
    const last = await assistant.handle({ text: "What's the last step on the applicant side of the roadmap?", conversation: fresh() });
    expect(last).toMatchObject({ kind: 'answer', entryId: 'submission', lead: 'The last step of "the application":' });
    const first = await assistant.handle({ text: 'Wat is de eerste stap van de uitvoering?', conversation: fresh() });
    expect(first).toMatchObject({ kind: 'answer', entryId: 'project-execution', lead: 'De eerste stap van "Uitvoering":' });
    expect(await assistant.handle({ text: 'what is the first step?', conversation: fresh() })).toMatchObject({ entryId: 'institutional-support', lead: 'The first step of the roadmap:' });
  });

  it('answers a step counted from the first, of the road, a phase or an entry with steps of its own', async () => {
    const assistant = createAssistant({ knowledge: loadKnowledge('knowledge') });
    expect(await assistant.handle({ text: 'What is step two?', conversation: fresh() })).toMatchObject({ entryId: 'benchmark', lead: 'Step 2 of the roadmap:' });
    expect(await assistant.handle({ text: 'Wat is de tweede stap van de uitvoering?', conversation: fresh() })).toMatchObject({ entryId: 'monitoring-meetings', lead: 'Stap 2 van "Uitvoering":' });
    expect(await assistant.handle({ text: 'What is the second step of the tailored advice?', conversation: fresh() })).toMatchObject({
      entryId: 'tailored-advice',
      lead: 'Step 2 of "Tailored advice" is "advice meeting":',
    });
  });
});

describe('a road question that asks for a kind of stop', () => {
  it('answers the nearest report or meeting in that direction, not the next stop', async () => {
    const assistant = createAssistant({ knowledge: loadKnowledge('knowledge') });
    expect(await assistant.handle({ text: 'Which report comes after the interim report?', conversation: fresh() })).toMatchObject({ entryId: 'final-report' });
    expect(await assistant.handle({ text: 'Is there a report we have to do before the final one?', conversation: fresh() })).toMatchObject({ entryId: 'interim-report' });
    expect(await assistant.handle({ text: 'Is er na de kick-off nog een bijeenkomst?', conversation: fresh() })).toMatchObject({ entryId: 'monitoring-meetings' });
    expect(await assistant.handle({ text: 'Which meeting comes before the kick-off?', conversation: fresh() })).toMatchObject({ entryId: 'info-session' });
    // Without a kind, the next stop.
    expect(await assistant.handle({ text: 'What comes after the interim report?', conversation: fresh() })).toMatchObject({ entryId: 'dissemination-exploitation' });
  });
});

describe('words that only lead in or point back', () => {
  it('does not count "op het gebied van", "these days" or "daaraan" against the match', async () => {
    const assistant = createAssistant({ knowledge: loadKnowledge('knowledge') });
    expect(await assistant.handle({ text: 'Wat verwacht het NA op het gebied van de tussenrapportage?', conversation: fresh() })).toMatchObject({ entryId: 'interim-report' });
    expect(await assistant.handle({ text: 'How does the final report work these days?', conversation: fresh() })).toMatchObject({ entryId: 'final-report' });
    expect(await assistant.handle({ text: 'Ik zie dat er bij de aanvraag een identificatienummer van onze instelling gevraagd wordt. Hoe komen we daaraan?', conversation: fresh() })).toMatchObject({ entryId: 'pic-code' });
  });
});

describe('a next-step question after a statement of what is done', () => {
  it('answers the stop after the one the statement names, not after one the question mentions', async () => {
    const assistant = createAssistant({ knowledge: loadKnowledge('knowledge') });
    expect(await assistant.handle({ text: 'Our kick-off meeting is over. What happens next while we carry out the work?', conversation: fresh() })).toMatchObject({ entryId: 'project-execution' });
    expect(await assistant.handle({ text: 'Onze aanvraag is toegekend! Wat moeten we als eerste doen?', conversation: fresh() })).toMatchObject({ entryId: 'kick-off' });
    expect(await assistant.handle({ text: 'Our interim report has been accepted. When is the next report due?', conversation: fresh() })).toMatchObject({ entryId: 'final-report' });
  });

  it("answers what follows an entry's step from the step's own next stop: the final check precedes the submission", async () => {
    const assistant = createAssistant({ knowledge: loadKnowledge('knowledge') });
    const reply = await assistant.handle({ text: 'What comes after the final check with the agency?', conversation: fresh() });
    expect(reply).toMatchObject({ entryId: 'submission', lead: 'After "final check" comes "Submitting the application":' });
  });

  it('reads what is arranged as done, and an entry off the road as the stop it belongs to', async () => {
    const assistant = createAssistant({ knowledge: loadKnowledge('knowledge') });
    expect(await assistant.handle({ text: 'Het draagvlak binnen school is geregeld. Wat doen we daarna?', conversation: fresh() })).toMatchObject({ entryId: 'benchmark' });
    const afterTool = await assistant.handle({ text: 'What comes after the impact tool?', conversation: fresh() });
    expect(afterTool).toMatchObject({ entryId: 'project-partners', lead: 'After "Impact & sustainability" comes:' });
  });

  it('reads "is there anything left to do?" after what is in as the stop after it', async () => {
    const assistant = createAssistant({ knowledge: loadKnowledge('knowledge') });
    expect(await assistant.handle({ text: 'Final report is in. Is there anything left to do?', conversation: fresh() })).toMatchObject({ entryId: 'formal-closing' });
    expect(await assistant.handle({ text: 'Het eindrapport is verstuurd. Zijn we dan klaar, of komt er nog iets?', conversation: fresh() })).toMatchObject({ entryId: 'formal-closing' });
  });

  it('answers the first meeting after the award, and the very first step when the sentence before only says what the asker wants', async () => {
    const assistant = createAssistant({ knowledge: loadKnowledge('knowledge') });
    expect(await assistant.handle({ text: 'Our project was approved. What happens first now?', conversation: fresh() })).toMatchObject({ entryId: 'kick-off' });
    expect(await assistant.handle({ text: 'Welke bijeenkomst komt als eerste nadat ons project is toegekend?', conversation: fresh() })).toMatchObject({ entryId: 'kick-off' });
    expect(await assistant.handle({ text: 'We willen een partnerschap aanvragen. Wat is de allereerste stap?', conversation: fresh() })).toMatchObject({ entryId: 'institutional-support' });
    expect(await assistant.handle({ text: 'What has to be handed in before the formal closing?', conversation: fresh() })).toMatchObject({ entryId: 'final-report' });
    const beforeFinal = 'Wat moet ik doen voordat ik de eindrapportage indien? Moeten de resultaten ergens online komen?';
    expect(await assistant.handle({ text: beforeFinal, conversation: fresh() })).toMatchObject({ entryId: 'project-results-platform' });
    expect(await assistant.handle({ text: "I have our PIC now. What's the next step?", conversation: fresh() })).toMatchObject({ entryId: 'online-application-form' });
  });

  it('reads a deadline that has passed as the submission behind the asker: next comes the result', async () => {
    const assistant = createAssistant({ knowledge: loadKnowledge('knowledge') });
    expect(await assistant.handle({ text: 'De deadline is voorbij. Wat nu?', conversation: fresh() })).toMatchObject({ entryId: 'selection-result' });
    expect(await assistant.handle({ text: 'The deadline has passed. What happens now?', conversation: fresh() })).toMatchObject({ entryId: 'selection-result' });
    expect(await assistant.handle({ text: 'What comes right after the application deadline has passed?', conversation: fresh() })).toMatchObject({ entryId: 'selection-result' });
  });
});

describe('a next-step question that says what is missing or proposes a step', () => {
  it('answers where to get what is missing, not the stop after the one named', async () => {
    const assistant = createAssistant({ knowledge: loadKnowledge('knowledge') });
    expect(await assistant.handle({ text: 'We have an idea but no partners yet. What is the next step?', conversation: fresh() })).toMatchObject({ entryId: 'partner-search' });
    expect(await assistant.handle({ text: 'What comes after the kick-off? We have no idea.', conversation: fresh() })).toMatchObject({ entryId: 'project-execution' });
  });

  it('answers the step that the asker proposes', async () => {
    const assistant = createAssistant({ knowledge: loadKnowledge('knowledge') });
    expect(await assistant.handle({ text: "We've checked for similar projects. What's the next step, finding partners?", conversation: fresh() })).toMatchObject({ entryId: 'partner-search' });
    expect(await assistant.handle({ text: 'Is de volgende stap een PIC aanvragen?', conversation: fresh() })).toMatchObject({ entryId: 'pic-code' });
  });
});

describe("the project's end", () => {
  it('answers what is due once the end date has passed', async () => {
    const assistant = createAssistant({ knowledge: loadKnowledge('knowledge') });
    expect(await assistant.handle({ text: 'Once the project has ended, what do we still have to do?', conversation: fresh() })).toMatchObject({
      entryId: 'final-report',
      lead: 'Once the project has ended comes:',
    });
    // A question about doing something only at the end is not a road question.
    expect(await assistant.handle({ text: 'Begin je pas met het verspreiden van resultaten als het project klaar is?', conversation: fresh() })).not.toMatchObject({ entryId: 'final-report' });
  });
});

describe('past the end of the road', () => {
  it('answers what can still come after the last stop, and says that the road ends there', async () => {
    const assistant = createAssistant({ knowledge: loadKnowledge('knowledge') });
    const after = await assistant.handle({ text: 'What comes after the formal closing?', conversation: fresh() });
    expect(after).toMatchObject({ kind: 'answer', entryId: 'checks', lead: 'The road ends with "Formal closing"; what can still come after it:' });
    const nl = await assistant.handle({ text: 'Na de formele afsluiting, kan er dan nog iets komen?', conversation: fresh() });
    expect(nl).toMatchObject({ kind: 'answer', entryId: 'checks', lead: 'Met "Formele afsluiting" eindigt de roadmap; daarna kan nog komen:' });
    // The stop before the end is still answered from the road.
    expect(await assistant.handle({ text: 'What comes after the final report?', conversation: fresh() })).toMatchObject({ entryId: 'formal-closing' });
  });
});

describe('a near topic with words of its own', () => {
  it('wins when the question has a word that only the near topic has, and that word weighs', async () => {
    const assistant = createAssistant({ knowledge: loadKnowledge('knowledge') });
    expect(await assistant.handle({ text: 'Hoeveel vakantiedagen krijg ik als docent op het roc?', conversation: fresh() })).toMatchObject({ kind: 'out-of-scope', topicId: 'hr-payroll' });
    // Leave and HR are words only the near topic has, even beside words of the roadmap ("left", "register", "portal").
    expect(await assistant.handle({ text: 'How many days off do I have left before the summer?', conversation: fresh() })).toMatchObject({ kind: 'out-of-scope', topicId: 'hr-payroll' });
    expect(await assistant.handle({ text: 'Where do I register my hours in the HR portal?', conversation: fresh() })).toMatchObject({ kind: 'out-of-scope', topicId: 'hr-payroll' });
    // An aside in a roadmap question ("we claimed real costs") does not turn it into the near topic.
    const budget = 'We used to keep timesheets and claimed real costs for our KA220-VET partnership; how does the budget work now?';
    expect(await assistant.handle({ text: budget, conversation: fresh() })).toMatchObject({ kind: 'answer' });
  });
});

describe('a near topic named only in the context', () => {
  it('does not outweigh the roadmap when the question itself names nothing', async () => {
    const assistant = createAssistant({ knowledge: loadKnowledge('knowledge') });
    const text = 'Onze directeur is enthousiast, maar ik twijfel of het idee past bij wat onze school met internationalisering wil. Hoe pak ik dat aan?';
    expect(await assistant.handle({ text, conversation: fresh() })).toMatchObject({ kind: 'answer', entryId: 'institutional-support' });
    expect((await assistant.handle({ text: 'Via welk intern formulier vraag ik toestemming van de directeur?', conversation: fresh() })).kind).toBe('out-of-scope');
  });
});

describe('the phase after or before another', () => {
  it('answers with the first stop of that phase', async () => {
    const assistant = createAssistant({ knowledge: loadKnowledge('knowledge') });
    const reply = await assistant.handle({ text: 'What phase comes after the execution?', conversation: fresh() });
    expect(reply).toMatchObject({ kind: 'answer', entryId: 'interim-report', lead: 'After the phase "Project execution" comes the phase "Reporting", which starts with:' });
  });
});

describe('which of two comes first', () => {
  it('answers the earlier stop of the two the question names', async () => {
    const assistant = createAssistant({ knowledge: loadKnowledge('knowledge') });
    const reply = await assistant.handle({ text: 'Which comes first, the interim report or the kick-off?', conversation: fresh() });
    expect(reply).toMatchObject({ kind: 'answer', entryId: 'kick-off', lead: '"Kick-off meeting" comes first:' });
  });
});

describe("an entry's own steps", () => {
  it('answers the step after or before the one named, within the entry that has them', async () => {
    const assistant = createAssistant({ knowledge: loadKnowledge('knowledge') });
    const after = await assistant.handle({ text: 'Na het oriënterend gesprek met het NA, wat is dan de volgende stap?', conversation: fresh() });
    expect(after).toMatchObject({ kind: 'answer', entryId: 'tailored-advice', lang: 'nl', lead: 'Na "oriënterend gesprek" komt "adviesgesprek":' });
    const before = await assistant.handle({ text: 'What do we do before the final check with the agency?', conversation: fresh() });
    expect(before).toMatchObject({ kind: 'answer', entryId: 'tailored-advice', lang: 'en', lead: 'Before "final check" comes "advice meeting":' });
    const first = await assistant.handle({ text: 'Wat is de eerste stap van het advies op maat?', conversation: fresh() });
    expect(first).toMatchObject({ kind: 'answer', entryId: 'tailored-advice', lead: 'De eerste stap van "Advies op maat" is "oriënterend gesprek":' });
    const last = await assistant.handle({ text: 'What is the last step of the tailored advice?', conversation: fresh() });
    expect(last).toMatchObject({ kind: 'answer', entryId: 'tailored-advice', lead: 'The last step of "Tailored advice" is "final check":' });
  });
});

describe('chat messages', () => {
  it('answers a greeting or a thank-you alone in its own language, without declining', async () => {
    const hello = await ask('goedemorgen');
    expect(hello).toMatchObject({ kind: 'smalltalk', lang: 'nl' });
    expect(toPlainText(hello)).toContain('KA2');
    expect(await ask('thanks!')).toMatchObject({ kind: 'smalltalk', lang: 'en' });
  });

  it('answers a long message with context by its question', async () => {
    const reply = await ask('Hi! I am a teacher at a vocational college in Zwolle, and we work with partners in Finland and Spain on a project about care. Where can I find the distance calculator?');
    expect(reply).toMatchObject({ kind: 'answer', entryId: 'distance-calculator', lang: 'en' });
  });

  it('points a near topic outside the roadmap to where its answer is', async () => {
    const reply = await ask('Hoe regel ik een buitenlandstage voor mijn studenten?');
    if (reply.kind !== 'out-of-scope') throw new Error(reply.kind);
    expect(reply).toMatchObject({ topicId: 'ka1-mobility', lang: 'nl' });
    expect(reply.text).toMatch(/buiten de KA2-roadmap/);
    expect(reply.links[0]?.url).toBe('https://www.erasmusplus.nl/nl/middelbaar-beroepsonderwijs');
  });

  it('points a road question about a near topic outside the roadmap there too', async () => {
    expect(await ask('What is the first step for a KA1 internship abroad?')).toMatchObject({ kind: 'out-of-scope', topicId: 'ka1-mobility' });
  });

  it('still declines what is plainly off-topic', async () => {
    expect((await ask('what is the weather like in Utrecht tomorrow')).kind).toBe('not-found');
  });

  it('answers a road question with the stop asked for, not the one named', async () => {
    const after = await ask('We sent the interim report. What comes next?');
    expect(after).toMatchObject({ kind: 'answer', entryId: 'final-report' });
    expect(after.kind === 'answer' && after.lead).toMatch(/After "Interim report"/);
    expect(await ask('wat is de eerste stap?')).toMatchObject({ kind: 'answer', entryId: 'partner-search', lang: 'nl' });
    expect(await ask('what is the last step?')).toMatchObject({ kind: 'answer', entryId: 'final-report' });
  });

  it('does not answer the first or last step of something the roadmap does not know from the road', async () => {
    expect((await ask('What is the last step when baking sourdough bread?')).kind).toBe('not-found');
    expect(await ask('what is the last step of our project?')).toMatchObject({ kind: 'answer', entryId: 'final-report' });
  });

  it('corrects a short typo beside a word it knows, but not a word on its own', async () => {
    expect(await ask('intrim raport')).toMatchObject({ kind: 'answer', entryId: 'interim-report' });
    expect((await ask('lunch')).kind).toBe('not-found');
  });
});
