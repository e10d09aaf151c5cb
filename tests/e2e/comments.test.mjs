// A reader comments in Debian's Chromium: the comment is posted, its writer sees it "awaiting
// moderation" on a page of their own, an editor signed in to the newsroom approves it on the
// moderation screen and it appears on the article; a reply goes under it (approved in bulk). The
// same works without JavaScript. Every comment page, and the moderation screen, is valid HTML.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { assertValidPage, fetchPage } from './pages.mjs';
import { fixturePaths, startGazette } from './server.mjs';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const THEME_I18N = new URL('../../themes/default/i18n/', import.meta.url);
const NEWSROOM_I18N = new URL('../../src/newsroom/i18n/', import.meta.url);
const EDITOR_EMAIL = 'moderatrice@test.example';
const EDITOR_PASSWORD = 'a long enough password';

let server;
let browser;
let t;
let nr;
let moderator;

/** `gazette user add` of an editor, with the password on standard input. */
function addEditor() {
  return new Promise((resolve, reject) => {
    const child = spawn(fixturePaths().binary,
      ['user', 'add', EDITOR_EMAIL, '--name', 'Mona Modératrice', '--role', 'editor', '--db', server.db],
      { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.stdout.resume();
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`user add failed: ${stderr}`))));
    child.stdin.end(`${EDITOR_PASSWORD}\n`);
  });
}

/** A browser page signed in to the newsroom as the editor. */
async function signInModerator() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url('/newsroom/login'));
  await page.fill('#email', EDITOR_EMAIL);
  await page.fill('#password', EDITOR_PASSWORD);
  await Promise.all([page.waitForURL('**/newsroom/articles/'), page.click('button[type=submit]')]);
  return { context, page };
}

/** Approves comment `id` on the newsroom's moderation screen, with its own button. */
async function approveInNewsroom(id) {
  const page = moderator.page;
  await page.goto(server.url('/newsroom/comments/'));
  const row = page.locator(`#comment-${id}`);
  assert.ok(await row.isVisible(), `comment ${id} is pending on the moderation screen`);
  await Promise.all([page.waitForURL(/notice=comments_approved_done/),
    row.getByRole('button', { name: nr.approve }).click()]);
  assert.equal(await page.locator(`#comment-${id}`).count(), 0, 'no longer pending');
}

/** Approves the checked comments `ids` with the bulk button. */
async function approveInBulk(ids) {
  const page = moderator.page;
  await page.goto(server.url('/newsroom/comments/'));
  for (const id of ids) await page.locator(`#select-${id}`).check();
  await Promise.all([page.waitForURL(/notice=comments_approved_done/),
    page.locator('fieldset.nr-bulk').getByRole('button', { name: nr.approve }).click()]);
}

/** Runs `gazette comments ARGS… --db DB` beside the server; returns its stdout. */
async function comments(...args) {
  const { stdout } = await promisify(execFile)(fixturePaths().binary, ['comments', ...args, '--db', server.db]);
  return stdout;
}

/** The comment id in a receipt URL (/comments/ID/received?key=…). */
function receiptId(url) {
  const match = /\/comments\/(\d+)\/received\?key=/.exec(url);
  assert.ok(match, `a receipt URL: ${url}`);
  return match[1];
}

/** Fills the comment form on `page` and sends it; waits for the page it leads to. */
async function writeComment(page, { name, email, text }, { waitForToken = true } = {}) {
  const form = page.locator('#comments form');
  await form.getByLabel(t.comment_name).fill(name);
  await form.getByLabel(t.comment_email).fill(email);
  await form.getByLabel(t.comment_text).fill(text);
  if (waitForToken) {
    // comments.js fetched the signed timestamp when the reader started typing.
    await page.waitForFunction(() => document.querySelector('#comments input[name="form_token"]')?.value !== '');
  }
  await Promise.all([page.waitForNavigation(), form.getByRole('button', { name: t.comment_submit }).click()]);
}

before(async () => {
  t = JSON.parse(await readFile(new URL('fr.json', THEME_I18N), 'utf8'));
  nr = JSON.parse(await readFile(new URL('fr.json', NEWSROOM_I18N), 'utf8'));
  server = await startGazette();
  // A test types faster than a person; the defence itself is tested in tests/integration.
  await comments('settings', '--min-fill-seconds', '0');
  await addEditor();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  moderator = await signInModerator();
});

after(async () => {
  await moderator?.context.close();
  await browser?.close();
  await server?.stop();
});

