// Loads knowledge/*.yaml, checks every file with the zod schema and the cross-file rules (unique ids,
// existing phases and related entries, unique glossary variants), and reports each problem with its
// file, entry and field. Shown links must be today's addresses (the flyer's stay in `flyerLinks`). The
// service refuses to start while any problem remains.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import {
  EntriesFileSchema,
  EntrySchema,
  GlossaryFileSchema,
  OutOfScopeFileSchema,
  PhasesFileSchema,
  type Entry,
  type GlossaryTerm,
  type OutOfScopeTopic,
  type Phase,
} from './schema.js';
import { isLoginSession, movedAddress } from './addresses.js';
import { readYamlFile, type KnowledgeProblem } from './yaml-file.js';

export type { KnowledgeProblem };

/** The validated knowledge, with phases in road order. */
export interface Knowledge {
  phases: readonly Phase[];
  entries: readonly Entry[];
  glossary: readonly GlossaryTerm[];
  /** The stops of the road in order (entry ids): what comes after what. */
  road: readonly string[];
  /** What can still come after the last stop, if anything (an entry id that is no stop). */
  afterRoad: string | undefined;
  /** The stop that is due once the project's end date has passed, if the knowledge says. */
  atProjectEnd: string | undefined;
  /** Near topics the roadmap does not cover (knowledge/out-of-scope.yaml). */
  outOfScope: readonly OutOfScopeTopic[];
  entryById: ReadonlyMap<string, Entry>;
  phaseById: ReadonlyMap<string, Phase>;
  /** The file each entry is in, relative to `dir` (e.g. `entries/reporting.yaml`). */
  entryFile: ReadonlyMap<string, string>;
  /** The directory the knowledge was read from; other modules read their own files there. */
  dir: string;
}

/** Thrown when the knowledge has problems; `problems` lists them all. */
export class KnowledgeError extends Error {
  readonly code = 'KNOWLEDGE_INVALID';
  constructor(readonly problems: readonly KnowledgeProblem[]) {
    super(`Invalid knowledge (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map(formatProblem).join('\n')}`);
  }
}

/** `file › entry › field: message`, one line. */
export function formatProblem(problem: KnowledgeProblem): string {
  const where = [problem.file, problem.entry, problem.field].filter(Boolean).join(' › ');
  return `  ${where}: ${problem.message}`;
}

interface ParsedFile<T> {
  file: string;
  data: T | undefined;
  /** The parsed YAML, also when it did not pass the schema. */
  raw: unknown;
}

function listYaml(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...listYaml(path));
    else if (/\.ya?ml$/.test(name)) files.push(path);
  }
  return files;
}

function parseFile<S extends z.ZodType>(root: string, path: string, schema: S, problems: KnowledgeProblem[]): ParsedFile<z.infer<S>> {
  const file = relative(root, path) || path;
  return { file, ...readYamlFile(path, file, schema, problems) };
}

