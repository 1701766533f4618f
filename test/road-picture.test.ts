// The road picture is built from the real knowledge: both tracks, every phase in order, the road's stops,
// and a project's position from its milestones.
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../src/knowledge/load.js';
import { roadPicture, roadPosition } from '../src/road-picture.js';

const knowledge = loadKnowledge('knowledge');
const project = { name: 'Green Skills', start: '2026-09-01', end: '2028-08-31', interim: '2027-09-30', finalReport: undefined };
const ZONE = 'Europe/Amsterdam';

describe('roadPicture', () => {
  it('puts the phases of the knowledge in order on two tracks, with the stops of the road in order', () => {
    const road = roadPicture(knowledge, 'en');
    expect(road.tracks.map((track) => track.id)).toEqual(['applicant', 'impact']);
    const phases = road.tracks.flatMap((track) => track.phases);
    expect(phases.map((phase) => phase.id)).toEqual(knowledge.phases.map((phase) => phase.id));
    expect(phases.map((phase) => phase.position)).toEqual(knowledge.phases.map((_, i) => i + 1));
    const stops = phases.flatMap((phase) => phase.stops);
    // Every stop of the road once, in its phase; within a phase in the road's order.
    expect(stops.map((stop) => stop.id).sort()).toEqual([...knowledge.road].sort());
    for (const phase of phases) {
      expect(phase.stops.every((stop) => knowledge.entryById.get(stop.id)?.phase === phase.id)).toBe(true);
      const order = phase.stops.map((stop) => knowledge.road.indexOf(stop.id));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
    expect(stops.every((stop) => stop.action === `entry:${stop.id}`)).toBe(true);
    expect(road.position).toBeUndefined();
  });

  it('describes itself in words, in the asked language', () => {
    const nl = roadPicture(knowledge, 'nl');
    expect(nl.description).toContain(`De weg in ${knowledge.phases.length} fases op twee sporen.`);
    expect(nl.description).toContain('Aanvrager: van idee tot aanvraag: Fase 1: Oriëntatie & voorbereiding (');
    expect(nl.tracks[0]?.phases[0]?.stops[0]?.title).toBe(knowledge.entryById.get(knowledge.road[0] ?? '')?.title.nl);
  });
});

describe('roadPosition', () => {
  it('is before the kick-off until the project starts', () => {
    const position = roadPosition(knowledge, project, 'en', ZONE, new Date('2026-06-01T10:00:00Z'));
    expect(position).toMatchObject({ at: undefined, next: { stop: 'kick-off', due: expect.stringContaining('1 September 2026') } });
    expect(position.text).toMatch(/^Your project starts on .*1 September 2026\. Next milestone: Project start \(kick-off\)/);
  });

  it('stands at the last milestone passed, with the next one and the days left', () => {
    const position = roadPosition(knowledge, project, 'nl', ZONE, new Date('2027-09-20T10:00:00Z'));
    expect(position.at).toBe('kick-off');
    expect(position.next).toMatchObject({ stop: 'interim-report', left: 'nog 10 dagen' });
    const road = roadPicture(knowledge, 'nl', position);
    expect(road.description).toContain(position.text);
  });

  it('says when every milestone has passed', () => {
    const position = roadPosition(knowledge, project, 'en', ZONE, new Date('2029-01-01T10:00:00Z'));
    expect(position).toMatchObject({ at: 'project-results-platform', next: undefined });
    expect(position.text).toContain('All milestones of your project have passed.');
  });
});
