// Vigía web UI: one page, hash routes, plain DOM. No framework and no build step,
// because the Rust binary embeds this file as is.
//
// Security: article text and everything else from the API is untrusted. All DOM is
// built with createElement/textContent, never innerHTML; styles only through classes
// or the CSSOM (the server's CSP forbids inline style attributes).
//
// Offsets: every start/end from the API is a UTF-8 byte offset into a document's
// text, so documents are sliced through their UTF-8 bytes (see ByteText).

// ---------------------------------------------------------------------------
// DOM helpers

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Appends children (nodes, strings, arrays, null) to a parent node. */
function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Sets attributes; `on` holds event listeners, `text` the text content. */
function applyAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'on') for (const [ev, fn] of Object.entries(value)) node.addEventListener(ev, fn);
    else if (key === 'text') node.textContent = String(value);
    else if (key === 'style') throw new Error('inline style attributes break the CSP; use classes');
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  return node;
}

/** el('a', {href: '#/x', class: 'y'}, 'text', child) */
function el(tag, attrs, ...children) {
  return append(applyAttrs(document.createElement(tag), attrs), children);
}

/** The same for SVG elements. */
function svg(tag, attrs, ...children) {
  return append(applyAttrs(document.createElementNS(SVG_NS, tag), attrs), children);
}

const enc = encodeURIComponent;

// ---------------------------------------------------------------------------
// UTF-8 byte offsets

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8');

/** A document's text addressed by UTF-8 byte offsets, as the API gives them. */
class ByteText {
  constructor(text) {
    this.text = text || '';
    this.bytes = utf8Encoder.encode(this.text);
  }
  get length() { return this.bytes.length; }
  slice(start, end) {
    const s = Math.max(0, Math.min(start, this.bytes.length));
    const e = Math.max(s, Math.min(end, this.bytes.length));
    return utf8Decoder.decode(this.bytes.subarray(s, e));
  }
}

/** Byte length of a JS string in UTF-8. */
const byteLength = (s) => utf8Encoder.encode(s).length;

// ---------------------------------------------------------------------------
// API access: JSON, errors as ApiError, a short-lived cache of GET answers so that
// moving between views does not fetch the same story again.

class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const CACHE_MS = 60_000;
const cache = new Map();

function apiUrl(path, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') query.set(k, v);
  }
  const q = query.toString();
  return q ? `${path}?${q}` : path;
}

async function api(path, params) {
  const url = apiUrl(path, params);
  const hit = cache.get(url);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.promise;
  const promise = (async () => {
    let response;
    try {
      response = await fetch(url, { headers: { accept: 'application/json' } });
    } catch (err) {
      throw new ApiError(0, 'network', `The server could not be reached (${err.message}).`);
    }
    let body = null;
    try { body = await response.json(); } catch { /* not JSON: handled below */ }
    if (!response.ok) {
      const e = body && body.error;
      throw new ApiError(response.status, e?.code || `http_${response.status}`, e?.message || response.statusText);
    }
    if (body === null) throw new ApiError(response.status, 'bad_json', 'The server sent an answer that is not JSON.');
    return body;
  })();
  cache.set(url, { at: Date.now(), promise });
  promise.catch(() => cache.delete(url)); // never cache failures
  return promise;
}

/** All items of a paged endpoint, following `next` cursors (bounded, in case of a loop). */
async function apiAll(path, params = {}, maxPages = 50) {
  const items = [];
  let cursor = null;
  for (let page = 0; page < maxPages; page++) {
    const body = await api(path, { ...params, limit: 500, cursor });
    items.push(...body.items);
    if (!body.next) break;
    cursor = body.next;
  }
  return items;
}

/** id -> entity summary, for naming places, actors and speakers. */
async function entityIndex() {
  const list = await apiAll('/api/entities');
  return new Map(list.map((e) => [e.id, e]));
}

/** id -> article summary, for naming documents. */
async function articleIndex() {
  const list = await apiAll('/api/articles');
  return new Map(list.map((a) => [a.id, a]));
}

// ---------------------------------------------------------------------------
// Labels and formatting

const TYPE_COLORS = {
  threat: '#d1495b', riot: '#edae49', extortion: '#8f2d56', protest: '#00798c', arrest: '#30638e',
  police_deployment: '#003d5b', state_of_emergency: '#6a4c93', armed_attack: '#c1121f', homicide: '#540b0e',
  kidnapping: '#e76f51', explosion: '#f4a261', seizure: '#2a9d8f', trafficking: '#588157',
};
const EXTRA_COLORS = ['#7b2cbf', '#3a86ff', '#8d99ae', '#bc6c25', '#43aa8b', '#f72585'];

function typeColor(type) {
  if (TYPE_COLORS[type]) return TYPE_COLORS[type];
  let h = 0;
  for (const ch of String(type)) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return EXTRA_COLORS[h % EXTRA_COLORS.length];
}

/** "state_of_emergency" -> "state of emergency" */
const human = (s) => String(s ?? '').replace(/_/g, ' ');
const capital = (s) => (s ? s[0].toUpperCase() + s.slice(1) : s);

function swatch(type) {
  const s = el('span', { class: 'swatch', 'aria-hidden': 'true' });
  s.style.background = typeColor(type); // CSSOM, allowed by the CSP
  return s;
}

function formatDay(iso) {
  if (!iso) return '';
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

function formatRange(range) {
  if (!range || !range.start) return 'undated';
  if (!range.end || range.end === range.start) return formatDay(range.start);
  return `${formatDay(range.start)} – ${formatDay(range.end)}`;
}

function modalityBadge(modality) {
  if (!modality) return null;
  return el('span', { class: `badge modality-${modality}`, title: 'how the source states it', text: modality });
}

/** Name shown for a report: its outlet, else its file name, else its id. */
function reportName(doc) {
  if (doc.outlet) return doc.outlet;
  if (doc.source) return doc.source.split('/').pop();
  return doc.id;
}

const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

// ---------------------------------------------------------------------------
// Loading and error states

function loadingNode(what = 'Loading…') {
  return el('p', { class: 'loading', role: 'status', 'data-testid': 'loading' }, what);
}

function errorNode(err) {
  const box = el('div', { class: 'error-box', role: 'alert', 'data-testid': 'error' });
  if (err instanceof ApiError) {
    append(box, [
      el('strong', {}, err.status === 404 ? 'Not found' : 'The request failed'),
      el('p', {}, err.message, ' ', el('code', {}, err.code)),
    ]);
    if (err.status === 401 || err.status === 403) append(box, el('p', {}, 'This server requires a token for reads.'));
  } else {
    append(box, [el('strong', {}, 'Something went wrong'), el('p', {}, String(err && err.message ? err.message : err))]);
    console.warn(err);
  }
  append(box, el('p', {}, el('a', { href: location.hash || '#/', on: { click: () => route(true) } }, 'Try again')));
  return box;
}

// ---------------------------------------------------------------------------
// Document rendering: a document's blocks and sentences as spans that keep their byte
// ranges, so that any byte range (evidence, quote, mention) can be marked later.

class DocView {
  /** @param doc the `document` object of /api/articles/{id} */
  constructor(doc) {
    this.doc = doc;
    this.text = new ByteText(doc.text);
    this.segments = []; // {start, end, node, sentence}
    this.marks = new Map(); // class -> [{start, end}]
    this.root = el('div', { class: 'doc', 'data-document': doc.id });
    this.build();
  }

  build() {
    const blocks = this.doc.blocks && this.doc.blocks.length
      ? this.doc.blocks
      : [{ kind: 'body', start: 0, end: this.text.length }];
    const sentences = [...(this.doc.sentences || [])].sort((a, b) => a.start - b.start);
    for (const block of blocks) {
      const tag = block.kind === 'headline' ? 'div' : 'p';
      const node = el(tag, { class: `block kind-${block.kind}${block.repeated ? ' repeated' : ''}`, 'data-kind': block.kind });
      let cursor = block.start;
      for (const s of sentences) {
        if (s.end <= block.start || s.start >= block.end) continue;
        const start = Math.max(s.start, block.start);
        const end = Math.min(s.end, block.end);
        if (start > cursor) this.addSegment(node, cursor, start, false);
        this.addSegment(node, start, end, true);
        cursor = end;
      }
      if (cursor < block.end) this.addSegment(node, cursor, block.end, false);
      this.root.append(node);
    }
  }

  addSegment(parent, start, end, sentence) {
    const node = el('span', {
      class: sentence ? 'seg sent' : 'seg',
      'data-start': start,
      'data-end': end,
    });
    node.textContent = this.text.slice(start, end);
    parent.append(node);
    this.segments.push({ start, end, node, sentence });
  }

  /** Replaces the ranges marked with one class, and repaints. */
  setMarks(cls, ranges) {
    this.marks.set(cls, (ranges || []).filter((r) => r && r.end > r.start));
    for (const seg of this.segments) this.paint(seg);
  }

  /** Adds a class to the sentence spans that overlap any of the ranges. */
  setSentenceClass(cls, ranges) {
    for (const seg of this.segments) {
      const on = seg.sentence && (ranges || []).some((r) => r.start < seg.end && r.end > seg.start);
      seg.node.classList.toggle(cls, on);
    }
  }

  /** Rebuilds one segment's content as text pieces and <mark>s. */
  paint(seg) {
    const cuts = new Set([seg.start, seg.end]);
    const active = [];
    for (const [cls, ranges] of this.marks) {
      for (const r of ranges) {
        if (r.start >= seg.end || r.end <= seg.start) continue;
        const s = Math.max(r.start, seg.start);
        const e = Math.min(r.end, seg.end);
        cuts.add(s);
        cuts.add(e);
        active.push({ cls, start: s, end: e });
      }
    }
    if (!active.length) {
      if (seg.node.childElementCount) seg.node.textContent = this.text.slice(seg.start, seg.end);
      return;
    }
    const points = [...cuts].sort((a, b) => a - b);
    const pieces = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const [s, e] = [points[i], points[i + 1]];
      const classes = [...new Set(active.filter((a) => a.start <= s && a.end >= e).map((a) => a.cls))].sort();
      const text = this.text.slice(s, e);
      if (!classes.length) pieces.push(text);
      else {
        const mark = el('mark', { class: classes.join(' '), 'data-start': s, 'data-end': e }, text);
        if (classes.includes('evidence')) mark.dataset.testid = 'evidence-mark';
        pieces.push(mark);
      }
    }
    seg.node.replaceChildren(...pieces.map((p) => (typeof p === 'string' ? document.createTextNode(p) : p)));
  }

  firstMark(cls) {
    return this.root.querySelector(`mark.${cls}`);
  }

  /** The byte range of the sentences covering [start, end). */
  sentenceRange(start, end) {
    const hit = this.segments.filter((s) => s.sentence && s.start < Math.max(end, start + 1) && s.end > start);
    if (!hit.length) return { start, end };
    return { start: hit[0].start, end: hit[hit.length - 1].end };
  }
}

