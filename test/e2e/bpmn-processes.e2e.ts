// A BPMN file with several pools: the main process (most tasks) is imported, and the import
// report offers the others.
import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { freshApp, savedProject, SHOTS } from './helpers';

const FILE = '../shared/bpmn-corpus/miwg/reference/C.4.0.bpmn';

test.skip(!existsSync(FILE), 'the shared BPMN corpus is not here');

test('a file with several processes: the main one is imported and another can be picked from the report', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await freshApp(page);
  await page.getByTestId('file-input').setInputFiles(FILE);
  const message = page.getByTestId('message');
  await expect(message).toContainText('The file has 4 processes: "Money Bank" (12 tasks) was imported, the one with the most tasks');
  await expect(message).toContainText('No arrival rate in the file');
  await expect(message.getByTestId('import-other-process')).toHaveCount(3);
  // Short and grouped: a summary, then folded groups with their counts.
  await expect(message).toContainText(/In the report below — approximated or assumed: \d+, left out: \d+, mapped as it is: \d+\./);
  await expect(message.getByTestId('import-group-approximated')).not.toHaveAttribute('open', '');
  await expect(message.getByTestId('import-group-approximated').locator('summary')).toHaveText(/^Approximated or assumed \(\d+\)$/);
  await page.screenshot({ path: `${SHOTS}/32-bpmn-processes.png` });
  await message.getByRole('button', { name: 'Import "IT - Process" instead' }).click();
  await expect(message).toContainText('"IT - Process" (5 tasks) was imported as asked');
  await expect(page.getByTestId('project-title')).toHaveText('IT - Process');
  const project = await savedProject(page);
  expect(project.scenarios[0].flow.nodes.filter((n: { kind: string }) => n.kind === 'step')).toHaveLength(5);
  await message.getByTestId('import-keep').click();
  await expect(message).toHaveCount(0);
});

test('a real model with boundary events (ISO-8859-1, from the MIWG suite) imports and runs', async ({ page }) => {
  const file = '../shared/bpmn-corpus/miwg/reference/B.2.0.bpmn';
  await page.setViewportSize({ width: 1280, height: 720 });
  await freshApp(page);
  await page.getByTestId('file-input').setInputFiles(file);
  const message = page.getByTestId('message');
  await expect(message).toContainText('The file is written in ISO-8859-1; it was read as such.');
  await expect(message).toContainText(/interrupting .*boundary event .*10 % of the step's customers/);
  await message.getByRole('button', { name: /^(Close|Keep this one)$/ }).click();
  await expect(message).toHaveCount(0);
  await page.getByTestId('run').click();
  await expect(page.getByTestId('figures-baseline')).toBeVisible({ timeout: 45_000 });
  await page.screenshot({ path: `${SHOTS}/33-bpmn-boundary-run.png` });
});
