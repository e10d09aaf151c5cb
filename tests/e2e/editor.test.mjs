// The rich-text editor in Debian's Chromium: write with the toolbar and with Markdown shortcuts,
// paste a Word document, insert a photo from the media library, publish from a 375-px page
// (nothing wider than the screen, nothing asked of another site); lose the connection mid-
// sentence and get the text back; and axe-core finds no serious or critical violation on the
// newsroom's pages.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { startGazette } from './server.mjs';
import { addUser } from './newsroom_session.mjs';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const EMAIL = 'redaction@test.example';
const PASSWORD = 'a long enough password';
const PHONE = { width: 375, height: 812 };
// How long the page may take to show a state it reaches by itself (autosave, a fetch).
const STATE_TIMEOUT_MS = 20_000;

// What Word puts on the clipboard: classes, inline styles, lists as paragraphs, a title in h1.
const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{font-family:Calibri}</style></head><body>
<h1 style="color:#2F5496;font-family:'Calibri Light'">Réunion du conseil</h1>
<p class="MsoNormal" style="margin-bottom:0cm;font-size:11pt"><b><span style="font-size:14pt;color:red">Le maire</span></b> a <i>présenté</i> le budget.<o:p></o:p></p>
<p class="MsoListParagraphCxSpFirst" style="text-indent:-18pt;mso-list:l0 level1 lfo1"><span style="font-family:Symbol;mso-list:Ignore">·<span style="font:7pt 'Times New Roman'">&nbsp;&nbsp;</span></span>Voirie<o:p></o:p></p>
<p class="MsoListParagraphCxSpLast" style="text-indent:-18pt;mso-list:l0 level1 lfo1"><span style="font-family:Symbol;mso-list:Ignore">·<span style="font:7pt 'Times New Roman'">&nbsp;&nbsp;</span></span>Écoles<o:p></o:p></p>
<p class="MsoNormal"><a href="javascript:alert(1)" onclick="alert(2)">un lien piégé</a><script>alert(3)</script></p>
</body></html>`;

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

const markdown = (page) => page.inputValue('#body');

async function waitForSave(page) {
  await page.locator('#nr-autosave', { hasText: /Enregistré à \d{1,2} h \d\d/ }).waitFor({ timeout: STATE_TIMEOUT_MS });
}

test('an article written at 375 px: toolbar, shortcuts, Word paste, library photo, autosave, publish', { timeout: 180_000 }, async () => {
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true });
  const page = await context.newPage();
  const failures = [];
  const elsewhere = [];
  page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', ''].includes(url.hostname) && url.protocol !== 'data:') elsewhere.push(request.url());
  });
  try {
    await signIn(page);
    await page.goto(server.url('/newsroom/articles/new'));
    await page.fill('#title', 'Le conseil municipal vote son budget');
    await page.fill('#lead', 'Les élus ont adopté le budget après trois heures de débat.');
    const editor = page.locator('.nr-rich-text');
    await editor.waitFor({ timeout: STATE_TIMEOUT_MS });
    assert.ok(!(await page.locator('#body').isVisible()), 'the Markdown field stands behind the editor');
    await editor.click();

    // Markdown shortcuts.
    await page.keyboard.type('## Les chiffres');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Un budget **en hausse** de 3 %.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('- fonctionnement');
    await page.keyboard.press('Enter');
    await page.keyboard.type('investissement');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    // The toolbar.
    await page.getByRole('button', { name: 'Italique' }).click();
    await page.keyboard.type('Vote à main levée');
    await page.getByRole('button', { name: 'Italique' }).click();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Nous tiendrons nos promesses');
    await page.getByRole('button', { name: 'Exergue' }).click();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');

    let body = await markdown(page);
    assert.match(body, /^## Les chiffres$/m);
    assert.match(body, /\*\*en hausse\*\*/);
    assert.match(body, /^- fonctionnement$/m);
    assert.match(body, /^- investissement$/m);
    assert.match(body, /\*Vote à main levée\*/);
    assert.match(body, /^> \[!PULLQUOTE\]\n> Nous tiendrons nos promesses$/m);

    // A Word document pasted: structure kept, styling and anything hostile dropped.
    await editor.evaluate((element, html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', 'Réunion du conseil');
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, WORD_HTML);
    body = await markdown(page);
    assert.match(body, /^## Réunion du conseil$/m);
    assert.match(body, /\*\*Le maire\*\* a \*présenté\* le budget\./);
    assert.match(body, /^- Voirie$/m);
    assert.match(body, /^- Écoles$/m);
    assert.doesNotMatch(body, /Calibri|style|Mso|color|javascript|alert|<script/i);

    // A photo from the media library (the reference article's), with caption, credit and alt.
    await page.getByRole('button', { name: 'Photo de la médiathèque' }).click();
    const picker = page.locator('#nr-photo-picker');
    await picker.locator('.nr-picker-item').first().click();
    await picker.locator('#nr-picker-caption').fill('La salle du conseil');
    await picker.locator('#nr-picker-credit').fill('Jean Photo');
    await picker.locator('#nr-picker-alt').fill('Des élus assis autour d’une table');
    await picker.getByRole('button', { name: 'Insérer' }).click();
    body = await markdown(page);
    assert.match(body, /^!\[Des élus assis autour d’une table\]\(\/media\/[^ )]+ "La salle du conseil © Jean Photo"\)$/m);

    // An embed by URL, and a table.
    page.once('dialog', (dialog) => dialog.accept('https://www.youtube.com/watch?v=dQw4w9WgXcQ'));
    await page.getByRole('button', { name: 'Vidéo ou publication (URL)' }).click();
    await page.getByRole('button', { name: 'Tableau' }).click();
    await page.keyboard.type('Poste');
    body = await markdown(page);
    assert.match(body, /\[www\.youtube\.com\]\(https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ "embed"\)/);
    assert.match(body, /^\| Poste \|/m);

    // Help while writing.
    assert.match(await page.locator('#nr-writing-help [data-field="words"]').innerText(), /^\d+ mots$/);
    assert.match(await page.locator('#nr-writing-help [data-field="serp-title"]').innerText(), /conseil municipal/);

    // Autosave gave the draft an address; then publish, from the phone.
    await waitForSave(page);
    assert.match(new URL(page.url()).pathname, /^\/newsroom\/articles\/\d+$/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the editor fits 375 px (${overflow} px too wide)`);
    await page.getByRole('button', { name: 'Publier', exact: true }).tap();
    await page.waitForURL(/notice=published_notice/);

    const reader = await context.newPage();
    const readerElsewhere = [];
    reader.on('pageerror', (error) => failures.push(`reader page error: ${error.message}`));
    reader.on('request', (request) => {
      const url = new URL(request.url());
      if (!['127.0.0.1', ''].includes(url.hostname) && url.protocol !== 'data:') readerElsewhere.push(request.url());
    });
    // The player's site is not reached from the test machine: its request is recorded, then dropped.
    await reader.route(/^https:\/\/www\.youtube-nocookie\.com\//, (route) => route.abort());
    const live = await page.locator('.nr-links a').last().getAttribute('href');
    assert.match(live, /\/le-conseil-municipal-vote-son-budget\/$/);
    await reader.goto(server.url(live));
    const article = reader.locator('main');
    assert.equal(await article.locator('h2', { hasText: 'Les chiffres' }).count(), 1);
    assert.equal(await article.locator('strong', { hasText: 'en hausse' }).count(), 1);
    assert.equal(await article.locator('blockquote.pullquote', { hasText: 'Nous tiendrons nos promesses' }).count(), 1);
    assert.equal(await article.locator('figure.article-figure figcaption .credit').innerText(), '© Jean Photo');
    assert.equal(await article.locator('figure.article-embed a[href^="https://www.youtube.com/"]').count(), 1);
    assert.equal(await article.locator('iframe, script:not([src])[src*="youtube"]').count(), 0);
    assert.equal(await article.locator('table', { hasText: 'Poste' }).count(), 1);
    assert.equal(await article.locator('[onclick], a[href^="javascript"]').count(), 0);
    assert.deepEqual(elsewhere, [], 'no request to another site');
    assert.deepEqual(readerElsewhere, [], 'nothing of the video\'s site loads with the page');

    // The video loads when the reader asks, and only then: a button naming its site, then the
    // site's player (without cookies) in place of the link, which stays as the caption.
    const load = article.getByRole('button', { name: 'Afficher la vidéo (YouTube)' });
    assert.match(await article.locator('.article-embed-notice').innerText(), /lecteur de YouTube/);
    await load.click();
    const player = article.locator('figure.article-embed iframe.article-embed-player');
    await player.waitFor({ timeout: STATE_TIMEOUT_MS });
    assert.equal(await player.getAttribute('src'), 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    assert.equal(await article.locator('figure.article-embed figcaption a[href^="https://www.youtube.com/"]').count(), 1);
    for (let i = 0; i < 100 && readerElsewhere.length === 0; ++i) await reader.waitForTimeout(50);
    assert.ok(readerElsewhere.length > 0 && readerElsewhere.every((url) => url.startsWith('https://www.youtube-nocookie.com/embed/')),
      `only the player was asked for, after the click: ${readerElsewhere.join(', ')}`);
    assert.deepEqual(failures, []);
  } finally {
    await context.close();
  }
});

