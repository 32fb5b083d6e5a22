// Browser test of the Vigía UI against a running server (env VIGIA_URL), with the
// system Chromium driven by playwright-core. Prints "N passed, N failed" and exits
// non-zero on any failure.

import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BASE = (process.env.VIGIA_URL || 'http://127.0.0.1:8282').replace(/\/$/, '');
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ARTIFACTS = path.join(HERE, 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

const results = [];
async function check(name, fn) {
  try {
    await fn();
    results.push([name, true]);
    console.log(`ok   ${name}`);
  } catch (err) {
    results.push([name, false]);
    console.log(`FAIL ${name}\n     ${String(err && err.stack ? err.stack : err).split('\n').slice(0, 3).join('\n     ')}`);
  }
}
function assert(cond, message) {
  if (!cond) throw new Error(message);
}

const userDataDir = mkdtempSync(path.join(tmpdir(), 'vigia-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1440, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = context.pages()[0] || (await context.newPage());

// Console errors, page errors, CSP violations and failed requests are all collected.
const problems = [];
page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));
await page.addInitScript(() => {
  document.addEventListener('securitypolicyviolation', (e) => {
    console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
  });
});

const shot = (name) => page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: false });
let storyId = null;

try {
  await check('story list lists the Lima story and opens it', async () => {
    await page.goto(`${BASE}/`);
    await page.waitForSelector('[data-testid=story-link]');
    const link = page.locator('[data-testid=story-link]', { hasText: /Lima/ }).first();
    const href = await link.getAttribute('href');
    storyId = decodeURIComponent(href.split('/').pop());
    await link.click();
    await page.waitForSelector('[data-testid=report-column] .doc');
    const columns = await page.locator('[data-testid=report-column]').count();
    assert(columns >= 2, `expected several report columns, got ${columns}`);
    await shot('story.png');
  });

  await check('quote-wording differences are highlighted', async () => {
    const words = (await page.locator('[data-testid=quote-diff]').allTextContents()).map((w) => w.toLowerCase());
    assert(words.length > 0, 'no [data-testid=quote-diff] marks');
    const pairs = [['bread', 'peace'], ['pan', 'paz']];
    assert(pairs.some(([a, b]) => words.includes(a) && words.includes(b)), `expected bread/peace or pan/paz, got ${words.join(', ')}`);
  });

  await check('conflicting numbers are highlighted', async () => {
    // Every count conflict of the real story must have its numbers marked.
    const story = await (await page.request.get(`${BASE}/api/stories/${encodeURIComponent(storyId)}`)).json();
    const real = story.story.comparison.filter((c) => c.kind === 'conflict' && /count|date|figure/.test(c.topic));
    const marked = await page.locator('[data-testid=number-conflict]').count();
    if (real.length) assert(marked > 0, `${real.length} number conflicts but no marks`);
    else console.log('     note: the sample story has no number conflict; checking a fixture built from its own count items');
    // The sample corpus keeps counts single-source, so also check a story answer that
    // pairs two of the story's own one-source arrest counts into a conflict.
    const counts = story.story.comparison.filter((c) => c.kind === 'unique' && c.topic === 'count' && /arrested/.test(c.summary));
    assert(counts.length >= 2, 'fixture needs two count items');
    const sides = counts.slice(0, 2).map((c) => c.sides[0]);
    const fixture = structuredClone(story);
    fixture.story.comparison.unshift({
      kind: 'conflict', topic: 'count',
      summary: `Sources disagree on how many were arrested in the arrest: 4 (${sides[0].outlet}) against 3 (${sides[1].outlet}).`,
      sides,
    });
    await page.route(`**/api/stories/${storyId}`, (route) => route.fulfill({ json: fixture }));
    await page.goto(`${BASE}/#/story/${storyId}?fixture=1`);
    await page.reload();
    await page.waitForSelector('[data-testid=number-conflict]');
    const texts = (await page.locator('[data-testid=number-conflict]').allTextContents()).map((t) => t.toLowerCase());
    await page.unroute(`**/api/stories/${storyId}`);
    for (const want of ['4', '3']) assert(texts.includes(want), `summary number ${want} not marked: ${texts}`);
    assert(texts.some((t) => /cuatro|four|4/.test(t)) && texts.some((t) => /three|tres|3/.test(t)), `side numbers not marked: ${texts}`);
    await page.goto(`${BASE}/#/story/${storyId}`);
    await page.reload();
    await page.waitForSelector('[data-testid=report-column] .doc');
  });

  await check('timeline shows events with corroboration counts', async () => {
    const events = page.locator('[data-testid=timeline-event]');
    assert((await events.count()) > 0, 'no timeline events');
    const text = await events.first().locator('[data-testid=corroboration]').textContent();
    assert(/reported by \d+ outlets?/.test(text), `corroboration text: ${text}`);
  });

  await check('clicking a comparison side highlights its evidence sentence', async () => {
    const side = page.locator('[data-testid=comparison-item][data-topic=quote] [data-testid=comparison-side]').first();
    const doc = await side.getAttribute('data-document');
    await side.click();
    const mark = page.locator(`[data-testid=report-column][data-document="${doc}"] mark.evidence`).first();
    await mark.waitFor();
    assert(await mark.isVisible(), 'evidence mark not visible');
    const text = await mark.textContent();
    assert(/bread|peace|pan|paz|Venezuel|venezol/i.test(text), `unexpected evidence: ${text}`);
    await shot('story-evidence.png');
  });

  await check('map draws SVG points', async () => {
    await page.goto(`${BASE}/#/map`);
    await page.waitForSelector('[data-testid=map-svg]');
    const points = await page.locator('[data-testid=map-svg] circle[data-testid=map-point]').count();
    assert(points > 0, 'no points');
    const labels = await page.locator('[data-testid=map-label]').allTextContents();
    assert(labels.some((l) => /La Victoria|El Agustino/.test(l)), `labels: ${labels}`);
    await shot('map.png');
  });

  await check('trends page draws the weekly chart and tables', async () => {
    await page.goto(`${BASE}/#/trends`);
    await page.waitForSelector('[data-testid=trend-chart]');
    assert((await page.locator('[data-testid=trend-bar]').count()) > 0, 'no bars');
    assert((await page.locator('[data-testid=year-table] tbody tr').count()) > 0, 'no year rows');
    await shot('trends.png');
  });

  await check('search for "Gallegos" finds the entity and opens its page', async () => {
    await page.goto(`${BASE}/`);
    await page.fill('[data-testid=search-box]', 'Gallegos');
    await page.press('[data-testid=search-box]', 'Enter');
    const hit = page.locator('[data-testid=search-hit][data-kind=entity] a', { hasText: 'Los Gallegos' }).first();
    await hit.waitFor();
    await hit.click();
    await page.waitForSelector('[data-testid=entity-name]');
    assert((await page.textContent('[data-testid=entity-name]')) === 'Los Gallegos', 'wrong entity');
    assert((await page.locator('[data-testid=entity-relations] a[data-testid=entity-link]').count()) > 0, 'no affiliations');
    await shot('entity.png');
    // A mention opens the article with its sentence highlighted.
    await page.locator('[data-testid=mention-link]').first().click();
    await page.waitForSelector('[data-testid=article-text] mark.evidence');
  });

  await check('no console errors or CSP violations', async () => {
    assert(problems.length === 0, problems.join('\n'));
  });
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

const passed = results.filter((r) => r[1]).length;
const failed = results.length - passed;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
