// `npm run package:teams [-- --out <file>]`: fills the app id (MicrosoftAppId) and the service's domain
// (TEAMS_APP_DOMAIN) into manifest/teams/manifest.json and zips it with the two icons into
// dist/teams-app.zip, the file to upload in Teams (Apps › Manage your apps › Upload an app) or the Teams
// admin center. It needs those two values only: the app password is the service's, not the package's.
// https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import JSZip from 'jszip';
import { loadTeamsPackageValues } from '../src/config.js';

const USAGE = 'usage: npm run package:teams [-- --out <file, default dist/teams-app.zip>]';

export const TEAMS_MANIFEST_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'manifest', 'teams');
export const TEAMS_PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png'] as const;

/** The values the manifest template asks for, by placeholder name (`${{NAME}}`). */
export interface TeamsManifestValues {
  MicrosoftAppId: string;
  TEAMS_APP_DOMAIN: string;
}

/** Error code and message for a manifest that cannot be filled in. */
export class TeamsPackageError extends Error {
  readonly code = 'TEAMS_PACKAGE_INVALID';
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** Checks the values; the messages name the variable and what to put in it. */
export function checkTeamsManifestValues(values: Partial<Record<keyof TeamsManifestValues, string | undefined>>): TeamsManifestValues {
  const problems: string[] = [];
  const appId = values.MicrosoftAppId?.trim() ?? '';
  const domain = values.TEAMS_APP_DOMAIN?.trim() ?? '';
  if (!GUID.test(appId)) problems.push('MicrosoftAppId: set it to the Microsoft App ID of the Azure Bot (a GUID)');
  if (!DOMAIN.test(domain)) problems.push('TEAMS_APP_DOMAIN: set it to the host name the bot is served on, e.g. erasmus.school.nl (no https://, no path)');
  if (problems.length > 0) throw new TeamsPackageError(`Cannot build the Teams app package:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return { MicrosoftAppId: appId.toLowerCase(), TEAMS_APP_DOMAIN: domain.toLowerCase() };
}

/** The manifest template with every `${{NAME}}` replaced; throws on a placeholder it has no value for. */
export function fillTeamsManifest(template: string, values: TeamsManifestValues): unknown {
  const filled = template.replace(/\$\{\{(\w+)\}\}/g, (_whole, name: string) => {
    if (!(name in values)) throw new TeamsPackageError(`manifest/teams/manifest.json: unknown placeholder \${{${name}}}`);
    return values[name as keyof TeamsManifestValues];
  });
  return JSON.parse(filled) as unknown;
}

/** The app package: the filled manifest and the icons, as a zip. */
export async function buildTeamsPackage(values: TeamsManifestValues, dir = TEAMS_MANIFEST_DIR): Promise<Buffer> {
  const manifest = fillTeamsManifest(readFileSync(join(dir, 'manifest.json'), 'utf8'), values);
  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  zip.file('color.png', readFileSync(join(dir, 'color.png')));
  zip.file('outline.png', readFileSync(join(dir, 'outline.png')));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({ options: { out: { type: 'string', default: join('dist', 'teams-app.zip') }, help: { type: 'boolean', short: 'h', default: false } } });
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const values = checkTeamsManifestValues(loadTeamsPackageValues());
  const zip = await buildTeamsPackage(values);
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, zip);
  process.stdout.write(`wrote ${args.out} (${zip.length} bytes) for app ${values.MicrosoftAppId} on ${values.TEAMS_APP_DOMAIN}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    const usage = error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
    if (usage) process.stderr.write(`${error.message}\n${USAGE}\n`);
    else process.stderr.write(`${error instanceof TeamsPackageError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(usage ? 2 : 1);
  });
}
