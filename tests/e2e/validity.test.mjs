// Every kind of reader page is valid HTML (html-validate's "standard" rules) with one h1:
// home (with and without pinned articles), a section, the reference article, a tag, an author
// and the 404 page; and so is every newsroom page an editor or admin opens, signed in.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addUser, signIn } from './newsroom_session.mjs';
import { assertValidPage, fetchPage, validate } from './pages.mjs';
import { startGazette } from './server.mjs';

const ADMIN = { email: 'ada@test.example', name: 'Ada Admin', role: 'admin', password: 'a long enough password' };

let server;
let session;  // the admin's Cookie header

before(async () => {
  server = await startGazette();
  await addUser(server, ADMIN);
  session = await signIn(server, ADMIN.email, ADMIN.password);
});

after(async () => {
  await server?.stop();
});

const PAGES = [
  { name: 'home', path: () => '/' },
  { name: 'section', path: () => '/actualite/' },
  { name: 'article', path: () => server.articlePath },
  { name: 'tag', path: () => '/tag/syrie/' },
  { name: 'author', path: () => '/author/sara/' },
  { name: 'not found', path: () => '/nope/nothing/', status: 404 },
  { name: 'search results', path: () => '/search?q=offensive' },
  { name: 'empty search', path: () => '/search' },
  { name: 'search finding nothing', path: () => '/search?q=%22%3C%2Fmark%3E%3Cscript%3E' },
];

for (const page of PAGES) {
  test(`the ${page.name} page is valid HTML`, { timeout: 30_000 }, async () => {
    const urlPath = page.path();
    const html = await fetchPage(server, urlPath, page.status ?? 200);
    await assertValidPage(urlPath, html);
  });
}

const NEWSROOM_PAGES = [
  '/newsroom/articles/',
  '/newsroom/articles/?status=published&q=a',
  '/newsroom/articles/new',
  '/newsroom/articles/1',
  '/newsroom/articles/1/revisions/',
  '/newsroom/articles/1/preview',
  '/newsroom/sections/',
  '/newsroom/terms/categories/',
  '/newsroom/terms/tags/',
  '/newsroom/users/',
  '/newsroom/settings',
  '/newsroom/authors/sara',
  '/newsroom/nothing-here',
];

test('the newsroom login page is valid HTML', { timeout: 30_000 }, async () => {
  await assertValidPage('/newsroom/login', await fetchPage(server, '/newsroom/login'));
});

for (const urlPath of NEWSROOM_PAGES) {
  test(`the newsroom page ${urlPath} is valid HTML`, { timeout: 30_000 }, async () => {
    const response = await fetch(server.url(urlPath), { redirect: 'manual', headers: { cookie: session } });
    const html = await response.text();
    assert.equal(response.status, urlPath.endsWith('nothing-here') ? 404 : 200, `GET ${urlPath}`);
    await assertValidPage(urlPath, html);
  });
}

test('a newsroom revision and a form with errors are valid HTML', { timeout: 30_000 }, async () => {
  const post = (urlPath, fields) => fetch(server.url(urlPath), {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: session, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  const form = await (await fetch(server.url('/newsroom/settings'), { headers: { cookie: session } })).text();
  const csrf = /name="csrf" value="([^"]*)"/.exec(form)?.[1];

  // An article saved in the newsroom has a revision.
  const saved = await post('/newsroom/articles/new', {
    csrf, title: 'Une révision', slug: '', section: 'actualite', categories: '', tags: 'Essai',
    lead: 'Un chapô.', body: 'Un *texte*.', caption: '', alt: '', published_at: '', action: 'save', version: '0',
  });
  assert.equal(saved.status, 303, 'the article is saved');
  const editor = saved.headers.get('location').split('?')[0];
  const list = await (await fetch(server.url(`${editor}/revisions/`), { headers: { cookie: session } })).text();
  const revision = /href="(\/newsroom\/articles\/\d+\/revisions\/\d+)"/.exec(list)?.[1];
  assert.ok(revision, 'the saved article has a revision');
  await assertValidPage(editor, await (await fetch(server.url(editor), { headers: { cookie: session } })).text());
  const page = await fetch(server.url(revision), { headers: { cookie: session } });
  assert.equal(page.status, 200, `GET ${revision}`);
  await assertValidPage(revision, await page.text());

  // The settings form sent back with an empty title: its error list links to the field.
  const refused = await post('/newsroom/settings', { csrf, title: '', description: '', language: 'fr', time_zone: 'Europe/Paris' });
  assert.equal(refused.status, 422);
  await assertValidPage('/newsroom/settings (refused)', await refused.text());
});

test('/about/, a policy page and the publisher form, filled and refused, are valid HTML', { timeout: 30_000 }, async () => {
  const form = await (await fetch(server.url('/newsroom/settings/publisher'), { headers: { cookie: session } })).text();
  await assertValidPage('/newsroom/settings/publisher', form);
  const csrf = /name="csrf" value="([^"]*)"/.exec(form)?.[1];
  const post = (fields) => fetch(server.url('/newsroom/settings/publisher'), {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: session, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf, ...fields }).toString(),
  });
  const saved = await post({
    publisher_name: 'Société éditrice', publisher_address: '1 rue de la Paix\r\nParis',
    publisher_email: 'redaction@example.fr', publisher_phone: '+33 1 23 45 67 89',
    policy_ethics: '## Nos principes\n\nNous vérifions.', policy_contact: 'Écrivez-nous.',
  });
  assert.equal(saved.status, 303, 'the publisher is saved');
  for (const urlPath of ['/about/', '/about/ethics/', '/about/contact/']) {
    await assertValidPage(urlPath, await fetchPage(server, urlPath));
  }
  const refused = await post({ publisher_email: 'pas une adresse' });
  assert.equal(refused.status, 422);
  await assertValidPage('/newsroom/settings/publisher (refused)', await refused.text());
});

test('the home page with a pinned article, and the newsroom marking it, are valid HTML', { timeout: 30_000 }, async () => {
  const form = await (await fetch(server.url('/newsroom/articles/new'), { headers: { cookie: session } })).text();
  const csrf = /name="csrf" value="([^"]*)"/.exec(form)?.[1];
  const saved = await fetch(server.url('/newsroom/articles/new'), {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: session, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      csrf, title: 'Un article épinglé', slug: '', section: 'actualite', categories: '', tags: '',
      lead: 'Un chapô.', body: 'Un texte.', caption: '', alt: '', published_at: '', action: 'publish',
      version: '0', pin_field: '1', pinned: '1',
    }).toString(),
  });
  assert.equal(saved.status, 303, 'the pinned article is published');
  const home = await fetchPage(server, '/');
  assert.match(home, /class="card pinned-story"/, 'the home page shows the pinned article');
  await assertValidPage('/ (with a pinned article)', home);
  const editor = saved.headers.get('location').split('?')[0];
  for (const urlPath of ['/newsroom/articles/', editor]) {
    const html = await (await fetch(server.url(urlPath), { headers: { cookie: session } })).text();
    assert.match(html, /nr-pinned|name="pinned" value="1" checked/, `${urlPath} shows the pin`);
    await assertValidPage(`${urlPath} (pinned)`, html);
  }
});

test('the validator catches an invalid page', async () => {
  // Guards against a configuration under which nothing could fail.
  const report = await validate('<!doctype html><html><body><p><div></p></body></html>');
  assert.ok(report.errorCount > 0);
});
