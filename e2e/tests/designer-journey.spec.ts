import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { collectPageErrors } from './support/page-errors.ts';
import { fillPasswordSignIn } from './support/sign-in.ts';

const SHOTS = 'screenshots/designer';

async function signInAsDesigner(page: Page) {
  await page.goto('/sign-in?next=%2Fdesigner');
  await fillPasswordSignIn(page, 'designer', 'atelier-designer');
  await expect(page.getByRole('heading', { level: 1, name: 'Routings' })).toBeVisible();
}

const node = (page: Page, key: string) => page.getByTestId(`node-${key}`);

/** Drags from one handle to another with the mouse, as a designer connects two steps. */
async function connect(page: Page, from: Locator, to: Locator) {
  const a = await from.locator('.react-flow__handle-right').boundingBox();
  const b = await to.locator('.react-flow__handle-left').boundingBox();
  if (!a || !b) throw new Error('handles not on screen');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, b.y + 40, { steps: 8 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
}

/** Drops a palette preset onto a canvas edge (the preset is inserted in its middle). */
async function dropPresetOnEdge(page: Page, preset: string, edge: Locator) {
  const box = await settledInside(edge.locator('path').first(), page.getByTestId('designer-canvas'));
  await page.locator(`[data-preset="${preset}"]`).dragTo(page.getByTestId('designer-canvas'), {
    targetPosition: await relativeTo(
      page.getByTestId('designer-canvas'),
      box.x + box.width / 2,
      box.y + box.height / 2,
    ),
  });
}

/**
 * The box of `element` once it has stopped moving (a fit-view animation may still be running) and
 * its middle lies on `area`, so a drop there lands on the canvas rather than on a panel.
 */
async function settledInside(element: Locator, area: Locator) {
  let last = '';
  let box: { x: number; y: number; width: number; height: number } | null = null;
  await expect
    .poll(async () => {
      box = await element.boundingBox();
      const bounds = await area.boundingBox();
      if (!box || !bounds) return false;
      const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
      const inside = x > bounds.x && x < bounds.x + bounds.width && y > bounds.y && y < bounds.y + bounds.height;
      const now = JSON.stringify(box);
      const settled = now === last;
      last = now;
      return inside && settled;
    })
    .toBe(true);
  if (!box) throw new Error('edge not on screen');
  return box as { x: number; y: number; width: number; height: number };
}

async function relativeTo(target: Locator, x: number, y: number) {
  const box = await target.boundingBox();
  if (!box) throw new Error('target not on screen');
  return { x: x - box.x, y: y - box.y };
}

async function exportedFile(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  const file = await (await download).path();
  return readFileSync(file, 'utf8');
}

test('a designer builds a routing from presets, fixes what the validator finds, saves, survives a conflict, publishes and round-trips the file', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  const errors = collectPageErrors(page, [412]);
  page.on('dialog', (dialog) => void dialog.accept());
  const code = `E2E-${Date.now().toString(36).toUpperCase()}`;
  await signInAsDesigner(page);

  // A new routing opens as draft v1: Start wired to End.
  await page.getByRole('button', { name: 'New routing' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Code', { exact: true }).fill(code);
  await dialog.getByLabel('Name', { exact: true }).fill('Card holder');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Card holder' })).toBeVisible();
  await expect(node(page, 'start')).toBeVisible();

  // Drag presets with the mouse onto the connection: each is inserted in the middle of it.
  await dropPresetOnEdge(page, 'cutting', page.locator('.react-flow__edge').first());
  await expect(node(page, 'cutting')).toBeVisible();
  // The new step pushed End to the right; bring everything into view before the next drop.
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  const cutToEnd = page.locator('.react-flow__edge').filter({ has: page.locator('.dz-edge--normal') });
  await dropPresetOnEdge(page, 'qc-inspection', cutToEnd.last());
  const qc = node(page, 'qc-inspection');
  await expect(qc).toBeVisible();

  // The QC step has a pass path but no fail or rework path: an error, highlighted on the canvas.
  await expect(qc).toHaveClass(/has-error/);
  const issue = page.getByRole('button', { name: /A QC step needs one pass and a fail or rework connection/ });
  await expect(issue).toBeVisible();
  await expect(page.getByRole('button', { name: '1 error blocks publishing' })).toBeDisabled();
  await issue.click();
  await expect(qc).toHaveClass(/is-selected/);
  await expect(page.getByTestId('node-properties').getByLabel('Key')).toHaveValue('qc-inspection');
  await page.screenshot({ path: `${SHOTS}/error-en-1440.png` });

  // Fix it: connect the QC back to Cutting. Only a rework edge may close that loop, so it is one.
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  await page.waitForTimeout(400);
  await connect(page, qc, node(page, 'cutting'));
  await expect(page.locator('.dz-edge--rework')).toHaveCount(1);
  await expect(page.getByText('No issues: this routing can be published.')).toBeVisible();
  await expect(qc).not.toHaveClass(/has-error/);

  // Undo brings the error back, redo fixes it again.
  await page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
  await page.keyboard.press('Control+z');
  await expect(qc).toHaveClass(/has-error/);
  await page.keyboard.press('Control+Shift+z');
  await expect(qc).not.toHaveClass(/has-error/);

  // Auto-layout runs left to right.
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await expect(async () => {
    const xs = await Promise.all(
      ['start', 'cutting', 'qc-inspection', 'end'].map(async (key) => (await node(page, key).boundingBox())?.x ?? 0),
    );
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  }).toPass();

  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('Draft v1 saved', { exact: true })).toBeVisible();
  await expect(page.getByText('Unsaved changes', { exact: true })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/saved-en-1440.png` });

  // A second tab saves the same draft first.
  const other = await context.newPage();
  await other.goto(page.url());
  await other.getByTestId('node-cutting').click();
  await other.getByTestId('node-properties').getByLabel('Standard minutes').fill('14');
  await other.getByTestId('node-properties').getByLabel('Standard minutes').press('Enter');
  await other.getByRole('button', { name: 'Save draft' }).click();
  await expect(other.getByText('Draft v1 saved', { exact: true })).toBeVisible();
  await other.close();

  // This tab's edit meets the conflict; nothing of it is lost, not even across a reload.
  await node(page, 'cutting').click();
  const name = page.getByTestId('node-properties').getByLabel('Name');
  await name.fill('Cutting by hand');
  await name.press('Enter');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('heading', { name: 'Someone else saved this draft' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/conflict-en-1440.png` });
  await page.getByRole('button', { name: 'Keep editing' }).click();
  await expect(node(page, 'cutting')).toContainText('Cutting by hand');
  await page.waitForTimeout(800);
  await page.reload();
  await expect(page.getByText('Unsaved changes from this browser were restored.')).toBeVisible();
  await expect(node(page, 'cutting')).toContainText('Cutting by hand');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.getByRole('button', { name: 'Reload theirs' }).click();
  await expect(node(page, 'cutting')).not.toContainText('Cutting by hand');
  await node(page, 'cutting').click();
  await expect(page.getByTestId('node-properties').getByLabel('Standard minutes')).toHaveValue('14');

  // Publish, with a confirmation that sums up the validation.
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('The routing has no issues.', { exact: false })).toBeVisible();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('Version 1 published', { exact: true })).toBeVisible();
  await expect(page.getByText('This version is read-only.', { exact: false })).toBeVisible();

  // Export, open a new draft, import the file: the draft exports byte for byte the same.
  const exported = await exportedFile(page);
  expect(JSON.parse(exported)).toMatchObject({ format: 'routing-graph/v1', code });
  await page.getByRole('button', { name: 'New draft from this version' }).click();
  await expect(page.getByText('Draft', { exact: true })).toBeVisible();
  await page.getByTestId('designer-import-input').setInputFiles({
    name: `${code}-v1.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(exported),
  });
  await expect(page.locator('.toast__title', { hasText: `${code}-v1.json imported` })).toBeVisible();
  expect(await exportedFile(page)).toBe(exported);

  // A broken file names the field and changes nothing.
  const broken = JSON.parse(exported) as { nodes: Record<string, unknown>[] };
  broken.nodes[1] = { ...broken.nodes[1], colour: 'red' };
  await page.getByTestId('designer-import-input').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  await expect(page.getByTestId('import-errors')).toContainText('$.nodes[1].colour');
  await page.getByRole('button', { name: 'Close' }).first().click();
  expect(await exportedFile(page)).toBe(exported);

  // Leaving with unsaved changes (the import above) asks first.
  await page.getByRole('button', { name: '← Routings' }).click();
  await expect(page.getByRole('heading', { name: 'Leave with unsaved changes?' })).toBeVisible();
  await page.getByRole('button', { name: 'Stay' }).click();
  await expect(page.getByRole('button', { name: 'Save draft' })).toBeVisible();

  // The same routing in Thai, at desktop and tablet sizes.
  await page.evaluate(() => localStorage.setItem('atelier.preferences', JSON.stringify({ language: 'th' })));
  await page.goto(`/designer/${code}/1`);
  await expect(page.getByText('เผยแพร่แล้ว', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'ส่งออก' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/published-th-1440.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/designer/${code}/2`);
  await expect(page.getByRole('button', { name: 'บันทึกฉบับร่าง' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/draft-th-1280.png` });
  await page.evaluate(() => localStorage.setItem('atelier.preferences', JSON.stringify({ language: 'en' })));
  await page.reload();
  await page.screenshot({ path: `${SHOTS}/draft-en-1280.png` });
  expect(errors).toEqual([]);
});
