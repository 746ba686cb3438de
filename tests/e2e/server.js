// A static server of a test's own (scripts/static-server.mjs in a child
// process), for tests that need a port, a build or a response log of their
// own: two builds in turn on one origin, every byte of a first visit.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SERVER = fileURLToPath(new URL('../../scripts/static-server.mjs', import.meta.url));

/**
 * Serve `dist` (default: the server's own choice) on `port`, with only
 * `encodings` if given, in the folders `mounts` if given. Resolves once it listens: { url, log, stop() }, where
 * `log` collects one { path, encoding, bytes } per response.
 */
export async function startServer(port, { dist, encodings, mounts } = {}) {
  const env = { ...process.env, PORT: String(port), LOG_REQUESTS: '1', EXIT_WITH_PARENT: '1' };
  if (dist) env.DIST = dist;
  if (encodings) env.ENCODINGS = encodings;
  // The folders to serve the build in, e.g. ['/test/', '/live/'] (default: the root).
  if (mounts) env.MOUNTS = mounts.join(',');
  // Its stdin is this process's: when this process ends, however it ends,
  // the server sees it close and stops (EXIT_WITH_PARENT).
  const child = spawn(process.execPath, [SERVER], { env, stdio: ['pipe', 'pipe', 'inherit'] });
  const log = [];
  await new Promise((ready, fail) => {
    let rest = '';
    child.stdout.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      for (const line of lines) {
        if (line.startsWith('serving ')) ready();
        else if (line.startsWith('{')) log.push(JSON.parse(line));
      }
    });
    child.on('exit', (code) => fail(new Error(`the static server stopped (${code})`)));
  });
  const stop = () => new Promise((stopped) => {
    if (child.exitCode !== null) return stopped();
    child.removeAllListeners('exit');
    child.on('exit', () => stopped());
    child.kill();
  });
  return { url: `http://127.0.0.1:${port}/`, log, stop };
}
