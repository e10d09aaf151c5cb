// The Content API's OpenAPI document (/api/v1/openapi.json), as served by the real binary,
// checked by a real OpenAPI validator from npm; every path it lists answers as it says.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { startGazette } from './server.mjs';

let server;

before(async () => {
  server = await startGazette();
});

after(async () => {
  await server?.stop();
});

async function getJson(path) {
  const response = await fetch(server.url(path));
  assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8', path);
  return { status: response.status, body: await response.json() };
}

test('openapi.json is a valid OpenAPI document', async () => {
  const { status, body } = await getJson('/api/v1/openapi.json');
  assert.equal(status, 200);
  const validator = new Validator();
  const result = await validator.validate(body);
  assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
  assert.match(validator.version, /^3\./);
});

test('every path the document lists answers', async () => {
  const { body: document } = await getJson('/api/v1/openapi.json');
  const server_path = document.servers[0].url;
  const samples = {
    '/articles/{section}/{slug}': server.articlePath.replace(/\/$/, ''),
    '/search': '/search?q=Damas',
  };
  for (const path of Object.keys(document.paths)) {
    const sample = samples[path] ?? path;
    const target = path === '/articles/{section}/{slug}' ? `${server_path}/articles${sample}` : `${server_path}${sample}`;
    const { status } = await getJson(target);
    assert.equal(status, 200, target);
    assert.ok(document.paths[path].get.responses['200'], path);
  }
});

test('a bad parameter is the documented 400', async () => {
  const { status, body } = await getJson('/api/v1/articles?limit=1000');
  assert.equal(status, 400);
  assert.equal(body.error.code, 'bad_parameter');
  assert.equal(body.error.parameter, 'limit');
});