/** Sentence range covering [start,end) from a document's sentence list (no DOM needed). */
function sentenceOf(doc, start, end = start + 1) {
  const hit = (doc.sentences || []).filter((s) => s.start < Math.max(end, start + 1) && s.end > start);
  if (!hit.length) return { start, end };
  return { start: Math.min(...hit.map((s) => s.start)), end: Math.max(...hit.map((s) => s.end)) };
}

/** Link to an article with a byte range highlighted. */
function articleHref(documentId, range, extra = {}) {
  const params = new URLSearchParams();
  if (range) params.set('s', `${range.start}-${range.end}`);
  for (const [k, v] of Object.entries(extra)) if (v) params.set(k, v);
  const q = params.toString();
  return `#/article/${enc(documentId)}${q ? `?${q}` : ''}`;
}

function parseRange(value) {
  const m = /^(\d+)-(\d+)$/.exec(value || '');
  return m ? { start: Number(m[1]), end: Number(m[2]) } : null;
}

/** Scrolls a mark into view inside whatever scrolling boxes hold it, and flashes it. */
function reveal(node) {
  if (!node) return;
  node.scrollIntoView({ block: 'center', inline: 'nearest' });
  node.classList.remove('flash');
  void node.getBoundingClientRect(); // restart the animation
  node.classList.add('flash');
}

// ---------------------------------------------------------------------------
// Word and number differences in comparison items