test('a comment awaits moderation for its writer, then shows once approved', { timeout: 120_000 }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(server.url(server.articlePath));
    await writeComment(page, { name: 'Camille', email: 'camille@example.fr', text: 'Merci pour ce reportage.' });

    assert.match(page.url(), /\/comments\/\d+\/received\?key=/);
    assert.ok(await page.getByText(t.comment_awaiting).isVisible(), 'marked as awaiting moderation');
    assert.ok(await page.getByText('Merci pour ce reportage.').isVisible());
    const id = receiptId(page.url());

    // Readers do not see it yet.
    await page.goto(server.url(server.articlePath));
    assert.equal(await page.locator(`#comment-${id}`).count(), 0);

    // The moderation screen shows it with what a moderator needs, then approves it.
    await moderator.page.goto(server.url('/newsroom/comments/'));
    assert.match(await moderator.page.locator('.nr-nav').innerText(), new RegExp(`${nr.comments}\\s*1`));
    const row = moderator.page.locator(`#comment-${id}`);
    assert.match(await row.innerText(), /camille@example\.fr/);
    const screen = await moderator.context.request.get(server.url('/newsroom/comments/'));
    await assertValidPage('/newsroom/comments/', await screen.text());
    // Narrowed to the comment's article and searched, with the header saying so: valid too.
    const onlyArticle = await row.locator('a.nr-article-filter').getAttribute('href');
    const narrowed = await (await moderator.context.request.get(server.url(`${onlyArticle}&q=camille`))).text();
    assert.match(narrowed, new RegExp(`id="comment-${id}"`));
    assert.match(narrowed, /class="nr-comment-filter"/);
    await assertValidPage('/newsroom/comments/?article=…&q=camille', narrowed);
    await approveInNewsroom(id);
    await page.goto(server.url(server.articlePath));
    const comment = page.locator(`#comment-${id}`);
    assert.ok(await comment.isVisible(), 'the approved comment is on the article');
    assert.equal((await comment.locator('.comment-author').innerText()).trim(), 'Camille');
    assert.equal((await comment.locator('.comment-body').innerText()).trim(), 'Merci pour ce reportage.');
    const avatar = comment.locator('img.avatar');
    await avatar.scrollIntoViewIfNeeded();
    await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await avatar.elementHandle());

    // Reply: the link leads to a small page whose form answers this comment.
    await Promise.all([page.waitForNavigation(), comment.getByRole('link', { name: new RegExp(t.comment_reply) }).click()]);
    assert.ok(await page.getByText(`${t.comment_replying_to} Camille`).isVisible());
    await writeComment(page, { name: 'Louis', email: 'louis@example.fr', text: 'Je confirme.' });
    await approveInBulk([receiptId(page.url())]);
    await page.goto(server.url(server.articlePath));
    assert.equal((await page.locator(`#comment-${id} .comment-replies .comment-body`).innerText()).trim(), 'Je confirme.');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('without JavaScript the reader confirms once and nothing is lost', { timeout: 60_000 }, async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto(server.url(server.articlePath));
    await writeComment(page, { name: 'Inès', email: 'ines@example.fr', text: 'Sans script.' }, { waitForToken: false });
    assert.ok(await page.getByRole('alert').isVisible(), 'the form says why it came back');
    assert.equal(await page.locator('textarea[name="comment"]').inputValue(), 'Sans script.');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: t.comment_submit }).click()]);
    assert.match(page.url(), /\/comments\/\d+\/received\?key=/);
    assert.ok(await page.getByText(t.comment_awaiting).isVisible());
  } finally {
    await context.close();
  }
});

test('the article with comments, the reply page and the receipt are valid HTML', { timeout: 60_000 }, async () => {
  const list = await comments('list', '--status', 'approved');
  const id = /^(\d+)\t/m.exec(list)?.[1];
  assert.ok(id, `an approved comment in:\n${list}`);
  await assertValidPage(server.articlePath, await fetchPage(server, server.articlePath));
  await assertValidPage(`/comments/${id}/reply`, await fetchPage(server, `/comments/${id}/reply`));

  const token = await (await fetch(server.url('/comments/form-token'))).text();
  const body = new URLSearchParams({ name: 'Zoé', email: 'zoe@example.fr', comment: 'Valide ?', form_token: token });
  const posted = await fetch(server.url(`${server.articlePath}comments`), { method: 'POST', body, redirect: 'manual' });
  assert.equal(posted.status, 303);
  const receipt = posted.headers.get('location');
  await assertValidPage(receipt, await fetchPage(server, receipt));

  const refused = await fetch(server.url(`${server.articlePath}comments`), {
    method: 'POST',
    body: new URLSearchParams({ name: '', email: 'x', comment: '<b>gras</b>' }),
  });
  assert.equal(refused.status, 422);
  await assertValidPage('the refused form', await refused.text());
});
