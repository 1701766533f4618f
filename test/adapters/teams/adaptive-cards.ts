// Parses Adaptive Cards with the reference renderer's object model (the `adaptivecards` package's
// browser bundle, which loads in Node without a DOM) and returns every parse and validation problem.
import { createRequire } from 'node:module';

interface ValidationEvent {
  phase: number;
  event: number;
  message: string;
}

interface AdaptiveCardsModule {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: ValidationEvent[] };
    version: { toString(): string };
  };
  SerializationContext: new (targetVersion?: unknown) => { eventCount: number; getEventAt(i: number): ValidationEvent };
  Versions: { v1_5: unknown };
  ValidationEvent: Record<number, string>;
}

const require = createRequire(import.meta.url);
const AC = require('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsModule;

/** Problems found parsing `card` for Adaptive Cards 1.5, as readable lines; empty when the card is clean. */
export function adaptiveCardProblems(card: unknown): { problems: string[]; version: string } {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, context);
  const events: ValidationEvent[] = [];
  for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i));
  events.push(...parsed.validateProperties().validationEvents);
  return {
    problems: events.map((event) => `${AC.ValidationEvent[event.event] ?? event.event}: ${event.message}`),
    version: parsed.version.toString(),
  };
}
