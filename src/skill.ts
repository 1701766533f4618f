// A skill answers a family of requests (distance look-ups, deadline notices, …) before the roadmap
// matcher is asked. Skills live in the core; the assistant tries them in order.
import type { Lang } from './knowledge/schema.js';
import type { Input } from './input.js';
import type { Reply } from './reply.js';

export interface SkillRequest {
  input: Input;
  /** The message text, trimmed; empty for button clicks. */
  text: string;
  /** The language detected for the text (or carried over from the conversation). */
  lang: Lang;
  /** The button's action id, for a click. */
  action: string | undefined;
}

export interface Skill {
  readonly name: string;
  /** Asked before phase names are looked up: for commands whose word is also a phase keyword (`report`). */
  readonly early?: boolean;
  /** Its replies change nothing, so a compose-box search may offer them (the distance calculator). */
  readonly searchable?: boolean;
  /** A reply when the request is this skill's, otherwise undefined. */
  handle(request: SkillRequest): Promise<Reply | undefined> | Reply | undefined;
}