/** Splits text into tokens; words carry a normalised key for comparing. */
function tokenize(text) {
  const parts = String(text).split(/([\p{L}\p{N}]+(?:['’][\p{L}]+)*)/u);
  return parts.filter((p) => p !== '').map((p) => {
    const word = /^[\p{L}\p{N}]/u.test(p);
    return { text: p, word, key: word ? p.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase() : null };
  });
}

/** Longest-common-subsequence alignment of two key lists: which indexes match. */
function lcsMatch(a, b) {
  const n = a.length;
  const m = b.length;
  const table = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const inA = new Array(n).fill(false);
  const inB = new Array(m).fill(false);
  const pairs = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) { inA[i] = inB[j] = true; pairs.push([i, j]); i++; j++; }
    else if (table[i + 1][j] >= table[i][j + 1]) i++;
    else j++;
  }
  return { inA, inB, pairs };
}

/**
 * For each side's text, which word tokens differ from the other sides: a word differs
 * when it is left out of the common subsequence with at least one other side. With two
 * sides, also where words are missing ("gaps"), so an omission is visible too.
 */
function wordDiff(texts) {
  const tokens = texts.map(tokenize);
  const words = tokens.map((ts) => ts.map((t, i) => ({ t, i })).filter((x) => x.t.word));
  const differs = tokens.map((ts) => new Array(ts.length).fill(false));
  const gaps = tokens.map(() => []); // [{before: token index, missing: "words"}]
  for (let a = 0; a < texts.length; a++) {
    for (let b = 0; b < texts.length; b++) {
      if (a === b) continue;
      const { inA, pairs } = lcsMatch(words[a].map((w) => w.t.key), words[b].map((w) => w.t.key));
      inA.forEach((matched, k) => { if (!matched) differs[a][words[a][k].i] = true; });
      if (texts.length === 2) {
        // Words of b between two matched pairs with nothing unmatched in a there: a gap in a.
        const bounds = [[-1, -1], ...pairs, [words[a].length, words[b].length]];
        for (let p = 0; p + 1 < bounds.length; p++) {
          const [ai, bi] = bounds[p];
          const [aj, bj] = bounds[p + 1];
          if (bj - bi > 1 && aj - ai === 1) {
            const missing = words[b].slice(bi + 1, bj).map((w) => w.t.text).join(' ');
            const before = aj < words[a].length ? words[a][aj].i : tokens[a].length;
            gaps[a].push({ before, missing });
          }
        }
      }
    }
  }
  return tokens.map((ts, s) => ({ tokens: ts, differs: differs[s], gaps: gaps[s] }));
}

/** Renders tokens with differing words in <mark class="diff">. */
function renderDiff({ tokens, differs, gaps }) {
  const out = [];
  tokens.forEach((t, i) => {
    for (const g of gaps.filter((x) => x.before === i)) out.push(gapMark(g.missing));
    if (t.word && differs[i]) out.push(el('mark', { class: 'diff', 'data-testid': 'quote-diff' }, t.text));
    else out.push(t.text);
  });
  for (const g of gaps.filter((x) => x.before >= tokens.length)) out.push(gapMark(g.missing));
  return out;
}

function gapMark(missing) {
  return el('mark', { class: 'diff gap', 'data-testid': 'quote-gap', title: `missing here: ${missing}`, 'aria-label': `missing words: ${missing}` }, '⁁');
}

const NUMBER_WORDS = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, twenty: 20, thirty: 30, fifty: 50, hundred: 100, dozen: 12, dozens: 24,
  un: 1, uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10,
  once: 11, doce: 12, veinte: 20, treinta: 30, cincuenta: 50, cien: 100, docena: 12,
};
const NUMBER_RE = new RegExp(`\\d[\\d.,]*\\d|\\d|\\b(?:${Object.keys(NUMBER_WORDS).join('|')})\\b`, 'giu');

/** The value of a written number: "6,500" and "6.500" are both 6500; "cuatro" is 4. */
function numberValue(text) {
  const word = NUMBER_WORDS[text.toLowerCase()];
  if (word !== undefined) return word;
  // A separator followed by exactly three digits groups thousands; otherwise it is a decimal point.
  const cleaned = text.replace(/[.,](?=\d{3}(?:\D|$))/g, '').replace(',', '.');
  const v = Number(cleaned);
  return Number.isFinite(v) ? v : null;
}

/** Splits text into plain strings and numbers {text, value}. */
function findNumbers(text) {
  const out = [];
  let last = 0;
  for (const m of String(text).matchAll(NUMBER_RE)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push({ text: m[0], value: numberValue(m[0]) });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/**
 * Renders text with its numbers marked: numbers in `conflicting` (values not shared by
 * every side) as conflict marks, other numbers as plain figures when `figures` is set.
 */
function renderNumbers(text, conflicting, figures) {
  return findNumbers(text).map((p) => {
    if (typeof p === 'string') return p;
    if (conflicting && conflicting.has(p.value)) {
      return el('mark', { class: 'conflict-number', 'data-testid': 'number-conflict', title: 'sources give different numbers' }, p.text);
    }
    return figures ? el('mark', { class: 'figure' }, p.text) : p.text;
  });
}

/** Which comparison items are about wording, and which about numbers. */
const isQuoteItem = (item) => /quote/i.test(item.topic || '');
const isNumberItem = (item) => /count|figure|statistic|number|date/i.test(item.topic || '') || /how many|figure/i.test(item.summary || '');

/** Values that some sides give and others do not (a number conflict). */
function conflictingValues(sides) {
  const perSide = sides.map((s) => new Set(findNumbers(s.says || '').filter((p) => typeof p !== 'string').map((p) => p.value)));
  const all = new Set(perSide.flatMap((s) => [...s]));
  return new Set([...all].filter((v) => v !== null && !perSide.every((s) => s.has(v))));
}

// ---------------------------------------------------------------------------
// Router

const routes = [
  [/^\/?$/, 'stories', viewStories],
  [/^\/stories$/, 'stories', viewStories],
  [/^\/story\/([^/]+)$/, 'stories', viewStory],
  [/^\/article\/([^/]+)$/, 'stories', viewArticle],
  [/^\/entity\/([^/]+)$/, 'search', viewEntity],
  [/^\/map$/, 'map', viewMap],
  [/^\/trends$/, 'trends', viewTrends],
  [/^\/search$/, 'search', viewSearch],
];

let renderSeq = 0;
let current = null; // {key, update}

function parseHash() {
  const raw = location.hash.replace(/^#/, '');
  const [path, query = ''] = raw.split('?');
  return { path: decodeURIComponent(path || '/'), params: new URLSearchParams(query) };
}

async function route(force = false) {
  const { path, params } = parseHash();
  const found = routes.map(([re, nav, view]) => ({ m: re.exec(path), nav, view })).find((r) => r.m);
  const main = document.getElementById('main');
  for (const a of document.querySelectorAll('[data-nav]')) {
    if (found && a.dataset.nav === found.nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (!found) {
    main.replaceChildren(errorNode(new ApiError(404, 'no_route', `There is no page "${path}".`)));
    return;
  }
  const key = `${found.view.name}:${found.m[1] || ''}`;
  // Same page, other highlight (e.g. ?s= changed): let the view update in place.
  if (!force && current && current.key === key && current.update) {
    current.update(params);
    return;
  }
  const seq = ++renderSeq;
  current = null;
  main.replaceChildren(loadingNode());
  try {
    const result = await found.view(found.m[1] ? decodeURIComponent(found.m[1]) : null, params);
    if (seq !== renderSeq) return; // the user moved on while this loaded
    main.replaceChildren(result.node);
    current = { key, update: result.update || null };
    if (result.after) result.after();
    else window.scrollTo(0, 0);
  } catch (err) {
    if (seq !== renderSeq) return;
    main.replaceChildren(errorNode(err));
  }
}

function go(hash) {
  if (location.hash === hash) route(true);
  else location.hash = hash;
}

// ---------------------------------------------------------------------------
// Stories (landing page)

async function viewStories() {
  const [stories, articles] = await Promise.all([apiAll('/api/stories'), apiAll('/api/articles')]);
  const node = el('div', { class: 'stories' }, el('h1', {}, 'Stories'),
    el('p', { class: 'muted' }, `${plural(stories.length, 'story', 'stories')} from ${plural(articles.length, 'article')}. Open a story to compare its reports side by side.`));
  if (!stories.length) node.append(el('p', { class: 'empty' }, 'No stories yet: ingest some articles first.'));
  const list = el('ul', { class: 'story-list', 'data-testid': 'story-list' });
  for (const s of stories) {
    list.append(el('li', { class: 'panel story-card', 'data-testid': 'story-card' },
      el('h2', {}, el('a', { href: `#/story/${enc(s.id)}`, 'data-testid': 'story-link' }, s.title || s.id)),
      el('div', { class: 'meta' },
        el('span', {}, plural(s.reports, 'report')),
        el('span', {}, s.first_date === s.last_date ? formatDay(s.first_date) : `${formatDay(s.first_date)} – ${formatDay(s.last_date)}`))));
  }
  node.append(list, el('h2', {}, 'Articles'));
  const alist = el('ul', { class: 'article-list' });
  for (const a of articles) {
    alist.append(el('li', {}, el('a', { href: articleHref(a.id) }, a.title || a.id), ' ',
      el('span', { class: 'muted small' }, [a.outlet, a.published && formatDay(a.published), a.language].filter(Boolean).join(' · '))));
  }
  node.append(alist);
  return { node };
}

// ---------------------------------------------------------------------------
// Story view: analysis pane (comparison, timeline) and the reports in columns

const GROUPS = [
  ['conflict', 'Sources disagree on', true],
  ['unique', 'Only reported by one source', false],
  ['agreement', 'Sources agree on', true],
  ['framing', 'Framing', true],
];

async function viewStory(id) {
  const data = await api(`/api/stories/${enc(id)}`);
  const story = data.story || { documents: [], events: [], comparison: [], copies: [] };
  const summaries = new Map((data.articles || []).map((a) => [a.id, a]));
  // The page lists the reports its comparison covers (the first 100); a larger story's
  // further reports are only listed, not fetched.
  const shown = (data.articles || []).map((a) => a.id);
  const docs = await Promise.all(shown.map((d) => api(`/api/articles/${enc(d)}`).catch((err) => ({ id: d, failed: err }))));

  // Reports in date order; undated ones (wire copies, some analyses) last.
  const order = docs.map((d, i) => ({ d, i })).sort((x, y) => {
    const a = x.d.published || x.d.document?.published;
    const b = y.d.published || y.d.document?.published;
    if (a && b) return a < b ? -1 : a > b ? 1 : x.i - y.i;
    return a ? -1 : b ? 1 : x.i - y.i;
  }).map((x) => x.d);

  const views = new Map(); // document id -> {view, column}
  const eventsById = new Map();
  const columns = el('div', { class: 'reports', 'data-testid': 'report-columns' });
  for (const d of order) {
    const col = el('section', { class: 'report-col', 'data-testid': 'report-column', 'data-document': d.id });
    if (d.failed) {
      col.append(el('div', { class: 'report-head' }, el('span', { class: 'outlet' }, d.id)), el('div', { class: 'report-body' }, errorNode(d.failed)));
      columns.append(col);
      continue;
    }
    for (const e of d.events || []) eventsById.set(e.id, e);
    const doc = d.document;
    const view = new DocView(doc);
    const copyOf = doc.duplicate_of && story.copies.includes(d.id) ? doc.duplicate_of.document : null;
    col.append(
      el('header', { class: 'report-head' },
        el('span', { class: 'outlet', 'data-testid': 'report-outlet' }, reportName(doc)), ' ',
        el('span', { class: 'badge' }, d.language || doc.language || '?'), ' ',
        el('span', { class: 'muted small', 'data-testid': 'report-date' }, d.published ? formatDay(d.published) : 'undated'),
        copyOf ? el('span', { class: 'badge', title: 'a near-copy of another report' }, ` copy of ${reportName(docs.find((x) => x.id === copyOf)?.document || { id: copyOf })}`) : null,
        el('a', { class: 'title', href: articleHref(d.id), 'data-testid': 'report-title' }, d.title || doc.title || d.id)),
      el('div', { class: 'report-body' }, view.root));
    columns.append(col);
    views.set(d.id, { view, col });
  }
  const nameOf = (docId) => {
    const v = views.get(docId);
    return v ? reportName(v.view.doc) : (summaries.get(docId)?.outlet || docId);
  };

  let activeControl = null;
  /** Highlights evidence ranges in the columns and brings the first into view. */
  function showEvidence(evidence, control) {
    const byDoc = new Map();
    for (const ev of evidence || []) {
      if (!byDoc.has(ev.document)) byDoc.set(ev.document, []);
      byDoc.get(ev.document).push({ start: ev.start, end: ev.end });
    }
    let first = null;
    for (const [docId, { view, col }] of views) {
      const ranges = byDoc.get(docId) || [];
      view.setMarks('evidence', ranges);
      col.classList.toggle('has-evidence', ranges.length > 0);
      if (!first && ranges.length) first = view.firstMark('evidence');
    }
    if (activeControl) activeControl.classList.remove('active');
    activeControl = control || null;
    if (activeControl) activeControl.classList.add('active');
    // Evidence of reports not shown in the columns: open the article instead.
    if (!first && evidence && evidence.length) go(articleHref(evidence[0].document, evidence[0]));
    reveal(first);
  }

  const analysis = el('div', { class: 'analysis', 'data-testid': 'analysis' });
  const paneNav = el('nav', { class: 'pane-nav', 'aria-label': 'Sections' });
  analysis.append(paneNav);

  // Comparison, grouped by kind.
  const comparison = story.comparison || [];
  const comparisonNode = el('section', { class: 'comparison', 'data-testid': 'comparison' }, el('h2', {}, 'How the reports compare'));
  for (const [kind, title, open] of GROUPS) {
    const items = comparison.filter((c) => c.kind === kind);
    const group = el('details', { class: `group comparison-group`, 'data-testid': `comparison-${kind}`, id: `group-${kind}` });
    group.open = open || items.length <= 6;
    group.append(el('summary', {}, el('h3', {}, `${title} `, el('span', { class: 'count' }, `(${items.length})`))));
    if (!items.length) group.append(el('p', { class: 'empty small' }, 'Nothing found.'));
    for (const item of items) group.append(comparisonItem(item, showEvidence));
    comparisonNode.append(group);
    paneNav.append(el('button', { type: 'button', on: { click: () => { group.open = true; group.scrollIntoView({ block: 'start' }); } } }, `${title.split(' ').slice(0, 2).join(' ')} ${items.length}`));
  }

  // Timeline of the merged story events.
  const events = [...(story.events || [])].sort((a, b) => {
    const x = a.date?.start || '9999';
    const y = b.date?.start || '9999';
    return x < y ? -1 : x > y ? 1 : b.corroboration - a.corroboration;
  });
  const timeline = el('section', { class: 'timeline', 'data-testid': 'timeline', id: 'timeline' },
    el('h2', {}, 'Timeline ', el('span', { class: 'count muted small' }, `(${plural(events.length, 'event')})`)));
  const tl = el('ol', { class: 'timeline-list' });
  for (const ev of events) {
    const outlets = [...new Set((ev.documents || []).map(nameOf))];
    const n = ev.corroboration ?? outlets.length;
    const li = el('li', { class: 'tl-event', 'data-testid': 'timeline-event', 'data-type': ev.type, tabindex: '0', title: 'Show where the reports say this' },
      el('span', { class: 'tl-date' }, formatRange(ev.date)),
      swatch(ev.type),
      el('span', { class: 'tl-type' }, capital(human(ev.type))),
      ev.threatened ? el('span', { class: 'muted' }, ` (threat of ${human(ev.threatened)})`) : null, ' ',
      modalityBadge(ev.modality),
      el('span', { class: `corroboration${n >= 3 ? ' strong' : ''}`, 'data-testid': 'corroboration', 'data-count': n },
        `reported by ${plural(n, 'outlet')}`),
      el('div', { class: 'chips' }, outlets.map((o) => el('span', { class: 'chip' }, o))));
    const evidence = (ev.events || []).flatMap((eid) => eventsById.get(eid)?.evidence || []);
    const open = () => showEvidence(evidence, li);
    li.addEventListener('click', open);
    li.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(); } });
    tl.append(li);
  }
  if (!events.length) tl.append(el('li', { class: 'empty' }, 'No events.'));
  timeline.append(tl);
  paneNav.append(el('button', { type: 'button', on: { click: () => timeline.scrollIntoView({ block: 'start' }) } }, `Timeline ${events.length}`));
  analysis.append(comparisonNode, timeline);

  const head = el('div', { class: 'story-head' },
    el('h1', { 'data-testid': 'story-title' }, data.title || story.title || id),
    el('div', { class: 'meta' },
      el('span', {}, plural(data.reports ?? story.documents.length, 'report')),
      el('span', {}, `${formatDay(data.first_date)} – ${formatDay(data.last_date)}`),
      el('span', {}, `${plural((story.outlets || []).length, 'outlet')}`),
      story.copies?.length ? el('span', {}, `${plural(story.copies.length, 'copy', 'copies')} of other reports`) : null,
      data.articles_next ? el('span', { 'data-testid': 'reports-shown' }, `the first ${shown.length} shown side by side`) : null),
    el('p', { class: 'muted small' }, 'Click a source in the comparison or an event in the timeline to see its sentence in the report.'));
  const node = el('div', { class: 'story' }, head, el('div', { class: 'story-layout' }, analysis, columns));
  return { node };
}

/** One comparison item, its sides clickable to reveal their evidence. */
function comparisonItem(item, showEvidence) {
  const quote = isQuoteItem(item);
  const numeric = !quote && isNumberItem(item);
  const conflict = item.kind === 'conflict';
  const conflicting = numeric && conflict ? conflictingValues(item.sides || []) : null;
  const diffs = quote && conflict ? wordDiff((item.sides || []).map((s) => s.says || '')) : null;

  const node = el('article', { class: `cmp-item kind-${item.kind}`, 'data-testid': 'comparison-item', 'data-kind': item.kind, 'data-topic': item.topic },
    el('span', { class: 'badge' }, human(item.topic)),
    el('p', { class: 'cmp-summary' }, numeric ? renderNumbers(item.summary || '', conflicting, true) : item.summary));
  const sides = el('ul', { class: 'cmp-sides' });
  (item.sides || []).forEach((side, i) => {
    let says;
    if (diffs) says = renderDiff(diffs[i]);
    else if (numeric) says = renderNumbers(side.says || '', conflicting, true);
    else says = side.says;
    const hasEvidence = side.evidence && side.evidence.length;
    const button = el('button', { type: 'button', class: 'cmp-side', 'data-testid': 'comparison-side', 'data-document': side.document, disabled: !hasEvidence },
      el('span', { class: 'outlet' }, side.outlet || side.document),
      el('span', { class: 'says' }, says),
      hasEvidence ? null : el('span', { class: 'no-evidence' }, ' (no sentence to show)'));
    button.addEventListener('click', () => showEvidence(side.evidence, button));
    sides.append(el('li', {}, button));
  });
  node.append(sides);
  return node;
}

// ---------------------------------------------------------------------------
// Article view: the text with the cited range highlighted; facts link to their sentences

async function viewArticle(id, params) {
  const [article, entities] = await Promise.all([api(`/api/articles/${enc(id)}`), entityIndex()]);
  const doc = article.document;
  const view = new DocView(doc);
  const name = (eid) => entities.get(eid)?.name || eid;
  const entityLink = (eid, text) => (eid ? el('a', { href: `#/entity/${enc(eid)}` }, text || name(eid)) : text);

  const factLinks = []; // {node, range} so the current one can be marked
  const factLink = (range, label) => {
    const a = el('a', { href: articleHref(id, range), 'data-testid': 'fact-link', 'data-start': range.start, 'data-end': range.end }, label);
    factLinks.push({ node: a, range });
    return a;
  };

  const eventsList = el('ul', { class: 'fact-list', 'data-testid': 'article-events' });
  for (const ev of article.events || []) {
    const places = (ev.places || []).map((p) => entityLink(p));
    const actors = (ev.actors || []).map((a) => entityLink(a.entity, a.text));
    const li = el('li', { 'data-event': ev.id },
      swatch(ev.type), el('strong', {}, capital(human(ev.type))),
      ev.threatened ? ` (threat of ${human(ev.threatened)})` : '', ' ', modalityBadge(ev.modality), ' ',
      el('span', { class: 'muted small' }, formatRange(ev.date)),
      places.length ? el('div', { class: 'small' }, 'Where: ', joinNodes(places)) : null,
      actors.length ? el('div', { class: 'small' }, 'Who: ', joinNodes(actors)) : null,
      Object.keys(ev.counts || {}).length ? el('div', { class: 'small' }, 'Counts: ', Object.entries(ev.counts).map(([k, v]) => `${v} ${k}`).join(', ')) : null,
      el('div', { class: 'small' }, 'Source: ', joinNodes((ev.evidence || []).map((r, i) => factLink(r, `sentence ${i + 1}`)))));
    eventsList.append(li);
  }
  if (!article.events?.length) eventsList.append(el('li', { class: 'empty' }, 'No events.'));

  const quotesList = el('ul', { class: 'fact-list', 'data-testid': 'article-quotes' });
  for (const q of article.quotes || []) {
    const sp = q.speaker || {};
    const who = sp.entity ? entityLink(sp.entity, sp.text || sp.name) : (sp.text || sp.name || 'unattributed');
    const range = sentenceOf(doc, q.start, q.end);
    quotesList.append(el('li', {},
      el('div', { class: 'small' }, el('strong', {}, who), ' ', el('span', { class: 'badge' }, q.kind)),
      el('blockquote', { class: 'q' }, factLink(range, q.text))));
  }
  if (!article.quotes?.length) quotesList.append(el('li', { class: 'empty' }, 'No quotes.'));

  // Entities mentioned, most mentioned first.
  const counts = new Map();
  for (const m of article.mentions || []) counts.set(m.entity, (counts.get(m.entity) || 0) + 1);
  const mentioned = el('div', { class: 'chips' }, [...counts].sort((a, b) => b[1] - a[1]).map(([eid, n]) =>
    el('a', { class: 'chip', href: `#/entity/${enc(eid)}` }, `${name(eid)} ${n > 1 ? `×${n}` : ''}`)));

  const safeUrl = /^https?:\/\//i.test(article.url || '') ? article.url : null;
  const facts = el('aside', { class: 'facts panel' },
    el('h2', {}, 'Events'), eventsList,
    el('h2', {}, 'Quotes'), quotesList,
    el('h2', {}, 'Mentioned'), mentioned);
  const node = el('div', { class: 'article' },
    el('h1', {}, article.title || doc.title || id),
    el('div', { class: 'meta' },
      el('span', {}, reportName(doc)),
      el('span', {}, article.published ? formatDay(article.published) : 'undated'),
      doc.authors?.length ? el('span', {}, doc.authors.join(', ')) : null,
      el('span', {}, article.language || doc.language),
      safeUrl ? el('span', {}, el('a', { href: safeUrl, rel: 'noopener noreferrer', target: '_blank' }, 'original')) : null,
      article.current === false ? el('span', { class: 'badge' }, 'superseded') : null),
    (article.stories || []).length ? el('p', { class: 'small' }, 'Part of ', joinNodes(article.stories.map((s) => el('a', { href: `#/story/${enc(s)}` }, 'its story')))) : null,
    el('div', { class: 'article-layout' }, el('div', { class: 'article-text panel', 'data-testid': 'article-text' }, view.root), facts));

  /** Applies ?s= (highlight), ?m= (mention), ?event= and ?find= from the route. */
  function update(p) {
    let evidence = [];
    const s = parseRange(p.get('s'));
    if (s) evidence.push(s);
    const eventId = p.get('event');
    if (eventId) {
      const ev = (article.events || []).find((e) => e.id === eventId);
      if (ev) evidence.push(...ev.evidence.filter((r) => r.document === id));
    }
    const m = parseRange(p.get('m'));
    const find = (p.get('find') || '').trim();
    const matches = find ? findText(view.text, find) : [];
    if (!evidence.length && matches.length) evidence = [view.sentenceRange(matches[0].start, matches[0].end)];
    view.setMarks('evidence', evidence);
    view.setMarks('mention-hit', m ? [m] : []);
    view.setMarks('match', matches);
    view.setSentenceClass('context', m ? [m] : []);
    for (const f of factLinks) {
      const on = evidence.some((r) => r.start <= f.range.start && r.end >= f.range.end);
      f.node.closest('li')?.classList.toggle('active', on);
    }
    const target = view.firstMark('evidence') || view.firstMark('mention-hit') || view.firstMark('match');
    if (target) reveal(target);
    else window.scrollTo(0, 0);
  }
  return { node, update, after: () => update(params) };
}

/** Byte ranges of case- and accent-insensitive occurrences of a term. */
function findText(byteText, term) {
  const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const text = byteText.text;
  // Fold character by character so positions map back to the original string.
  const folded = [];
  const origin = [];
  let i = 0;
  for (const ch of text) {
    for (const f of fold(ch)) { folded.push(f); origin.push(i); }
    i += ch.length;
  }
  const hay = folded.join('');
  const needle = fold(term);
  const out = [];
  if (!needle) return out;
  for (let at = hay.indexOf(needle); at >= 0 && out.length < 200; at = hay.indexOf(needle, at + needle.length)) {
    const s = origin[at];
    const endChar = at + needle.length < origin.length ? origin[at + needle.length] : text.length;
    out.push({ start: byteLength(text.slice(0, s)), end: byteLength(text.slice(0, endChar)) });
  }
  return out;
}

function joinNodes(nodes, sep = ', ') {
  const out = [];
  nodes.forEach((n, i) => { if (i) out.push(sep); out.push(n); });
  return out;
}

// ---------------------------------------------------------------------------
// Map: inline SVG, equirectangular projection fitted to the shown points

// The API's largest page of map points.
const MAP_LIMIT = 500;

async function viewMap(_, params) {
  const type = params.get('type') || '';
  const since = params.get('since') || '';
  const until = params.get('until') || '';
  const showAll = params.get('all') === '1';
  const [allPoints, points] = await Promise.all([
    api('/api/map', { limit: MAP_LIMIT }),
    api('/api/map', { type, since, until, limit: MAP_LIMIT }),
  ]);
  const types = [...new Set(allPoints.map((p) => p.type))].sort();

  // One site per place (places at the same coordinates share a site and a label).
  const sites = new Map();
  for (const p of points) {
    if (typeof p.lat !== 'number' || typeof p.lon !== 'number') continue;
    const key = `${p.lat.toFixed(3)},${p.lon.toFixed(3)}`;
    if (!sites.has(key)) sites.set(key, { lat: p.lat, lon: p.lon, names: new Set(), byType: new Map(), events: new Set() });
    const site = sites.get(key);
    site.names.add(p.name || p.place);
    if (!site.byType.has(p.type)) site.byType.set(p.type, []);
    site.byType.get(p.type).push(p);
    site.events.add(p.event);
  }
  let shown = [...sites.values()];
  // Far-away places (another country) would squeeze the main area into a dot: unless
  // asked for all, show the area around the median place and list the others.
  let outside = [];
  if (!showAll && shown.length > 2) {
    const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const mLat = median(shown.map((s) => s.lat));
    const mLon = median(shown.map((s) => s.lon));
    outside = shown.filter((s) => Math.abs(s.lat - mLat) > 2 || Math.abs(s.lon - mLon) > 2);
    shown = shown.filter((s) => !outside.includes(s));
  }

  const filters = el('form', { class: 'filters', 'data-testid': 'map-filters' });
  const typeSelect = el('select', { name: 'type', 'data-testid': 'map-type' },
    el('option', { value: '' }, 'All types'), types.map((t) => el('option', { value: t }, capital(human(t)))));
  typeSelect.value = type;
  const sinceInput = el('input', { type: 'date', name: 'since', value: since });
  const untilInput = el('input', { type: 'date', name: 'until', value: until });
  const allBox = el('input', { type: 'checkbox', name: 'all' });
  allBox.checked = showAll;
  const apply = () => {
    const q = new URLSearchParams();
    if (typeSelect.value) q.set('type', typeSelect.value);
    if (sinceInput.value) q.set('since', sinceInput.value);
    if (untilInput.value) q.set('until', untilInput.value);
    if (allBox.checked) q.set('all', '1');
    go(`#/map${q.toString() ? `?${q}` : ''}`);
  };
  for (const input of [typeSelect, sinceInput, untilInput, allBox]) input.addEventListener('change', apply);
  filters.addEventListener('submit', (e) => { e.preventDefault(); apply(); });
  append(filters, [
    el('label', {}, 'Event type', typeSelect), el('label', {}, 'Since', sinceInput), el('label', {}, 'Until', untilInput),
    el('label', { class: 'inline' }, allBox, 'Show far-away places too'),
  ]);

  const details = el('div', { class: 'panel', 'data-testid': 'map-details' }, el('p', { class: 'muted small' }, 'Click a point to list its events.'));
  const counts = new Map();
  for (const p of points) counts.set(p.type, (counts.get(p.type) || 0) + 1);
  const legend = el('ul', { class: 'legend', 'data-testid': 'map-legend' },
    [...counts].sort((a, b) => b[1] - a[1]).map(([t, n]) => el('li', {}, swatch(t), `${capital(human(t))} (${n})`)));

  const node = el('div', { class: 'map-view' }, el('h1', {}, 'Map of events'),
    el('p', { class: 'muted' }, `${plural(points.length, 'event place')} in ${plural(sites.size, 'place')}. Point size grows with the number of events; colour shows the type.`),
    filters);
  if (!shown.length) {
    node.append(el('p', { class: 'empty' }, 'No events with a known place match these filters.'));
    return { node };
  }
  const drawing = drawMap(shown, (site, t, circle) => showSite(details, site, t, circle));
  node.append(el('div', { class: 'map-wrap' }, el('div', {}, drawing, legend), details));
  if (outside.length) {
    node.append(el('p', { class: 'small muted', 'data-testid': 'map-outside' }, 'Outside this view: ',
      outside.map((s) => `${[...s.names].join(' / ')} (${plural(s.events.size, 'event')})`).join('; '), '. ',
      el('a', { href: `#/map?${new URLSearchParams({ ...(type && { type }), all: '1' })}` }, 'Show all')));
  }
  return { node };
}

/** Draws sites as circles, one per event type around the site's place. */
function drawMap(sites, onPick) {
  const W = 960;
  const H = 620;
  const pad = 60;
  const lats = sites.map((s) => s.lat);
  const lons = sites.map((s) => s.lon);
  let [minLat, maxLat, minLon, maxLon] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  // At least a few kilometres of span, so that one place does not divide by zero.
  const minSpan = 0.02;
  if (maxLat - minLat < minSpan) { const c = (maxLat + minLat) / 2; minLat = c - minSpan / 2; maxLat = c + minSpan / 2; }
  if (maxLon - minLon < minSpan) { const c = (maxLon + minLon) / 2; minLon = c - minSpan / 2; maxLon = c + minSpan / 2; }
  // Equirectangular: x scaled by cos(mid latitude) so that shapes keep their proportions.
  const k = Math.cos(((minLat + maxLat) / 2) * Math.PI / 180);
  const spanX = (maxLon - minLon) * k;
  const spanY = maxLat - minLat;
  const scale = Math.min((W - 2 * pad) / spanX, (H - 2 * pad) / spanY);
  const offX = (W - spanX * scale) / 2;
  const offY = (H - spanY * scale) / 2;
  const project = (lat, lon) => [offX + (lon - minLon) * k * scale, offY + (maxLat - lat) * scale];

  const root = svg('svg', { class: 'map', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'Map of event places', 'data-testid': 'map-svg' });
  root.append(svg('rect', { class: 'sea', x: 0, y: 0, width: W, height: H }));
  // Graticule at a round step, labelled in degrees.
  const step = niceStep(Math.max(maxLat - minLat, maxLon - minLon) / 4);
  const grid = svg('g', { class: 'graticule' });
  for (let lat = Math.ceil((minLat - spanY) / step) * step; lat <= maxLat + spanY; lat += step) {
    const [, y] = project(lat, minLon);
    if (y < 0 || y > H) continue;
    grid.append(svg('line', { class: 'grid', x1: 0, x2: W, y1: y, y2: y }), svg('text', { class: 'grid-label', x: 4, y: y - 3 }, `${fmtDeg(lat, step)}°`));
  }
  for (let lon = Math.ceil((minLon - spanX) / step) * step; lon <= maxLon + spanX / k; lon += step) {
    const [x] = project(minLat, lon);
    if (x < 0 || x > W) continue;
    grid.append(svg('line', { class: 'grid', x1: x, x2: x, y1: 0, y2: H }), svg('text', { class: 'grid-label', x: x + 3, y: H - 4 }, `${fmtDeg(lon, step)}°`));
  }
  root.append(grid);

  const maxCount = Math.max(1, ...sites.flatMap((s) => [...s.byType.values()].map((v) => new Set(v.map((p) => p.event)).size)));
  const radius = (n) => 5 + 17 * Math.sqrt(n / maxCount);
  const pointsLayer = svg('g', { class: 'points' });
  const labels = svg('g', { class: 'labels' });
  const boxes = [];
  for (const site of sites.sort((a, b) => b.events.size - a.events.size)) {
    const [cx, cy] = project(site.lat, site.lon);
    const entries = [...site.byType].sort((a, b) => b[1].length - a[1].length);
    // Several types at one place sit on a small ring, so none hides another.
    const ring = entries.length > 1 ? 10 + 3 * entries.length : 0;
    let maxR = 0;
    entries.forEach(([t, pts], i) => {
      const n = new Set(pts.map((p) => p.event)).size;
      const angle = (2 * Math.PI * i) / entries.length - Math.PI / 2;
      const r = radius(n);
      maxR = Math.max(maxR, r + ring);
      const c = svg('circle', {
        class: 'point', cx: (cx + ring * Math.cos(angle)).toFixed(1), cy: (cy + ring * Math.sin(angle)).toFixed(1), r: r.toFixed(1),
        fill: typeColor(t), 'data-testid': 'map-point', 'data-type': t, 'data-count': n, tabindex: '0',
      }, svg('title', {}, `${[...site.names].join(' / ')}: ${plural(n, 'event')} of ${human(t)}`));
      c.addEventListener('click', () => onPick(site, t, c));
      c.addEventListener('keydown', (e) => { if (e.key === 'Enter') onPick(site, t, c); });
      pointsLayer.append(c);
    });
    // Label to the right, or left, above, below: the first spot that overlaps no other label.
    const text = [...site.names].join(' · ');
    const w = text.length * 6.8;
    const h = 14;
    const spots = [[cx + maxR + 4, cy + 4, 'start'], [cx - maxR - 4, cy + 4, 'end'], [cx, cy - maxR - 6, 'middle'], [cx, cy + maxR + 14, 'middle']];
    for (const [x, y, anchor] of spots) {
      const x0 = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
      const box = [x0, y - h + 3, x0 + w, y + 3];
      if (box[0] < 0 || box[2] > W || box[1] < 0 || box[3] > H) continue;
      if (boxes.some((b) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1])) continue;
      boxes.push(box);
      labels.append(svg('text', { class: 'place-label', x: x.toFixed(1), y: y.toFixed(1), 'text-anchor': anchor, 'data-testid': 'map-label' }, text));
      break;
    }
  }
  root.append(pointsLayer, labels);
  return root;
}

function niceStep(raw) {
  const p = 10 ** Math.floor(Math.log10(raw || 1));
  for (const m of [1, 2, 5, 10]) if (raw <= m * p) return m * p;
  return 10 * p;
}
const fmtDeg = (v, step) => (Math.round(v / step) * step).toFixed(Math.max(0, -Math.floor(Math.log10(step))));

/** Lists the events of one site and type, each linking to its evidence. */
async function showSite(details, site, type, circle) {
  for (const c of circle.ownerSVGElement.querySelectorAll('.point.active')) c.classList.remove('active');
  circle.classList.add('active');
  const pts = site.byType.get(type) || [];
  const articles = await articleIndex().catch(() => new Map());
  const seen = new Set();
  const list = el('ul', { class: 'fact-list' });
  for (const p of pts) {
    if (seen.has(p.event)) continue;
    seen.add(p.event);
    const a = articles.get(p.document);
    list.append(el('li', {}, el('span', { class: 'muted small' }, p.date ? formatDay(p.date) : 'undated'), ' ',
      el('a', { href: articleHref(p.document, null, { event: p.event }) }, a?.title || p.document),
      a?.outlet ? el('span', { class: 'muted small' }, ` (${a.outlet})`) : null));
  }
  details.replaceChildren(el('h2', {}, swatch(type), `${capital(human(type))} in ${[...site.names].join(' / ')}`), list);
}

// ---------------------------------------------------------------------------
// Trends: events per week by type, per district, and year on year

async function viewTrends(_, params) {
  const filter = { type: params.get('type') || '', place: params.get('place') || '', since: params.get('since') || '', until: params.get('until') || '' };
  const [all, data] = await Promise.all([api('/api/trends'), api('/api/trends', filter)]);
  const types = [...new Set(all.weeks.map((w) => w.type))].sort();
  const places = [...new Set(all.weeks.map((w) => w.place).filter(Boolean))].sort();

  const form = el('form', { class: 'filters', 'data-testid': 'trend-filters' });
  const typeSelect = el('select', { name: 'type' }, el('option', { value: '' }, 'All types'), types.map((t) => el('option', { value: t }, capital(human(t)))));
  const placeSelect = el('select', { name: 'place' }, el('option', { value: '' }, 'All places'), places.map((p) => el('option', { value: p }, p)));
  const sinceInput = el('input', { type: 'date', name: 'since', value: filter.since });
  const untilInput = el('input', { type: 'date', name: 'until', value: filter.until });
  typeSelect.value = filter.type;
  placeSelect.value = filter.place;
  const apply = () => {
    const q = new URLSearchParams();
    for (const [k, input] of [['type', typeSelect], ['place', placeSelect], ['since', sinceInput], ['until', untilInput]]) if (input.value) q.set(k, input.value);
    go(`#/trends${q.toString() ? `?${q}` : ''}`);
  };
  for (const input of [typeSelect, placeSelect, sinceInput, untilInput]) input.addEventListener('change', apply);
  form.addEventListener('submit', (e) => { e.preventDefault(); apply(); });
  append(form, [el('label', {}, 'Event type', typeSelect), el('label', {}, 'Place', placeSelect), el('label', {}, 'Since', sinceInput), el('label', {}, 'Until', untilInput)]);

  const node = el('div', { class: 'trends' }, el('h1', {}, 'Timeline and trends'), form);
  if (!data.weeks.length) {
    node.append(el('p', { class: 'empty' }, 'No dated events match these filters.'));
  } else {
    const shownTypes = [...new Set(data.weeks.map((w) => w.type))].sort();
    node.append(el('h2', {}, 'Events per week'), el('div', { class: 'chart-wrap' }, weekChart(data.weeks, shownTypes)),
      el('ul', { class: 'legend' }, shownTypes.map((t) => el('li', {}, swatch(t), capital(human(t))))));
  }
  node.append(el('div', { class: 'tables' }, districtTable(data.weeks), yearTable(data.years || [])));
  return { node };
}

const DAY_MS = 86_400_000;
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

/** Stacked bars, one per week from the first to the last week with events. */
function weekChart(weeks, types) {
  const W = 1100;
  const H = 320;
  const m = { l: 40, r: 10, t: 12, b: 42 };
  const byWeek = new Map();
  for (const w of weeks) {
    if (!byWeek.has(w.week)) byWeek.set(w.week, new Map());
    const t = byWeek.get(w.week);
    t.set(w.type, (t.get(w.type) || 0) + w.count);
  }
  const starts = [...byWeek.keys()].map((d) => Date.parse(`${d}T00:00:00Z`)).filter(Number.isFinite);
  const first = Math.min(...starts);
  const last = Math.max(...starts);
  const all = [];
  for (let t = first; t <= last && all.length < 600; t += 7 * DAY_MS) all.push(isoDay(t));
  const totals = all.map((d) => [...(byWeek.get(d) || new Map()).values()].reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const plotW = W - m.l - m.r;
  const plotH = H - m.t - m.b;
  const bw = plotW / all.length;
  const y = (v) => m.t + plotH - (v / max) * plotH;
  const root = svg('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'Events per week by type', 'data-testid': 'trend-chart' });
  const ticks = niceTicks(max);
  for (const v of ticks) {
    root.append(svg('line', { class: 'gridline', x1: m.l, x2: W - m.r, y1: y(v), y2: y(v) }),
      svg('text', { class: 'axis-label', x: m.l - 6, y: y(v) + 4, 'text-anchor': 'end' }, String(v)));
  }
  let lastMonth = '';
  all.forEach((week, i) => {
    const x = m.l + i * bw;
    let acc = 0;
    for (const t of types) {
      const n = byWeek.get(week)?.get(t) || 0;
      if (!n) continue;
      root.append(svg('rect', { class: 'bar', x: (x + 1).toFixed(1), y: y(acc + n).toFixed(1), width: Math.max(1, bw - 2).toFixed(1), height: (y(acc) - y(acc + n)).toFixed(1), fill: typeColor(t), 'data-testid': 'trend-bar' },
        svg('title', {}, `Week of ${formatDay(week)}: ${n} ${human(t)}`)));
      acc += n;
    }
    const month = week.slice(0, 7);
    if (month !== lastMonth) {
      lastMonth = month;
      const d = new Date(`${week}T00:00:00Z`);
      root.append(svg('line', { class: 'axis', x1: x, x2: x, y1: m.t + plotH, y2: m.t + plotH + 5 }),
        svg('text', { class: 'axis-label', x: x + 2, y: m.t + plotH + 17 }, d.toLocaleDateString('en-GB', { month: 'short', timeZone: 'UTC' })),
        d.getUTCMonth() === 0 || i === 0 ? svg('text', { class: 'axis-label', x: x + 2, y: m.t + plotH + 31 }, String(d.getUTCFullYear())) : null);
    }
  });
  root.append(svg('line', { class: 'axis', x1: m.l, x2: W - m.r, y1: m.t + plotH, y2: m.t + plotH }));
  return root;
}

function niceTicks(max) {
  const step = niceStep(max / 4) || 1;
  const out = [];
  for (let v = 0; v <= max; v += Math.max(1, step)) out.push(v);
  return out;
}

/** Events per place and type over the filtered period. */
function districtTable(weeks) {
  const types = [...new Set(weeks.map((w) => w.type))].sort();
  const rows = new Map();
  for (const w of weeks) {
    const place = w.place || '(no place)';
    if (!rows.has(place)) rows.set(place, new Map());
    rows.get(place).set(w.type, (rows.get(place).get(w.type) || 0) + w.count);
  }
  const total = (r) => [...r.values()].reduce((a, b) => a + b, 0);
  const table = el('table', { class: 'data', 'data-testid': 'district-table' },
    el('caption', {}, el('h2', {}, 'By district')),
    el('thead', {}, el('tr', {}, el('th', {}, 'Place'), types.map((t) => el('th', { class: 'num', title: human(t) }, swatch(t), human(t))), el('th', { class: 'num' }, 'Total'))));
  const body = el('tbody');
  for (const [place, r] of [...rows].sort((a, b) => total(b[1]) - total(a[1]))) {
    body.append(el('tr', {}, el('td', {}, place), types.map((t) => el('td', { class: 'num' }, r.get(t) || '')), el('td', { class: 'num' }, el('strong', {}, total(r)))));
  }
  if (!rows.size) body.append(el('tr', {}, el('td', { colspan: types.length + 2, class: 'empty' }, 'No events.')));
  table.append(body);
  return table;
}

/** Events per year and type, with the change against the year before. */
function yearTable(years) {
  const table = el('table', { class: 'data', 'data-testid': 'year-table' },
    el('caption', {}, el('h2', {}, 'Year on year')),
    el('thead', {}, el('tr', {}, el('th', {}, 'Year'), el('th', {}, 'Type'), el('th', { class: 'num' }, 'Events'), el('th', { class: 'num' }, 'Change'))));
  const body = el('tbody');
  for (const y of [...years].sort((a, b) => b.year - a.year || b.count - a.count)) {
    const c = y.change_percent;
    const change = c === null || c === undefined
      ? el('span', { class: 'muted', title: 'no events of this type the year before' }, 'n/a')
      : el('span', { class: c > 0 ? 'up' : c < 0 ? 'down' : '' }, `${c > 0 ? '+' : ''}${Math.round(c * 10) / 10}%`);
    body.append(el('tr', {}, el('td', {}, y.year), el('td', {}, swatch(y.type), human(y.type)), el('td', { class: 'num' }, y.count), el('td', { class: 'num' }, change)));
  }
  if (!years.length) body.append(el('tr', {}, el('td', { colspan: 4, class: 'empty' }, 'No events.')));
  table.append(body);
  return table;
}

// ---------------------------------------------------------------------------
// Entity page

async function viewEntity(id) {
  const [e, entities, articles] = await Promise.all([api(`/api/entities/${enc(id)}`), entityIndex(), articleIndex()]);
  const known = new Map(entities);
  for (const r of e.related || []) known.set(r.id, r);
  const name = (eid) => known.get(eid)?.name || eid;
  const link = (eid) => (eid === id ? el('strong', {}, e.name) : el('a', { href: `#/entity/${enc(eid)}`, 'data-testid': 'entity-link' }, name(eid)));
  const docName = (docId) => articles.get(docId)?.title || docId;

  const about = el('dl', { class: 'kv' },
    el('dt', {}, 'Type'), el('dd', {}, human(e.type)),
    el('dt', {}, 'Aliases'), el('dd', { 'data-testid': 'entity-aliases' }, (e.aliases || []).join(', ') || '—'),
    el('dt', {}, 'Mentions'), el('dd', {}, e.mentions ?? '—'),
    e.kb_id ? [el('dt', {}, 'Knowledge base'), el('dd', {}, e.kb_id)] : null,
    e.place ? [el('dt', {}, 'Place'), el('dd', {}, (e.place.admin_path || []).join(' › ') || '—',
      typeof e.place.lat === 'number' ? el('span', { class: 'muted small' }, ` (${e.place.lat.toFixed(3)}, ${e.place.lon.toFixed(3)})`) : null,
      e.place.gazetteer_id ? el('span', { class: 'muted small' }, ` ${e.place.gazetteer_id}`) : null)] : null);

  // Affiliations: relations grouped by (type, other entity), with each source's modality.
  const rels = new Map();
  for (const r of e.relations || []) {
    const other = r.subject === id ? r.object : r.subject;
    const key = `${r.type}|${r.subject}|${r.object}`;
    if (!rels.has(key)) rels.set(key, { ...r, other, items: [] });
    rels.get(key).items.push(r);
  }
  const relList = el('ul', { class: 'fact-list', 'data-testid': 'entity-relations' });
  for (const r of rels.values()) {
    relList.append(el('li', {},
      link(r.subject), ` ${human(r.type)} `, link(r.object),
      el('div', { class: 'small' }, joinNodes(r.items.map((it) => {
        const ev = it.evidence?.[0];
        const label = `${modalityLabel(it.modality)} in ${articles.get(ev?.document)?.outlet || docName(ev?.document)}`;
        return ev ? el('a', { href: articleHref(ev.document, ev) }, modalityBadge(it.modality), ' ', label.replace(/^\S+ in /, 'in ')) : label;
      }), ' · '))));
  }
  if (!rels.size) relList.append(el('li', { class: 'empty' }, 'No affiliations found.'));

  const related = el('div', { class: 'chips' }, (e.related || []).map((r) => el('a', { class: 'chip', href: `#/entity/${enc(r.id)}` }, `${r.name} (${human(r.type)})`)));

  // Places: the entity itself if it is one, and the places of its events.
  const placeCounts = new Map();
  for (const ev of e.events || []) for (const p of ev.places || []) placeCounts.set(p, (placeCounts.get(p) || 0) + 1);
  const placesNode = el('div', { class: 'chips', 'data-testid': 'entity-places' }, [...placeCounts].sort((a, b) => b[1] - a[1]).map(([p, n]) =>
    el('a', { class: 'chip', href: `#/entity/${enc(p)}` }, `${name(p)} ×${n}`)));

  const quotes = el('ul', { class: 'fact-list', 'data-testid': 'entity-quotes' });
  const quoteDocs = await Promise.all([...new Set((e.quotes || []).map((q) => q.document))].map((d) => api(`/api/articles/${enc(d)}`).catch(() => null)));
  const docById = new Map(quoteDocs.filter(Boolean).map((a) => [a.id, a.document]));
  for (const q of e.quotes || []) {
    const d = docById.get(q.document);
    const range = d ? sentenceOf(d, q.start, q.end) : { start: q.start, end: q.end };
    quotes.append(el('li', {}, el('blockquote', { class: 'q' }, el('a', { href: articleHref(q.document, range) }, q.text)),
      el('div', { class: 'muted small' }, `${q.kind} · ${articles.get(q.document)?.outlet || docName(q.document)}`)));
  }
  if (!e.quotes?.length) quotes.append(el('li', { class: 'empty' }, 'No quotes by this entity.'));

  const events = el('ul', { class: 'fact-list', 'data-testid': 'entity-events' });
  for (const ev of [...(e.events || [])].sort((a, b) => String(a.date?.start || '9').localeCompare(String(b.date?.start || '9')))) {
    const ref = ev.evidence?.[0];
    events.append(el('li', {}, el('span', { class: 'muted small' }, formatRange(ev.date)), ' ', swatch(ev.type),
      el('a', { href: articleHref(ev.document, null, { event: ev.id }) }, capital(human(ev.type))), ' ', modalityBadge(ev.modality),
      el('div', { class: 'small muted' }, articles.get(ev.document)?.outlet || docName(ev.document),
        (ev.places || []).length ? ` · ${(ev.places || []).map(name).join(', ')}` : ''),
      ref ? null : null));
  }
  if (!e.events?.length) events.append(el('li', { class: 'empty' }, 'No events.'));

  const mentions = el('ul', { class: 'fact-list', 'data-testid': 'entity-mentions' });
  const more = el('button', { type: 'button', hidden: true }, 'More mentions');
  let cursor = null;
  async function loadMentions() {
    more.disabled = true;
    const page = await api(`/api/entities/${enc(id)}/mentions`, { limit: 25, cursor });
    const docs = await Promise.all([...new Set(page.items.map((m) => m.document))].map((d) => api(`/api/articles/${enc(d)}`).catch(() => null)));
    const texts = new Map(docs.filter(Boolean).map((a) => [a.id, a.document]));
    for (const m of page.items) {
      const d = texts.get(m.document);
      const range = d ? sentenceOf(d, m.start, m.end) : { start: m.start, end: m.end };
      let snippet = '';
      if (d) {
        const bt = new ByteText(d.text);
        snippet = [bt.slice(range.start, m.start), el('mark', { class: 'mention-hit' }, bt.slice(m.start, m.end)), bt.slice(m.end, range.end)];
      }
      mentions.append(el('li', {},
        el('a', { href: articleHref(m.document, range, { m: `${m.start}-${m.end}` }), 'data-testid': 'mention-link' }, articles.get(m.document)?.outlet || docName(m.document)),
        el('div', { class: 'small' }, snippet)));
    }
    cursor = page.next;
    more.hidden = !cursor;
    more.disabled = false;
    if (!mentions.childElementCount) mentions.append(el('li', { class: 'empty' }, 'No mentions.'));
  }
  more.addEventListener('click', () => loadMentions().catch((err) => more.replaceWith(errorNode(err))));
  await loadMentions();

  const node = el('div', { class: 'entity', 'data-testid': 'entity-page' },
    el('h1', { 'data-testid': 'entity-name' }, e.name), el('p', { class: 'meta' }, el('span', { class: 'badge' }, human(e.type))),
    el('div', { class: 'entity-grid' },
      el('section', { class: 'panel' }, el('h2', {}, 'About'), about, el('h3', {}, 'Related entities'), related.childElementCount ? related : el('p', { class: 'empty' }, 'None.'),
        el('h3', {}, 'Places of its events'), placeCounts.size ? placesNode : el('p', { class: 'empty' }, 'None.')),
      el('section', { class: 'panel' }, el('h2', {}, 'Affiliations'), relList),
      el('section', { class: 'panel' }, el('h2', {}, 'Quotes'), quotes),
      el('section', { class: 'panel' }, el('h2', {}, 'Events'), events),
      el('section', { class: 'panel' }, el('h2', {}, 'Mentions'), mentions, more)));
  return { node };
}

function modalityLabel(m) {
  return { asserted: 'stated as fact', reported: 'reported', hedged: 'hedged', denied: 'denied' }[m] || m || '';
}

// ---------------------------------------------------------------------------
// Search

const KINDS = ['article', 'quote', 'entity'];

async function viewSearch(_, params) {
  const q = (params.get('q') || '').trim();
  const kinds = (params.get('kind') || '').split(',').filter((k) => KINDS.includes(k));
  const input = el('input', { type: 'search', name: 'q', value: q, placeholder: 'Name, word or phrase', 'aria-label': 'Search terms', 'data-testid': 'search-input' });
  const boxes = KINDS.map((k) => {
    const box = el('input', { type: 'checkbox', name: 'kind', value: k, 'data-testid': `search-kind-${k}` });
    box.checked = !kinds.length || kinds.includes(k);
    return box;
  });
  const form = el('form', { class: 'search-form', role: 'search', 'data-testid': 'search-form' }, input,
    boxes.map((b) => el('label', { class: 'inline' }, b, ` ${b.value}s`)), el('button', { type: 'submit' }, 'Search'));
  const submit = () => {
    const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
    const p = new URLSearchParams({ q: input.value.trim() });
    if (chosen.length && chosen.length < KINDS.length) p.set('kind', chosen.join(','));
    go(`#/search?${p}`);
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); submit(); });
  for (const b of boxes) b.addEventListener('change', submit);

  const node = el('div', { class: 'search' }, el('h1', {}, 'Search'), form);
  if (!q) {
    node.append(el('p', { class: 'muted' }, 'Search articles, quotes and entities (people, groups, places).'));
    return { node, after: () => input.focus() };
  }
  const results = el('div', { 'data-testid': 'search-results' });
  node.append(results);
  const list = el('ul', { class: 'hits' });
  const more = el('button', { type: 'button', hidden: true }, 'More results');
  let cursor = null;
  let total = 0;
  const status = el('p', { class: 'muted' });
  results.append(status, list, more);
  async function load() {
    const page = await api('/api/search', { q, kind: kinds.join(','), cursor, limit: 50 });
    for (const hit of page.items) list.append(searchHit(hit, q));
    total += page.items.length;
    cursor = page.next;
    more.hidden = !cursor;
    status.textContent = total ? `${plural(total, 'result')}${cursor ? ' so far' : ''} for “${q}”` : `Nothing found for “${q}”.`;
  }
  more.addEventListener('click', () => load().catch((err) => more.replaceWith(errorNode(err))));
  await load();
  return { node };
}

function searchHit(hit, q) {
  const li = el('li', { class: 'hit', 'data-testid': 'search-hit', 'data-kind': hit.kind });
  const badge = el('span', { class: 'badge' }, hit.kind);
  if (hit.kind === 'entity') {
    li.append(badge, el('a', { href: `#/entity/${enc(hit.id)}`, 'data-testid': 'search-hit-link' }, hit.label));
  } else if (hit.kind === 'article') {
    li.append(badge, el('a', { href: articleHref(hit.id, null, { find: q }), 'data-testid': 'search-hit-link' }, hit.label));
  } else if (hit.kind === 'quote') {
    // Quotes carry no offsets in the hit: find the quote in its document's quotes to
    // link to its sentence; until then the link opens the article at the words searched.
    const a = el('a', { href: articleHref(hit.document, null, { find: q }), 'data-testid': 'search-hit-link' }, `“${hit.label}”`);
    li.append(badge, el('blockquote', { class: 'q' }, a));
    Promise.all([apiAll('/api/quotes', { document: hit.document }), api(`/api/articles/${enc(hit.document)}`)])
      .then(([quotes, article]) => {
        const quote = quotes.find((x) => x.text === hit.label) || quotes.find((x) => x.text.includes(hit.label) || hit.label.includes(x.text));
        if (quote) a.href = articleHref(hit.document, sentenceOf(article.document, quote.start, quote.end));
        li.append(el('div', { class: 'muted small' }, [quote?.speaker?.text, reportName(article.document)].filter(Boolean).join(' · ')));
      })
      .catch(() => { /* the fallback link stays */ });
  } else {
    li.append(badge, hit.label);
  }
  return li;
}

// ---------------------------------------------------------------------------
// Start

function start() {
  const form = document.getElementById('top-search');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = new FormData(form).get('q').toString().trim();
    go(q ? `#/search?${new URLSearchParams({ q })}` : '#/search');
  });
  window.addEventListener('hashchange', () => route());
  route();
}

start();
