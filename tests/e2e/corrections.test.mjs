// Corrections in the open, in Debian's Chromium: an editor publishes an article, corrects it in
// the newsroom with a note, and a reader sees the dated « Ce qui a changé » box on the article
// and the entry on /corrections/ linking back to it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { startGazette } from './server.mjs';
import { addUser } from './newsroom_session.mjs';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Writes the body in the Markdown field, switching to it from the rich-text editor if shown. */
async function fillMarkdownBody(page, markdown) {
  if (!(await page.locator('#body').isVisible())) await page.click('button.nr-mode');
  await page.fill('#body', markdown);
}

const EMAIL = 'eve@test.example';
const PASSWORD = 'a long enough password';

let server;
let browser;

before(async () => {
  server = await startGazette();
  await addUser(server, { email: EMAIL, name: 'Eve Éditrice', role: 'editor', password: PASSWORD });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('an editor corrects a published article and readers see the box and the list', { timeout: 120_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const failures = [];
  page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
  try {
    await page.goto(server.url('/newsroom/login'));
    await page.fill('#email', EMAIL);
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL('**/newsroom/articles/'), page.click('button[type=submit]')]);

    // Publish.
    await page.goto(server.url('/newsroom/articles/new'));
    const title = 'Le pont rouvre lundi';
    await page.fill('#title', title);
    await page.selectOption('#section', 'actualite');
    await fillMarkdownBody(page, 'Le pont rouvre lundi à 6 heures.');
    await Promise.all([page.waitForURL(/notice=published_notice/), page.click('button[value=publish]')]);

    // Correct: the kind of change is asked, and a correction needs its note.
    await fillMarkdownBody(page, 'Le pont rouvre lundi à 8 heures.');
    await page.selectOption('#change', 'correction');
    const note = 'L’heure de réouverture était 8 heures, et non 6 heures.';
    await page.fill('#change_note', note);
    await Promise.all([page.waitForURL(/notice=saved_notice/), page.click('button[value=save]')]);

    // The reader's article: the dated box, and « Mis à jour le ».
    const reader = await context.newPage();
    await reader.goto(server.url('/corrections/'));
    const entry = reader.locator('li.correction').first();
    assert.match(await entry.innerText(), /Correction/);
    assert.ok((await entry.innerText()).includes(note));
    await Promise.all([reader.waitForURL(/\/actualite\/le-pont-rouvre-lundi\/#change-\d+$/),
      entry.getByRole('link', { name: title }).click()]);
    const box = reader.locator('aside.what-changed');
    assert.match(await box.locator('h2').innerText(), /Ce qui a changé/);
    assert.ok((await box.innerText()).includes(note));
    assert.match(await reader.locator('p.dateline').innerText(), /Mis à jour le/);
    assert.deepEqual(failures, []);
  } finally {
    await context.close();
  }
});
