// The reference article as a reader sees it in Debian's Chromium: every part of the page is
// there, nothing is wider than the screen on a desktop or a phone, and a tag link leads to the
// tag's page. Set GAZETTE_SHOTS_DIR to keep a screenshot of each width.
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { referenceFrontMatter, startGazette } from './server.mjs';

const CHROMIUM = '/usr/bin/chromium';
// Flags for a headless run on a machine without a GPU or network, as root in CI.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800, isMobile: false },
  // isMobile makes Chromium honour <meta name="viewport">, as a phone does.
  { name: 'phone', width: 375, height: 740, isMobile: true },
];
const THEME_I18N = new URL('../../themes/default/i18n/', import.meta.url);

let server;
let browser;
let reference;

/** The theme's interface strings for `language`, to find the page's parts by their text. */
async function strings(language) {
  return JSON.parse(await readFile(new URL(`${language}.json`, THEME_I18N), 'utf8'));
}

/** Opens `urlPath` in a fresh page of `viewport`; fails the test on any response >= 400. */
async function open(viewport, urlPath) {
  const context = await browser.newContext({
    viewport: { width: viewport.width, height: viewport.height },
    isMobile: viewport.isMobile,
    hasTouch: viewport.isMobile,
  });
  const page = await context.newPage();
  const failures = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
  });
  page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
  const response = await page.goto(server.url(urlPath), { waitUntil: 'load' });
  assert.equal(response.status(), 200, `GET ${urlPath}\n${server.output()}`);
  return { page, context, failures };
}

before(async () => {
  reference = await referenceFrontMatter();
  server = await startGazette();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

for (const viewport of VIEWPORTS) {
  describe(`the article page on a ${viewport.name} (${viewport.width}×${viewport.height})`, () => {
    test('is no wider than the screen and shows every part of the reference page', { timeout: 120_000 }, async () => {
      const { page, context, failures } = await open(viewport, server.articlePath);
      try {
        const t = await strings(await page.evaluate(() => document.documentElement.lang));

        const width = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          inner: window.innerWidth,
        }));
        // A phone zooms out a page that is too wide (or has no meta viewport): innerWidth grows.
        assert.equal(width.inner, viewport.width,
          `the page is laid out ${width.inner}px wide on a ${viewport.width}px screen (too wide, or no meta viewport)`);
        assert.ok(width.scroll <= width.inner, `page is ${width.scroll}px wide on a ${width.inner}px screen`);

        const h1 = page.locator('h1');
        assert.equal(await h1.count(), 1, 'exactly one h1');
        // French typography: « Damas : Offensive » holds its colon with a narrow no-break space.
        assert.equal((await h1.innerText()).trim(), reference.title.replace(' : ', '\u202F: '));
        assert.ok(await h1.isVisible());

        const crumbs = page.locator('nav ol a');
        assert.deepEqual(await crumbs.evaluateAll((links) => links.map((a) => a.getAttribute('href'))), [
          '/',
          server.articlePath.split('/').slice(0, 2).join('/') + '/',
        ]);
        assert.equal((await crumbs.first().innerText()).trim(), t.home);
        assert.equal((await crumbs.last().innerText()).trim(), reference.section);

        const author = page.locator('.byline a[rel="author"]');
        assert.equal((await author.innerText()).trim(), reference.author);
        assert.match((await page.locator('.byline').innerText()).trim(), new RegExp(`^${t.by}\\s`, 'i'));
        const datetime = await page.locator('.article-header time').getAttribute('datetime');
        assert.ok(datetime.startsWith(reference.date.slice(0, 10)), `time datetime="${datetime}"`);
        assert.deepEqual(await page.locator('.labels a').allInnerTexts(), [reference.category]);

        assert.ok((await page.locator('p.lead').innerText()).trim().length > 0, 'the lead is not empty');
        assert.equal(await page.locator('.article-body h2').count(), 4, 'the four subheadings');

        const image = page.locator('figure.article-image img');
        const caption = page.locator('figure.article-image figcaption');
        await image.scrollIntoViewIfNeeded();
        await caption.scrollIntoViewIfNeeded();
        assert.ok(await caption.isVisible(), 'the caption is visible');
        assert.equal((await caption.innerText()).trim(), reference.image_caption);
        // The photo may be lazy: now on screen, it loads; a broken image never gets a width.
        await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await image.elementHandle(), {
          timeout: 15_000,
        });
        assert.ok((await image.boundingBox()).width <= viewport.width, 'the photo fits the screen');

        const tags = await page.locator('ul.tags a[rel="tag"]').allInnerTexts();
        const expectedTags = reference.tags.replace(/^\[|\]$/g, '').split(',').map((tag) => tag.trim());
        assert.deepEqual(tags.map((tag) => tag.trim()), expectedTags);

        assert.ok(await page.getByRole('heading', { name: t.related, exact: true }).isVisible());
        assert.ok(await page.getByRole('heading', { name: t.leave_comment, exact: true }).isVisible());
        const form = page.locator('#comments form[method="post"]');
        for (const field of ['name', 'email', 'website', 'comment']) {
          assert.equal(await form.locator(`[name="${field}"]`).count(), 1, `comment field ${field}`);
        }
        assert.ok(await form.getByLabel(t.comment_name).isVisible(), 'the name field has its label');
        assert.ok(await form.getByRole('button', { name: t.comment_submit }).isVisible());

        // Everything is in place; the width is checked again with the photo loaded.
        const finalWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(finalWidth <= viewport.width, `page is ${finalWidth}px wide once the photo loaded`);

        if (process.env.GAZETTE_SHOTS_DIR) {
          await mkdir(process.env.GAZETTE_SHOTS_DIR, { recursive: true });
          await page.evaluate(() => window.scrollTo(0, 0));
          await page.screenshot({
            path: path.join(process.env.GAZETTE_SHOTS_DIR, `article-${viewport.name}.png`),
            fullPage: true,
          });
        }
        assert.deepEqual(failures, [], 'no request failed');
      } finally {
        await context.close();
      }
    });
  });
}

test('a tag link leads to the tag page, which lists the article', { timeout: 60_000 }, async () => {
  const { page, context, failures } = await open(VIEWPORTS[1], server.articlePath);
  try {
    await page.locator('ul.tags').getByRole('link', { name: 'Syrie', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/tag/syrie/');
    assert.equal(new URL(page.url()).pathname, '/tag/syrie/');
    const h1 = page.locator('h1');
    assert.equal(await h1.count(), 1, 'exactly one h1');
    assert.match(await h1.innerText(), /syrie/i);
    assert.ok((await page.locator(`a[href="${server.articlePath}"]`).count()) >= 1, 'the article is listed');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= VIEWPORTS[1].width, `tag page is ${width}px wide`);
    assert.deepEqual(failures, [], 'no request failed');
  } finally {
    await context.close();
  }
});
