// The newsroom in Debian's Chromium: sign in, write an article with a photo and a live preview,
// schedule it a few seconds ahead, see it reach the home page at its time with nobody
// publishing it, edit it, and restore its first revision.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { fixturePaths, startGazette } from './server.mjs';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const EMAIL = 'eve@test.example';
const PASSWORD = 'a long enough password';
// How far ahead the article is scheduled: enough to see it absent first.
const SCHEDULE_AHEAD_SECONDS = 8;
// Polling the home page for the scheduled article: twice a second, for at most a minute.
const POLL_INTERVAL_MS = 500;
const POLL_ATTEMPTS = 120;
const PHOTO = new URL('../../../shared/fixtures/seed/banniere-assad-damas.jpg', import.meta.url);

let server;
let browser;

/** `gazette user add` with the password on standard input. */
function addUser(binary, db) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['user', 'add', EMAIL, '--name', 'Eve Éditrice', '--role', 'editor', '--db', db],
      { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.stdout.resume();
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`user add failed: ${stderr}`))));
    child.stdin.end(`${PASSWORD}\n`);
  });
}

/** "2026-05-04T10:11:12": `seconds` from now in Europe/Paris, the site's time zone. */
function parisTimeIn(seconds) {
  const when = new Date(Date.now() + seconds * 1000);
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).format(when).replace(' ', 'T');
}

before(async () => {
  server = await startGazette();
  await addUser(fixturePaths().binary, server.db);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('an editor writes, schedules, edits and restores an article with a photo', { timeout: 180_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const failures = [];
  page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
  try {
    // Sign in.
    await page.goto(server.url('/newsroom/'));
    assert.equal(new URL(page.url()).pathname, '/newsroom/login');
    await page.fill('#email', EMAIL);
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL('**/newsroom/articles/'), page.click('button[type=submit]')]);
    assert.equal(await page.locator('h1').innerText(), 'Articles');

    // Write, with the live preview following the Markdown.
    await Promise.all([page.waitForURL('**/newsroom/articles/new'), page.click('a.nr-button')]);
    const title = 'Marée haute sur la digue';
    await page.fill('#title', title);
    assert.equal(await page.inputValue('#slug'), 'maree-haute-sur-la-digue', 'the slug follows the title');
    await page.selectOption('#section', 'actualite');
    await page.fill('#lead', 'La mer monte plus tôt que prévu.');
    await page.click('button.nr-mode'); // from the rich-text editor to the Markdown field
    await page.fill('#body', '## À la digue\n\nLes riverains **observent** la montée des eaux.');
    await page.locator('#body-preview h2', { hasText: 'À la digue' }).waitFor({ timeout: 10_000 });
    await page.fill('#tags', 'Littoral, Météo');
    await page.setInputFiles('#photo', PHOTO.pathname);
    await page.fill('#caption', 'La digue au petit matin.');
    await page.fill('#alt', 'Des vagues frappent une digue de pierre.');
    const goesLiveAt = parisTimeIn(SCHEDULE_AHEAD_SECONDS);
    await page.fill('#published_at', goesLiveAt);
    await Promise.all([page.waitForURL(/\/newsroom\/articles\/\d+\?notice=scheduled_notice/), page.click('button[value=schedule]')]);
    assert.match(await page.locator('.nr-notice').innerText(), /programmé/i);
    assert.match(await page.locator('.nr-links .nr-status').innerText(), /Programmé/);
    const editorUrl = page.url().split('?')[0];

    // Not on the home page yet; then there at its time, without anyone publishing it.
    const home = async () => (await fetch(server.url('/'))).text();
    assert.ok(!(await home()).includes(title), 'not on the home page before its time');
    let found = false;
    for (let attempt = 0; attempt < POLL_ATTEMPTS && !found; attempt++) {
      found = (await home()).includes(title);
      if (!found) await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    }
    assert.ok(found, `the article reached the home page (scheduled for ${goesLiveAt}, Paris)\n${server.output()}`);

    // Readers see it with its photo.
    const reader = await context.newPage();
    await reader.goto(server.url('/'));
    await Promise.all([reader.waitForURL('**/actualite/maree-haute-sur-la-digue/'),
      reader.getByRole('link', { name: title }).first().click()]);
    assert.equal(await reader.locator('h1').innerText(), title);
    const photo = reader.locator('figure.article-image img');
    await photo.scrollIntoViewIfNeeded();
    await reader.waitForFunction((img) => img.complete && img.naturalWidth > 0, await photo.elementHandle(), { timeout: 15_000 });
    assert.match(await photo.getAttribute('srcset'), /480w/);
    assert.equal(await photo.getAttribute('alt'), 'Des vagues frappent une digue de pierre.');
    assert.equal((await reader.locator('figcaption').innerText()).trim(), 'La digue au petit matin.');

    // Edit it.
    await page.goto(editorUrl);
    await page.fill('#title', 'Marée haute : la digue tient');
    await Promise.all([page.waitForURL(/notice=saved_notice/), page.click('button[value=save]')]);
    await reader.reload();
    // Typed with a space, shown with French typography's narrow no-break space before ':'.
    assert.equal(await reader.locator('h1').innerText(), 'Marée haute\u202F: la digue tient');

    // Restore the first revision.
    await page.click('.nr-links a[href$="/revisions"]');
    const rows = page.locator('table.nr-table tbody tr');
    // Two saves, and what autosave sent of the draft before it was scheduled.
    assert.ok(await rows.count() >= 2, 'a revision a save');
    await Promise.all([page.waitForURL(/\/revisions\/\d+$/), rows.last().locator('td:nth-child(3) a').click()]);
    assert.ok(await page.locator('.nr-removed', { hasText: 'la digue tient' }).count() > 0, 'the diff shows the change');
    await Promise.all([page.waitForURL(/notice=restored_notice/), page.click('form.nr-restore button')]);
    assert.equal(await page.inputValue('#title'), title);
    await reader.reload();
    assert.equal(await reader.locator('h1').innerText(), title);
    assert.deepEqual(failures, []);
  } finally {
    await context.close();
  }
});
