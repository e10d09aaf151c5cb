// Every feed (RSS 2.0 and Atom for the site, a section, a tag, an author and a category) read
// by a real feed parser from npm: titles, absolute links, dates and UTF-8 text come through.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import FeedParser from 'feedparser';
import { referenceFrontMatter, startGazette } from './server.mjs';

let server;
let reference;

before(async () => {
  server = await startGazette();
  reference = await referenceFrontMatter();
});

after(async () => {
  await server?.stop();
});

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

const FEEDS = [
  { path: '/feed', title: /^Gazette$/ },
  { path: '/actualite/feed', title: /^Actualité – Gazette$/ },
  { path: '/tag/syrie/feed', title: /^Syrie – Gazette$/ },
  { path: '/author/sara/feed', title: /^Sara – Gazette$/ },
  { path: '/category/france/feed', title: /^France – Gazette$/ },
];

for (const feed of FEEDS) {
  for (const [extension, type, format] of [
    ['xml', 'application/rss+xml', 'rss'],
    ['atom', 'application/atom+xml', 'atom'],
  ]) {
    const path = `${feed.path}.${extension}`;
    test(`${path} is a ${format} feed a feed reader understands`, async () => {
      const response = await fetch(server.url(path));
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('content-type'), `${type}; charset=utf-8`);
      assert.ok(response.headers.get('etag'), 'has an ETag');
      assert.ok(response.headers.get('last-modified'), 'has a Last-Modified');
      const text = await response.text();
      assert.match(text, /^<\?xml version="1.0" encoding="UTF-8"\?>/);

      const { meta, items } = await parseFeed(text, server.url(path));
      assert.equal(meta['#type'], format);
      assert.match(meta.title, feed.title);
      assert.equal(items.length, 1);
      const [item] = items;
      assert.equal(item.title, reference.title);
      assert.equal(item.link, server.url(server.articlePath));
      assert.equal(item.author, 'Sara');
      assert.equal(item.pubdate.toISOString(), '2024-12-08T05:00:00.000Z');
      assert.match(item.summary ?? item.description, /^Les nouvelles en provenance de la Syrie/);
      assert.ok(item.categories.includes('Syrie'), `categories: ${item.categories}`);

      const again = await fetch(server.url(path), {
        headers: { 'If-None-Match': response.headers.get('etag') },
      });
      assert.equal(again.status, 304);
    });
  }
}

test('pages announce their feeds for autodiscovery', async () => {
  const html = await (await fetch(server.url('/tag/syrie/'))).text();
  assert.match(html, /<link rel="alternate" type="application\/rss\+xml" title="Gazette \(RSS\)" href="\/feed.xml">/);
  assert.match(html, /<link rel="alternate" type="application\/atom\+xml" title="Syrie – Gazette \(Atom\)" href="\/tag\/syrie\/feed.atom">/);
});
