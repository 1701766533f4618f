// What a channel can be told about: the call deadlines of the knowledge and the milestones derived from
// its own project (kick-off, progress/interim report, final report, results on the Project Results
// Platform). Both become `DueItem`s with a calendar day in the notice time zone and a due instant.
import type { Bilingual } from '../knowledge/schema.js';
import type { ProjectRecord, Topic } from '../storage/storage.js';
import { addDays, dayIn, localInstant, toDayNumber } from './dates.js';
import type { CallDeadline } from './deadlines.js';

/** Calendar days after the end date within which the final report is due, unless the grant agreement says otherwise. */
const FINAL_REPORT_DAYS = 60;

type MilestoneId = 'kick-off' | 'interim-report' | 'final-report' | 'results-platform';

/** A deadline or milestone with its due moment. */
export interface DueItem {
  /** The call deadline's id, or `project-<milestone>`. */
  id: string;
  /** The id and the due day: when a date moves, its notices are new ones. */
  key: string;
  topic: Topic;
  title: Bilingual;
  /** The due day in the notice time zone, and as a day number (see `toDayNumber`). */
  day: string;
  dayNumber: number;
  /** The published time and zone of a call deadline; milestones are due by the end of their day. */
  time: { time: string; timezone: string } | undefined;
  dueAt: Date;
  /** The knowledge entry that tells what is needed. */
  entry: string;
  provisional: boolean;
  note: Bilingual | undefined;
}

/** A call deadline as an item, its day taken in the notice time zone. */
export function callItem(deadline: CallDeadline, zone: string): DueItem {
  const day = dayIn(deadline.dueAt, zone);
  return {
    id: deadline.id,
    key: `${deadline.id}@${day}`,
    topic: 'calls',
    title: deadline.title,
    day,
    dayNumber: toDayNumber(day),
    time: { time: deadline.time, timezone: deadline.timezone },
    dueAt: deadline.dueAt,
    entry: deadline.entry,
    provisional: deadline.provisional,
    note: deadline.note,
  };
}

const MILESTONES: Record<MilestoneId, { title: Bilingual; entry: string }> = {
  'kick-off': {
    title: { nl: 'Start van het project (kick-off)', en: 'Project start (kick-off)' },
    entry: 'kick-off',
  },
  'interim-report': {
    title: { nl: 'Voortgangs- of tussenrapportage', en: 'Progress or interim report' },
    entry: 'interim-report',
  },
  'final-report': {
    title: { nl: 'Eindrapportage', en: 'Final report' },
    entry: 'final-report',
  },
  'results-platform': {
    title: { nl: 'Resultaten op het Erasmus+ Project Results Platform', en: 'Results on the Erasmus+ Project Results Platform' },
    entry: 'project-results-platform',
  },
};

const DERIVED_FINAL_NOTE: Bilingual = {
  nl: `${FINAL_REPORT_DAYS} kalenderdagen na de einddatum, tenzij je subsidieovereenkomst iets anders zegt.`,
  en: `${FINAL_REPORT_DAYS} calendar days after the end date, unless your grant agreement says otherwise.`,
};
const RESULTS_NOTE: Bilingual = {
  nl: 'De resultaten gaan mee met de eindrapportage.',
  en: 'The results go with the final report.',
};

/** The day the final report is due: the grant agreement's date, or 60 calendar days after the end. */
function finalReportDay(project: ProjectRecord): string {
  return project.finalReport ?? addDays(project.end, FINAL_REPORT_DAYS);
}

/** The day numbers of a project's milestones, cheaply, to skip projects with nothing near. */
export function projectDayNumbers(project: ProjectRecord): number[] {
  const days = [toDayNumber(project.start), toDayNumber(finalReportDay(project))];
  if (project.interim) days.push(toDayNumber(project.interim));
  return days;
}

/** The milestones of a project in date order; a milestone is due by the end of its day in `zone`. */
export function projectItems(project: ProjectRecord, zone: string): DueItem[] {
  const finalDay = finalReportDay(project);
  const derived = project.finalReport === undefined;
  const days: Array<[MilestoneId, string, Bilingual | undefined]> = [
    ['kick-off', project.start, undefined],
    ...(project.interim ? [['interim-report', project.interim, undefined] as [MilestoneId, string, undefined]] : []),
    ['final-report', finalDay, derived ? DERIVED_FINAL_NOTE : undefined],
    ['results-platform', finalDay, RESULTS_NOTE],
  ];
  return days.map(([milestone, day, note]) => {
    const id = `project-${milestone}`;
    return {
      id,
      key: `${id}@${day}`,
      topic: 'project',
      title: MILESTONES[milestone].title,
      day,
      dayNumber: toDayNumber(day),
      time: undefined,
      dueAt: localInstant(addDays(day, 1), '00:00', zone),
      entry: MILESTONES[milestone].entry,
      provisional: false,
      note,
    };
  });
}
