// Loads the distance calculator's data from knowledge/ (travel-support.yaml, places.yaml), checks it with
// the zod schema and reports every problem with its file, entry and field, as the knowledge loader does.
import { join } from 'node:path';
import type { z } from 'zod';
import { KnowledgeError } from '../knowledge/load.js';
import { readYamlFile, type KnowledgeProblem } from '../knowledge/yaml-file.js';
import { PlacesFileSchema, TravelSupportFileSchema, type PlacesFile, type TravelSupportFile } from './schema.js';

/** The travel-support table, in the knowledge directory. */
const TRAVEL_SUPPORT_FILE = 'travel-support.yaml';
/** The additions to the place data, in the knowledge directory. */
const PLACES_FILE = 'places.yaml';

/** The validated data of the distance calculator. */
export interface DistanceData {
  travel: TravelSupportFile;
  places: PlacesFile;
}

/** Names an entry of a list by something the author recognises: a table's first call, an alias's first name. */
function entryName(listKey: string, item: unknown, index: number): string {
  const record = item as Record<string, unknown> | null | undefined;
  if (typeof record?.firstCall === 'number') return `${listKey} ${record.firstCall}`;
  const names = record?.names;
  if (Array.isArray(names) && typeof names[0] === 'string') return `${listKey} ${names[0]}`;
  return `${listKey} #${index + 1}`;
}

function readFile<S extends z.ZodType>(dir: string, file: string, schema: S, problems: KnowledgeProblem[]): z.infer<S> | undefined {
  return readYamlFile(join(dir, file), file, schema, problems, entryName).data;
}

/** Reads and checks the distance data in `dir`; returns it with the list of problems (empty when valid). */
export function inspectDistanceData(dir: string): { data: DistanceData | undefined; problems: KnowledgeProblem[] } {
  const problems: KnowledgeProblem[] = [];
  const travel = readFile(dir, TRAVEL_SUPPORT_FILE, TravelSupportFileSchema, problems);
  const places = readFile(dir, PLACES_FILE, PlacesFileSchema, problems);
  if (places) {
    const owner = new Map<string, string>();
    places.aliases.forEach((alias) => {
      alias.names.forEach((name, j) => {
        const key = name.toLowerCase();
        const earlier = owner.get(key);
        if (earlier !== undefined) problems.push({ file: PLACES_FILE, entry: `aliases ${alias.names[0]}`, field: `names[${j}]`, message: `"${name}" is already an alias of ${earlier}` });
        owner.set(key, alias.place);
      });
    });
  }
  if (!travel || !places || problems.length > 0) return { data: undefined, problems };
  return { data: { travel, places }, problems };
}

/** Loads the distance data in `dir` or throws a `KnowledgeError` that lists every problem. */
export function loadDistanceData(dir: string): DistanceData {
  const { data, problems } = inspectDistanceData(dir);
  if (!data) throw new KnowledgeError(problems);
  return data;
}
