// The Content API's OpenAPI document (/api/v1/openapi.json), as served by the real binary,
// checked by a real OpenAPI validator from npm; every path and method it lists answers as it
// says, and the write side's routes are all in it.
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

test('every path and method the document lists answers as documented, and every write route is listed', async () => {
  const { body: document } = await getJson('/api/v1/openapi.json');
  const serverPath = document.servers[0].url;
  const samples = {
    '/articles/{section}/{slug}': `/articles${server.articlePath.replace(/\/$/, '')}`,
    '/search': '/search?q=Damas',
  };
  const METHODS = ['get', 'post', 'patch', 'put'];
  for (const [path, item] of Object.entries(document.paths)) {
    const sample = samples[path] ?? path.replace('{id}', '1');
    for (const method of METHODS.filter((m) => item[m])) {
      const operation = item[method];
      // Public reads list an empty requirement among theirs; writes need a token: without one,
      // the route answers 401 (an unknown route would be a 404 or a 405).
      const security = operation.security ?? document.security ?? [];
      const needsToken = security.length > 0 && !security.some((s) => Object.keys(s).length === 0);
      const response = await fetch(server.url(`${serverPath}${sample}`), {
        method: method.toUpperCase(),
        headers: method === 'get' ? {} : { 'Content-Type': 'application/json' },
        body: method === 'get' ? undefined : '{}',
      });
      const expected = needsToken ? 401 : 200;
      assert.equal(response.status, expected, `${method.toUpperCase()} ${sample}`);
      assert.ok(operation.responses[String(expected)], `${method} ${path} documents ${expected}`);
      if (needsToken) assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
    }
  }
  // The write side as api/api_writer.h serves it, all in the document.
  const writes = [['post', '/articles'], ['get', '/articles/{id}'], ['patch', '/articles/{id}'],
    ['put', '/articles/{id}'], ['post', '/articles/{id}/submit'], ['post', '/articles/{id}/publish'],
    ['post', '/articles/{id}/unpublish'], ['post', '/media']];
  for (const [method, path] of writes) assert.ok(document.paths[path]?.[method], `${method} ${path} is documented`);
});

test('a bad parameter is the documented 400', async () => {
  const { status, body } = await getJson('/api/v1/articles?limit=1000');
  assert.equal(status, 400);
  assert.equal(body.error.code, 'bad_parameter');
  assert.equal(body.error.parameter, 'limit');
});
