// Checks a rendered Slack message or view against Block Kit's limits; returns every violation found.
import type { SlackBlock } from '../../../adapters/slack/render.js';

export interface SlackLimitReport {
  violations: string[];
  buttons: Array<{ action_id: string; text: string; value: string }>;
  texts: string[];
}

/** Walks the blocks and lists what breaks Slack's limits (blocks, text lengths, buttons, unique action_ids). */
export function checkSlackLimits(blocks: readonly SlackBlock[], maxBlocks = 50): SlackLimitReport {
  const violations: string[] = [];
  const buttons: SlackLimitReport['buttons'] = [];
  const texts: string[] = [];
  if (blocks.length > maxBlocks) violations.push(`${blocks.length} blocks > ${maxBlocks}`);
  const checkButton = (element: unknown, where: string): void => {
    const button = element as { type: string; action_id?: string; text?: { text: string }; value?: string };
    if (button.type !== 'button') return;
    const text = button.text?.text ?? '';
    const value = button.value ?? '';
    if (text.length === 0 || text.length > 75) violations.push(`${where}: button text length ${text.length}`);
    if (value.length > 2000) violations.push(`${where}: button value length ${value.length}`);
    if (!button.action_id || button.action_id.length > 255) violations.push(`${where}: action_id ${button.action_id}`);
    buttons.push({ action_id: button.action_id ?? '', text, value });
  };
  blocks.forEach((block, i) => {
    const where = `block ${i} (${block.type})`;
    switch (block.type) {
      case 'header':
        if (block.text.text.length > 150) violations.push(`${where}: header length ${block.text.text.length}`);
        texts.push(block.text.text);
        break;
      case 'section':
        if (!block.text || block.text.text.length === 0 || block.text.text.length > 3000) violations.push(`${where}: text length ${block.text?.text.length}`);
        if (block.text) texts.push(block.text.text);
        if (block.accessory) checkButton(block.accessory, where);
        break;
      case 'context':
        if (block.elements.length > 10) violations.push(`${where}: ${block.elements.length} elements`);
        for (const element of block.elements) {
          if ('text' in element) {
            if (element.text.length > 3000) violations.push(`${where}: text length ${element.text.length}`);
            texts.push(element.text);
          }
        }
        break;
      case 'actions':
        if (block.elements.length === 0 || block.elements.length > 25) violations.push(`${where}: ${block.elements.length} elements`);
        for (const element of block.elements) checkButton(element, where);
        break;
      case 'divider':
        break;
      default:
        violations.push(`${where}: unexpected block type`);
    }
  });
  for (const text of texts) {
    // Outside the links the bot builds, no angle bracket may reach Slack unescaped.
    const stray = text.replace(/<(https?:\/\/|mailto:)[^<>|]+\|[^<>]+>/g, '');
    if (/[<>]/.test(stray)) violations.push(`unescaped < or > in ${JSON.stringify(text.slice(0, 80))}`);
  }
  const ids = buttons.map((b) => b.action_id);
  if (new Set(ids).size !== ids.length) violations.push(`duplicate action_id in ${ids.join(', ')}`);
  return { violations, buttons, texts };
}
