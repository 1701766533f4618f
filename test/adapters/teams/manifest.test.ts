// The Teams app manifest, checked against the official Teams manifest JSON schema that ships with
// @microsoft/app-manifest (no download at test time); the icons Teams requires; and the app package.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { AppManifestUtils } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { TEAMS_SEARCH_PARAMETER } from '../../../adapters/teams/inbound.js';
import {
  buildTeamsPackage,
  checkTeamsManifestValues,
  fillTeamsManifest,
  TEAMS_MANIFEST_DIR,
  TEAMS_PACKAGE_FILES,
} from '../../../scripts/package-teams.js';

const require = createRequire(import.meta.url);
const SCHEMA_DIR = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
const VALUES = { MicrosoftAppId: '11111111-2222-3333-4444-555555555555', TEAMS_APP_DOMAIN: 'erasmus.example.nl' };
const template = readFileSync(join(TEAMS_MANIFEST_DIR, 'manifest.json'), 'utf8');

interface TeamsManifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  validDomains: string[];
  bots: Array<{ botId: string; scopes: string[]; commandLists: Array<{ scopes: string[]; commands: Array<{ title: string }> }> }>;
  composeExtensions: Array<{ botId: string; commands: Array<{ type: string; initialRun: boolean; parameters: Array<{ name: string }> }> }>;
}

function schemaFor(manifest: TeamsManifest): Record<string, unknown> {
  return JSON.parse(readFileSync(join(SCHEMA_DIR, `v${manifest.manifestVersion}`, 'MicrosoftTeams.schema.json'), 'utf8')) as Record<string, unknown>;
}

async function schemaErrors(manifest: TeamsManifest): Promise<string[]> {
  type Validate = (manifest: unknown, schema: unknown) => Promise<string[]>;
  return (AppManifestUtils.validateAgainstSchema as unknown as Validate)(manifest, schemaFor(manifest));
}

const manifest = fillTeamsManifest(template, VALUES) as TeamsManifest;

describe('manifest/teams/manifest.json', () => {
  it('is on the v1.29 schema and valid against it', async () => {
    expect(manifest.manifestVersion).toBe('1.29');
    expect(manifest.$schema).toBe('https://developer.microsoft.com/json-schemas/teams/v1.29/MicrosoftTeams.schema.json');
    expect(await schemaErrors(manifest)).toEqual([]);
  });

  it('fails the schema when it is broken, so the check above means something', async () => {
    const broken = structuredClone(manifest) as unknown as { name: { short: string }; bots: Array<{ scopes: string[] }> };
    broken.name.short = 'A name far longer than thirty characters';
    broken.bots[0]?.scopes.push('everyone');
    const errors = await schemaErrors(broken as unknown as TeamsManifest);
    expect(errors.some((error) => error.includes('/name/short'))).toBe(true);
    expect(errors.some((error) => error.includes('/bots/0/scopes'))).toBe(true);
  });

  it('declares the bot in personal, team and group chat, with commands in Dutch and English', () => {
    const [bot] = manifest.bots;
    expect(bot?.botId).toBe(VALUES.MicrosoftAppId);
    expect(manifest.id).toBe(VALUES.MicrosoftAppId);
    expect([...(bot?.scopes ?? [])].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot?.commandLists.flatMap((list) => list.scopes).sort()).toEqual(['groupChat', 'personal', 'team']);
    for (const list of bot?.commandLists ?? []) {
      expect(list.commands.map((command) => command.title)).toEqual(expect.arrayContaining(['hulp', 'help', 'stappenplan', 'roadmap', 'hulpmiddelen', 'tools']));
    }
  });

  it('declares the search extension with the parameter the adapter reads, run once on open', () => {
    const [extension] = manifest.composeExtensions;
    expect(extension?.botId).toBe(VALUES.MicrosoftAppId);
    expect(extension?.commands).toHaveLength(1);
    expect(extension?.commands[0]).toMatchObject({ type: 'query', initialRun: true, parameters: [{ name: TEAMS_SEARCH_PARAMETER }] });
  });

  it('fills in the domain and the app id, and knows no other placeholder', () => {
    expect(manifest.validDomains).toEqual([VALUES.TEAMS_APP_DOMAIN]);
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(() => fillTeamsManifest('{"id": "${{SOMETHING_ELSE}}"}', VALUES)).toThrow(/SOMETHING_ELSE/);
  });

  it.each([
    [{ TEAMS_APP_DOMAIN: 'erasmus.example.nl' }, /MicrosoftAppId/],
    [{ MicrosoftAppId: 'not-a-guid', TEAMS_APP_DOMAIN: 'erasmus.example.nl' }, /MicrosoftAppId/],
    [{ MicrosoftAppId: VALUES.MicrosoftAppId, TEAMS_APP_DOMAIN: 'https://erasmus.example.nl/' }, /TEAMS_APP_DOMAIN/],
    [{ MicrosoftAppId: VALUES.MicrosoftAppId }, /TEAMS_APP_DOMAIN/],
  ])('refuses to package with %j', (values, message) => {
    expect(() => checkTeamsManifestValues(values)).toThrow(message);
  });
});

