import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs a terminal entry point with `input` on stdin, as a person or a script would. */
function run(script: string, args: string[], input: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    input,
    encoding: 'utf8',
    timeout: 30_000,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', KNOWLEDGE_DIR: 'knowledge' },
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
});

describe('npm run ask', () => {
  it('prints one answer for a person', () => {
    const { status, stdout } = run('adapters/console/ask.ts', ['where is the distance calculator'], '');
    expect(status).toBe(0);
    expect(stdout).toContain('https://erasmus-plus.ec.europa.eu/resources-and-tools/distance-calculator');
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

  it('explains its usage when given nothing to ask', () => {
    const { status, stderr } = run('adapters/console/ask.ts', [], '');
    expect(status).toBe(2);
    expect(stderr).toMatch(/Usage/);
  });
});
