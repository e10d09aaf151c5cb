// The live composer in a real browser at 375 px: from the published article's editor page
// « Passer en direct », an entry with a key event and a photo (caption, credit, alt) posted by
// thumb, shown on the reader's page and in the article's feeds (read by a real feed parser);
// pinned, then « Fin du direct » after its confirmation. axe-core finds no serious or critical
// violation on the composer's pages, each is valid HTML, and none is wider than the phone.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import FeedParser from 'feedparser';
import { chromium } from 'playwright-core';
import { fixturePaths, startGazette } from './server.mjs';
import { addUser } from './newsroom_session.mjs';
import { assertValidPage } from './pages.mjs';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const EMAIL = 'direct@test.example';
const PASSWORD = 'a long enough password';
const PHONE = { width: 375, height: 812 };
// The reference article is the database's first.
const COMPOSER = '/newsroom/live/1';

let server;
let browser;

before(async () => {
  server = await startGazette();
  await addUser(server, { email: EMAIL, name: 'Rita Rédactrice', role: 'editor', password: PASSWORD });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(page) {
  await page.goto(server.url('/newsroom/login'));
  await page.fill('#email', EMAIL);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL('**/newsroom/articles/'), page.click('button[type=submit]')]);
}

const overflowOf = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Parses `text` with feedparser; resolves to {meta, items}. */
function parseFeed(text, url) {
  return new Promise((resolve, reject) => {
    const parser = new FeedParser({ feedurl: url });
    const items = [];
    parser.on('error', reject);
    parser.on('readable', () => {
      let item;
      while ((item = parser.read())) items.push(item);
    });
    parser.on('end', () => resolve({ meta: parser.meta, items }));
    Readable.from([Buffer.from(text, 'utf8')]).pipe(parser);
  });
}

test('an entry posted from the composer at 375 px reaches the page and its feeds', { timeout: 180_000 }, async () => {
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true });
  const page = await context.newPage();
  const failures = [];
  page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
  try {
    await signIn(page);
    await page.goto(server.url('/newsroom/articles/1'));
    await Promise.all([page.waitForURL(`**${COMPOSER}`), page.getByRole('link', { name: 'Passer en direct' }).tap()]);
    assert.ok((await overflowOf(page)) <= 0, 'the composer fits 375 px');

    await page.getByLabel('Texte de l’entrée').fill('Les combattants **entrent dans Damas**');
    await page.getByLabel('Événement clé').tap();
    await page.locator('.nr-live-photo summary').tap();
    const photo = path.join(path.dirname(fixturePaths().article), 'banniere-assad-damas.jpg');
    await page.setInputFiles('#live-photo', photo);
    await page.getByLabel('Légende').fill('Place des Omeyyades');
    await page.fill('#live-credit', 'AFP');
    await page.fill('#live-alt', 'Une foule sur une place de Damas');
    assert.ok((await overflowOf(page)) <= 0, 'the open photo fields fit 375 px');
    await Promise.all([page.waitForURL('**/newsroom/live/1?notice=live_posted'),
      page.getByRole('button', { name: 'Publier l’entrée' }).tap()]);
    await page.getByText('Entrée publiée.').waitFor();
    const entry = page.locator('.nr-live-entry').first();
    assert.match(await entry.innerText(), /entrent dans Damas/);
    assert.match(await entry.innerText(), /Événement clé/);
    assert.ok((await overflowOf(page)) <= 0, 'the entry list fits 375 px');

    const reader = await (await fetch(server.url(server.articlePath))).text();
    assert.match(reader, /<strong>entrent dans Damas<\/strong>/);
    assert.match(reader, /alt="Une foule sur une place de Damas"/);
    assert.match(reader, new RegExp(`<link rel="alternate" type="application/rss\\+xml" title="[^"]*" href="${server.articlePath}feed.xml">`));

    for (const [extension, format] of [['xml', 'rss'], ['atom', 'atom']]) {
      const url = server.url(`${server.articlePath}feed.${extension}`);
      const response = await fetch(url);
      assert.equal(response.status, 200, url);
      const { meta, items } = await parseFeed(await response.text(), url);
      assert.equal(meta['#type'], format);
      assert.equal(items.length, 1);
      assert.equal(items[0].title, 'Les combattants entrent dans Damas');
      assert.equal(items[0].link, `${server.url(server.articlePath)}#entry-1`);
      assert.equal(items[0].author, 'Rita Rédactrice');
      assert.match(items[0].description, /<strong>entrent dans Damas<\/strong>/);
      assert.match(items[0].description, /© AFP/);
    }

    // Pinned from the phone, then the coverage ended after its confirmation page.
    await Promise.all([page.waitForURL('**notice=live_entry_pinned'), page.getByRole('button', { name: 'Épingler en haut' }).tap()]);
    await page.getByRole('link', { name: 'Fin du direct' }).tap();
    await page.waitForURL(`**${COMPOSER}/end`);
    assert.ok((await overflowOf(page)) <= 0, 'the confirmation fits 375 px');
    await Promise.all([page.waitForURL('**notice=live_ended_notice'), page.getByRole('button', { name: 'Terminer le direct' }).tap()]);
    assert.equal(await page.locator('textarea[name=text]').count(), 0, 'no form once ended');
    const ended = await (await fetch(server.url(server.articlePath))).text();
    assert.match(ended, /class="live-pinned"/);
    assert.doesNotMatch(ended, /data-on-air/);
    assert.deepEqual(failures, []);
  } finally {
    await context.close();
  }
});

test('axe-core finds no serious or critical violation on the composer pages, valid HTML each', { timeout: 180_000 }, async () => {
  const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  try {
    const page = await context.newPage();
    const check = async (target, viewport) => {
      if (viewport) await page.setViewportSize(viewport);
      await page.goto(server.url(target));
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const results = await window.axe.run(document, { resultTypes: ['violations'] });
        return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      assert.deepEqual(violations, [], `axe on ${target}`);
      if (viewport) {
        const overflow = await overflowOf(page);
        assert.ok(overflow <= 0, `${target} fits ${viewport.width} px (${overflow} px too wide)`);
      }
    };
    await signIn(page);
    // A second story, live and open, so the form and every entry action are on the page.
    await page.goto(server.url('/newsroom/articles/new'));
    await page.fill('#title', 'Homs en fête');
    await Promise.all([page.waitForURL(/\/newsroom\/articles\/\d+\?notice=/),
      page.getByRole('button', { name: 'Publier', exact: true }).click()]);
    const id = /\/newsroom\/articles\/(\d+)/.exec(page.url())[1];
    const composer = `/newsroom/live/${id}`;
    await page.goto(server.url(composer));
    await page.getByLabel('Texte de l’entrée').fill('Des milliers de personnes dans les rues');
    await Promise.all([page.waitForURL('**notice=live_posted'), page.getByRole('button', { name: 'Publier l’entrée' }).click()]);
    const entryId = (await page.locator('.nr-live-entry').first().getAttribute('id')).replace('entry-', '');
    const cookie = (await context.cookies()).map(({ name, value }) => `${name}=${value}`).join('; ');
    for (const target of [composer, `${composer}/entries/${entryId}`, `${composer}/entries/${entryId}/delete`,
      `${composer}/end`, COMPOSER]) {
      const response = await fetch(server.url(target), { headers: { cookie } });
      assert.equal(response.status, 200, target);
      await assertValidPage(target, await response.text());
      await check(target);
      await check(target, PHONE);
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  } finally {
    await context.close();
  }
});
