// Signing in to the newsroom over plain HTTP (no browser), for tests that fetch its pages:
// an account made with `gazette user add`, then the login form's token and cookie.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fixturePaths } from './server.mjs';

/** `gazette user add EMAIL --name NAME --role ROLE` with `password` on standard input. */
export function addUser(server, { email, name, role, password }) {
  return new Promise((resolve, reject) => {
    const child = spawn(fixturePaths().binary, ['user', 'add', email, '--name', name, '--role', role, '--db', server.db],
      { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.stdout.resume();
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`user add failed: ${stderr}`))));
    child.stdin.end(`${password}\n`);
  });
}

/** The `name=value` part of each Set-Cookie header of `response`. */
function cookiesOf(response) {
  return response.headers.getSetCookie().map((header) => header.split(';')[0]);
}

/** Signs in through the login form; returns the session's Cookie header value. */
export async function signIn(server, email, password) {
  const form = await fetch(server.url('/newsroom/login'), { redirect: 'manual' });
  const html = await form.text();
  const token = /name="csrf" value="([^"]*)"/.exec(html)?.[1];
  assert.ok(token, 'the login form carries a token');
  const response = await fetch(server.url('/newsroom/login'), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookiesOf(form).join('; ') },
    body: new URLSearchParams({ csrf: token, next: '', email, password }).toString(),
  });
  assert.equal(response.status, 303, 'signed in');
  const session = cookiesOf(response).find((cookie) => cookie.startsWith('gazette_session='));
  assert.ok(session, 'a session cookie');
  return session;
}
