// Every kind of reader page is valid HTML (html-validate's "standard" rules) with one h1:
// home, a section, the reference article, a tag, an author and the 404 page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { HtmlValidate } from 'html-validate';
import { startGazette } from './server.mjs';

// Rules about standards conformance only, not style preferences.
const validator = new HtmlValidate({ extends: ['html-validate:standard'] });

let server;

before(async () => {
  server = await startGazette();
});

after(async () => {
  await server?.stop();
});

/** Fetches `urlPath`, checks its status and type, and returns its body. */
async function fetchPage(urlPath, expectedStatus) {
  const response = await fetch(server.url(urlPath), { redirect: 'manual' });
  const body = await response.text();
  assert.equal(response.status, expectedStatus, `GET ${urlPath}`);
  assert.match(response.headers.get('content-type') ?? '', /^text\/html\b.*charset=utf-8/i, `${urlPath} content type`);
  return body;
}

/** Human-readable list of html-validate's messages, one a line with the offending source line. */
function describeMessages(report, html) {
  const lines = html.split('\n');
  return report.results
    .flatMap((result) => result.messages)
    .map((m) => `  ${m.line}:${m.column} ${m.ruleId}: ${m.message}\n      ${(lines[m.line - 1] ?? '').trim().slice(0, 200)}`)
    .join('\n');
}

/** Asserts that `html` has no validation error and exactly one h1. */
async function assertValid(urlPath, html) {
  const report = await validator.validateString(html, urlPath);
  const messages = describeMessages(report, html);
  if (messages) console.log(`html-validate on ${urlPath}:\n${messages}`);
  assert.equal(report.errorCount, 0, `${urlPath} has ${report.errorCount} HTML errors:\n${messages}`);
  assert.match(html, /^<!doctype html>/i, `${urlPath} starts with the HTML5 doctype`);
  const h1s = html.match(/<h1[\s>]/gi) ?? [];
  assert.equal(h1s.length, 1, `${urlPath} has ${h1s.length} h1 elements`);
}

const PAGES = [
  { name: 'home', path: () => '/' },
  { name: 'section', path: () => '/actualite/' },
  { name: 'article', path: () => server.articlePath },
  { name: 'tag', path: () => '/tag/syrie/' },
  { name: 'author', path: () => '/author/sara/' },
  { name: 'not found', path: () => '/nope/nothing/', status: 404 },
];

for (const page of PAGES) {
  test(`the ${page.name} page is valid HTML`, { timeout: 30_000 }, async () => {
    const urlPath = page.path();
    const html = await fetchPage(urlPath, page.status ?? 200);
    await assertValid(urlPath, html);
  });
}

test('the validator catches an invalid page', async () => {
  // Guards against a configuration under which nothing could fail.
  const report = await validator.validateString('<!doctype html><html><body><p><div></p></body></html>');
  assert.ok(report.errorCount > 0);
});