test('a lost connection mid-sentence keeps the text, offered back after a reload', { timeout: 120_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await signIn(page);
    await page.goto(server.url('/newsroom/articles/new'));
    await page.fill('#title', 'Tempête sur la côte');
    await page.locator('.nr-rich-text').click();
    await page.keyboard.type('Les vents ont soufflé toute la nuit.');
    await waitForSave(page);
    const address = page.url();

    await context.setOffline(true);
    await page.keyboard.type(' Les pompiers sont intervenus à');
    await page.locator('#nr-autosave', { hasText: 'Hors connexion' }).waitFor({ timeout: STATE_TIMEOUT_MS });
    await page.close();
    await context.setOffline(false);

    const again = await context.newPage();
    await again.goto(address);
    await again.locator('.nr-rich-text', { hasText: 'toute la nuit.' }).waitFor({ timeout: STATE_TIMEOUT_MS });
    assert.ok(!(await again.locator('.nr-rich-text').innerText()).includes('pompiers'), 'the server never got it');
    await again.getByRole('button', { name: 'Reprendre cette copie' }).click();
    await again.locator('.nr-rich-text', { hasText: 'Les pompiers sont intervenus à' }).waitFor({ timeout: STATE_TIMEOUT_MS });
    await waitForSave(again);
    const stored = await (await context.request.get(address)).text();
    assert.match(stored, /Les pompiers sont intervenus à/);
  } finally {
    await context.close();
  }
});

