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

test('a BPMN model chosen together with its Prosimos/Simod parameters (JSON) opens with those parameters', async ({ page }) => {
  await freshApp(page);
  const flow = (id: string, a: string, b: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${a}" targetRef="${b}"/>`;
  const xml = `<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><bpmn:process id="P"><bpmn:startEvent id="s"/><bpmn:task id="a" name="Assess"/><bpmn:endEvent id="e"/>${flow('f1', 's', 'a')}${flow('f2', 'a', 'e')}</bpmn:process></bpmn:definitions>`;
  const params = {
    arrival_time_distribution: { distribution_name: 'expon', distribution_params: [{ value: 0 }, { value: 600 }, { value: 0 }, { value: 9999 }] },
    task_resource_distribution: [{ task_id: 'a', resources: [{ resource_id: 'clerk', distribution_name: 'fix', distribution_params: [{ value: 240 }] }] }],
    resource_profiles: [{ id: 'p1', name: 'Clerks', resource_list: [{ id: 'clerk', name: 'Clerk', amount: 3, assigned_tasks: ['a'] }] }],
  };
  await page.getByTestId('file-input').setInputFiles([
    { name: 'claims.bpmn', mimeType: 'application/xml', buffer: Buffer.from(xml) },
    { name: 'claims.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(params)) },
  ]);
  await expect(page.getByTestId('message')).toContainText('Imported "claims.bpmn"');
  await expect(page.getByTestId('message')).toContainText('Prosimos / Simod parameters read');
  await page.getByTestId('message').getByRole('button', { name: 'Close' }).click();
  const project = await savedProject(page);
  const assess = project.scenarios[0].flow.nodes.find((n: { name: string }) => n.name === 'Assess');
  expect(assess.service).toEqual({ kind: 'constant', value: 4 }); // 240 s in the project's minutes
  // A broken JSON beside it: a clear message, nothing replaced.
  await page.getByTestId('file-input').setInputFiles([
    { name: 'other.bpmn', mimeType: 'application/xml', buffer: Buffer.from(xml) },
    { name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{ not json') },
  ]);
  await expect(page.getByTestId('message')).toContainText('"other.json" could not be read');
  await expect(page.getByTestId('message')).toContainText('Your project on screen has not been changed.');
});
