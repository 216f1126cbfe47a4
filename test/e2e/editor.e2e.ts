import { expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { SHOTS, connect, freshApp, openExample, savedProject } from './helpers';

test('build a three-department flow from an empty project by clicking and dragging', async ({ page }) => {
  await freshApp(page);
  await page.getByTestId('menu-examples').click();
  await page.getByTestId('new-empty').click();
  await expect(page.getByTestId('project-title')).toHaveText('New project');

  // Two more departments.
  await page.getByTestId('project-settings-toggle').click();
  await page.getByTestId('add-department').click();
  await page.getByTestId('add-department').click();
  await page.getByTestId('project-settings-toggle').click();

  // Three steps from the palette: one dragged onto the canvas, two clicked.
  const canvas = page.getByTestId('canvas');
  const box = (await canvas.boundingBox())!;
  await page.getByTestId('palette-step').dragTo(canvas, { targetPosition: { x: box.width * 0.35, y: box.height * 0.3 } });
  await expect(page.getByTestId('node-new-step')).toBeVisible();
  await page.getByTestId('palette-step').click();
  await page.getByTestId('palette-step').click();
  await expect(page.locator('[data-testid^="node-new-step"]')).toHaveCount(3);
  await expect(page.getByTestId('node-new-step-3')).toContainText('New step 3');

  // Give the steps names and departments through the inspector.
  const steps = [
    ['new-step', 'Intake', 'front-office'],
    ['new-step-2', 'Assessment', 'department-2'],
    ['new-step-3', 'Approval', 'department-3'],
  ];
  for (const [id, name, dept] of steps) {
    await page.getByTestId(`node-${id}`).click();
    await page.getByTestId('field-name').fill(name!);
    await page.getByTestId('field-name').press('Enter');
    await page.getByTestId('field-department').selectOption(dept!);
  }
  await page.getByTestId('auto-layout').click();
  await page.waitForTimeout(400);

  await connect(page, 'arrivals', 'new-step');
  await connect(page, 'new-step', 'new-step-2');
  await connect(page, 'new-step-2', 'new-step-3');
  await connect(page, 'new-step-3', 'exit');
  await page.getByTestId('auto-layout').click();
  await page.waitForTimeout(400);
  // Laid out left to right along the flow, one band per department.
  const laid = (await savedProject(page)).scenarios[0].flow.nodes;
  const at = (id: string) => laid.find((n: any) => n.id === id).position;
  expect(at('arrivals').x).toBeLessThan(at('new-step').x);
  expect(at('new-step').x).toBeLessThan(at('new-step-2').x);
  expect(at('new-step-2').x).toBeLessThan(at('new-step-3').x);
  expect(at('new-step-3').x).toBeLessThan(at('exit').x);
  expect(at('new-step').y).toBeLessThan(at('new-step-2').y);
  expect(at('new-step-2').y).toBeLessThan(at('new-step-3').y);
  await page.locator('.react-flow__pane').click();

  await expect(page.getByTestId('checks')).toContainText('The flow is complete');
  await expect(page.getByTestId('run')).toBeEnabled();
  await expect(page.getByTestId('lane-department-2')).toBeVisible();
  await expect(page.getByTestId('lane-department-3')).toBeVisible();
  const saved = await savedProject(page);
  expect(saved.scenarios[0].flow.edges).toHaveLength(4);
  expect(new Set(saved.scenarios[0].flow.nodes.filter((n: any) => n.kind === 'step').map((n: any) => n.departmentId)).size).toBe(3);
  await page.screenshot({ path: `${SHOTS}/02-built-flow.png` });
});

test('edit a distribution: invalid values are refused at the field, valid ones update the step', async ({ page }) => {
  await freshApp(page);
  await page.getByTestId('node-credit-analysis').click();
  const mean = page.getByTestId('service-mean');
  await mean.fill('-5');
  await mean.press('Enter');
  await expect(page.locator('.sf-field__error').first()).toContainText('cannot be negative');
  expect((await savedProject(page))?.scenarios?.[0]?.flow.nodes.find((n: any) => n.id === 'credit-analysis').service.mean ?? 50).toBe(50);
  await mean.fill('40');
  await mean.press('Enter');
  await expect(page.getByTestId('service-summary')).toHaveText('lognormal, mean 40 min, sd 30 min');
  await page.getByTestId('service-kind').selectOption('gamma');
  await expect(page.getByTestId('service-summary')).toHaveText('gamma, mean 40 min, sd 30 min');
  await expect(page.getByTestId('density-plot').first()).toBeVisible();
  await expect(page.getByTestId('node-credit-analysis')).toContainText('gamma, mean 40 min');
  await page.screenshot({ path: `${SHOTS}/03-inspector.png` });
});

test('create a proposal, undo and redo, and see what changed', async ({ page }) => {
  await freshApp(page);
  await expect(page.locator('[role=tab]')).toHaveCount(2);
  await page.getByTestId('duplicate-scenario').click();
  await expect(page.locator('[role=tab]')).toHaveCount(3);
  await page.getByTestId('node-credit-analysis').click();
  await page.getByTestId('field-staff').fill('8');
  await page.getByTestId('field-staff').press('Enter');
  await page.getByTestId('what-changed').click();
  await expect(page.getByTestId('changes')).toContainText('Credit analysis: staff 6 → 8');
  await page.keyboard.press('Escape');

  await page.locator('.react-flow__pane').click();
  await page.keyboard.press('Control+z');
  await page.getByTestId('what-changed').click();
  await expect(page.getByTestId('changes')).toContainText('Nothing yet');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  await expect(page.locator('[role=tab]')).toHaveCount(2);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.locator('[role=tab]')).toHaveCount(3);
  await page.keyboard.press('Control+y');
  await page.getByTestId('what-changed').click();
  await expect(page.getByTestId('changes')).toContainText('staff 6 → 8');
});

