// Fetching reader pages over HTTP and checking them as HTML documents, for the e2e tests.
import assert from 'node:assert/strict';
import { HtmlValidate } from 'html-validate';

// Rules about standards conformance only, not style preferences.
const validator = new HtmlValidate({ extends: ['html-validate:standard'] });

/** Validates `html`; returns html-validate's report. */
export function validate(html, name) {
  return validator.validateString(html, name);
}

/** Fetches `urlPath` from `server`, checks its status and type, and returns its body. */
export async function fetchPage(server, urlPath, expectedStatus = 200) {
  const response = await fetch(server.url(urlPath), { redirect: 'manual' });
  const body = await response.text();
  assert.equal(response.status, expectedStatus, `GET ${urlPath}`);
  const type = response.headers.get('content-type') ?? '';
  assert.match(type, /^text\/html\b.*charset=utf-8/i, `${urlPath} content type`);
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

/** Asserts that `html` is an HTML5 document with no validation error and exactly one h1. */
export async function assertValidPage(urlPath, html) {
  const report = await validate(html, urlPath);
  const messages = describeMessages(report, html);
  if (messages) console.log(`html-validate on ${urlPath}:\n${messages}`);
  assert.equal(report.errorCount, 0, `${urlPath} has ${report.errorCount} HTML errors:\n${messages}`);
  assert.match(html, /^<!doctype html>/i, `${urlPath} starts with the HTML5 doctype`);
  const h1s = html.match(/<h1[\s>]/gi) ?? [];
  assert.equal(h1s.length, 1, `${urlPath} has ${h1s.length} h1 elements`);
}

/** The href of the first `<a … rel="REL" …>` in `html`, entity-decoded, or null. */
export function linkHref(html, rel) {
  for (const [tag] of html.matchAll(/<a\b[^>]*>/g)) {
    if (!new RegExp(`\\brel="${rel}"`).test(tag)) continue;
    const href = /\bhref="([^"]*)"/.exec(tag)?.[1];
    if (href !== undefined) return href.replaceAll('&amp;', '&').replaceAll('&#x2F;', '/').replaceAll('&#x3D;', '=');
  }
  return null;
}
