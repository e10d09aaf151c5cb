// Every kind of reader page is valid HTML (html-validate's "standard" rules) with one h1:
// home, a section, the reference article, a tag, an author and the 404 page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertValidPage, fetchPage, validate } from './pages.mjs';
import { startGazette } from './server.mjs';

let server;

before(async () => {
  server = await startGazette();
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

test('the validator catches an invalid page', async () => {
  // Guards against a configuration under which nothing could fail.
  const report = await validate('<!doctype html><html><body><p><div></p></body></html>');
  assert.ok(report.errorCount > 0);
});