test('reload and find the project restored exactly', async ({ page }) => {
  await freshApp(page);
  await page.getByTestId('tab-single-point-of-contact').click();
  await page.getByTestId('node-advisor').click();
  await page.getByTestId('field-staff').fill('7');
  await page.getByTestId('field-staff').press('Enter');
  const before = await savedProject(page);
  await page.reload();
  await expect(page.getByTestId('tab-single-point-of-contact')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('node-advisor')).toContainText('7 staff');
  expect(await savedProject(page)).toEqual(before);
});

test('opening a broken file shows the problem and leaves the project untouched', async ({ page }) => {
  await freshApp(page);
  const before = await savedProject(page);
  const loan = JSON.parse(readFileSync('src/model/examples/loan.json', 'utf8'));
  loan.scenarios[0].flow.nodes[1].staff = 'two';
  await page.getByTestId('file-input').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(loan)) });
  await expect(page.getByTestId('message')).toContainText('scenarios[0].flow.nodes[1].staff: Intake: staff must be a number, not the text "two"');
  await expect(page.getByTestId('message')).toContainText('has not been changed');
  await page.screenshot({ path: `${SHOTS}/04-broken-file.png` });
  await page.keyboard.press('Escape');
  await page.getByTestId('file-input').setInputFiles({ name: 'not-json.json', mimeType: 'application/json', buffer: Buffer.from('{ this is not json') });
  await expect(page.getByTestId('message')).toContainText('not valid JSON');
  await page.keyboard.press('Escape');
  await page.getByTestId('file-input').setInputFiles({ name: 'newer.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...loan, formatVersion: 7 })) });
  await expect(page.getByTestId('message')).toContainText('newer version of Serviceflow');
  await page.keyboard.press('Escape');
  expect(await savedProject(page)).toEqual(before);
  await expect(page.getByTestId('project-title')).toHaveText('Bank loan application');
});

