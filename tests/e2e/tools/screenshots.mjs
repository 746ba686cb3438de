// Screenshots of every screen at tablet sizes, for people to look at:
//   node tools/screenshots.mjs [out-dir]   (default: ../../screenshots)
// Needs a built dist/. Starts its own server on 127.0.0.1:4190.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const out = process.argv[2] ?? fileURLToPath(new URL('../../../screenshots/', import.meta.url));
mkdirSync(out, { recursive: true });
const port = 4190;
const base = `http://127.0.0.1:${port}`;
const server = spawn('node', [fileURLToPath(new URL('../serve.mjs', import.meta.url))], {
  env: { ...process.env, PORT: String(port) },
  stdio: 'ignore',
});
await new Promise((r) => setTimeout(r, 500));

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function walk(size) {
  const context = await browser.newContext({ viewport: size, hasTouch: true });
  const page = await context.newPage();
  const tag = `${size.width}x${size.height}`;
  const shot = async (name) => {
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${out}/${name}-${tag}.png`, fullPage: true });
  };
  const cont = () => page.getByRole('button', { name: 'Continue' }).click();

  await page.goto(`${base}/`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await shot('01-home-empty');
  await page.getByRole('button', { name: 'Start a new review' }).click();
  await page.getByRole('button', { name: 'Save and start the review' }).click();
  await shot('02-settings-error');
  await page.getByLabel('Organisation').fill('Northshire Council');
  await page.getByLabel('Your name').fill('Sam Patel');
  await page.getByLabel('Your job title').fill('Carers support worker');
  await page.getByRole('button', { name: 'Save and start the review' }).click();
  await page.getByRole('heading', { name: 'Who is here' }).waitFor();
  await cont();
  await shot('03-who-error');
  await page.getByRole('button', { name: 'Add a carer' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await shot('04-person-error');
  await page.getByLabel('Name').fill('Ayesha Khan');
  await page.getByLabel('Relationship to the person being cared for').fill('Daughter');
  await page.getByLabel('In the room').check();
  await cont();
  await shot('05-who-list');
  await page.getByRole('link', { name: /details of Person being cared for|Name not given yet/ }).first().click();
  await page.getByLabel('Name').fill('Joan Khan');
  await page.getByLabel('In the room').check();
  await cont();
  await cont();
  await page.getByRole('heading', { name: 'Help to take part' }).waitFor();
  await shot('06-taking-part');
  await page.getByRole('link', { name: /what helps Joan Khan/ }).click();
  await page.getByLabel('Preferred language').fill('English');
  await page.getByRole('group', { name: 'Do they need an interpreter?' }).getByLabel('No').check();
  await page.getByLabel('Independent advocate (Care Act)').check();
  await page.getByLabel('Symbols').check();
  await page.getByLabel('Communication aid or device').check();
  await cont();
  await shot('07-person-support-error');
  await page.getByLabel('Details of how they communicate').fill('Uses a tablet with a symbol board');
  await page.goto(page.url().replace(/taking-part\/.*/, 'process'));
  await cont();
  await shot('08-process-error');
  await page.getByLabel('Yearly review').check();
  await page.getByLabel(/Full review/).check();
  await page.getByRole('button', { name: 'Add something that must not be shared' }).click();
  await page.getByText('Set a time for each part (optional)').click();
  await shot('09-process-filled');
  await page.goto(page.url().replace(/process$/, 'criteria'));
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByText('Working together (').click();
  await page.getByRole('group', { name: 'Working together' }).getByRole('checkbox').first().check();
  await page.getByLabel('What else should the review look at?').fill('The evening calls from the agency come on time');
  await page.getByRole('button', { name: 'Add this to the review' }).click();
  await cont();
  await shot('10-criteria-error');
  await page.goto(page.url().replace(/criteria$/, 'ready'));
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByRole('group').first().getByLabel('No, it is not').check();
  await cont();
  await shot('11-ready-error');
  await page.goto(page.url().replace(/\/ready$/, ''));
  await page.getByRole('heading', { level: 1 }).waitFor();
  await shot('12-task-list');
  await page.getByRole('link', { name: 'Delete this review' }).click();
  await shot('13-delete');
  await page.goto(`${base}/`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await shot('14-home-list');
  await context.close();
}

try {
  await walk({ width: 1024, height: 768 });
  await walk({ width: 768, height: 1024 });
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  server.kill();
}
