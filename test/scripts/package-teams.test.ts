import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'package-teams-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/package-teams.ts', ...args], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run package:teams', () => {
  it('needs only MicrosoftAppId and TEAMS_APP_DOMAIN, as docs/teams-setup.md says', async () => {
    const out = join(dir, 'app.zip');
    const { status, stdout, stderr } = run(['--out', out], { MicrosoftAppId: '00000000-0000-4000-8000-000000000abc', TEAMS_APP_DOMAIN: 'erasmus.school.nl' });
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain(`wrote ${out}`);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const manifest = JSON.parse((await zip.file('manifest.json')?.async('string')) ?? '{}') as { developer: { privacyUrl: string; termsOfUseUrl: string } };
    expect(manifest.developer.privacyUrl).toBe('https://erasmus.school.nl/privacy');
    expect(manifest.developer.termsOfUseUrl).toBe('https://erasmus.school.nl/terms');
  }, 60_000);

  it('names what is missing, and refuses an unknown flag', () => {
    const missing = run(['--out', join(dir, 'none.zip')], { MicrosoftAppId: '00000000-0000-4000-8000-000000000abc' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/TEAMS_APP_DOMAIN: set it to the host name/);
    expect(existsSync(join(dir, 'none.zip'))).toBe(false);
    const flag = run(['--zip', 'x'], {});
    expect(flag.status).toBe(2);
    expect(flag.stderr).toMatch(/Unknown option '--zip'/);
  }, 60_000);
});