/** Decodes an 8-bit RGBA PNG (all five filter types). */
function decodePng(png: Buffer): { width: number; height: number; colorType: number; pixels: Buffer } {
  let offset = 8;
  let header: Buffer | undefined;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') data.push(body);
    offset += length + 12;
  }
  if (!header) throw new Error('no IHDR');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const colorType = header[9] ?? -1;
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * 4;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const a = x >= 4 ? (pixels[y * stride + x - 4] ?? 0) : 0;
      const b = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= 4 && y > 0 ? (pixels[(y - 1) * stride + x - 4] ?? 0) : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter ?? 0] ?? 0;
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, colorType, pixels };
}

function rgbaPixels(pixels: Buffer): Array<[number, number, number, number]> {
  const out: Array<[number, number, number, number]> = [];
  for (let i = 0; i < pixels.length; i += 4) out.push([pixels[i] ?? 0, pixels[i + 1] ?? 0, pixels[i + 2] ?? 0, pixels[i + 3] ?? 0]);
  return out;
}

describe('Teams app icons', () => {
  it('color.png is 192×192 RGBA in full colour', () => {
    const { width, height, colorType, pixels } = decodePng(readFileSync(join(TEAMS_MANIFEST_DIR, 'color.png')));
    expect([width, height, colorType]).toEqual([192, 192, 6]);
    const coloured = rgbaPixels(pixels).filter(([r, g, b, a]) => a === 255 && !(r === g && g === b));
    expect(coloured.length).toBeGreaterThan(192 * 192 * 0.5);
  });

  it('outline.png is 32×32, white on a transparent background', () => {
    const { width, height, colorType, pixels } = decodePng(readFileSync(join(TEAMS_MANIFEST_DIR, 'outline.png')));
    expect([width, height, colorType]).toEqual([32, 32, 6]);
    const all = rgbaPixels(pixels);
    const visible = all.filter(([, , , a]) => a > 0);
    expect(all.filter(([, , , a]) => a === 0).length).toBeGreaterThan(all.length / 3);
    expect(visible.length).toBeGreaterThan(0);
    expect(visible.every(([r, g, b]) => r === 255 && g === 255 && b === 255)).toBe(true);
  });
});

describe('buildTeamsPackage', () => {
  it('zips the filled manifest and both icons, nothing else', async () => {
    const zip = await JSZip.loadAsync(await buildTeamsPackage(VALUES));
    expect(Object.keys(zip.files).sort()).toEqual([...TEAMS_PACKAGE_FILES].sort());
    const packed = JSON.parse((await zip.file('manifest.json')?.async('string')) ?? '{}') as TeamsManifest;
    expect(packed).toEqual(manifest);
    const icon = await zip.file('color.png')?.async('nodebuffer');
    expect(icon?.equals(readFileSync(join(TEAMS_MANIFEST_DIR, 'color.png')))).toBe(true);
  });
});
