import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'console-test-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs a terminal entry point with `input` on stdin, as a person or a script would. */
function run(script: string, args: string[], input = ''): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    input,
    encoding: 'utf8',
    timeout: 30_000,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', KNOWLEDGE_DIR: 'knowledge', DATA_DIR: dataDir },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run chat', () => {
  it('answers every piped line in turn, and a number clicks the numbered choice', () => {
    const { status, stdout } = run('adapters/console/chat.ts', [], 'hulp\n1\nroadmap\n\n');
    expect(status).toBe(0);
    expect(stdout).toContain('Zo werkt de Erasmus+ mbo-assistent');
    expect(stdout).toContain('De roadmap: strategische partnerschappen voor het mbo');
    // "1" picked the first example question of the help: an answer, not a decline.
    const afterHelp = stdout.split('Zo werkt de Erasmus+ mbo-assistent')[1] ?? '';
    expect(afterHelp.split('De roadmap')[0]).toMatch(/\n> \n\S.+\n\n/);
    expect(stdout).not.toMatch(/Dat weet ik niet/);
  });

  it('prints its usage for --help and refuses anything else', () => {
    const help = run('adapters/console/chat.ts', ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run chat\n/);
    const other = run('adapters/console/chat.ts', ['roadmap']);
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/Unexpected argument 'roadmap'/);
  });

  it('keeps a subscription in DATA_DIR, and `npm run notices` lists the notice due for the terminal', () => {
    const before = run('scripts/notices.ts', ['--at', '2027-02-03T09:00:00+01:00']);
    expect(before.stdout).toBe('');
    expect(before.stderr).toMatch(/No conversation is subscribed yet: type "abonneer"/);

    const chat = run('adapters/console/chat.ts', [], 'abonneer\n');
    expect(chat.status).toBe(0);
    expect(chat.stdout).toContain(`Abonnementen en je project bewaar ik in ${join(dataDir, 'assistant.db')}.`);
    expect(chat.stdout).toContain('Geabonneerd op');

    const { status, stdout } = run('scripts/notices.ts', ['--at', '2027-02-03T09:00:00+01:00']);
    expect(status).toBe(0);
    const notices = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(notices.map((n) => [n.platform, n.channel, n.deadlineId, n.reminderDays])).toContainEqual(['console', 'terminal', 'ka220-vet-2027', 30]);
    expect(notices[0]?.text).toMatch(/^Nog 30 dagen: /);
  }, 90_000);
});

describe('npm run ask', () => {
  it('prints one answer for a person, with no choice prompt', () => {
    const { status, stdout } = run('adapters/console/ask.ts', ['where is the distance calculator']);
    expect(status).toBe(0);
    expect(stdout).toContain('https://erasmus-plus.ec.europa.eu/resources-and-tools/distance-calculator');
    expect(stdout).not.toMatch(/Type a number|Typ een nummer|\[1\]/);
  });

  it('writes one JSON object a line in the stable --jsonl form', () => {
    const { status, stdout } = run('adapters/console/ask.ts', ['--jsonl'], 'wat heb ik nodig voor de tussenrapportage\n\nwat voor weer wordt het morgen\n');
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(['answered', 'entryId', 'followUps', 'kind', 'lang', 'links', 'question', 'score', 'text', 'title']);
    }
    expect(lines[0]).toMatchObject({ answered: true, kind: 'answer', entryId: 'interim-report', lang: 'nl' });
    expect(lines[1]).toMatchObject({ answered: false, kind: 'not-found', entryId: null, lang: 'nl' });
  });

  it('answers the question given with --jsonl, and a decline carries the nearest score', () => {
    const { status, stdout } = run('adapters/console/ask.ts', ['--jsonl', 'pic'], 'wat heb ik nodig voor de tussenrapportage\n');
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as { question: string; answered: boolean; score: unknown });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ question: 'pic' });
    const declined = run('adapters/console/ask.ts', ['--jsonl', 'hoe maak ik een verslag van de kerstborrel']);
    const line = JSON.parse(declined.stdout) as { answered: boolean; score: unknown };
    expect(line.answered).toBe(false);
    expect(line.score).toEqual(expect.any(Number));
    expect(line.score as number).toBeGreaterThan(0);
    expect(line.score as number).toBeLessThan(1);
  });

  it('prints its usage for --help', () => {
    const { status, stdout } = run('adapters/console/ask.ts', ['--help']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Usage:\n {2}npm run ask -- "your question"/);
    expect(stdout).toContain('--jsonl');
  });

  it('refuses an unknown flag instead of asking it', () => {
    const { status, stdout, stderr } = run('adapters/console/ask.ts', ['--json', 'pic']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/Unknown option '--json'/);
    expect(stderr).toMatch(/Usage/);
  });

  it('explains its usage when given nothing to ask', () => {
    const { status, stderr } = run('adapters/console/ask.ts', []);
    expect(status).toBe(2);
    expect(stderr).toMatch(/Usage/);
  });
});
