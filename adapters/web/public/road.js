// Draws the road picture the server sends (src/road.ts) as SVG: one picture per track, the phases in
// order, every step a stop that opens its answer, and the project's position and next milestone. Text
// goes in with textContent only. The figure carries the road in words for anyone who cannot see it.
const SVG = 'http://www.w3.org/2000/svg';
const COLORS = { applicant: '#1f5fa8', impact: '#0f7b5f' };
const HERE = '#c2410c';
const WIDTH = 340;
const LINE_CHARS = 38;

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Splits a label into at most two lines of about LINE_CHARS characters. */
function wrap(text, chars = LINE_CHARS) {
  if (text.length <= chars) return [text];
  const cut = text.lastIndexOf(' ', chars);
  const first = text.slice(0, cut > 10 ? cut : chars);
  let rest = text.slice(first.length).trim();
  if (rest.length > chars) rest = `${rest.slice(0, chars - 1).trimEnd()}…`;
  return [first, rest];
}

/** A focusable link in the picture that runs `action` when clicked or activated with Enter. */
function stopLink(label, action, onAction) {
  const link = svg('a', { href: `#${action}`, class: 'stop-link' });
  link.append(svg('title', {}, label));
  link.addEventListener('click', (event) => {
    event.preventDefault();
    onAction(action);
  });
  return link;
}

function trackPicture(track, road, onAction) {
  const color = COLORS[track.id] ?? '#334155';
  const parts = [];
  let y = 40;
  const stops = [];
  for (const phase of track.phases) {
    const label = wrap(phase.label, 30);
    parts.push({ kind: 'phase', phase, label, y: y + 16 });
    y += 44 + 17 * (label.length - 1);
    for (const stop of phase.stops) {
      const lines = wrap(stop.title);
      const here = road.position?.at === stop.id;
      const next = road.position?.next?.stop === stop.id;
      const extra = here ? 1 : next ? 2 : 0;
      const height = 12 + 16 * (lines.length + extra);
      parts.push({ kind: 'stop', stop, lines, here, next, y: y + 8 });
      stops.push(y + 8);
      y += height;
    }
    y += 8;
  }
  const height = y + 8;
  const picture = svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, class: 'road-track', role: 'group', 'aria-label': track.title });
  picture.append(svg('text', { x: 8, y: 22, class: 'track-title', fill: color }, track.title));
  const top = parts[0]?.y ?? 40;
  const bottom = Math.max(top, stops.at(-1) ?? top);
  picture.append(svg('line', { x1: 28, y1: top, x2: 28, y2: bottom, stroke: '#d5dde8', 'stroke-width': 12, 'stroke-linecap': 'round' }));
  picture.append(svg('line', { x1: 28, y1: top, x2: 28, y2: bottom, stroke: '#ffffff', 'stroke-width': 2, 'stroke-dasharray': '6 6' }));
  for (const part of parts) {
    if (part.kind === 'phase') {
      const link = stopLink(part.phase.label, part.phase.action, onAction);
      link.append(svg('circle', { cx: 28, cy: part.y, r: 15, fill: color }));
      link.append(svg('text', { x: 28, y: part.y + 5, 'text-anchor': 'middle', class: 'phase-number', fill: '#ffffff' }, String(part.phase.position)));
      part.label.forEach((line, i) => link.append(svg('text', { x: 52, y: part.y + 5 + i * 17, class: 'phase-label', fill: color }, line)));
      picture.append(link);
      continue;
    }
    const { stop, lines, here, next } = part;
    const link = stopLink(stop.title, stop.action, onAction);
    if (here) link.append(svg('circle', { cx: 28, cy: part.y, r: 10, fill: HERE, class: 'here' }));
    else if (next) link.append(svg('circle', { cx: 28, cy: part.y, r: 9, fill: '#ffffff', stroke: HERE, 'stroke-width': 3, 'stroke-dasharray': '4 3' }));
    link.append(svg('circle', { cx: 28, cy: part.y, r: here ? 4 : 6, fill: here ? '#ffffff' : '#ffffff', stroke: here ? '#ffffff' : color, 'stroke-width': 3 }));
    lines.forEach((line, i) => link.append(svg('text', { x: 48, y: part.y + 5 + i * 16, class: 'stop-label' }, line)));
    const markers = here ? [road.here] : next ? [`${road.next}:`, road.position.next.due] : [];
    markers.forEach((marker, i) => link.append(svg('text', { x: 48, y: part.y + 5 + (lines.length + i) * 16, class: 'marker', fill: HERE }, marker)));
    picture.append(link);
  }
  return picture;
}

/** The road as a figure: the position, one SVG per track, and the road in words. */
export function drawRoad(road, texts, onAction) {
  const figure = document.createElement('figure');
  figure.className = 'road';
  figure.lang = road.lang;
  const caption = document.createElement('figcaption');
  const title = document.createElement('strong');
  title.textContent = road.title;
  caption.append(title);
  if (road.position) {
    const position = document.createElement('p');
    position.className = 'position';
    position.textContent = road.position.text;
    caption.append(position);
  }
  figure.append(caption);
  const tracks = document.createElement('div');
  tracks.className = 'tracks';
  for (const track of road.tracks) tracks.append(trackPicture(track, road, onAction));
  figure.append(tracks);
  const words = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = texts.roadInWords;
  const description = document.createElement('p');
  description.textContent = road.description;
  words.append(summary, description);
  figure.append(words);
  return figure;
}
