// The web chat in the browser: keeps a random conversation id in localStorage, sends questions and clicks
// to this server's API, and builds each reply (adapters/web/render.ts) into the page with textContent
// only, so nothing anyone typed can become markup. Notices kept while the page was closed are shown
// when it opens.
import { drawRoad } from './road.js';

const config = JSON.parse(document.getElementById('chat-config').textContent);
const KEYS = { id: 'erasmus-chat:conversation', lang: 'erasmus-chat:lang' };
const $ = (id) => document.getElementById(id);

function stored(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function store(key, value) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage may be off (private mode, blocked in a frame): the chat still works for this visit.
  }
}

/** 32 random bytes as base64url: the conversation cannot be guessed. */
function conversationId() {
  const known = stored(KEYS.id);
  if (known && /^[A-Za-z0-9_-]{43,64}$/.test(known)) return known;
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const id = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  store(KEYS.id, id);
  return id;
}

const conversation = conversationId();
let uiLang = stored(KEYS.lang) === 'en' || stored(KEYS.lang) === 'nl' ? stored(KEYS.lang) : config.lang;
/** Set by the language switch: the next message is in the chosen language, whatever its words. */
let switched = false;
let pending = 0;
const texts = () => config.texts[uiLang];

function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children) node.append(child);
  return node;
}

const spans = (list) => list.map((span) => (span.bold ? el('strong', { text: span.text }) : document.createTextNode(span.text)));

function link(item) {
  if (!/^https?:\/\//i.test(item.url)) return document.createTextNode(item.label);
  return el('a', { href: item.url, target: '_blank', rel: 'noopener noreferrer' }, [item.label, el('span', { class: 'sr-only', text: ` ${texts().newTab}` })]);
}

function actionButton(label, onClick, className = 'chip') {
  const button = el('button', { type: 'button', class: className, text: label });
  button.addEventListener('click', onClick);
  return button;
}

function renderBlock(block, message) {
  // A button speaks the language of the message it is on.
  const click = (action) => () => send({ action, lang: message.lang, messageId: message.id });
  switch (block.type) {
    case 'heading':
      return el('h2', { text: block.text });
    case 'label':
      return el('p', { class: 'label', text: block.text });
    case 'text':
      return el('p', {}, spans(block.spans));
    case 'small':
      return el('p', { class: 'small' }, spans(block.spans));
    case 'list':
      return el(block.ordered ? 'ol' : 'ul', {}, block.items.map((item) => el('li', {}, spans(item))));
    case 'links':
      return el('ul', { class: 'links' }, block.links.map((item) => el('li', {}, [link(item)])));
    case 'items':
      return el(
        block.ordered ? 'ol' : 'ul',
        { class: 'items' },
        block.items.map((item) =>
          el('li', {}, [
            actionButton(item.title, click(item.action), 'item-title'),
            ...(item.summary.length > 0 ? [el('p', {}, spans(item.summary))] : []),
            ...(item.links.length > 0 ? [el('p', { class: 'small' }, item.links.flatMap((l, i) => (i === 0 ? [link(l)] : [' · ', link(l)])))] : []),
          ]),
        ),
      );
    case 'dated':
      return el(
        'ul',
        { class: 'dated' },
        block.items.map((item) =>
          el('li', { class: item.daysLeft < 0 ? 'passed' : item.daysLeft <= 14 ? 'soon' : '' }, [
            actionButton(item.title, click(item.action), 'item-title'),
            el('p', {}, [item.due, ' · ', el('strong', { text: item.left })]),
            ...item.notes.map((note) => el('p', { class: 'small' }, spans(note))),
            ...(item.notices ? [el('p', { class: 'small', text: item.notices })] : []),
          ]),
        ),
      );
    case 'road':
      return drawRoad(block.road, texts(), (action) => click(action)());
    default:
      return el('p', { class: 'small', text: '' });
  }
}

function renderMessage(message) {
  const article = el('article', { class: `msg bot kind-${message.kind}`, lang: message.lang, 'data-id': message.id });
  article.append(el('p', { class: 'sr-only', text: `${texts().bot}:` }));
  for (const block of message.blocks) article.append(renderBlock(block, message));
  if (message.buttons.length > 0) {
    article.append(el('div', { class: 'chips', role: 'group' }, message.buttons.map((b) => actionButton(b.label, () => send({ action: b.action, lang: message.lang, messageId: message.id })))));
  }
  if (message.feedback) {
    const { prompt, buttons, saved } = message.feedback;
    article.append(
      el('div', { class: 'feedback', role: 'group', 'aria-label': prompt }, [
        el('span', { text: saved ?? prompt }),
        ...buttons.map((b) => actionButton(b.label, () => send({ action: b.action, lang: message.lang, messageId: message.id }), 'vote')),
      ]),
    );
  }
  return article;
}

const log = $('log');

function show(node) {
  log.append(node);
  // A reply is read from its question down: the question goes to the top of the log.
  const previous = node.previousElementSibling;
  const anchor = node.classList.contains('bot') && previous?.classList.contains('user') ? previous : node;
  anchor.scrollIntoView({ block: 'start', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
}

function showMessage(message) {
  const node = renderMessage(message);
  const old = message.replaces ? log.querySelector(`article[data-id="${CSS.escape(message.replaces)}"]`) : null;
  if (old) {
    old.replaceWith(node);
    node.querySelector('.feedback span')?.setAttribute('tabindex', '-1');
    node.querySelector('.feedback span')?.focus();
  } else {
    show(node);
  }
}

const showNote = (text) => show(el('p', { class: 'note', role: 'status', text }));

function setTyping(on) {
  pending += on ? 1 : -1;
  $('typing').hidden = pending === 0;
  log.setAttribute('aria-busy', String(pending > 0));
}

async function post(path, body) {
  const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ conversation, ...body }) });
  if (response.status === 429) {
    const error = new Error('rate limited');
    error.retryAfter = response.headers.get('retry-after') ?? '60';
    throw error;
  }
  const data = await response.json();
  if (!response.ok && !data.message) throw new Error(data.error ?? `HTTP ${response.status}`);
  return data;
}

