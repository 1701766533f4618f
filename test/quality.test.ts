import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCore } from '../src/core.js';
import { evaluate, QuestionSetSchema } from '../src/evaluation.js';

const { assistant } = createCore({ knowledgeDir: 'knowledge' });
const load = (file: string) => QuestionSetSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).cases;

describe('answer quality on the real knowledge', () => {
  it('passes every sample question', async () => {
    const summary = await evaluate(assistant, load('test/eval/dev-questions.json'));
    expect(summary.results.filter((r) => !r.passed).map((r) => `${r.case.id}: ${r.reason}`)).toEqual([]);
  });

  it('reaches 97% top-1 and declines 95% of off-topic questions on the test set', async () => {
    const cases = load('test/eval/questions.json');
    expect(cases.length).toBeGreaterThanOrEqual(150);
    expect(cases.filter((c) => c.ood).length).toBeGreaterThanOrEqual(30);
    const summary = await evaluate(assistant, cases);
    const failures = summary.results.filter((r) => !r.passed).map((r) => `${r.case.id}: ${r.reason}`);
    expect(summary.inDomain.accuracy, failures.join('\n')).toBeGreaterThanOrEqual(0.97);
    expect(summary.offTopic.rate, failures.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('answers in the language of the question', async () => {
    const summary = await evaluate(assistant, load('test/eval/questions.json'));
    expect(summary.languageMatch).toBeGreaterThanOrEqual(0.9);
  });

  // The blind sets were written without sight of the knowledge; they guard against losing what
  // generalises. The bar sits below the target: these figures are reported, not tuned.
  it.each(['set-1', 'set-2', 'set-3'])('keeps the blind %s above 85% top-1 and 85% off-topic declined', async (name) => {
    const summary = await evaluate(assistant, load(`test/eval/blind/${name}.json`));
    expect(summary.inDomain.accuracy).toBeGreaterThanOrEqual(0.85);
    expect(summary.offTopic.rate).toBeGreaterThanOrEqual(0.85);
  });

  // Sets 6, 7 and 10–15 were written blind like real chat messages and are now used for development; blind
  // sets 8–11 are written the same way. They stand below the target (see npm run eval), and this guard
  // only keeps them from slipping further.
  it.each([
    ['chat-6', 0.75],
    ['chat-7', 0.8],
    ['chat-10', 0.75],
    ['chat-11', 0.75],
    ['chat-12', 0.75],
    ['chat-13', 0.75],
    ['chat-14', 0.75],
    ['chat-15', 0.75],
    ['blind/set-8', 0.78],
    ['blind/set-9', 0.7],
    ['blind/set-10', 0.75],
    ['blind/set-11', 0.72],
  ])('keeps the chat messages of %s above their top-1 floor (%s) and 88% off-topic declined', async (name, floor) => {
    const summary = await evaluate(assistant, load(`test/eval/${name}.json`));
    expect(summary.inDomain.accuracy).toBeGreaterThanOrEqual(floor);
    expect(summary.offTopic.rate).toBeGreaterThanOrEqual(0.88);
  });

  it('keeps the third set of chat messages at 80% top-1 and 90% off-topic declined', async () => {
    const summary = await evaluate(assistant, load('test/eval/chat-3.json'));
    const failures = summary.results.filter((r) => !r.passed).map((r) => `${r.case.id}: ${r.reason}`);
    expect(summary.inDomain.accuracy, failures.join('\n')).toBeGreaterThanOrEqual(0.8);
    expect(summary.offTopic.rate, failures.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps the second set of chat messages at 90% top-1 and 95% off-topic declined', async () => {
    const summary = await evaluate(assistant, load('test/eval/chat-2.json'));
    const failures = summary.results.filter((r) => !r.passed).map((r) => `${r.case.id}: ${r.reason}`);
    expect(summary.inDomain.accuracy, failures.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(summary.offTopic.rate, failures.join('\n')).toBeGreaterThanOrEqual(0.95);
  });
});

// The shared set of realistic chat messages (long messages with context, paraphrases, sloppy messages,
// road questions, near topics outside the roadmap), held to its target: 97% top-1 and 95% off-topic declined.
const CHAT_SET = '../shared/eval/chat-questions.json';
describe.skipIf(!existsSync(CHAT_SET))('answer quality on realistic chat messages', () => {
  it('reaches 97% top-1 and declines 95% of off-topic messages', async () => {
    const summary = await evaluate(assistant, load(CHAT_SET));
    const failures = summary.results.filter((r) => !r.passed).map((r) => `${r.case.id}: ${r.reason}`);
    expect(summary.inDomain.accuracy, failures.join('\n')).toBeGreaterThanOrEqual(0.97);
    expect(summary.offTopic.rate, failures.join('\n')).toBeGreaterThanOrEqual(0.95);
  });
});
