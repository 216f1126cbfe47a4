import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { freshApp, savedProject, SHOTS } from './helpers';

const fixture = (name: string) => `test/model/interop/fixtures/${name}`;

test('open a BPMN file: the process is imported and the report says what was mapped', async ({ page }) => {
  await freshApp(page);
  await page.getByTestId('file-input').setInputFiles(fixture('camunda-loan.bpmn'));
  await expect(page.getByTestId('message')).toContainText('Imported "camunda-loan.bpmn"');
  await expect(page.getByTestId('message')).toContainText('No shares on the paths out of "File complete?"');
  await page.screenshot({ path: `${SHOTS}/30-bpmn-import.png` });
  await page.getByTestId('message').getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('project-title')).toHaveText('Loan office');
  await expect(page.getByTestId('node-Activity_Analysis')).toBeVisible();
  await expect(page.getByTestId('lane-Lane_Credit')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/31-bpmn-imported-flow.png` });
});

test('a malformed BPMN file is refused and the project stays as it was', async ({ page }) => {
  await freshApp(page);
  const before = await savedProject(page);
  await page.getByTestId('file-input').setInputFiles(fixture('malformed.bpmn'));
  await expect(page.getByTestId('message')).toContainText('could not be imported');
  await expect(page.getByTestId('message')).toContainText('not a readable BPMN 2.0 file');
  await expect(page.getByTestId('message')).toContainText('Your project on screen has not been changed.');
  expect((await savedProject(page)).name).toBe(before.name);
});

test('Export BPMN writes a file that opens again as the same flow', async ({ page }) => {
  await freshApp(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('menu-export-bpmn').click()]);
  expect(download.suggestedFilename()).toBe('Bank loan application - Today.bpmn');
  const xml = readFileSync(await download.path(), 'utf8');
  expect(xml).toContain('<bpmndi:BPMNDiagram');
  expect(xml).toContain('<bpsim:BPSimData>');
  const original = await savedProject(page);
  await page.getByTestId('file-input').setInputFiles({ name: 'roundtrip.bpmn', mimeType: 'application/xml', buffer: Buffer.from(xml) });
  await expect(page.getByTestId('message')).toContainText('Imported "roundtrip.bpmn"');
  await page.getByTestId('message').getByRole('button', { name: 'Close' }).click();
  const reopened = await savedProject(page);
  expect(reopened.scenarios[0].flow).toEqual(original.scenarios[0].flow);
});
