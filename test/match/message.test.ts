import { describe, expect, it } from 'vitest';
import { readMessage, readSmallTalk } from '../../src/match/message.js';

const roles = (text: string): Array<[string, string]> => readMessage(text).map((part) => [part.role, part.text.trim()]);

describe('reading a chat message', () => {
  it('takes the greeting off and makes the self-introduction context, the question the focus', () => {
    const parts = roles('Hoi! Ik ben docent bij een ROC in Zwolle. Waar vind ik de afstandscalculator?');
    expect(parts).toContainEqual(['focus', 'Waar vind ik de afstandscalculator?']);
    expect(parts.find(([, text]) => text.startsWith('Ik ben docent'))?.[0]).toBe('intro');
    expect(parts.some(([, text]) => /hoi/i.test(text))).toBe(false);
  });

  it('keeps other sentences as context that still names the topic', () => {
    const parts = roles('Our project is halfway and the agency asked for a report. Where do I submit it?');
    expect(parts[0]).toEqual(['context', 'Our project is halfway and the agency asked for a report.']);
    expect(parts[1]).toEqual(['focus', 'Where do I submit it?']);
  });

  it('reads what came before a question that only asks about it ("Any tips?") as the question', () => {
    expect(roles('Our printer keeps jamming on the second floor. Any tips?')).toEqual([
      ['focus', 'Our printer keeps jamming on the second floor.'],
      ['focus', 'Any tips?'],
    ]);
    expect(roles('We hebben een video gemaakt. Wat raad je aan?').map(([role]) => role)).toEqual(['focus', 'focus']);
    expect(roles('We hebben een video gemaakt. Moet daar het EU-logo op?').map(([role]) => role)).toEqual(['context', 'focus']);
    expect(roles("My students keep getting the error 'undefined is not a function'. Can you explain what causes it and how to fix it?").map(([role]) => role)).toEqual(['focus', 'focus']);
    expect(roles('De Mobility Tool geeft een foutmelding. Hoe los ik dat op?').map(([role]) => role)).toEqual(['focus', 'focus']);
    // Only the statement just before such a question asks it; what comes earlier is context.
    expect(roles('Ik schrijf met een collega een aanvraag. We twijfelen of ons project wel bij het mbo hoort. Wat raad je aan?').map(([role]) => role)).toEqual([
      'context',
      'focus',
      'focus',
    ]);
  });

  it('reads who asked the asker as part of the introduction, and the task as context', () => {
    expect(roles('Mijn coördinator vraagt me alle subsidiedocumenten te verzamelen. Waar vind ik die?')).toEqual([
      ['intro', 'Mijn coördinator vraagt me'],
      ['context', 'alle subsidiedocumenten te verzamelen.'],
      ['focus', 'Waar vind ik die?'],
    ]);
    expect(roles('My manager asked us to check the final report. Where is it?')[0]).toEqual(['intro', 'My manager asked us']);
  });

  it('reads what an introduction goes on to say as context, not as who is asking', () => {
    const parts = roles('Ik ben coördinator bij een mbo in Amersfoort en we hoorden net dat ons project is goedgekeurd. Wat nu?');
    expect(parts[0]).toEqual(['intro', 'Ik ben coördinator bij een mbo']);
    expect(parts).toContainEqual(['context', 'en we hoorden net dat ons project is goedgekeurd.']);
  });

  it('reads a statement before a semicolon as context of the question after it', () => {
    expect(roles('Ons project is net gestart; werken we nog met de Mobility Tool?')).toEqual([
      ['context', 'Ons project is net gestart;'],
      ['focus', 'werken we nog met de Mobility Tool?'],
    ]);
  });

  it('takes "er schijnt een …" as the lead-in to what the question is about', () => {
    expect(roles('Er schijnt een bijeenkomst voor nieuwe projecten te zijn; moeten we daarheen?').slice(0, 2)).toEqual([
      ['intro', 'Er schijnt een'],
      ['focus', 'bijeenkomst voor nieuwe projecten te zijn;'],
    ]);
  });

  it('reads a question said as a statement as part of the question', () => {
    expect(roles("We are new to this. We'd like to know if something similar has been funded before. How can we find out?").map(([role]) => role)).toEqual(['context', 'focus', 'focus']);
    expect(roles('Het project loopt al. Ik vraag me af of we het logo moeten gebruiken. Waar staat dat?').map(([role]) => role)).toEqual(['context', 'focus', 'focus']);
    expect(roles('We are new to this. We like to know people. How can we find out?').map(([role]) => role)).toEqual(['context', 'context', 'focus']);
    // What someone else asks: the lead is who asks, what they ask is the question.
    expect(roles('My manager asks how we show the project is relevant. What should we address?')).toEqual([
      ['intro', 'My manager asks'],
      ['focus', 'how we show the project is relevant.'],
      ['focus', 'What should we address?'],
    ]);
  });

  it('reads a sentence that names what the asker heard of as part of the question, without its lead-in', () => {
    expect(roles('We werken al jaren samen met Gent. Ik hoorde iets over een projectopzetformulier. Wat is dat?')).toEqual([
      ['context', 'We werken al jaren samen met Gent.'],
      ['intro', 'Ik hoorde'],
      ['focus', 'iets over een projectopzetformulier.'],
      ['focus', 'Wat is dat?'],
    ]);
    expect(roles('A colleague mentioned an impact tool. Can we use it during the project?')[1]).toEqual(['focus', 'an impact tool.']);
    expect(roles('Het project is klaar. Nu hoor ik dat het agentschap nog kan controleren. Klopt dat?').slice(1, 3)).toEqual([
      ['intro', 'Nu hoor ik'],
      ['focus', 'dat het agentschap nog kan controleren.'],
    ]);
  });

  it('reads a message without a question mark as all focus', () => {
    expect(roles('eindrapport indienen')).toEqual([['focus', 'eindrapport indienen']]);
  });

  it('sets the partner countries, places and the project theme aside', () => {
    const parts = readMessage('We willen met partners in Duitsland en Tsjechië een project over slimme installatietechniek opzetten. Hoe pak ik dat aan?');
    const asides = parts.filter((part) => part.role === 'aside').map((part) => part.text.trim());
    expect(asides).toContain('slimme installatietechniek opzetten');
    expect(asides.some((text) => text.includes('Duitsland'))).toBe(true);
  });

  it('reads a "before …" clause up to its comma as context, and "I" after the partner countries as no place', () => {
    const parts = roles("Before we write a single line about welding with partners in Poland and Portugal, I'd like to know whether this has been done. Where can I look?");
    expect(parts).toContainEqual(['context', 'Before we write a single line about welding with partners in Poland and Portugal,']);
    expect(parts).toContainEqual(['focus', "I'd like to know whether this has been done."]);
    expect(roles("We work with partners in Spain, I think.").filter(([role]) => role === 'aside').map(([, text]) => text)).toEqual(['Spain,']);
  });

  it('sets aside the theme of a partnership named after its countries, up to the verb that follows it', () => {
    const asides = (text: string): string[] => readMessage(text).filter((part) => part.role === 'aside').map((part) => part.text.trim());
    expect(asides('Ik help met een aanvraag voor een partnerschap met België en Slovenië over slimme mobiliteit. Hoe regel ik dat?')).toContain('slimme mobiliteit');
    expect(asides('Voor ons partnerschap met Finland over ICT-onderwijs moet ik de uren verantwoorden. Hoe?')).toContain('ICT-onderwijs');
  });

  it('sets a place aside with its preposition, so that "in" is not read as the particle of a verb', () => {
    const parts = readMessage('Ik schrijf met een collega een aanvraag bij een mbo in Deventer. Wat raad je aan?');
    expect(parts.find((part) => part.text.includes('schrijf'))?.text).not.toMatch(/\bin\b/);
    expect(parts).toContainEqual(expect.objectContaining({ text: 'Deventer', role: 'aside' }));
  });

  it('lets a capitalised name after "in" keep its role when the knowledge knows it', () => {
    const part = readMessage('Waar zet ik de resultaten in Mobility Tool+?').find((p) => p.text.includes('Mobility'));
    expect(part).toMatchObject({ role: 'aside', ifTopic: 'focus' });
  });
});

describe('small talk', () => {
  it.each([
    ['hallo', 'greeting', 'nl'],
    ['Goedemorgen!', 'greeting', 'nl'],
    ['good morning! 👋', 'greeting', 'en'],
    ['thanks!', 'thanks', 'en'],
    ['dank je wel', 'thanks', 'nl'],
    ['hoe gaat het?', 'how-are-you', 'nl'],
    ['bye', 'goodbye', 'en'],
    ['tell me a joke', 'chitchat', 'en'],
    ['Can you tell me a joke to start our team meeting?', 'chitchat', 'en'],
    ['kun je me een grap vertellen voor de vergadering?', 'chitchat', 'nl'],
  ])('%s is %s in %s', (text, act, lang) => expect(readSmallTalk(text)).toEqual({ act, lang }));

  it('leaves a greeting with a question to the matcher', () => {
    expect(readSmallTalk('Hoi, waar vind ik de afstandscalculator?')).toBeUndefined();
    expect(readSmallTalk('thanks, and where is the interim report form?')).toBeUndefined();
    expect(readSmallTalk('')).toBeUndefined();
  });

  it('leaves the language open for a greeting both languages use', () => {
    expect(readSmallTalk('hey')).toEqual({ act: 'greeting', lang: undefined });
  });
});
