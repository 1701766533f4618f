// The yearly KA2 call deadlines as data: knowledge/deadlines.yaml, checked with zod at load time like the
// rest of the knowledge. Each problem names the file, the deadline and the field; the service refuses to
// start while one remains.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { KnowledgeError, type Knowledge, type KnowledgeProblem } from '../knowledge/load.js';
import { BilingualSchema, IdSchema, type Bilingual } from '../knowledge/schema.js';
import { readYamlFile } from '../knowledge/yaml-file.js';
import { localInstant } from './dates.js';

/** The file in the knowledge directory. */
const DEADLINES_FILE = 'deadlines.yaml';

const isoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });
const https = z.url({ protocol: /^https$/, error: 'must be a well-formed https URL' });

const CallDeadlineSchema = z.strictObject({
  id: IdSchema,
  /** The action code, e.g. KA220-VET. */
  action: z.string().regex(/^KA\d{3}-[A-Z]{3}$/, 'must be an action code like KA220-VET'),
  /** The call year the deadline belongs to. */
  year: z.number().int().min(2021).max(2100),
  /** 1 or 2 for actions with two rounds a year. */
  round: z.number().int().min(1).max(3).optional(),
  title: BilingualSchema,
  date: isoDate,
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time written HH:MM'),
  timezone: z.string().refine((zone) => IANAZone.isValidZone(zone), 'must be an IANA time zone such as Europe/Brussels'),
  /** The knowledge entry that tells what is needed; its links go with every notice. */
  entry: IdSchema,
  source: https,
  checked: isoDate,
  /** True while the date is expected but not yet published in a call. */
  provisional: z.boolean().default(false),
  note: BilingualSchema.optional(),
});

const DeadlinesFileSchema = z.strictObject({ deadlines: z.array(CallDeadlineSchema).min(1) });

/** One call deadline with its due instant. */
export interface CallDeadline {
  id: string;
  action: string;
  year: number;
  round: number | undefined;
  title: Bilingual;
  /** The calendar day and local time, as published. */
  date: string;
  time: string;
  timezone: string;
  dueAt: Date;
  entry: string;
  source: string;
  checked: string;
  provisional: boolean;
  note: Bilingual | undefined;
}

/**
 * Reads and checks `deadlines.yaml` in the knowledge directory: the schema, unique ids, the year against the
 * date, and that each `entry` exists in the knowledge. Returns the deadlines in date order and the problems.
 */
export function inspectDeadlines(knowledge: Knowledge, path = join(knowledge.dir, DEADLINES_FILE)): { deadlines: CallDeadline[]; problems: KnowledgeProblem[] } {
  const file = relative(knowledge.dir, path) || path;
  if (!existsSync(path)) return { deadlines: [], problems: [] };
  const problems: KnowledgeProblem[] = [];
  const parsed = readYamlFile(path, file, DeadlinesFileSchema, problems).data;
  if (!parsed) return { deadlines: [], problems };

  const seen = new Set<string>();
  for (const item of parsed.deadlines) {
    if (seen.has(item.id)) problems.push({ file, entry: item.id, field: 'id', message: 'duplicate deadline id' });
    seen.add(item.id);
    if (Number(item.date.slice(0, 4)) !== item.year) problems.push({ file, entry: item.id, field: 'date', message: `lies outside the call year ${item.year}` });
    if (!knowledge.entryById.has(item.entry)) problems.push({ file, entry: item.id, field: 'entry', message: `unknown knowledge entry "${item.entry}"` });
  }
  const deadlines = parsed.deadlines
    .map(
      (item): CallDeadline => ({
        ...item,
        round: item.round,
        note: item.note,
        dueAt: localInstant(item.date, item.time, item.timezone),
      }),
    )
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  return { deadlines, problems };
}

/** The call deadlines of the knowledge (none when the file is absent); throws `KnowledgeError` when it is invalid. */
export function loadDeadlines(knowledge: Knowledge, path?: string): CallDeadline[] {
  const { deadlines, problems } = inspectDeadlines(knowledge, path);
  if (problems.length > 0) throw new KnowledgeError(problems);
  return deadlines;
}
