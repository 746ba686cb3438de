// Screenshots of every screen and state of the registry, at 1024×768 and
// 768×1024, for people to look at (never part of the tests):
//   node tools/screenshots.mjs [out-dir]   (default: ../../screenshots)
// Runs screenshots.spec.js with its own config; DIST, E2E_PORT and
// E2E_WORKERS as for the tests (a built app is needed: DIST, or ../../dist).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('..', import.meta.url));
const env = { ...process.env };
if (process.argv[2]) env.SCREENSHOTS = resolve(process.argv[2]);
const run = spawnSync('npx', ['playwright', 'test', '-c', 'tools/screenshots.config.js'], { cwd: here, env, stdio: 'inherit' });
process.exit(run.status ?? 1);
