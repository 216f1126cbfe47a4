// An inclusive (OR) gateway from a BPMN file: it becomes a split that takes one or more paths, each
// with its own chance; the inspector says what the chances mean, the run and Watch go through it.
import { expect, test } from '@playwright/test';
import { freshApp, savedProject, SHOTS } from './helpers';

const flow = (id: string, s: string, t: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${s}" targetRef="${t}"/>`;
const prob = (ref: string, p: number) => `<bpsim:ElementParameters elementRef="${ref}"><bpsim:ControlParameters><bpsim:Probability><bpsim:FloatingParameter value="${p}"/></bpsim:Probability></bpsim:ControlParameters></bpsim:ElementParameters>`;
const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpsim="http://www.bpsim.org/schemas/1.0" id="d">
<bpmn:process id="claims" name="Claims">
<bpmn:startEvent id="s" name="Claim in"/><bpmn:task id="reg" name="Register claim"/>
<bpmn:inclusiveGateway id="or" name="Checks needed?"/><bpmn:task id="doc" name="Check documents"/><bpmn:task id="exp" name="Expert opinion"/>
<bpmn:inclusiveGateway id="orj" name="Checks back"/><bpmn:task id="pay" name="Decide and pay"/><bpmn:endEvent id="e" name="Closed"/>
${flow('f1', 's', 'reg')}${flow('f2', 'reg', 'or')}${flow('f3', 'or', 'doc')}${flow('f4', 'or', 'exp')}${flow('f5', 'doc', 'orj')}${flow('f6', 'exp', 'orj')}${flow('f7', 'orj', 'pay')}${flow('f8', 'pay', 'e')}
</bpmn:process>
<bpmn:relationship type="BPSimData"><bpmn:extensionElements><bpsim:BPSimData><bpsim:Scenario id="s1">${prob('f3', 0.9)}${prob('f4', 0.3)}</bpsim:Scenario></bpsim:BPSimData></bpmn:extensionElements><bpmn:source>claims</bpmn:source><bpmn:target>claims</bpmn:target></bpmn:relationship>
</bpmn:definitions>`;

test('an inclusive gateway imports as a split into one or more paths with chances; it can be edited, run and watched', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await freshApp(page);
  // The file is parsed in a worker of its own, not on the page's main thread.
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.getByTestId('file-input').setInputFiles({ name: 'claims.bpmn', mimeType: 'application/xml', buffer: Buffer.from(XML) });
  const message = page.getByTestId('message');
  await expect(message).toContainText('Inclusive gateway "Checks needed?" imported as an inclusive split');
  expect(workers.some((u) => /bpmn\.worker/.test(u))).toBe(true);
  await message.getByRole('button', { name: /^(Close|Keep this one)$/ }).click();
  await expect(page.getByTestId('node-or')).toContainText('one or more paths');
  await expect(page.locator('.sf-edge-label', { hasText: '90 % chance' })).toHaveCount(1);
  await expect(page.locator('.sf-edge-label', { hasText: '30 % chance' })).toHaveCount(1);

  await page.getByTestId('node-or').click();
  await expect(page.getByTestId('split-mode')).toHaveValue('inclusive');
  await expect(page.getByTestId('split-help')).toContainText('drawn again');
  await page.screenshot({ path: `${SHOTS}/34-bpmn-inclusive.png` });

  // Back to all paths: the chances go; and inclusive again: each path gets a chance of 50 %.
  await page.getByTestId('split-mode').selectOption('all');
  await expect(page.locator('.sf-edge-label', { hasText: 'in parallel' })).toHaveCount(2);
  await page.getByTestId('split-mode').selectOption('inclusive');
  await expect(page.locator('.sf-edge-label', { hasText: '50 % chance' })).toHaveCount(2);
  const split = (await savedProject(page)).scenarios[0].flow;
  expect(split.nodes.find((n: { id: string }) => n.id === 'or').mode).toBe('inclusive');
  expect(split.edges.filter((e: { source: string }) => e.source === 'or').map((e: { probability: number }) => e.probability)).toEqual([0.5, 0.5]);

  await page.getByTestId('run').click();
  await expect(page.locator('[data-testid^="figures-"]').first()).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('watch-open').click();
  await page.getByTestId('watch-speed').selectOption('10000');
  const served = page.locator('[data-testid^="watch-pane-"]').first().locator('[data-k="served"]');
  await expect.poll(async () => Number((await served.innerText()).replace(/\D/g, '')), { timeout: 20_000 }).toBeGreaterThan(0);
  await page.screenshot({ path: `${SHOTS}/35-bpmn-inclusive-watch.png` });
});
