import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { loadDeadlines } from '../../src/notices/deadlines.js';
import { callItem, projectItems } from '../../src/notices/items.js';
import { noticeReply, type ReplyContext } from '../../src/notices/replies.js';
import { toPlainText } from '../../src/plain-text.js';

// The notices on the real knowledge: what they say is needed is what applies to a project today.
const knowledge = loadKnowledge('knowledge');
const deadlines = loadDeadlines(knowledge);
const zone = 'Europe/Amsterdam';
const ctx = (lang: 'nl' | 'en'): ReplyContext => ({ knowledge, zone, now: new Date('2026-12-01T09:00:00Z'), lang });
const notice = (item: ReturnType<typeof callItem>, lang: 'nl' | 'en') => noticeReply({ item, daysLeft: 30, late: false, sendAt: new Date('2026-12-01T08:00:00Z') }, ctx(lang));

describe('notices on the real knowledge', () => {
  const project = { name: undefined, start: '2026-09-01', end: '2028-08-31', interim: '2027-09-15', finalReport: undefined };
  const byMilestone = new Map(projectItems(project, zone).map((item) => [item.id, item]));

  it.each(['interim', 'final'] as const)('sends the %s report of a 2026–2028 project to the Beneficiary Module, with Mobility Tool+ only as the 2014–2020 wording', (which) => {
    const item = byMilestone.get(which === 'interim' ? 'project-interim-report' : 'project-final-report');
    if (!item) throw new Error('milestone missing');
    for (const lang of ['en', 'nl'] as const) {
      const reply = notice(item, lang);
      const body = reply.body;
      expect(body.indexOf('Beneficiary Module')).toBeGreaterThan(-1);
      const then = body.indexOf(lang === 'en' ? '**In the 2014–2020 roadmap:**' : '**In de roadmap 2014–2020:**');
      expect(then).toBeGreaterThan(body.indexOf('Beneficiary Module'));
      expect(body.slice(0, then)).not.toContain('Mobility Tool+');
      expect(body.slice(then)).toContain('Mobility Tool+');
      expect(reply.links[0]?.url).toBe('https://webgate.ec.europa.eu/beneficiary-module/');
      expect(reply.followUps[0]?.action).toBe(`entry:${item.entry}`);
    }
  });

  it('says that a provisional call deadline is provisional, in its due line and its notes', () => {
    const provisional = deadlines.find((d) => d.id === 'ka220-vet-2027');
    if (!provisional) throw new Error('deadline missing');
    const reply = notice(callItem(provisional, zone), 'en');
    expect(reply.due).toContain('(provisional)');
    expect(reply.notes.join(' ')).toMatch(/Provisional date: not yet confirmed/);
    expect(toPlainText(reply)).toContain('KA220-VET');
    const confirmed = deadlines.find((d) => d.id === 'ka220-vet-2026');
    if (!confirmed) throw new Error('deadline missing');
    expect(notice(callItem(confirmed, zone), 'nl').due).not.toContain('voorlopig');
  });

  it('tells what is needed for a call deadline with the Organisation ID, not the PIC', () => {
    const deadline = deadlines.find((d) => d.id === 'ka220-vet-2027');
    if (!deadline) throw new Error('deadline missing');
    const entry = knowledge.entryById.get(deadline.entry);
    expect(entry?.text.en).toMatch(/KA220-VET/);
    expect(notice(callItem(deadline, zone), 'en').body).toMatch(/one deadline a year/);
  });
});
