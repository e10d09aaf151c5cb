// Live coverage in Debian's Chromium: a reader keeps the live page open while entries are posted
// with `gazette live post` beside the server. A new entry waits behind « 1 nouvelle entrée »
// without a reload and shows when clicked; a key event joins the summary on top; `gazette live
// end` turns the label into « Fin du direct ».
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { fixturePaths, startGazette } from './server.mjs';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const EVENT_WAIT_MS = 15_000; // a bound on a hang, not a timing target

let server;
let browser;

/** Runs `gazette live ARGS…` beside the server, with `input` on its standard input. */
async function live(args, input = '') {
  const { binary } = fixturePaths();
  const run = promisify(execFile);
  const child = run(binary, ['live', ...args, '--db', server.db]);
  child.child.stdin.end(input);
  return (await child).stdout.trim();
}

before(async () => {
  server = await startGazette();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('an open live page receives entries without a reload and hears of the end', { timeout: 120_000 }, async () => {
  await live(['post', server.articlePath], 'Les combattants entrent dans Damas\n');
  const page = await browser.newPage();
  const failures = [];
  page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
  try {
    await page.goto(server.url(server.articlePath));
    await page.waitForLoadState('networkidle').catch(() => {}); // the stream never goes idle
    assert.equal(await page.locator('.live-entries .live-entry').count(), 1);
    const marker = await page.evaluate(() => { window.notReloaded = true; return true; });
    assert.ok(marker);

    await live(['post', server.articlePath, '--key'], 'Homs **en fête**\n');
    const button = page.locator('.live-new-button');
    await button.waitFor({ state: 'visible', timeout: EVENT_WAIT_MS });
    assert.equal((await button.textContent()).trim(), '1 nouvelle entrée');
    // Waiting behind the button: the text being read has not moved.
    assert.equal(await page.locator('.live-entries .live-entry').count(), 1);
    await button.click();
    assert.equal(await page.locator('.live-entries .live-entry').count(), 2);
    assert.match(await page.locator('.live-entries .live-entry').first().innerHTML(), /<strong>en fête<\/strong>/);
    assert.equal(await page.locator('.live-new').isHidden(), true);
    assert.match(await page.locator('.live-key-events').textContent(), /Homs en fête/);

    await live(['end', server.articlePath]);
    await page.locator('#live-heading', { hasText: 'Fin du direct' }).waitFor({ timeout: EVENT_WAIT_MS });
    assert.equal(await page.locator('section.live[data-on-air]').count(), 0);
    assert.equal(await page.evaluate(() => window.notReloaded), true);
    assert.deepEqual(failures, []);
  } finally {
    await page.close();
  }
});