/** Reads and checks the knowledge in `dir`; returns it with the full list of problems (empty when valid). */
export function inspectKnowledge(dir: string): { knowledge: Knowledge | undefined; problems: KnowledgeProblem[] } {
  const problems: KnowledgeProblem[] = [];
  const root = dir;
  const phasesPath = join(dir, 'phases.yaml');
  const glossaryPath = join(dir, 'glossary.yaml');
  const outOfScopePath = join(dir, 'out-of-scope.yaml');
  const entriesDir = join(dir, 'entries');
  for (const [path, what] of [
    [phasesPath, 'the phases of the road'],
    [glossaryPath, 'the glossary'],
    [outOfScopePath, 'the near topics that the roadmap does not cover'],
    [entriesDir, 'the entries'],
  ] as const) {
    try {
      statSync(path);
    } catch {
      problems.push({ file: relative(root, path) || path, message: `missing: it should hold ${what}` });
    }
  }
  if (problems.length > 0) return { knowledge: undefined, problems };

  const phasesFile = parseFile(root, phasesPath, PhasesFileSchema, problems);
  const glossaryFile = parseFile(root, glossaryPath, GlossaryFileSchema, problems);
  const outOfScopeFile = parseFile(root, outOfScopePath, OutOfScopeFileSchema, problems);
  const invalidIds = new Set<string>();
  const entryFiles = listYaml(entriesDir).map((path) => {
    const parsed = parseFile(root, path, EntriesFileSchema, problems);
    // Keep the valid entries of a file with problems, so that the cross-reference checks still run.
    const list = (parsed.raw as { entries?: unknown } | undefined)?.entries;
    if (parsed.data || !Array.isArray(list)) return parsed;
    const entries = list.flatMap((item: unknown) => {
      const result = EntrySchema.safeParse(item);
      if (!result.success && typeof (item as { id?: unknown } | null)?.id === 'string') invalidIds.add((item as { id: string }).id);
      return result.success ? [result.data] : [];
    });
    return { ...parsed, data: { entries } };
  });

  const phases = phasesFile.data?.phases ?? [];
  const phaseById = new Map<string, Phase>();
  for (const phase of phases) {
    if (phaseById.has(phase.id)) problems.push({ file: phasesFile.file, entry: phase.id, field: 'id', message: 'duplicate phase id' });
    phaseById.set(phase.id, phase);
  }

  const entries: Entry[] = [];
  const entryById = new Map<string, Entry>();
  const fileOf = new Map<string, string>();
  for (const { file, data } of entryFiles) {
    for (const entry of data?.entries ?? []) {
      const earlier = fileOf.get(entry.id);
      if (earlier !== undefined) problems.push({ file, entry: entry.id, field: 'id', message: `duplicate entry id (also in ${earlier})` });
      else if (phaseById.has(entry.id)) problems.push({ file, entry: entry.id, field: 'id', message: 'the id is already a phase id' });
      fileOf.set(entry.id, file);
      entryById.set(entry.id, entry);
      entries.push(entry);
    }
  }

  for (const entry of entries) {
    const file = fileOf.get(entry.id) ?? 'entries';
    if (phasesFile.data && !phaseById.has(entry.phase)) {
      problems.push({ file, entry: entry.id, field: 'phase', message: `unknown phase "${entry.phase}" (phases: ${[...phaseById.keys()].join(', ')})` });
    }
    entry.steps.forEach((step, i) => {
      if (step.next !== undefined && !entryById.has(step.next) && !invalidIds.has(step.next)) {
        problems.push({ file, entry: entry.id, field: `steps[${i}].next`, message: `unknown entry "${step.next}"` });
      }
    });
    entry.related.forEach((id, i) => {
      if (!entryById.has(id) && !invalidIds.has(id)) problems.push({ file, entry: entry.id, field: `related[${i}]`, message: `unknown entry "${id}"` });
      if (id === entry.id) problems.push({ file, entry: entry.id, field: `related[${i}]`, message: 'an entry cannot relate to itself' });
    });
    entry.links.forEach((link, i) => {
      if (isLoginSession(link.url)) {
        problems.push({ file, entry: entry.id, field: `links[${i}].url`, message: 'one-off EU Login session link: use the stable URL of the system, and keep this one in flyerLinks' });
      }
      const moved = movedAddress(link.url);
      if (moved) {
        problems.push({ file, entry: entry.id, field: `links[${i}].url`, message: `${moved.what} has moved to ${moved.to}: link there, and keep the flyer's link in flyerLinks` });
      }
    });
    if (entry.steps.length === 1) problems.push({ file, entry: entry.id, field: 'steps', message: 'needs at least two steps, in order, or none' });
    entry.steps.forEach((step, i) => {
      if (step.keywords.nl.length + step.keywords.en.length === 0) {
        problems.push({ file, entry: entry.id, field: `steps[${i}].keywords`, message: 'needs keywords, in Dutch or English, that name the step' });
      }
    });
    if (entry.roadmap && entry.sources.length === 0) {
      problems.push({ file, entry: entry.id, field: 'sources', message: "an entry with the roadmap's wording needs the source of today's text" });
    }
  }
  for (const phase of phases) {
    if (!entries.some((entry) => entry.phase === phase.id)) {
      problems.push({ file: phasesFile.file, entry: phase.id, message: 'the phase has no entries' });
    }
  }
  const road = phasesFile.data?.road ?? [];
  const phaseOrder = new Map(phases.map((phase, i) => [phase.id, i]));
  road.forEach((id, i) => {
    const entry = entryById.get(id);
    if (!entry && !invalidIds.has(id)) problems.push({ file: phasesFile.file, entry: 'road', field: `road[${i}]`, message: `unknown entry "${id}"` });
    if (road.indexOf(id) !== i) problems.push({ file: phasesFile.file, entry: 'road', field: `road[${i}]`, message: `"${id}" is already a stop of the road` });
    const previous = i > 0 ? entryById.get(road[i - 1] ?? '') : undefined;
    if (entry && previous && (phaseOrder.get(entry.phase) ?? 0) < (phaseOrder.get(previous.phase) ?? 0) - 1) {
      problems.push({ file: phasesFile.file, entry: 'road', field: `road[${i}]`, message: `"${id}" (phase ${entry.phase}) comes too far back after "${previous.id}" (phase ${previous.phase})` });
    }
  });

  const afterRoad = phasesFile.data?.afterRoad;
  if (afterRoad !== undefined && !entryById.has(afterRoad) && !invalidIds.has(afterRoad)) {
    problems.push({ file: phasesFile.file, entry: 'road', field: 'afterRoad', message: `unknown entry "${afterRoad}"` });
  }
  if (afterRoad !== undefined && road.includes(afterRoad)) problems.push({ file: phasesFile.file, entry: 'road', field: 'afterRoad', message: `"${afterRoad}" is a stop of the road itself` });
  const atProjectEnd = phasesFile.data?.atProjectEnd;
  if (atProjectEnd !== undefined && !road.includes(atProjectEnd) && !invalidIds.has(atProjectEnd)) {
    problems.push({ file: phasesFile.file, entry: 'road', field: 'atProjectEnd', message: `"${atProjectEnd}" is not a stop of the road` });
  }

  const outOfScope = outOfScopeFile.data?.topics ?? [];
  const topicIds = new Set<string>();
  for (const topic of outOfScope) {
    if (topicIds.has(topic.id)) problems.push({ file: outOfScopeFile.file, entry: topic.id, field: 'id', message: 'duplicate topic id' });
    if (entryById.has(topic.id) || phaseById.has(topic.id)) problems.push({ file: outOfScopeFile.file, entry: topic.id, field: 'id', message: 'the id is already an entry or phase id' });
    topicIds.add(topic.id);
    if (topic.keywords.nl.length + topic.keywords.en.length === 0) {
      problems.push({ file: outOfScopeFile.file, entry: topic.id, field: 'keywords', message: 'needs keywords, in Dutch or English, to be recognised' });
    }
  }

  const glossary = glossaryFile.data?.terms ?? [];
  const variantOwner = new Map<string, string>();
  const termIds = new Set<string>();
  for (const term of glossary) {
    if (termIds.has(term.id)) problems.push({ file: glossaryFile.file, entry: term.id, field: 'id', message: 'duplicate term id' });
    termIds.add(term.id);
    term.variants.forEach((variant, i) => {
      const key = variant.toLowerCase();
      const owner = variantOwner.get(key);
      if (owner !== undefined && owner !== term.id) {
        problems.push({ file: glossaryFile.file, entry: term.id, field: `variants[${i}]`, message: `"${variant}" is already a variant of ${owner}` });
      }
      variantOwner.set(key, term.id);
    });
  }

  if (problems.length > 0) return { knowledge: undefined, problems };
  return {
    knowledge: { phases, road, afterRoad, atProjectEnd, entries, glossary, outOfScope, entryById, phaseById, entryFile: fileOf, dir },
    problems,
  };
}

/** Loads the knowledge in `dir` or throws a `KnowledgeError` that lists every problem. */
export function loadKnowledge(dir: string): Knowledge {
  const { knowledge, problems } = inspectKnowledge(dir);
  if (!knowledge) throw new KnowledgeError(problems);
  return knowledge;
}
