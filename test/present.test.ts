import { describe, expect, it } from 'vitest';
import { parseAction, phaseAction } from '../src/actions.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { answerFor, createPresenter, phaseGroupReply, phaseReply, shorten, summaryOf } from '../src/present.js';
import type { PhaseReply } from '../src/reply.js';

const knowledge = loadKnowledge('knowledge');
const presenter = createPresenter(knowledge);
const phase = (id: string) => {
  const found = knowledge.phaseById.get(id);
  if (!found) throw new Error(`no phase ${id}`);
  return found;
};
/** Items that open one entry (not a group of them). */
const entryItems = (reply: PhaseReply) => reply.steps.filter((item) => item.action.startsWith('entry:'));

describe('summaryOf', () => {
  it.each([
    // A sentence before a list ends the summary; no ".:" where the list began.
    ['Tip: meld je aan voor de nieuwsbrief van Erasmus+.\n- Aankondigingen van bijeenkomsten staan in de nieuwsbrief.', 'Tip: meld je aan voor de nieuwsbrief van Erasmus+.'],
    // A body that starts with a bullet has no stray "- ".
    ['- betrek de actoren in je eigen omgeving\n- werk samen met bestaande partners', 'betrek de actoren in je eigen omgeving; werk samen met bestaande partners'],
    // Items that end in a full stop join without ".;"; a question keeps its mark without ";".
    ['Vraag:\n- doel?\n- wat is het doel.\n- wie doet mee.', 'Vraag: doel? wat is het doel; wie doet mee.'],
    ['Documenten:\n1. programme guide\n2. **impacttool**', 'Documenten: programme guide; impacttool'],
  ])('%j → %j', (body, summary) => {
    expect(summaryOf(body)).toBe(summary);
  });

  it('cuts a long text at a word, never inside one', () => {
    const text = 'woord '.repeat(60).trim();
    const summary = summaryOf(text);
    expect(summary.length).toBeLessThanOrEqual(160);
    expect(summary).toMatch(/ woord…$/);
  });
});

describe('shorten', () => {
  it.each([
    ['kort', 10, 'kort'],
    ['toekenningen projecten resultaten', 20, 'toekenningen…'],
    ['een, twee; drie', 10, 'een, twee…'],
    ['een, twee drie', 12, 'een, twee…'],
    ['eenheelerglangwoordzonderspaties', 10, 'eenheeler…'],
  ])('%j to %i characters → %j', (text, max, expected) => {
    expect(shorten(text, max)).toBe(expected);
    expect(shorten(text, max).length).toBeLessThanOrEqual(max);
  });
});

describe('a phase with many entries', () => {
  it.each(knowledge.phases.map((p) => [p.id]))('%s shows at most eight entries, and every other entry is one choice away', (id) => {
    const reply = phaseReply(presenter, phase(id), 'nl');
    const shown = reply.groups?.filter((group) => group.title !== 'Meer in deze fase') ?? [];
    expect(shown.flatMap((group) => group.items).length).toBeLessThanOrEqual(8);
    expect(reply.steps).toEqual(reply.groups?.flatMap((group) => group.items));
    const reachable = new Set(entryItems(reply).map((item) => item.action));
    for (const item of reply.steps.filter((i) => !i.action.startsWith('entry:'))) {
      const action = parseAction(item.action);
      expect(action).toMatchObject({ type: 'phase', id });
      if (action.type !== 'phase' || action.group === undefined) continue;
      for (let offset = 0, page = phaseGroupReply(presenter, phase(id), 'nl', action.group); page; ) {
        entryItems(page).forEach((entry) => reachable.add(entry.action));
        expect(entryItems(page).length).toBeLessThanOrEqual(8);
        const next = page.steps.find((i) => i.action.startsWith('phase:'));
        if (!next) break;
        offset += 8;
        expect(next.action).toBe(phaseAction(id, action.group, offset));
        page = phaseGroupReply(presenter, phase(id), 'nl', action.group, offset);
      }
    }
    const all = knowledge.entries.filter((entry) => entry.phase === id).map((entry) => `entry:${entry.id}`);
    expect([...reachable].sort()).toEqual(all.sort());
  });

  it('groups the orientation by kind: the steps shown, the other kinds one choice each', () => {
    const reply = phaseReply(presenter, phase('orientation'), 'en');
    expect(reply.groups?.map((group) => group.title)).toEqual(['Steps', 'More in this phase']);
    expect(reply.groups?.[1]?.items.map((item) => item.title)).toEqual(['Documents and tools (3)', 'Meetings (3)', 'Websites and links (11)']);
    expect(reply.groups?.[1]?.items[2]?.action).toBe('phase:orientation:links');
  });

  it('shows a short phase whole, under its headings', () => {
    const reply = phaseReply(presenter, phase('reporting'), 'nl');
    expect(reply.groups?.map((group) => group.title)).toEqual(['Stappen', 'Documenten en hulpmiddelen']);
    expect(entryItems(reply)).toHaveLength(knowledge.entries.filter((entry) => entry.phase === 'reporting').length);
  });

  it('pages a long group, and knows no group it does not have', () => {
    const first = phaseGroupReply(presenter, phase('orientation'), 'nl', 'links');
    expect(first?.title).toBe('Oriëntatie & voorbereiding: websites en links');
    expect(first?.steps.at(-1)).toMatchObject({ title: 'Meer websites en links (nog 3)', action: 'phase:orientation:links:8' });
    expect(first?.followUps[0]).toEqual({ label: 'Terug naar Oriëntatie & voorbereiding', action: 'phase:orientation' });
    expect(phaseGroupReply(presenter, phase('orientation'), 'nl', 'checks')).toBeUndefined();
    expect(parseAction('phase:orientation:links:8')).toEqual({ type: 'phase', id: 'orientation', group: 'links', offset: 8 });
  });
});

describe('an entry answer', () => {
  const knowledge = loadKnowledge('knowledge');
  const presenter = createPresenter(knowledge);
  const entry = knowledge.entryById.get('lump-sum');

  it('is built once per language and shared, each call with its own score', () => {
    if (!entry) throw new Error('lump-sum is in the knowledge');
    const first = answerFor(presenter, entry, 'en', 0.8);
    const second = answerFor(presenter, entry, 'en', 0.5);
    expect(second).not.toBe(first);
    expect({ ...second, score: 0.8 }).toEqual(first);
    expect(second.followUps).toBe(first.followUps);
    expect(answerFor(presenter, entry, 'nl', 1).title).not.toBe(first.title);
  });

  it('cannot be changed in place, so one caller cannot change another one’s answer', () => {
    if (!entry) throw new Error('lump-sum is in the knowledge');
    const reply = answerFor(presenter, entry, 'nl', 1);
    expect(() => reply.followUps.push({ label: 'x', action: 'entry:x' })).toThrow(TypeError);
    expect(answerFor(presenter, entry, 'nl', 1).followUps).not.toContainEqual({ label: 'x', action: 'entry:x' });
  });
});