function failed(error) {
  showNote(error.retryAfter ? texts().slowDown.replace('{seconds}', error.retryAfter) : texts().failed);
}

/** Sends a question (`text`) or a click (`action`) and shows the reply. */
async function send(body, echo) {
  if (echo) show(el('article', { class: 'msg user' }, [el('p', { class: 'sr-only', text: `${texts().you}:` }), el('p', { text: echo })]));
  setTyping(true);
  try {
    // The core keeps the conversation's language; the page tells it the browser's, and a chosen one once.
    const data = await post('/web/api/message', { locale: uiLang, ...(switched ? { lang: uiLang } : {}), ...body });
    switched = false;
    showMessage(data.message);
  } catch (error) {
    failed(error);
  } finally {
    setTyping(false);
  }
}

async function checkInbox() {
  try {
    const { messages } = await post('/web/api/inbox', { lang: uiLang });
    if (messages.length === 0) return;
    show(el('h2', { class: 'inbox', text: texts().inbox }));
    messages.forEach(showMessage);
  } catch (error) {
    failed(error);
  }
}

function renderShortcuts() {
  const box = $('shortcuts');
  box.replaceChildren(
    // A shortcut speaks the language of its label, the page's language.
    ...config.shortcuts[uiLang].map((s) => actionButton(s.label, () => (s.action ? send({ action: s.action, lang: uiLang }) : send({ text: s.text, lang: uiLang }, s.text)))),
  );
  box.setAttribute('aria-label', texts().shortcuts);
}

function applyTexts() {
  const t = texts();
  document.documentElement.lang = uiLang;
  document.title = t.title;
  $('title').textContent = t.title;
  $('tagline').textContent = t.tagline;
  $('question-label').textContent = t.inputLabel;
  $('question').placeholder = t.placeholder;
  $('send').textContent = t.send;
  $('typing-text').textContent = t.typing;
  $('tab-chat').textContent = t.chatTab;
  $('tab-road').textContent = t.roadTab;
  const other = uiLang === 'nl' ? 'en' : 'nl';
  const toggle = $('lang-switch');
  toggle.textContent = t.switchLang;
  toggle.lang = other;
  toggle.setAttribute('aria-label', t.switchLangLabel);
  renderShortcuts();
}

async function showRoad() {
  const panel = $('panel-road');
  try {
    const { road } = await post('/web/api/road', { lang: uiLang });
    panel.replaceChildren(
      drawRoad(road, texts(), (action) => {
        selectTab('chat');
        send({ action, lang: road.lang });
      }),
    );
  } catch (error) {
    panel.replaceChildren(el('p', { class: 'note', text: error.retryAfter ? texts().slowDown.replace('{seconds}', error.retryAfter) : texts().failed }));
  }
}

function selectTab(name) {
  for (const tab of ['chat', 'road']) {
    const on = tab === name;
    $(`tab-${tab}`).setAttribute('aria-selected', String(on));
    $(`tab-${tab}`).tabIndex = on ? 0 : -1;
    $(`panel-${tab}`).hidden = !on;
  }
  document.body.classList.toggle('road-open', name === 'road');
  if (name === 'road') showRoad();
}

$('tabs').addEventListener('click', (event) => {
  const tab = event.target.closest('[role="tab"]');
  if (tab) selectTab(tab.id.slice(4));
});
$('tabs').addEventListener('keydown', (event) => {
  if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
  event.preventDefault();
  const next = document.activeElement?.id === 'tab-chat' ? 'road' : 'chat';
  const name = event.key === 'Home' ? 'chat' : event.key === 'End' ? 'road' : next;
  selectTab(name);
  $(`tab-${name}`).focus();
});

$('lang-switch').addEventListener('click', () => {
  uiLang = uiLang === 'nl' ? 'en' : 'nl';
  switched = true;
  store(KEYS.lang, uiLang);
  applyTexts();
  if (!$('panel-road').hidden) showRoad();
});

$('ask').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = $('question');
  const text = input.value.trim();
  if (text === '') return;
  input.value = '';
  if ($('panel-chat').hidden) selectTab('chat');
  send({ text }, text);
});

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') checkInbox();
});

applyTexts();
send({ action: 'cmd:help', lang: uiLang }).then(checkInbox);
