import { expect, test } from '@playwright/test';
import { freshApp, savedProject, SHOTS } from './helpers';

test('a staff pool shared by two steps: set up in the inspector, simulated, reported', async ({ page }) => {
  await freshApp(page);
  await page.getByTestId('project-settings-toggle').click();
  await page.getByTestId('add-pool').click();
  const pool = (await savedProject(page)).scenarios[0].flow.pools[0];
  await page.getByTestId(`pool-size-${pool.id}`).fill('8');
  await page.getByTestId(`pool-size-${pool.id}`).press('Enter');
  for (const id of ['credit-analysis', 'risk-approval']) {
    await page.getByTestId(`node-${id}`).click();
    await page.getByTestId('field-pool').selectOption(pool.id);
    await expect(page.getByTestId(`node-${id}`)).toContainText(`pool ${pool.name} (8)`);
  }
  const saved = (await savedProject(page)).scenarios[0].flow;
  expect(saved.nodes.filter((n: any) => n.poolId === pool.id).map((n: any) => n.id).sort()).toEqual(['credit-analysis', 'risk-approval']);
  await page.getByTestId('run-current').click();
  await expect(page.getByTestId('pool-table')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('pool-table')).toContainText('Credit analysis, Risk approval');
  await expect(page.getByTestId('pool-table').locator('tbody tr td').nth(1)).toHaveText('8');
  await page.getByTestId('pool-table').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/35-pool.png` });
});

test('shifts on a step: edited hour by hour, shown on the node, simulated', async ({ page }) => {
  await freshApp(page);
  await page.getByTestId('node-contract').click();
  await page.getByTestId('step-shifts-toggle').check();
  for (const h of [0, 1, 2, 3, 4, 5, 6, 22, 23]) {
    await page.getByTestId(`step-shifts-${h}`).fill('0');
    await page.getByTestId(`step-shifts-${h}`).press('Enter');
  }
  await page.getByTestId('step-shifts-12').fill('3');
  await page.getByTestId('step-shifts-12').press('Enter');
  await expect(page.getByTestId('node-contract')).toContainText('shifts, up to 3 staff');
  const contract = (await savedProject(page)).scenarios[0].flow.nodes.find((n: any) => n.id === 'contract');
  expect(contract.shifts.staff.slice(0, 8)).toEqual([0, 0, 0, 0, 0, 0, 0, 2]);
  expect(contract.shifts.staff[12]).toBe(3);
  // Customers still waiting at the end of a shift: served in overtime instead of carried over.
  await page.getByTestId('step-shifts-end').selectOption('serve-waiting');
  const overtime = (await savedProject(page)).scenarios[0].flow.nodes.find((n: any) => n.id === 'contract');
  expect(overtime.shifts.atShiftEnd).toBe('serve-waiting');
  expect(overtime.shifts.staff[12]).toBe(3);
  // Or handed over to a colleague or the next shift; the run below uses that.
  await page.getByTestId('step-shifts-end').selectOption('hand-over');
  const handOver = (await savedProject(page)).scenarios[0].flow.nodes.find((n: any) => n.id === 'contract');
  expect(handOver.shifts.atShiftEnd).toBe('hand-over');
  await page.screenshot({ path: `${SHOTS}/36-shifts.png` });
  await page.getByTestId('run-current').click();
  await expect(page.getByTestId('figures-baseline')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('step-table')).toContainText('Contract signing');
});

test('a system with outages: added in the settings, needed by a step, its availability reported', async ({ page }) => {
  await freshApp(page);
  await page.getByTestId('project-settings-toggle').click();
  await page.getByTestId('add-system').click();
  const system = (await savedProject(page)).scenarios[0].flow.systems[0];
  await expect(page.getByTestId(`system-${system.id}`)).toContainText('Needed by: no step yet');
  await page.getByTestId('node-credit-analysis').click();
  await page.getByTestId(`step-system-${system.id}`).check();
  const step = (await savedProject(page)).scenarios[0].flow.nodes.find((n: any) => n.id === 'credit-analysis');
  expect(step.systemIds).toEqual([system.id]);
  await page.getByTestId('run-current').click();
  await expect(page.getByTestId('system-table')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('system-table')).toContainText(system.name);
  const available = await page.getByTestId('system-table').locator('tbody td').nth(1).innerText();
  expect(Number(available.split('%')[0])).toBeGreaterThan(90); // a week between failures, two hours to repair
  await page.getByTestId('system-table').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/37-system.png` });
});
