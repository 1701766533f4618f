import { describe, expect, it } from 'vitest';
import { readRoadSection, resolveWithinEntry } from '../src/road-parts.js';
import { readRoadQuestion, resolveRoad } from '../src/road.js';

const ROAD = ['support', 'benchmark', 'submission', 'result', 'final-report', 'closing'];

describe('road questions', () => {
  it.each([
    ['what is the first step?', 'first'],
    ['wat doe je als allereerste?', 'first'],
    ['wat moeten we eerst?', 'first'],
    ["What's step one of the whole roadmap?", 'first'],
    ['wat is stap 1?', 'first'],
    ['Wat is de allerlaatste stap van de roadmap?', 'last'],
    ['What are the last steps?', 'last'],
    ['Wat zijn de laatste stappen?', 'last'],
    ['We submitted our final report. What is the next step?', 'next'],
    ['wat komt er na de eindrapportage', 'next'],
    ['aanvraag is verstuurd, wat is de volgende stap', 'next'],
    ['Ik heb een idee. Wat is de eerstvolgende stap?', 'next'],
    ['Once the idea has support inside the school, what should we check next?', 'next'],
    ['What comes right after the kick-off?', 'next'],
    ['And after the kick-off?', 'next'],
    ['Wat volgt er op de uitslag?', 'next'],
    ["What's the step after the interim report?", 'next'],
    ['Which step follows the advice meeting?', 'next'],
    ['Welke stap komt na het adviesgesprek?', 'next'],
    ['What follows the final report?', 'next'],
    ['We got approved, now what?', 'next'],
    ['What is the step before submission?', 'previous'],
    ['What should happen before the kick-off meeting?', 'previous'],
    ['Where do I start?', 'first'],
    ['Waar moet ik beginnen?', 'first'],
    ['Hoe begin ik aan de aanvraag?', 'first'],
    ["What's left to do after the final report?", 'next'],
    ['Hoe gaat het verder na de toekenning?', 'next'],
    ['How does it continue after the kick-off?', 'next'],
    ["What's the step between submission and kick-off?", 'next'],
    ['Wat is de laatste stap voor het indienen?', 'previous'],
    ["What's the first thing to do after approval?", 'next'],
    ['What do we do when the project is approved?', 'next'],
    ['Wat moeten we regelen als de aanvraag is goedgekeurd?', 'next'],
    ['Wat is de eerste stap na de toekenning?', 'next'],
    ['What comes first, the PIC or the application form?', 'earlier'],
    ['Wat komt eerst: de uitslag of de kick-off?', 'earlier'],
    ['what happens between the application and the start?', 'next'],
    ['What do I need to arrange before I can fill in the online application form?', 'previous'],
    ["What's next once the grant is awarded?", 'next'],
    ['We zijn toegekend! Wat komt er nu als eerste?', 'next'],
    ['Wat gebeurt er nadat we de aanvraag hebben ingediend?', 'next'],
    ['After the interim report, what should we focus on until the end?', 'next'],
    ['What do we have to arrange before the advice meeting?', 'previous'],
    ['Wat moet er ingeleverd zijn voordat we kunnen afsluiten?', 'previous'],
    ['Voordat we gaan schrijven: wat moet er geregeld zijn?', 'previous'],
    ['What should we prepare before the advice meeting?', 'previous'],
    ['ok we hebben de uitslag binnen, hoe nu verder?', 'next'],
    ['Which step do we take after the info session?', 'next'],
    ['Welke stap moeten we zetten voor het indienen?', 'previous'],
    ['Hoe ziet de volgende fase eruit na de aanvraag?', 'next'],
    ['Eerst de PIC of eerst het formulier?', 'earlier'],
    ['The PIC first or the web form first?', 'earlier'],
    ['Na de formele afsluiting, kan er dan nog iets komen?', 'next'],
    ['After the closing, can anything still happen?', 'next'],
    ['Is there anything after the final report?', 'next'],
    ['where do I even begin?', 'first'],
    ["What's the last thing we need to do?", 'last'],
    ['Wat is het laatste wat we moeten doen?', 'last'],
    ["We've got our idea. Where do we go from here?", 'next'],
    ['We hebben onze partners gevonden, en nu?', 'next'],
  ])('%s asks for the %s stop', (text, intent) => expect(readRoadQuestion(text)?.intent).toBe(intent));

  it.each(['when is the next deadline?', 'Wat doen we eerst om partners te vinden?', 'Before we publish our video, what do we add to it?', 'kan er daarna nog een controle komen?', 'where is the distance calculator', 'What documents do I need after the award?', 'Can I change partners after the application?', 'waar moet ik op letten qua projectmanagement', 'Is er een stappenplan, stap voor stap?', 'hoe kunnen we tussenresultaten laten zien', 'What do I do when I have questions?', 'Wat moet ik doen als ik vragen heb?'])(
    '%s is not a road question',
    (text) => expect(readRoadQuestion(text)).toBeUndefined(),
  );

  it.each([
    ['What is step two?', 1],
    ['wat is de derde stap?', 2],
    ['stap 4', 3],
    ['the 2nd step of the application', 1],
  ])('%s asks for the stop at place %s from the first', (text, position) => expect(readRoadQuestion(text)).toMatchObject({ intent: 'first', position }));

  it('keeps the words that name the stop', () => {
    expect(readRoadQuestion('wat komt er na de eindrapportage')?.rest).toContain('eindrapportage');
    expect(readRoadQuestion('After the interim report, what should we focus on?')?.rest).toContain('interim report');
  });

  it('answers the stop asked for, from the first named stop', () => {
    expect(resolveRoad(ROAD, 'next', ['guide', 'final-report', 'submission'])).toEqual({ target: 'closing', from: 'final-report' });
    expect(resolveRoad(ROAD, 'previous', ['submission'])).toEqual({ target: 'benchmark', from: 'submission' });
    expect(resolveRoad(ROAD, 'first', [])).toEqual({ target: 'support', from: undefined });
    expect(resolveRoad(ROAD, 'last', [])).toEqual({ target: 'closing', from: undefined });
  });

  it.each([
    ['Which report comes after the interim report?', 'next', 'report'],
    ['Na de voortgangsrapportage, welke rapportage volgt er nog?', 'next', 'report'],
    ['Is there a report we have to do before the final one?', 'previous', 'report'],
    ['Welke rapportage komt er voor de eindrapportage?', 'previous', 'report'],
    ["What's the next meeting after the kick-off?", 'next', 'meeting'],
    ['Is er na de kick-off nog een bijeenkomst?', 'next', 'meeting'],
    ['Which meeting comes before the kick-off?', 'previous', 'meeting'],
    ['Welke rapportages van het NA komen er ná de uitslag?', 'next', 'report'],
    ['Which sessions of the agency come after the kick-off?', 'next', 'meeting'],
  ])('%s asks for the %s stop that is a %s', (text, intent, kind) => expect(readRoadQuestion(text)).toMatchObject({ intent, kind }));

  it("reads a question about the project's end as after the end date, not after a stop", () => {
    expect(readRoadQuestion('Wat gebeurt er als het project afgelopen is?')).toMatchObject({ intent: 'next', projectEnd: true });
    expect(readRoadQuestion('What do we do at the end of the project?')).toMatchObject({ intent: 'next', projectEnd: true });
    expect(readRoadQuestion('What comes after the final report?')?.projectEnd).toBeUndefined();
  });

  it('reads what lies between two stops, however it is asked', () => {
    expect(readRoadQuestion('Wat ligt er tussen de uitslag en de kick-off?')).toMatchObject({ intent: 'next', between: true });
    expect(readRoadQuestion('Wat zit er op de roadmap tussen het indienen en de uitslag?')).toMatchObject({ intent: 'next', between: true });
    expect(readRoadQuestion('Wat moet er tussen de kick-off en het eindrapport nog gerapporteerd worden?')).toMatchObject({ intent: 'next', between: true, kind: 'report' });
    expect(readRoadQuestion('What do we have to report between the kick-off and the final report?')).toMatchObject({ intent: 'next', between: true, kind: 'report' });
  });

  it('reads a statement of what is done as the stop the next step follows, with the words that name it', () => {
    expect(readRoadQuestion('The interim report is done. So what now?')).toEqual({ intent: 'next', rest: 'The interim report' });
    expect(readRoadQuestion('Ons projectidee is goedgekeurd! Wat doen we als eerste?')).toEqual({ intent: 'next', rest: 'Ons projectidee goedgekeurd' });
    expect(readRoadQuestion('We hebben de startbijeenkomst gehad 🎉 wat is de volgende stap?')).toEqual({ intent: 'next', rest: 'de startbijeenkomst' });
    expect(readRoadQuestion('We zijn klaar met de tussenrapportage. Wat volgt er dan?')).toEqual({ intent: 'next', rest: 'de tussenrapportage' });
    expect(readRoadQuestion('Our midterm report was accepted. When is the next report?')).toMatchObject({ intent: 'next', kind: 'report' });
    expect(readRoadQuestion('The partners are on board. What is the next step?')).toEqual({ intent: 'next', rest: 'The partners' });
    expect(readRoadQuestion('We hebben onze partners gevonden, wat nu?')).toEqual({ intent: 'next', rest: 'onze partners' });
    expect(readRoadQuestion('The project ended last month, what do we still have to do?')).toMatchObject({ intent: 'next', projectEnd: true });
    // "Ons project over groene techniek" is what the project is about, not that it is over.
    expect(readRoadQuestion('Ons project over groene techniek is goedgekeurd. Wat moeten we nu als eerste regelen?')).toEqual({ intent: 'next', rest: 'Ons project over groene techniek goedgekeurd' });
    expect(readRoadQuestion('Our project is over. What now?')).toMatchObject({ intent: 'next', projectEnd: true });
    // A deadline that has passed is a statement too: its verb stays, for the submission it stands for.
    expect(readRoadQuestion('De deadline is verstreken. Waar wachten we nu op?')).toEqual({ intent: 'next', rest: 'De deadline verstreken' });
    expect(readRoadQuestion('The deadline has passed. What happens now?')).toEqual({ intent: 'next', rest: 'The deadline passed' });
    // Without such a statement, "first" is the first stop of the road.
    expect(readRoadQuestion('What do we do first?')).toMatchObject({ intent: 'first' });
  });

  it('leaves an application turned down or on the reserve list to the matcher: no step follows it on the road', () => {
    expect(readRoadQuestion('Our application was rejected. What now?')).toBeUndefined();
    expect(readRoadQuestion('we staan op de reservelijst, wat nu?')).toBeUndefined();
    expect(readRoadQuestion('Onze aanvraag is niet toegekend. Wat is de volgende stap?')).toBeUndefined();
  });

  it('leaves a session after a stop to the matcher: not every session is on the road', () => {
    expect(readRoadQuestion('Is there a session after the award where they explain the money rules?')).toBeUndefined();
  });

  it('reads a stop named by its kind as no kind asked for', () => {
    // "the interim report" names the stop; it does not ask for a report.
    expect(readRoadQuestion('What comes after the interim report?')?.kind).toBeUndefined();
    expect(readRoadQuestion('wat komt er na de voortgangsrapportage')?.kind).toBeUndefined();
  });

  it('reads what a next-step question says is still missing, but not an idiom', () => {
    expect(readRoadQuestion('Ik heb wel een idee maar nog geen partners. Wat is dan de eerstvolgende stap?')?.missing).toBe('partners');
    expect(readRoadQuestion("We don't have a PIC yet, what is the next step?")?.missing).toBe('PIC');
    expect(readRoadQuestion("Where do I start when we haven't got a single partner lined up yet?")).toMatchObject({ intent: 'next', missing: 'partner' });
    expect(readRoadQuestion('Waar begin ik als we nog geen partners hebben?')).toMatchObject({ intent: 'next', missing: 'partners' });
    expect(readRoadQuestion('What comes after the kick-off? We have no idea.')?.missing).toBeUndefined();
  });

  it('reads "still no partner" as missing, and what is handed in before a stop as the stop before it', () => {
    expect(readRoadQuestion('Na de voorlichting heb ik nog steeds geen partner. Wat is de volgende stap?')?.missing).toBe('partner');
    expect(readRoadQuestion('What needs to be handed in before the formal closing meeting?')).toMatchObject({ intent: 'previous' });
    expect(readRoadQuestion('The final report is in Mobility Tool+. Is there anything left to do after that?')).toMatchObject({ intent: 'next', rest: expect.stringContaining('final report') });
  });

  it('reads the first step of the whole road when only the sentence before the question names a phase', () => {
    const question = readRoadQuestion('Ik wil een strategisch partnerschap aanvragen. Wat is de allereerste stap?');
    expect(question?.intent).toBe('first');
    expect(question?.rest).not.toContain('aanvragen');
    expect(readRoadQuestion('Our project was approved. What happens first now?')).toMatchObject({ intent: 'next', rest: expect.stringContaining('approved') });
  });

  it('keeps the sentence that asks for the stop before apart, and reads "I have our PIC now" as done', () => {
    expect(readRoadQuestion('Wat moet ik doen voordat ik de eindrapportage indien? Moeten de resultaten ergens online komen?')).toMatchObject({
      intent: 'previous',
      asked: expect.not.stringContaining('online'),
    });
    expect(readRoadQuestion('Wat moet ik doen voordat ik de eindrapportage indien?')?.asked).toBeUndefined();
    expect(readRoadQuestion("I have our PIC now. What's the next step to get the proposal in?")).toMatchObject({ intent: 'next', rest: 'our PIC' });
  });

  it('keeps the word that asks for a kind out of what names the stop', () => {
    const question = readRoadQuestion('Welke bijeenkomst van het NA komt als eerste nadat ons project is toegekend?');
    expect(question).toMatchObject({ intent: 'next', kind: 'meeting', kindWord: 'bijeenkomst' });
    expect(question?.rest).not.toContain('bijeenkomst');
    // "voor het geld" is "for the money", not "before".
    expect(readRoadQuestion('Is er een bijeenkomst waar ze uitleggen welke regels er gelden voor het geld van zo’n project en hoe je dat bijhoudt?')).toBeUndefined();
    expect(readRoadQuestion('Is er nog een rapportage die we moeten doen voor het eindrapport?')).toMatchObject({ intent: 'previous', kind: 'report' });
  });

  it('reads the step that a next-step question proposes, but not a wh-question about the next step', () => {
    expect(readRoadQuestion("We've checked for similar projects. What's the next step, finding partners? How?")?.proposed).toBe('finding partners');
    expect(readRoadQuestion('Is de volgende stap partners zoeken?')?.proposed).toBe('partners zoeken');
    expect(readRoadQuestion('Is finding partners the next step?')?.proposed).toBe('finding partners');
    expect(readRoadQuestion('Wat is de volgende stap in de roadmap?')?.proposed).toBeUndefined();
  });

  it('answers the nearest stop of the kind asked for', () => {
    const isReport = (id: string): boolean => id.endsWith('-report');
    expect(resolveRoad(ROAD, 'next', ['submission'], false, isReport)).toEqual({ target: 'final-report', from: 'submission' });
    expect(resolveRoad(ROAD, 'previous', ['closing'], false, isReport)).toEqual({ target: 'final-report', from: 'closing' });
    expect(resolveRoad(ROAD, 'previous', ['final-report'], false, isReport)).toBeUndefined();
  });

  it('has no answer past either end or without a named stop', () => {
    expect(resolveRoad(ROAD, 'next', ['closing'])).toBeUndefined();
    expect(resolveRoad(ROAD, 'previous', ['support'])).toBeUndefined();
    expect(resolveRoad(ROAD, 'next', ['guide'])).toBeUndefined();
  });

  it('reads a question about the phase after or before another', () => {
    expect(readRoadQuestion('Welke fase komt na de aanvraag?')).toMatchObject({ intent: 'next', phase: true });
    expect(readRoadQuestion('What comes after the kick-off?')?.phase).toBeUndefined();
  });

  it('answers which of two stops comes first with the earlier of them', () => {
    expect(resolveRoad(ROAD, 'earlier', ['final-report', 'benchmark'])).toEqual({ target: 'benchmark', from: undefined });
    expect(resolveRoad(ROAD, 'earlier', ['benchmark'])).toBeUndefined();
    expect(resolveRoad(ROAD, 'earlier', ['benchmark', 'benchmark'])).toBeUndefined();
  });

  it('answers what happens between two stops with the stop after the earlier of them', () => {
    expect(readRoadQuestion('Wat gebeurt er tussen het indienen en de uitvoering?')).toMatchObject({ intent: 'next', between: true });
    expect(readRoadQuestion('What comes after the kick-off?')?.between).toBeUndefined();
    const named = ['final-report', 'submission', 'benchmark'];
    expect(resolveRoad(ROAD, 'next', named, true)).toEqual({ target: 'result', from: 'submission' });
  });

  it('reads which phase, or which track, a first or last step question is about', () => {
    const phases = [
      { id: 'application', track: 'applicant', title: { nl: 'Aanvraag', en: 'Application' }, keywords: { nl: ['aanvraag'], en: ['application'] } },
      { id: 'execution', track: 'impact', title: { nl: 'Uitvoering', en: 'Execution' }, keywords: { nl: ['uitvoering'], en: ['running the project'] } },
    ];
    expect(readRoadSection(phases, 'de uitvoering, en daarna de aanvraag')).toEqual({ phase: phases[1] });
    expect(readRoadSection(phases, 'on the applicant side of the roadmap')).toEqual({ track: 'applicant' });
    expect(readRoadSection(phases, "het deel 'projectimpact' van de roadmap")).toEqual({ track: 'impact' });
    expect(readRoadSection(phases, 'of the whole roadmap')).toBeUndefined();
    // The section named first wins, a track too; a wish to apply names the whole road.
    expect(readRoadSection(phases, 'on the applicant side, before the uitvoering starts')).toEqual({ track: 'applicant' });
    expect(readRoadSection([{ ...phases[0]!, keywords: { nl: ['aanvragen'], en: ['applying'] } }], 'als we een project willen aanvragen')).toBeUndefined();
  });

  it('reads what to do before one even starts as the first step of the whole road', () => {
    expect(readRoadQuestion('Wat moet je doen voordat je überhaupt met het schrijven van de aanvraag begint?')).toMatchObject({ intent: 'first', rest: ' ?' });
    expect(readRoadQuestion('What should we do before we even start writing?')?.intent).toBe('first');
    expect(readRoadQuestion('What should we do before we start writing?')?.intent).toBe('previous');
  });

  it('reads "should I first X, or Y?" as which comes first, and all activities done as the end of the project', () => {
    expect(readRoadQuestion('Should I first go hunting for partners abroad, or is there something to sort out inside my own school?')?.intent).toBe('earlier');
    expect(readRoadQuestion('Alle activiteiten zijn klaar. Welke rapportage komt er nu nog?')).toMatchObject({ intent: 'next', projectEnd: true });
  });

  it("answers from an entry's own steps when the message names one of them", () => {
    const steps = [
      { title: { nl: 'oriënterend gesprek', en: 'exploratory meeting' }, keywords: { nl: ['oriënterend gesprek'], en: ['exploratory meeting'] } },
      { title: { nl: 'adviesgesprek', en: 'advice meeting' }, keywords: { nl: ['adviesgesprek', 'projectopzetformulier'], en: ['advice meeting'] } },
      { title: { nl: 'laatste afstemming', en: 'final check' }, keywords: { nl: ['laatste afstemming'], en: ['final check'] } },
    ];
    expect(resolveWithinEntry(steps, 'next', 'Na het Orienterend gesprek met het NA')).toEqual({ from: 0, target: 1 });
    expect(resolveWithinEntry(steps, 'next', 'Ik heb het projectopzetformulier ingevuld.')).toEqual({ from: 1, target: 2 });
    expect(resolveWithinEntry(steps, 'previous', 'the advice meeting')).toEqual({ from: 1, target: 0 });
    // In any inflection: "het oriënterende gesprek".
    expect(resolveWithinEntry(steps, 'next', 'We hadden het oriënterende gesprek al')).toEqual({ from: 0, target: 1 });
    // Past the last of them, or naming none: the road decides.
    expect(resolveWithinEntry(steps, 'next', 'the final check')).toBeUndefined();
    expect(resolveWithinEntry(steps, 'next', 'the interim report')).toBeUndefined();
    expect(resolveWithinEntry(steps, 'first', 'the advice meeting')).toBeUndefined();
  });

  it('follows a step to the stop it names as its next, going forward only', () => {
    const steps = [
      { title: { nl: 'adviesgesprek', en: 'advice meeting' }, keywords: { nl: ['adviesgesprek'], en: ['advice meeting'] } },
      { title: { nl: 'laatste afstemming', en: 'final check' }, keywords: { nl: ['laatste afstemming'], en: ['final check'] }, next: 'submission' },
    ];
    expect(resolveWithinEntry(steps, 'next', 'the final check')).toEqual({ from: 1, next: 'submission' });
    expect(resolveWithinEntry(steps, 'previous', 'the final check')).toEqual({ from: 1, target: 0 });
  });
});
