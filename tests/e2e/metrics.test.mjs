// /metrics read by a real Prometheus text-format parser from npm (parse-prometheus-text-format,
// prom2json's output shape): every family parses, histograms are whole, and the counters move
// with the requests a reader and a commenter make.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { startGazette } from './server.mjs';

let server;

before(async () => {
  server = await startGazette();
});

after(async () => {
  await server?.stop();
});

/** The parsed /metrics page: {name: family}, and its text. */
async function scrape() {
  const response = await fetch(server.url('/metrics'));
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'text/plain; version=0.0.4; charset=utf-8');
  const text = await response.text();
  const families = parsePrometheusTextFormat(text);
  return { text, ...Object.fromEntries(families.map((family) => [family.name, family])) };
}

/** The sum of the samples of `family` whose labels include `labels`. */
function total(metrics, name, labels = {}) {
  const family = metrics[name];
  assert.ok(family, `${name} is on the page`);
  return family.metrics
    .filter((sample) => Object.entries(labels).every(([key, value]) => sample.labels?.[key] === value))
    .reduce((sum, sample) => sum + Number(sample.value ?? sample.count), 0);
}

/**
 * The histogram `name`'s series for `kind`, as the parser reads it: {buckets, count, sum}. The
 * parser merges the series of a labelled histogram into one, so it is given that series alone,
 * its `kind` label taken off.
 */
function histogram(metrics, name, kind) {
  const label = `kind="${kind}"`;
  const series = metrics.text
    .split('\n')
    .filter((line) => line.startsWith(`# TYPE ${name} `) || (line.startsWith(`${name}_`) && line.includes(label)))
    .map((line) => line.replace(`{${label}}`, '').replace(`${label},`, ''));
  assert.ok(series.length > 1, `${name}{${label}}`);
  const [family] = parsePrometheusTextFormat(series.join('\n') + '\n');
  assert.equal(family.type, 'HISTOGRAM');
  return family.metrics[0];
}

test('every family parses, with its type', async () => {
  const metrics = await scrape();
  const expected = {
    gazette_http_requests_total: 'COUNTER',
    gazette_http_response_body_bytes_total: 'COUNTER',
    gazette_http_request_duration_seconds: 'HISTOGRAM',
    gazette_page_cache_hits_total: 'COUNTER',
    gazette_page_cache_misses_total: 'COUNTER',
    gazette_page_cache_evictions_total: 'COUNTER',
    gazette_page_cache_bytes: 'GAUGE',
    gazette_database_statements_total: 'COUNTER',
    gazette_database_seconds_total: 'COUNTER',
    gazette_open_streams: 'GAUGE',
    gazette_comment_refusals_total: 'COUNTER',
    gazette_publications_total: 'COUNTER',
    gazette_scheduled_next_due_seconds: 'GAUGE',
  };
  for (const [name, type] of Object.entries(expected)) {
    assert.equal(metrics[name]?.type, type, name);
    assert.ok(metrics[name].help.length > 0, `${name} has a HELP line`);
  }
  assert.equal(total(metrics, 'gazette_open_streams'), 0);
});

test('reading an article moves the request, cache, byte and latency counters', async () => {
  const before = await scrape();
  const first = await fetch(server.url(server.articlePath));
  assert.equal(first.status, 200);
  await first.arrayBuffer();
  const second = await fetch(server.url(server.articlePath));
  assert.equal(second.status, 200);
  await second.arrayBuffer();
  const missing = await fetch(server.url('/no-such-section/no-such-article/'));
  assert.equal(missing.status, 404);
  await missing.arrayBuffer();
  const after = await scrape();

  const requests = (m, labels) => total(m, 'gazette_http_requests_total', labels);
  assert.equal(requests(after, { kind: 'article', code: '200' }) - requests(before, { kind: 'article', code: '200' }), 2);
  assert.equal(requests(after, { kind: 'article', code: '404' }) - requests(before, { kind: 'article', code: '404' }), 1);
  const lookups = (m) => total(m, 'gazette_page_cache_hits_total') + total(m, 'gazette_page_cache_misses_total');
  assert.equal(lookups(after) - lookups(before), 3, 'one cache lookup per reader page');
  assert.ok(total(after, 'gazette_page_cache_hits_total') > total(before, 'gazette_page_cache_hits_total'),
    'the second read is a hit');
  assert.ok(total(after, 'gazette_page_cache_bytes') > 0);
  assert.ok(total(after, 'gazette_http_response_body_bytes_total', { kind: 'article' }) >
    total(before, 'gazette_http_response_body_bytes_total', { kind: 'article' }));

  const latency = histogram(after, 'gazette_http_request_duration_seconds', 'article');
  const earlier = histogram(before, 'gazette_http_request_duration_seconds', 'article');
  assert.equal(Number(latency.count) - Number(earlier.count), 3);
  assert.ok(Number(latency.sum) > Number(earlier.sum));
  const buckets = Object.entries(latency.buckets)
    .map(([le, count]) => [le === '+Inf' ? Infinity : Number(le), Number(count)])
    .sort((a, b) => a[0] - b[0]);
  assert.equal(buckets.at(-1)[0], Infinity);
  assert.equal(buckets.at(-1)[1], Number(latency.count), 'the +Inf bucket holds every request');
  for (let i = 1; i < buckets.length; i++) assert.ok(buckets[i][1] >= buckets[i - 1][1], 'cumulative');
});

test('a refused comment is counted by its reason, and the database time grows', async () => {
  const before = await scrape();
  // No signed form token: the form was not loaded by a browser running the page's script.
  const response = await fetch(server.url(`${server.articlePath}comments`), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ name: 'Robot', email: 'robot@example.com', comment: 'Hello', parent_id: '' }),
  });
  assert.ok(response.status >= 400 && response.status < 500, `refused with a 4xx (${response.status})`);
  await response.arrayBuffer();
  const after = await scrape();
  assert.equal(total(after, 'gazette_comment_refusals_total') - total(before, 'gazette_comment_refusals_total'), 1);
  assert.ok(total(after, 'gazette_database_statements_total') > total(before, 'gazette_database_statements_total'));
  assert.ok(total(after, 'gazette_database_seconds_total') > 0);
});
