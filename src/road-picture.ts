// The road as a picture: the phases of the knowledge in order on their two tracks (applicant, impact),
// the stops of the road (`road` in knowledge/phases.yaml) in order within their phases, each opening its
// answer, and for a conversation with a project where it stands today
// and its next milestone. Surfaces draw it (the web chat as SVG); it is built from the knowledge, so it
// follows the knowledge when that changes, and it carries its own text alternative.
import { entryAction, phaseAction } from './actions.js';
import type { Knowledge } from './knowledge/load.js';
import type { Entry, Lang, Track } from './knowledge/schema.js';
import { dayIn, daysBetween, formatDay } from './notices/dates.js';
import { projectItems } from './notices/items.js';
import { daysLeftText } from './notices/texts.js';
import type { ProjectRecord } from './storage/storage.js';
import { createTexts } from './texts.js';

const TEXTS = {
  title: { nl: 'De weg van een KA2-partnerschap', en: 'The road of a KA2 partnership' },
  applicant: { nl: 'Aanvrager: van idee tot aanvraag', en: 'Applicant: from idea to application' },
  impact: { nl: 'Impact: van toekenning tot afsluiting', en: 'Impact: from grant to closing' },
  phase: { nl: 'Fase {n}: {title}', en: 'Phase {n}: {title}' },
  steps: { nl: '{count} stappen', en: '{count} steps' },
  here: { nl: 'Hier sta je', en: 'You are here' },
  next: { nl: 'Volgende mijlpaal', en: 'Next milestone' },
  trackLine: { nl: '{track}: {phases}.', en: '{track}: {phases}.' },
  overview: { nl: 'De weg in {count} fases op twee sporen.', en: 'The road in {count} phases on two tracks.' },
  beforeStart: { nl: 'Je project begint op {day}.', en: 'Your project starts on {day}.' },
  standsAt: { nl: 'Je project staat nu bij: {title}.', en: 'Your project is now at: {title}.' },
  nextLine: { nl: 'Volgende mijlpaal: {title}, {day} ({left}).', en: 'Next milestone: {title}, {day} ({left}).' },
  allDone: { nl: 'Alle mijlpalen van je project zijn voorbij.', en: 'All milestones of your project have passed.' },
} as const;
const rt = createTexts(TEXTS);

/** One stop on the road: clicking it opens its answer (`entry:<id>`). */
interface RoadStop {
  id: string;
  title: string;
  action: string;
}

interface RoadPhase {
  id: string;
  /** 1-based position on the whole road. */
  position: number;
  /** E.g. `Phase 3: Result`. */
  label: string;
  action: string;
  stops: RoadStop[];
}

interface RoadTrack {
  id: Track;
  title: string;
  phases: RoadPhase[];
}

/** Where a conversation's project stands. */
export interface RoadPosition {
  /** The stop of the last milestone passed; undefined before the project starts. */
  at: string | undefined;
  /** The next milestone, undefined when all have passed. */
  next: { stop: string; title: string; due: string; left: string } | undefined;
  /** The position in one or two sentences. */
  text: string;
}

export interface RoadPicture {
  lang: Lang;
  title: string;
  tracks: RoadTrack[];
  position: RoadPosition | undefined;
  /** The marker labels. */
  here: string;
  next: string;
  /** The whole picture in words, for screen readers and for anyone who cannot see it. */
  description: string;
}

/** Where the project stands at `now`: the last milestone passed and the next one, as stops of the road. */
export function roadPosition(knowledge: Knowledge, project: ProjectRecord, lang: Lang, zone: string, now: Date): RoadPosition {
  const milestones = projectItems(project, zone).filter((item) => knowledge.road.includes(item.entry));
  const passed = milestones.filter((item) => item.dueAt.getTime() <= now.getTime());
  const coming = milestones.find((item) => item.dueAt.getTime() > now.getTime());
  const last = passed.at(-1);
  const lastEntry = last && knowledge.entryById.get(last.entry);
  const next = coming && {
    stop: coming.entry,
    title: coming.title[lang],
    due: formatDay(coming.day, lang),
    left: daysLeftText(daysBetween(dayIn(now, zone), coming.day), lang),
  };
  const lines = [
    lastEntry ? rt(lang, 'standsAt', { title: lastEntry.title[lang] }) : rt(lang, 'beforeStart', { day: formatDay(project.start, lang) }),
    next ? rt(lang, 'nextLine', { title: next.title, day: next.due, left: next.left }) : rt(lang, 'allDone'),
  ];
  return { at: lastEntry?.id, next, text: lines.join(' ') };
}

/** The road of the knowledge in `lang`, with the project's position when the conversation has one. */
export function roadPicture(knowledge: Knowledge, lang: Lang, position?: RoadPosition): RoadPicture {
  const tracks: RoadTrack[] = [];
  knowledge.phases.forEach((phase, i) => {
    const stops = knowledge.road
      .map((id) => knowledge.entryById.get(id))
      .filter((entry): entry is Entry => entry !== undefined && entry.phase === phase.id)
      .map((entry) => ({ id: entry.id, title: entry.title[lang], action: entryAction(entry.id) }));
    const roadPhase: RoadPhase = { id: phase.id, position: i + 1, label: rt(lang, 'phase', { n: i + 1, title: phase.title[lang] }), action: phaseAction(phase.id), stops };
    const track = tracks.find((candidate) => candidate.id === phase.track);
    if (track) track.phases.push(roadPhase);
    else tracks.push({ id: phase.track, title: rt(lang, phase.track), phases: [roadPhase] });
  });
  const description = [
    rt(lang, 'overview', { count: knowledge.phases.length }),
    ...tracks.map((track) =>
      rt(lang, 'trackLine', { track: track.title, phases: track.phases.map((p) => `${p.label} (${rt(lang, 'steps', { count: p.stops.length })})`).join('; ') }),
    ),
    ...(position ? [position.text] : []),
  ].join(' ');
  return { lang, title: rt(lang, 'title'), tracks, position, here: rt(lang, 'here'), next: rt(lang, 'next'), description };
}
