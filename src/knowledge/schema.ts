// The shape of the roadmap knowledge in knowledge/*.yaml, checked with zod at load time.
import { z } from 'zod';

/** Stable kebab-case identifier used for entries, phases and glossary terms. */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single dashes');

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** A text in both languages; both must be present. */
export const BilingualSchema = z.strictObject({ nl: nonEmpty, en: nonEmpty });

/** A list of phrases in both languages (example questions, keywords). */
const BilingualListSchema = z.strictObject({
  nl: z.array(nonEmpty).default([]),
  en: z.array(nonEmpty).default([]),
});

const LinkKindSchema = z.enum(['website', 'document', 'tool', 'platform', 'video', 'login', 'contact', 'newsletter']);

const LinkSchema = z.strictObject({
  label: BilingualSchema,
  url: z.url({ protocol: /^https$/, error: 'must be a well-formed https URL' }),
  kind: LinkKindSchema,
});

const isoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });
const httpsUrl = z.url({ protocol: /^https$/, error: 'must be a well-formed https URL' });

/** A public source of a 2021–2027 fact and the day it was last checked against it. */
const SourceSchema = z.strictObject({
  url: httpsUrl,
  checked: isoDate,
});

/** A further fact of the 2021–2027 programme, shown after the entry's text with its checked date. */
const NoteSchema = z.strictObject({
  text: BilingualSchema,
  source: httpsUrl,
  checked: isoDate,
});

const EntryTypeSchema = z.enum(['step', 'tip', 'document', 'tool', 'meeting', 'check', 'link']);

const TrackSchema = z.enum(['applicant', 'impact']);

const SeedRefSchema = z.strictObject({
  track: TrackSchema,
  block: nonEmpty,
});

/** One of an entry's own steps, in order ("oriënterend gesprek", then "adviesgesprek", …), with the words that name it. */
const EntryStepSchema = z.strictObject({
  title: BilingualSchema,
  keywords: BilingualListSchema,
  /** The stop that comes after this step where that is not the step or stop after it on the road: the final check precedes the submission. */
  next: IdSchema.optional(),
});

export const EntrySchema = z.strictObject({
  id: IdSchema,
  phase: IdSchema,
  type: EntryTypeSchema,
  title: BilingualSchema,
  text: BilingualSchema,
  questions: BilingualListSchema,
  keywords: BilingualListSchema,
  links: z.array(LinkSchema).default([]),
  related: z.array(IdSchema).default([]),
  source: SeedRefSchema,
  notes: z.array(NoteSchema).default([]),
  /** The flyer's own wording where today's fact differs; answers show it after the text, as the 2014–2020 roadmap's. */
  roadmap: BilingualSchema.optional(),
  /** Where the 2021–2027 facts of `text` come from; an entry with a `roadmap` wording needs at least one. */
  sources: z.array(SourceSchema).default([]),
  /**
   * The flyer's links that moved, closed or were one-off EU Login sessions: held as the entry's source and
   * never shown in answers, which use `links` (today's addresses).
   */
  flyerLinks: z.array(z.url({ error: 'must be a well-formed URL' })).default([]),
  /** The entry's own steps in order, where it has them: "what comes after the first of them" is the second. */
  steps: z.array(EntryStepSchema).default([]),
});

const PhaseSchema = z.strictObject({
  id: IdSchema,
  track: TrackSchema,
  title: BilingualSchema,
  summary: BilingualSchema,
  keywords: BilingualListSchema,
});

const GlossaryTermSchema = z.strictObject({
  id: IdSchema,
  /** The single token the matcher rewrites every variant to, in questions and in entries alike. */
  canonical: z.string().regex(/^[a-z0-9]+$/, 'must be one lower-case token of letters and digits'),
  variants: z.array(nonEmpty).min(1, 'needs at least one variant'),
  description: BilingualSchema.optional(),
  /** The variants name places (countries, nationalities): in a question they are context, not the topic. */
  place: z.boolean().optional(),
  /** The variants name sectors and subjects of vocational education (zorg, horeca, logistics): a project's theme, context in a question, not the topic. */
  theme: z.boolean().optional(),
});

/** A near topic that staff ask about but that the KA2 roadmap does not cover, with where the answer is. */
const OutOfScopeTopicSchema = z.strictObject({
  id: IdSchema,
  title: BilingualSchema,
  /** One line: what it is and where to go, e.g. "KA1 mobility has its own call and handbook at the NA". */
  answer: BilingualSchema,
  keywords: BilingualListSchema,
  questions: BilingualListSchema,
  links: z.array(LinkSchema).default([]),
});

/** knowledge/phases.yaml */
export const PhasesFileSchema = z.strictObject({
  phases: z.array(PhaseSchema).min(1),
  /** The stops of the road from first idea to formal closing, in order (entry ids): "what comes after X" follows them. */
  road: z.array(IdSchema).min(2, 'needs the stops of the road, first to last'),
  /** What can still come after the last stop (the NA's checks): the answer to "what comes after the formal closing?". */
  afterRoad: IdSchema.optional(),
  /** The stop that is due once the project's end date has passed (the final report): "what do we do when the project has ended?". */
  atProjectEnd: IdSchema.optional(),
});
/** knowledge/entries/*.yaml */
export const EntriesFileSchema = z.strictObject({ entries: z.array(EntrySchema).min(1) });
/** knowledge/out-of-scope.yaml */
export const OutOfScopeFileSchema = z.strictObject({ topics: z.array(OutOfScopeTopicSchema).min(1) });
/** knowledge/glossary.yaml */
export const GlossaryFileSchema = z.strictObject({ terms: z.array(GlossaryTermSchema).min(1) });

export type Lang = 'nl' | 'en';
export type Bilingual = z.infer<typeof BilingualSchema>;
export type LinkKind = z.infer<typeof LinkKindSchema>;
export type Entry = z.infer<typeof EntrySchema>;
export type EntryType = z.infer<typeof EntryTypeSchema>;
export type Phase = z.infer<typeof PhaseSchema>;
export type Track = z.infer<typeof TrackSchema>;
export type GlossaryTerm = z.infer<typeof GlossaryTermSchema>;
export type OutOfScopeTopic = z.infer<typeof OutOfScopeTopicSchema>;
