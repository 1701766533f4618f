// `npm run report`: the feedback report for whoever runs the service, read from DATA_DIR without a chat.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../../src/storage/sqlite.js';
import { tempDataDir } from '../notices/helpers.js';

describe('npm run report', { timeout: 60_000 }, () => {
  let temp: ReturnType<typeof tempDataDir>;

  beforeAll(async () => {
    temp = tempDataDir();
    const storage = openSqliteStorage(temp.dir);
    const askedAt = new Date(Date.now() - 60_000);
    await storage.logQuestion({ askedAt, platform: 'slack', lang: 'en', outcome: 'declined', entryId: undefined, confidence: 0.2, text: 'Can I park at the **NA**?', nearest: [] });
    await storage.logQuestion({ askedAt, platform: 'teams', lang: 'nl', outcome: 'answered', entryId: 'partner-search', confidence: 0.9, text: undefined, nearest: [] });
    await storage.saveVote({ answerKey: 'a1', userHash: 'u1', entryId: 'partner-search', lang: 'nl', platform: 'teams', vote: 'down', at: askedAt });
    await storage.close();
  });
  afterAll(() => temp.cleanup());

  const run = (dataDir: string, ...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/report.ts', ...args], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, KNOWLEDGE_DIR: 'knowledge', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 40_000,
    });

  it('prints the report as plain text, with the questions people asked as they typed them', () => {
    const result = run(temp.dir, '--lang', 'en');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Feedback report\nLast 90 days, since .*: 2 questions, 1 answered, 0 with low confidence, 0 with a choice of topics, 1 declined\. Votes: 👍 0 · 👎 1\./);
    expect(result.stdout).toContain('"Can I park at the *\u200b*NA*\u200b*?"');
  });

  it('prints it as JSON with --json, and changes nothing in the database', async () => {
    const result = run(temp.dir, '--json');
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ kind: 'report', lang: 'nl', title: 'Feedbackrapport' });
    const storage = openSqliteStorage(temp.dir, { readonly: true });
    expect((await storage.feedbackSummary(new Date(0))).outcomes.declined).toBe(1);
    await storage.close();
  });

  it('says so when the service has not run with this DATA_DIR', () => {
    const empty = tempDataDir();
    const result = run(empty.dir);
    empty.cleanup();
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/No database at .*There is no feedback to report yet\./);
  });

  it('refuses an unknown flag or language with usage', () => {
    expect(run(temp.dir, '--lang', 'fr')).toMatchObject({ status: 2, stderr: expect.stringContaining('usage: npm run report') });
    expect(run(temp.dir, '--jsn')).toMatchObject({ status: 2, stderr: expect.stringContaining('usage: npm run report') });
  });
});