test('autosave over a newer revision stops with the conflict said', { timeout: 120_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const first = await context.newPage();
    await signIn(first);
    await first.goto(server.url('/newsroom/articles/new'));
    await first.fill('#title', 'Deux onglets');
    await waitForSave(first);
    const second = await context.newPage();
    await second.goto(first.url());
    await second.locator('.nr-rich-text').click();
    await second.keyboard.type('Écrit dans le second onglet.');
    await waitForSave(second);
    await first.locator('.nr-rich-text').click();
    await first.keyboard.type('Écrit dans le premier.');
    await first.locator('#nr-autosave', { hasText: 'version plus récente' }).waitFor({ timeout: STATE_TIMEOUT_MS });
    // The form's own save then shows both versions (409), as before.
    const [response] = await Promise.all([first.waitForResponse((r) => r.request().method() === 'POST'),
      first.click('button[value=save]')]);
    assert.equal(response.status(), 409);
  } finally {
    await context.close();
  }
});

test('axe-core finds no serious or critical violation on the newsroom pages', { timeout: 180_000 }, async () => {
  const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  try {
    const page = await context.newPage();
    const check = async (path, viewport) => {
      if (viewport) await page.setViewportSize(viewport);
      await page.goto(server.url(path));
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const results = await window.axe.run(document, { resultTypes: ['violations'] });
        return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      assert.deepEqual(violations, [], `axe on ${path}`);
      if (viewport) {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${path} fits ${viewport.width} px (${overflow} px too wide)`);
      }
    };
    await check('/newsroom/login');
    await signIn(page);
    for (const path of ['/newsroom/articles/', '/newsroom/articles/new', '/newsroom/articles/1',
      '/newsroom/articles/1/revisions/', '/newsroom/comments/', '/newsroom/sections/',
      '/newsroom/terms/tags/', '/newsroom/users/', '/newsroom/settings', '/newsroom/profile',
      '/newsroom/library', '/newsroom/webhooks', '/newsroom/newsletter', '/newsroom/newsletter/settings',
      '/newsroom/api-tokens', '/newsroom/settings/publisher']) {
      await check(path);
    }
    await check('/newsroom/articles/1', PHONE);
    await check('/newsroom/articles/', PHONE);
    await check('/newsroom/comments/', PHONE);
    await check('/newsroom/articles/1/revisions/', PHONE);
    await check('/newsroom/library', PHONE);
    await check('/newsroom/webhooks', PHONE);
  } finally {
    await context.close();
  }
});
