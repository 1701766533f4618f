// Builds the core from configuration: loads and validates the knowledge, then creates the assistant with
// its skills. Every surface (service, terminal chat, one-off questions, evaluation) starts here.
import { createAssistant, type Assistant } from './assistant.js';
import { loadKnowledge, type Knowledge } from './knowledge/load.js';
import type { Skill } from './skill.js';

export interface CoreOptions {
  knowledgeDir: string;
}

export interface Core {
  knowledge: Knowledge;
  assistant: Assistant;
}

/** Loads the knowledge (throws `KnowledgeError` when it is invalid) and creates the assistant. */
export function createCore(options: CoreOptions): Core {
  const knowledge = loadKnowledge(options.knowledgeDir);
  const skills: Skill[] = [];
  return { knowledge, assistant: createAssistant({ knowledge, skills }) };
}
