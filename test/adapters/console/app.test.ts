import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsoleChat } from '../../../adapters/console/app.js';
import { consoleConversation } from '../../../adapters/console/notices.js';
import { fixedClock } from '../../../src/clock.js';
import { createCore } from '../../../src/core.js';
import { openTestStorage } from '../../storage/open.js';

const clock = fixedClock(new Date('2026-12-01T10:00:00Z'));

/** Runs the chat over `lines` and returns everything it wrote. */
async function chat(lines: string[], storage = openTestStorage().storage): Promise<string> {
  const { assistant } = createCore({ knowledgeDir: 'knowledge', storage, clock });
  const input = new PassThrough();
  const output = new PassThrough();
  let written = '';
  output.on('data', (chunk: Buffer) => (written += chunk.toString('utf8')));
  input.end(lines.map((line) => `${line}\n`).join(''));
  await runConsoleChat({ assistant, conversation: consoleConversation('tester'), input, output });
  return written;
}

/** The replies in a transcript, each without the prompt before it. */
const replies = (transcript: string): string[] => transcript.split('\n> ').slice(1).map((part) => part.trim());

describe('the terminal chat', () => {
  it('greets, answers each line in turn, and ends on an empty line', async () => {
    const transcript = await chat(['roadmap', '5', '', 'help']);
    expect(transcript).toMatch(/^Erasmus\+ mbo-assistent: stel je vraag, typ help voor alle opdrachten/);
    const out = replies(transcript);
    expect(out).toHaveLength(3);
    expect(out[0]).toMatch(/^De roadmap: strategische partnerschappen voor het mbo/);
    expect(out[1]).toMatch(/^Rapportage \(5\/6\)/);
    // The empty line ended the chat: "help" was never answered.
    expect(out[2]).toBe('');
    expect(transcript).not.toContain('Zo werkt de Erasmus+ mbo-assistent');
  });

  it('answers a number with no choice, and the choices still count after it', async () => {
    const out = replies(await chat(['roadmap', '7', '6']));
    expect(out[1]).toBe('Keuze 7 bestaat niet; kies 1–6.');
    expect(out[2]).toMatch(/^Disseminatie & afsluiting \(6\/6\)/);
  });

  it('keeps a subscription and a project in storage, as a channel does', async () => {
    const { storage } = openTestStorage();
    const out = replies(await chat(['abonneer', 'project 1-9-2026 31-8-2028', 'herinneringen 14,3 om 08:30'], storage));
    expect(out[0]).toContain('Geabonneerd op de deadlines van de call en de mijlpalen van jullie project.');
    expect(out[1]).toMatch(/^Jullie project\nLooptijd: dinsdag 1 september 2026 tot en met donderdag 31 augustus 2028/);
    expect(out[2]).toContain('Berichten gaan voortaan 14 en 3 dagen vooraf, om 08:30 uur');
    const ref = { platform: 'console', channelId: 'terminal' } as const;
    expect((await storage.listSubscriptions(ref)).map((s) => s.topic).sort()).toEqual(['calls', 'project']);
    expect(await storage.getProject(ref)).toMatchObject({ start: '2026-09-01', end: '2028-08-31' });
    expect(await storage.getChannel(ref)).toMatchObject({ reminderDays: [14, 3], reminderTime: '08:30' });
  });
});
