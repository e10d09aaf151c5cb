// Listings longer than a page: the pages link to each other (rel=next / rel=prev), together
// list every article once, and each page is valid HTML.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertValidPage, fetchPage, linkHref } from './pages.mjs';
import { startGazette } from './server.mjs';

// More articles than any sensible page size (the server shows 20 a page), so listings paginate.
const COPIES = 30;
// A bound on the pages followed, so that a link loop fails instead of running forever.
const MAX_PAGES = 10;

let server;

before(async () => {
  server = await startGazette({ copies: COPIES });
});

after(async () => {
  await server?.stop();
});

/** The article paths linked from `html`'s cards. */
function cardLinks(html) {
  const links = new Set();
  for (const [, card] of html.matchAll(/<article class="card">([\s\S]*?)<\/article>/g)) {
    const href = /<h3[^>]*>\s*<a href="([^"]*)"/.exec(card)?.[1];
    if (href) links.add(href);
  }
  return links;
}

/** Follows rel=next from `firstPath`, checking each page; returns [{path, html}] in order. */
async function walk(firstPath) {
  const pages = [];
  for (let urlPath = firstPath; urlPath; ) {
    assert.ok(pages.length < MAX_PAGES, `more than ${MAX_PAGES} pages from ${firstPath}`);
    const html = await fetchPage(server, urlPath);
    await assertValidPage(urlPath, html);
    const previous = pages.at(-1);
    if (previous) {
      const prev = linkHref(html, 'prev');
      assert.equal(prev && new URL(prev, server.baseUrl).href, server.url(previous.path), `rel=prev on ${urlPath}`);
    }
    pages.push({ path: urlPath, html });
    urlPath = linkHref(html, 'next');
  }
  return pages;
}

test('a tag page with more articles than a page lists each one across its pages', { timeout: 60_000 }, async () => {
  const pages = await walk('/tag/syrie/');
  assert.ok(pages.length >= 2, `${COPIES + 1} articles fit on ${pages.length} page`);
  assert.equal(linkHref(pages[0].html, 'prev'), null, 'the first page has no previous page');
  const seen = [];
  for (const { html } of pages) seen.push(...cardLinks(html));
  const expected = [server.articlePath, ...server.copyPaths].sort();
  assert.deepEqual([...new Set(seen)].sort(), expected, 'every article once');
  assert.equal(seen.length, expected.length, 'no article on two pages');
});

test('the home page leads to pages of all the latest articles', { timeout: 60_000 }, async () => {
  const pages = await walk('/');
  assert.ok(pages.length >= 2, 'the home page links to a second page');
  const listed = new Set();
  for (const { html } of pages.slice(1)) for (const link of cardLinks(html)) listed.add(link);
  assert.ok(listed.has(server.articlePath), 'the reference article is on the later pages');
  assert.equal(listed.size, COPIES + 1, 'the later pages list every article');
});
