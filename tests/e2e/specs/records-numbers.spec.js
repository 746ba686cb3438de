// Issue 27, point 1: the numbers a records system matches a summary by. The
// team's configuration names its references and their shape; the carer's
// and the person's details ask them with the NHS number and date of birth,
// each refused with a message that says what is wrong; the device's
// settings give the organisation's ODS code and the worker's staff ID; and
// what is right reaches the signed summary.
import { readFileSync, writeFileSync } from 'node:fs';
import {
  test, expect, press, heading, continueTo, errorSummary, openTaskList, openPart, openReviewPage,
  setUpDevice, startReview,
} from '../helpers.js';
import { reviewAt, openCheck, showEveryPart, signEveryone, downloadSummary } from '../meeting.js';

test.use({ hasTouch: true, viewport: { width: 1024, height: 768 }, actionTimeout: 20_000 });

/** The documented example configuration: a required case reference (CR-999999) and a person ID. */
function teamFile(testInfo) {
  const team = JSON.parse(readFileSync(new URL('../../../docs/team.example.json', import.meta.url), 'utf8'));
  const path = testInfo.outputPath('team.json');
  writeFileSync(path, JSON.stringify(team, null, 2));
  return path;
}

async function importTeam(page, testInfo) {
  await page.goto('/settings/team');
  await page.getByLabel('Team configuration file').setInputFiles(teamFile(testInfo));
  await press(page.getByRole('button', { name: 'Use this configuration' }));
  await expect(page.getByRole('status').filter({ hasText: 'The team configuration is now in force on this device.' })).toBeVisible();
}

test("the team's references, NHS numbers and a date of birth are checked as typed and reach the signed summary", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const id = await reviewAt(page, 'review proper');
  await importTeam(page, testInfo);

  await test.step("the carer's numbers: each wrong one says what is wrong, and nothing typed is lost", async () => {
    await openPart(page, id, 'Who is here');
    await press(page.getByRole('link', { name: 'Change details of Ayesha Khan', exact: true }));
    // A reference is required: the numbers are open, the team's hint beside it.
    const reference = page.getByLabel('Case reference', { exact: true });
    await expect(reference).toBeVisible();
    await expect(reference).toHaveAccessibleDescription(/On the front of the case file, e\.g\. CR-004512\. Like CR-999999, where 9 is a digit\./);
    await press(page.getByRole('button', { name: 'Continue', exact: true }));
    await expect(errorSummary(page)).toContainText("Enter Ayesha Khan's case reference");
    await reference.fill('CR-4512');
    await page.getByLabel('NHS number (optional)').fill('401 023 2138');
    await press(page.getByRole('button', { name: 'Continue', exact: true }));
    await expect(errorSummary(page)).toContainText("Ayesha Khan's case reference must look like CR-999999, where 9 is a digit");
    await expect(errorSummary(page)).toContainText("Ayesha Khan's NHS number is not a valid NHS number: a digit may be wrong or two swapped");
    await press(errorSummary(page).getByRole('link', { name: /NHS number is not a valid/ }));
    await expect(page.getByLabel('NHS number (optional)')).toBeFocused();
    // Kept as typed through a reload.
    await page.reload();
    await expect(page.getByLabel('NHS number (optional)')).toHaveValue('401 023 2138');
    await page.getByLabel('NHS number (optional)').fill('401 023 213');
    await press(page.getByRole('button', { name: 'Continue', exact: true }));
    await expect(errorSummary(page)).toContainText("Ayesha Khan's NHS number must have 10 digits; this has 9");
    await page.getByLabel('Case reference', { exact: true }).fill('CR-004512');
    await page.getByLabel('NHS number (optional)').fill('401 023 2137');
    await continueTo(page, 'Who is here');
  });

  await test.step("the person cared for's numbers, and the worker's staff ID", async () => {
    await press(page.getByRole('link', { name: 'Change details of Joan Khan', exact: true }));
    await page.getByLabel('Case reference', { exact: true }).fill('CR-004513');
    await page.getByLabel('Person ID (optional)').fill('1234567');
    await page.getByLabel('NHS number (optional)').fill('943 476 5919');
    await page.getByLabel('Date of birth (optional)').fill('1948-03-27');
    await continueTo(page, 'Who is here');
    await press(page.getByRole('link', { name: 'Change details of Sam Patel', exact: true }));
    await page.getByLabel('Staff ID (optional)').fill('SW 4471');
    await continueTo(page, 'Who is here');
  });

  await test.step('the check page shows them, and the signed summary holds them', async () => {
    await openTaskList(page, id);
    await openCheck(page);
    await expect(page.getByText('For the records: Case reference CR-004512; NHS number 401 023 2137.')).toBeVisible();
    await expect(page.getByText('For the records: Case reference CR-004513; Person ID 1234567; NHS number 943 476 5919; born 27 March 1948.')).toBeVisible();
    await signEveryone(page);
    await openTaskList(page, id);
    const summary = JSON.parse((await downloadSummary(page)).text);
    const person = (name) => summary.participants.find((p) => p.name === name);
    expect(person('Ayesha Khan').references).toEqual([{ id: 'case-reference', label: 'Case reference', value: 'CR-004512' }]);
    expect(person('Ayesha Khan').nhsNumber).toBe('4010232137');
    expect(person('Ayesha Khan').dateOfBirth).toBeUndefined();
    expect(person('Joan Khan').references).toEqual([
      { id: 'case-reference', label: 'Case reference', value: 'CR-004513' },
      { id: 'person-id', label: 'Person ID', value: '1234567' },
    ]);
    expect(person('Joan Khan').nhsNumber).toBe('9434765919');
    expect(person('Joan Khan').dateOfBirth).toBe('1948-03-27');
    expect(person('Sam Patel').staffId).toBe('SW 4471');
    // Nobody else is asked them.
    for (const name of ['Tom Khan', 'Grace Obi', 'Farah Ali']) {
      expect(Object.keys(person(name))).not.toContain('nhsNumber');
    }
  });
});

test("the organisation's ODS code and the worker's staff ID come from the device's settings into each new review", async ({ page }) => {
  await setUpDevice(page);
  await page.goto('/settings');
  await page.getByLabel('ODS code (optional)').fill('8H-N21');
  await press(page.getByRole('button', { name: 'Save settings' }));
  await expect(errorSummary(page)).toContainText('The ODS code can only have letters and digits, for example RX1 or A81001');
  await page.getByLabel('ODS code (optional)').fill('8hn21');
  await page.getByLabel('Your staff ID (optional)').fill('SW 4471');
  await press(page.getByRole('button', { name: 'Save settings' }));
  await expect(heading(page, 'Reviews on this device')).toBeVisible();
  const id = await startReview(page);
  await openReviewPage(page, id, 'check');
  await showEveryPart(page);
  await expect(page.getByText('For the records: Staff ID SW 4471; organisation ODS code 8HN21.')).toBeVisible();
});