test('save and reopen a file round-trip; opening is one undo step', async ({ page }, info) => {
  await freshApp(page);
  await page.getByTestId('node-intake').click();
  await page.getByTestId('field-name').fill('Reception');
  await page.getByTestId('field-name').press('Enter');
  const download = page.waitForEvent('download');
  await page.getByTestId('menu-save').click();
  const file = info.outputPath('saved.json');
  await (await download).saveAs(file);
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  expect(saved.scenarios[0].flow.nodes.find((n: any) => n.id === 'intake').name).toBe('Reception');

  await openExample(page, 'repair');
  await expect(page.getByTestId('project-title')).toHaveText('After-sales repair');
  await page.getByTestId('file-input').setInputFiles(file);
  await expect(page.getByTestId('project-title')).toHaveText('Bank loan application');
  await expect(page.getByTestId('node-intake')).toContainText('Reception');
  expect(await savedProject(page)).toEqual(saved);
  await page.locator('.react-flow__pane').click();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('project-title')).toHaveText('After-sales repair');
  writeFileSync(info.outputPath('done.txt'), 'ok');
});

test('arrivals: a lunchtime peak and the class mix are edited in the inspector', async ({ page }) => {
  await freshApp(page);
  await page.getByTestId('node-applications').click();
  await page.getByTestId('schedule-toggle').check();
  await page.getByTestId('schedule-12').fill('2');
  await page.getByTestId('schedule-12').press('Enter');
  await page.getByTestId('class-mix-default').uncheck();
  await page.getByTestId('class-mix-large').fill('0.5');
  await page.getByTestId('class-mix-large').press('Enter');
  const saved = await savedProject(page);
  const arrivals = saved.scenarios[0].flow.nodes.find((n: any) => n.id === 'applications');
  expect(arrivals.schedule.multipliers[12]).toBe(2);
  expect(arrivals.schedule.multipliers[11]).toBe(1);
  expect(arrivals.classMix).toEqual([
    { classId: 'small', share: 0.7 },
    { classId: 'large', share: 0.5 },
  ]);
  await expect(page.getByTestId('node-applications')).toContainText('daily peak profile');
  await page.screenshot({ path: `${SHOTS}/08-arrivals.png` });
});

test('arrivals: peaks drawn on the curve by dragging across the hours, one undo step', async ({ page }) => {
  await freshApp(page);
  await page.getByTestId('node-applications').click();
  await page.getByTestId('schedule-toggle').check();
  const svg = page.getByTestId('schedule-curve-svg');
  await svg.scrollIntoViewIfNeeded();
  const box = (await svg.boundingBox())!;
  // Chart coordinates (viewBox 300 × 120; bars from x = 26 to 296, the value 0 at y = 104, the top ×2 at y = 6).
  const at = (hour: number, value: number) => ({ x: box.x + ((26 + (hour + 0.5) * (270 / 24)) / 300) * box.width, y: box.y + ((104 - (value / 2) * 98) / 120) * box.height });
  // Close the night (0–6h) and draw a lunchtime peak of ×2 from 11h to 13h (just beyond the scale: clamped).
  let p = at(0, -0.1);
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  p = at(6, -0.1);
  await page.mouse.move(p.x, p.y, { steps: 4 });
  await page.mouse.up();
  p = at(11, 2.1);
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  p = at(13, 2.1);
  await page.mouse.move(p.x, p.y, { steps: 4 });
  await page.mouse.up();
  const saved = (await savedProject(page)).scenarios[0].flow.nodes.find((n: any) => n.id === 'applications').schedule.multipliers;
  expect(saved.slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  expect(saved.slice(11, 14)).toEqual([2, 2, 2]);
  expect(saved[8]).toBe(1);
  await expect(page.getByTestId('schedule-12')).toHaveValue('2');
  await page.screenshot({ path: `${SHOTS}/09-arrival-curve.png` });
  // The peak was one stroke: one undo takes it back, the closed night stays.
  await page.getByTestId('undo').click();
  const undone = (await savedProject(page)).scenarios[0].flow.nodes.find((n: any) => n.id === 'applications').schedule.multipliers;
  expect(undone[12]).toBe(1);
  expect(undone[3]).toBe(0);
});
