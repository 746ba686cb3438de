// Local storage of the e2e stages "review proper" (every part done, not
// signed) and "signed off" (signed by everyone, locked), as the build being
// run stores them: storage-complete.json and storage-signed-off.json in
// FIXTURES, each { "id": <review id>, "stored": { <key>: <value> } } as
// tests/fixtures/README.md describes. A file already there is never written
// over (frozen files are never remade). Not part of the tests.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { test } from '../fixture.js';
import { reach } from '../meeting.js';
import { storageOf } from '../state.js';

const out = process.env.FIXTURES;

for (const [stage, file] of [['review proper', 'storage-complete.json'], ['signed off', 'storage-signed-off.json']]) {
  test(`${stage}: ${file}`, async ({ page }) => {
    test.skip(!out, 'FIXTURES names the folder to write to');
    mkdirSync(out, { recursive: true });
    const path = `${out}/${file}`;
    test.skip(existsSync(path), `${path} is there already: frozen files are never remade`);
    const id = await reach(page, stage);
    writeFileSync(path, `${JSON.stringify({ id, stored: await storageOf(page) }, null, 2)}\n`);
  });
}
