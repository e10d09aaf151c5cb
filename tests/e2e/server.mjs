// Starts the real gazette binary for an end-to-end test: a temporary database holding the
// reference article, a server on a port of its own choosing, and a stop() that fails the test
// if the server did not shut down cleanly (the h2o `spawn_h2o` guard, in Node).
import { execFile, spawn } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

// Publishing one article is a few database writes and an image resize; a minute is generous.
const PUBLISH_TIMEOUT_MS = 60_000;
// The server prints its address once it accepts connections; it has no reason to take long.
const LISTEN_TIMEOUT_MS = 30_000;
// A clean shutdown only closes sockets and the database.
const STOP_TIMEOUT_MS = 10_000;
// How much of the server's output is kept to explain a failure.
const LOG_TAIL_CHARS = 8_000;

const LISTENING = /gazette: listening on (http:\/\/127\.0\.0\.1:\d+)/;

/** Returns the value of environment variable `name`, or throws naming it. */
function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (see tests/e2e/CMakeLists.txt)`);
  return value;
}

/** The paths the tests need: the binary under test and the shared fixtures. */
export function fixturePaths() {
  const fixtures = requireEnv('GAZETTE_SHARED_FIXTURES');
  return {
    binary: requireEnv('GAZETTE_BINARY'),
    article: path.join(fixtures, 'seed', 'article.md'),
  };
}

/** The front matter of the reference article, as flat `key: value` strings. */
export async function referenceFrontMatter() {
  const text = await readFile(fixturePaths().article, 'utf8');
  const header = text.split(/^---$/m)[1] ?? '';
  const fields = {};
  for (const line of header.split('\n')) {
    const match = /^(\w+):\s*(.*)$/.exec(line);
    if (match) fields[match[1]] = match[2].replace(/^"(.*)"$/, '$1');
  }
  return fields;
}

/** Runs `binary args…` to completion and returns its stdout; rejects with its stderr. */
function run(binary, args, timeout) {
  return new Promise((resolve, reject) => {
    execFile(binary, args, { timeout, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`${path.basename(binary)} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
      } else {
        resolve(stdout);
      }
    });
  });
}

/** Keeps the last LOG_TAIL_CHARS characters of a stream, reading it to the end so it never blocks. */
function tail(stream) {
  const log = { text: '' };
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    log.text = (log.text + chunk).slice(-LOG_TAIL_CHARS);
  });
  return log;
}

/**
 * Publishes `count` copies of the reference article, each under its own title ("N°1 …"), from
 * files written in `dir` beside a copy of the photo; returns their URL paths.
 */
async function publishCopies(binary, article, db, dir, count) {
  const text = await readFile(article, 'utf8');
  const image = /^image:\s*(.+)$/m.exec(text)?.[1].trim();
  if (image) await copyFile(path.join(path.dirname(article), image), path.join(dir, image));
  const paths = [];
  for (let n = 1; n <= count; n++) {
    const file = path.join(dir, `copy-${n}.md`);
    await writeFile(file, text.replace(/^title:\s*"?/m, `title: "N°${n} `).replace(/^(title: .*[^"])$/m, '$1"'));
    const stdout = await run(binary, ['publish', file, '--db', db], PUBLISH_TIMEOUT_MS);
    paths.push(stdout.trim().split('\n').at(-1)?.trim());
  }
  return paths;
}

/**
 * Publishes the reference article into a fresh database and serves it; with `copies`, also that
 * many copies of it under other titles (to fill more than one page of a listing); `args` are added
 * to `gazette serve`'s.
 * Returns {baseUrl, articlePath, copyPaths, db, url(path), output(), stop()}; the test must await
 * stop(). `db` is the database file, for `gazette` commands run beside the server.
 */
export async function startGazette({ copies = 0, args = [] } = {}) {
  const { binary, article } = fixturePaths();
  const dir = await mkdtemp(path.join(tmpdir(), 'gazette-e2e-'));
  const db = path.join(dir, 'gazette.db');

  let articlePath;
  let copyPaths;
  try {
    copyPaths = await publishCopies(binary, article, db, dir, copies);
    const stdout = await run(binary, ['publish', article, '--db', db], PUBLISH_TIMEOUT_MS);
    articlePath = stdout.trim().split('\n').at(-1)?.trim() ?? '';
    if (!articlePath.startsWith('/')) {
      throw new Error(`publish did not end with the article's URL path; its output was:\n${stdout}`);
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }

  // GAZETTE_THEME_DIR serves a theme folder over the built-in one: theme work without a rebuild.
  const themeArgs = process.env.GAZETTE_THEME_DIR ? ['--theme', process.env.GAZETTE_THEME_DIR] : [];
  const child = spawn(binary, ['serve', '--db', db, '--listen', '127.0.0.1:0', ...themeArgs, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr = tail(child.stderr);
  const stdout = { text: '' };
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const output = () => `--- stdout ---\n${stdout.text}\n--- stderr ---\n${stderr.text}`;

  let baseUrl;
  try {
    baseUrl = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`gazette serve did not say where it listens within ${LISTEN_TIMEOUT_MS} ms\n${output()}`));
      }, LISTEN_TIMEOUT_MS);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`gazette serve exited before listening (code ${code}, signal ${signal})\n${output()}`));
      });
      // Every line is read to the end so that a chatty server never blocks on a full pipe.
      createInterface({ input: child.stdout }).on('line', (line) => {
        stdout.text = (stdout.text + line + '\n').slice(-LOG_TAIL_CHARS);
        const match = LISTENING.exec(line);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    await rm(dir, { recursive: true, force: true });
    throw error;
  }

  let stopped = false;
  /** Sends SIGTERM, waits for the exit, and throws unless the server exited 0 by itself. */
  async function stop() {
    if (stopped) return;
    stopped = true;
    try {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      let timer;
      const outcome = await Promise.race([
        exited,
        new Promise((resolve) => {
          timer = setTimeout(() => resolve(null), STOP_TIMEOUT_MS);
        }),
      ]);
      clearTimeout(timer);
      if (outcome === null) {
        child.kill('SIGKILL');
        await exited;
        throw new Error(`gazette serve did not stop within ${STOP_TIMEOUT_MS} ms of SIGTERM\n${output()}`);
      }
      if (outcome.signal !== null) {
        throw new Error(`gazette serve died of signal ${outcome.signal} instead of shutting down\n${output()}`);
      }
      if (outcome.code !== 0) {
        throw new Error(`gazette serve exited with code ${outcome.code} after SIGTERM\n${output()}`);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  return {
    baseUrl,
    articlePath,
    copyPaths,
    db,
    url: (urlPath) => new URL(urlPath, baseUrl).href,
    output,
    stop,
  };
}
