import { describe, expect, it } from 'vitest';
import { parseConsoleLine, type ConsoleState } from '../../../adapters/console/inbound.js';
import { consoleConversation } from '../../../adapters/console/notices.js';

const conversation = consoleConversation('tester');
const three: ConsoleState = {
  lang: 'en',
  choices: [
    { label: 'One', action: 'entry:one' },
    { label: 'Two', action: 'entry:two' },
    { label: 'Three', action: 'entry:three' },
  ],
};

describe('parseConsoleLine', () => {
  it.each([
    ['2', 'entry:two'],
    [' 3 ', 'entry:three'],
    ['1.', 'entry:one'],
  ])('reads %j as a click on that choice', (line, action) => {
    expect(parseConsoleLine(line, three, conversation)).toEqual({ type: 'input', input: { action, lang: 'en', conversation } });
  });

  it.each([
    ['7', 'en', 'There is no choice 7; choose 1–3.'],
    ['0', 'en', 'There is no choice 0; choose 1–3.'],
    ['99', 'nl', 'Keuze 99 bestaat niet; kies 1–3.'],
  ] as const)('answers %j, a number with no choice, itself', (line, lang, text) => {
    expect(parseConsoleLine(line, { ...three, lang }, conversation)).toEqual({ type: 'reply', reply: { kind: 'message', lang, text, followUps: [] } });
  });

  it('names the one choice there is', () => {
    const one: ConsoleState = { lang: 'en', choices: three.choices.slice(0, 1) };
    expect(parseConsoleLine('2', one, conversation)).toMatchObject({ type: 'reply', reply: { text: 'There is no choice 2; choose 1.' } });
  });

  it('says so when the last reply offered nothing to choose', () => {
    expect(parseConsoleLine('4', { lang: undefined, choices: [] }, conversation)).toMatchObject({
      type: 'reply',
      reply: { lang: 'nl', text: 'Er valt hier niets te kiezen: stel een vraag of typ **help**.' },
    });
  });

  it('passes text on as typed, leaving its language to the core', () => {
    expect(parseConsoleLine('  project 1-9-2026 31-8-2028 ', three, conversation)).toEqual({
      type: 'input',
      input: { text: 'project 1-9-2026 31-8-2028', conversation },
    });
    // A longer number is text (a year, an amount), not a choice.
    expect(parseConsoleLine('2027', three, conversation)).toMatchObject({ type: 'input', input: { text: '2027' } });
  });

  it.each(['', '   ', 'exit', 'Quit', 'stop'])('ends the chat on %j', (line) => {
    expect(parseConsoleLine(line, three, conversation)).toEqual({ type: 'quit' });
  });
});
