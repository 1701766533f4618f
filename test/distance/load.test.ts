import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../src/knowledge/load.js';
import { inspectDistanceData, loadDistanceData } from '../../src/distance/load.js';

/** A directory with the real distance data, one file rewritten by `edit`. */
function brokenCopy(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'distance-'));
  for (const name of ['travel-support.yaml', 'places.yaml']) cpSync(join('knowledge', name), join(dir, name));
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

describe('the real distance data', () => {
  it('passes the schema', () => {
    expect(inspectDistanceData('knowledge').problems).toEqual([]);
  });

  it('carries the amounts of the Programme Guide for calls 2021–2023 and from 2024, with their source', () => {
    const { travel } = loadDistanceData('knowledge');
    const table = travel.tables.find((t) => t.firstCall === 2021);
    expect(table?.lastCall).toBe(2023);
    const current = travel.tables.find((t) => t.firstCall === 2024);
    expect(current?.lastCall).toBeUndefined();
    expect(current?.bands.map((b) => b.standard)).toEqual([28, 211, 309, 395, 580, 1188, 1735]);
    expect(current?.bands.map((b) => b.green ?? null)).toEqual([56, 285, 417, 535, 785, null, null]);
    expect(current?.source.url).toMatch(/^https:\/\/erasmus-plus\.ec\.europa\.eu\//);
    expect(table?.source.url).toMatch(/^https:\/\/erasmus-plus\.ec\.europa\.eu\//);
    expect(table?.bands.map((b) => b.standard)).toEqual([23, 180, 275, 360, 530, 820, 1500]);
    expect(table?.bands.map((b) => b.green ?? null)).toEqual([null, 210, 320, 410, 610, null, null]);
    expect(table?.bands.map((b) => [b.fromKm, b.toKm ?? null])).toEqual([
      [10, 99],
      [100, 499],
      [500, 1999],
      [2000, 2999],
      [3000, 3999],
      [4000, 7999],
      [8000, null],
    ]);
    expect(travel.calculator.url).toBe('https://erasmus-plus.ec.europa.eu/resources-and-tools/distance-calculator');
  });
});

describe('invalid distance data', () => {
  it.each([
    ['a gap between bands', 'travel-support.yaml', (s: string) => s.replace('fromKm: 500,', 'fromKm: 501,'), { entry: 'tables 2021', field: 'bands[2].fromKm' }],
    ['an open band before the last', 'travel-support.yaml', (s: string) => s.replace('{ fromKm: 4000, toKm: 7999, standard: 820 }', '{ fromKm: 4000, standard: 820 }'), { entry: 'tables 2021', field: 'bands[5].toKm' }],
    ['a closed last band', 'travel-support.yaml', (s: string) => s.replace('{ fromKm: 8000, standard: 1500 }', '{ fromKm: 8000, toKm: 20000, standard: 1500 }'), { entry: 'tables 2021', field: 'bands[6].toKm' }],
    ['an amount in cents', 'travel-support.yaml', (s: string) => s.replace('standard: 275', 'standard: 275.5'), { entry: 'tables 2021', field: 'bands[2].standard' }],
    ['a plain-http source', 'travel-support.yaml', (s: string) => s.replace('url: https://erasmus-plus.ec.europa.eu/programme-guide', 'url: http://erasmus-plus.ec.europa.eu/programme-guide'), { entry: 'tables 2021', field: 'source.url' }],
    ['a missing English source title', 'travel-support.yaml', (s: string) => s.replace(/\n\s+en: Erasmus\+ Programme Guide 2021, unit costs for travel/, ''), { entry: 'tables 2021', field: 'source.title.en' }],
    ['two tables for one call year', 'travel-support.yaml', (s: string) => s.replace('lastCall: 2023', 'lastCall: 2024'), { entry: 'tables 2021', field: 'lastCall' }],
    ['a table that never closes before the next', 'travel-support.yaml', (s: string) => s.replace('    lastCall: 2023\n', ''), { entry: 'tables 2021', field: 'lastCall' }],
    ['a last call before the first', 'travel-support.yaml', (s: string) => s.replace('lastCall: 2023', 'lastCall: 2020'), { entry: 'tables 2021', field: 'lastCall' }],
    ['a source without its checked date', 'travel-support.yaml', (s: string) => s.replace('      checked: 2026-12-01\n', ''), { entry: 'tables 2021', field: 'source.checked' }],
    ['an alias without a place id', 'places.yaml', (s: string) => s.replace('geonameId: 2747351', 'geonameId: Den Bosch'), { entry: 'aliases Den Bosch', field: 'geonameId' }],
    ['a country code in lower case', 'places.yaml', (s: string) => s.replace('  NL: [Holland]', '  nl: [Holland]'), { field: 'countries.nl' }],
    ['an alias name twice', 'places.yaml', (s: string) => s.replace('names: [Aken]', 'names: [Aken, Den Bosch]'), { entry: 'aliases Aken', field: 'names[1]' }],
  ])('reports %s with its file, entry and field', (_what, file, edit, where) => {
    const dir = brokenCopy(file, edit);
    try {
      const { data, problems } = inspectDistanceData(dir);
      expect(data).toBeUndefined();
      expect(problems).toContainEqual(expect.objectContaining({ file, ...where }));
      expect(() => loadDistanceData(dir)).toThrow(KnowledgeError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a missing file and broken YAML', () => {
    const dir = brokenCopy('places.yaml', (s) => `${s}\nregions: [unclosed`);
    try {
      rmSync(join(dir, 'travel-support.yaml'));
      const { problems } = inspectDistanceData(dir);
      expect(problems).toContainEqual({ file: 'travel-support.yaml', message: 'missing' });
      expect(problems).toContainEqual(expect.objectContaining({ file: 'places.yaml', message: expect.stringMatching(/^not valid YAML/) }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
