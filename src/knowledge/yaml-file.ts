// Reads one YAML file of the knowledge and checks it with a zod schema. Every problem names the file, the
// list entry it is in (by id, or by what the author recognises) and the field, so that it can be fixed.
import { readFileSync } from 'node:fs';
import { CORE_SCHEMA, load as parseYaml, YAMLException } from 'js-yaml';
import type { z } from 'zod';

/** One problem found in the knowledge, located precisely enough to fix it. */
export interface KnowledgeProblem {
  file: string;
  /** The entry, phase or term id (or its position when it has no id). */
  entry?: string;
  field?: string;
  message: string;
}

/** How an item of a top-level list is named in a problem: its `id`, else its position. */
export type EntryNamer = (listKey: string, item: unknown, index: number) => string;

const byId: EntryNamer = (_listKey, item, index) => {
  const id = (item as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' ? id : `#${index + 1}`;
};

/** Describes a zod issue path like ['entries', 3, 'links', 0, 'url'] as entry + field (`links[0].url`). */
function locateIssue(raw: unknown, path: readonly PropertyKey[], nameOf: EntryNamer = byId): Pick<KnowledgeProblem, 'entry' | 'field'> {
  const [listKey, index, ...rest] = path;
  const list = typeof listKey === 'string' ? (raw as Record<string, unknown> | null | undefined)?.[listKey] : undefined;
  if (!Array.isArray(list) || typeof index !== 'number') return { field: path.map(String).join('.') || undefined };
  const field = rest
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
    .join('')
    .replace(/^\./, '');
  return { entry: nameOf(String(listKey), list[index], index), field: field || undefined };
}

/**
 * Parses `path` (shown as `file`) and checks it with `schema`, adding what is wrong to `problems`.
 * `data` is undefined when the file is missing, is not YAML, or fails the schema; `raw` is the parsed YAML.
 */
export function readYamlFile<S extends z.ZodType>(
  path: string,
  file: string,
  schema: S,
  problems: KnowledgeProblem[],
  nameOf: EntryNamer = byId,
): { data: z.infer<S> | undefined; raw: unknown } {
  let raw: unknown;
  try {
    // The core schema keeps dates such as `checked: 2026-11-26` as strings, for the schema to check.
    raw = parseYaml(readFileSync(path, 'utf8'), { filename: file, schema: CORE_SCHEMA });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      problems.push({ file, message: 'missing' });
    } else {
      const message = error instanceof YAMLException ? `${error.reason} (line ${error.mark.line + 1}, column ${error.mark.column + 1})` : String(error);
      problems.push({ file, message: `not valid YAML: ${message}` });
    }
    return { data: undefined, raw: undefined };
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) problems.push({ file, ...locateIssue(raw, issue.path, nameOf), message: issue.message });
    return { data: undefined, raw };
  }
  return { data: result.data, raw };
}
