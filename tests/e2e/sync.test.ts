import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  addPersonThroughUi,
  createVaultThroughUi,
  useApps,
  openContactsScreen,
  pick,
} from '../helpers/browserHost';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
const start = useApps(tempDir);

const PERSON = 'Алесь Сінхранізаваны';

function section(screen: Locator, name: string): Locator {
  return screen.getByRole('region', { name, exact: true });
}

async function backToCases(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Back to cases' }).click();
  await page.getByRole('button', { name: 'Add person' }).waitFor();
}

/** The one contact each side has: its list item in "Your contacts". */
function onlyContact(screen: Locator): Locator {
  return section(screen, 'Your contacts').getByRole('listitem');
}

/** Adds a contact from a file or pasted text; returns what the form said. */
async function addContact(screen: Locator, from: { path: string } | { text: string }) {
  const form = section(screen, 'Add a contact');
  if ('path' in from) {
    await form.getByLabel('A contact file').check();
    await pick(form.getByLabel('Contact file', { exact: true }), from.path);
  } else {
    await form.getByLabel('Pasted text').check();
    await form.getByLabel('Contact text').fill(from.text);
  }
  await form.getByRole('button', { name: 'Add contact' }).click();
}

/** Opens the contact's fingerprint dialog and reads the digits it shows, spaces removed. */
async function openFingerprint(page: Page, screen: Locator): Promise<[Locator, string]> {
  await onlyContact(screen).getByRole('button', { name: 'Verify…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Fingerprint of / });
  const digits = dialog.getByTestId('fingerprint-digits');
  await digits.waitFor();
  const text = ((await digits.textContent()) ?? '').replace(/\s+/g, '');
  return [dialog, text];
}

/** Sends to the one contact; returns the preview the dialog showed before sending. */
async function send(page: Page, file: string): Promise<string> {
  const screen = await openContactsScreen(page);
  await screen.getByRole('button', { name: 'Send changes to…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send changes to…' });
  await dialog.getByRole('group', { name: 'Contacts' }).getByRole('checkbox').check();
  const preview = dialog.getByRole('region', { name: 'What each contact gets' });
  // The region can show before its figures: read it once they are there.
  await expect.poll(() => preview.textContent()).toMatch(/\d+ changes?/);
  const said = (await preview.textContent()) ?? '';
  await pick(dialog.getByLabel('Bundle file', { exact: true }), file);
  await dialog.getByRole('button', { name: 'Send', exact: true }).click();
  await expect
    .poll(() => dialog.getByRole('status').last().textContent())
    .toContain(`The bundle is saved to ${path.basename(file)}. It is encrypted for`);
  expect(existsSync(file)).toBe(true);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await backToCases(page);
  return said;
}

/** Checks a bundle, applies it, and returns what the check said it brings. */
async function receive(page: Page, file: string): Promise<string> {
  const screen = await openContactsScreen(page);
  await screen.getByRole('button', { name: 'Receive a bundle…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Receive a bundle' });
  await pick(dialog.getByLabel('Bundle file', { exact: true }), file);
  await dialog.getByRole('button', { name: 'Check' }).click();
  const preview = dialog.getByRole('region', { name: 'What this bundle brings' });
  await expect.poll(() => preview.textContent()).toMatch(/\d+ changes?/);
  const said = (await preview.textContent()) ?? '';
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await dialog.getByRole('region', { name: 'Received' }).waitFor();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await backToCases(page);
  return said;
}

function personForm(page: Page): Locator {
  return page.getByRole('form', { name: PERSON });
}

async function openPerson(page: Page): Promise<void> {
  await page.getByRole('list', { name: 'People' }).getByText(PERSON).click();
  await personForm(page).waitFor();
}

async function setOccupation(page: Page, occupation: string): Promise<void> {
  await openPerson(page);
  await personForm(page).getByLabel('Occupation').fill(occupation);
  await personForm(page).getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => personForm(page).getByRole('status').textContent()).toBe('Saved.');
}

async function occupation(page: Page): Promise<string> {
  await openPerson(page);
  return personForm(page).getByLabel('Occupation').inputValue();
}

/** The QR code as drawn on screen, read by zbar (a decoder we did not write). */
async function decodeQr(qr: Locator): Promise<string> {
  const file = path.join(tempDir(), 'fingerprint.png');
  writeFileSync(file, await qr.screenshot());
  return execFileSync('zbarimg', ['--raw', '-q', file], { encoding: 'utf8' }).trim();
}

describe('sync between two vaults through the browser host', () => {
  it('says in sentences why a broken contact or its own contact cannot be added', async () => {
    const { page } = await start();
    await createVaultThroughUi(page, path.join(tempDir(), 'vault'));
    const screen = await openContactsScreen(page);
    const form = section(screen, 'Add a contact');

    await addContact(screen, { text: 'not a contact at all' });
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toContain('This is not a Vigil contact');

    const own = await section(screen, 'Your sharing identity')
      .getByLabel('Your contact as text')
      .inputValue();
    await addContact(screen, { text: own });
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toContain("This is this installation's own contact");
    expect(await section(screen, 'Your contacts').textContent()).toContain('No contacts yet.');
  });

  it('adds and verifies contacts both ways, sends, receives, and settles a conflict on both sides', async () => {
    const a = await start();
    const b = await start();
    await createVaultThroughUi(a.page, path.join(tempDir(), 'vault-a'));
    await createVaultThroughUi(b.page, path.join(tempDir(), 'vault-b'));
    const files = tempDir();
    const file = (name: string) => path.join(files, name);

    // A names itself, saves its contact file and B adds it; B's contact goes to A as text.
    const screenA = await openContactsScreen(a.page);
    const identityA = section(screenA, 'Your sharing identity');
    await identityA.getByLabel('Name colleagues see').fill('Invented Field Office');
    await identityA.getByRole('button', { name: 'Save name' }).click();
    await expect
      .poll(() => identityA.getByLabel('Your contact as text').inputValue())
      .toContain('name: Invented Field Office');
    const saveForm = screenA.getByRole('form', { name: 'Save my contact file' });
    await pick(saveForm.getByLabel('Contact file', { exact: true }), file('a.vigil-contact'));
    await saveForm.getByRole('button', { name: 'Save contact file' }).click();
    await expect
      .poll(() => saveForm.getByRole('status').textContent())
      .toBe(`Contact file saved to a.vigil-contact.`);

    const screenB = await openContactsScreen(b.page);
    await addContact(screenB, { path: file('a.vigil-contact') });
    await expect
      .poll(() => section(screenB, 'Add a contact').getByRole('status').textContent())
      .toContain('was added');
    const textB = await section(screenB, 'Your sharing identity')
      .getByLabel('Your contact as text')
      .inputValue();
    await addContact(screenA, { text: textB });
    await expect
      .poll(() => section(screenA, 'Add a contact').getByRole('status').textContent())
      .toContain('was added');
    await expect.poll(() => onlyContact(screenA).textContent()).toContain('Not verified');

    // Both screens show the same fingerprint, and the QR code says the same digits.
    const [dialogA, digitsA] = await openFingerprint(a.page, screenA);
    const [dialogB, digitsB] = await openFingerprint(b.page, screenB);
    expect(digitsA).toMatch(/^\d{60}$/);
    expect(digitsB).toBe(digitsA);
    expect(await decodeQr(dialogA.getByTestId('fingerprint-qr'))).toBe(digitsA);

    // Typed digits that differ are refused, in a sentence; the matching ones verify.
    await dialogA.getByLabel('Your colleague’s digits', { exact: true }).fill('12345'.repeat(12));
    await dialogA.getByRole('button', { name: 'Check these digits' }).click();
    await expect
      .poll(() => dialogA.getByRole('alert').textContent())
      .toContain('The fingerprint does not match');
    await dialogA.getByLabel('Your colleague’s digits', { exact: true }).fill(digitsB);
    await dialogA.getByRole('button', { name: 'Check these digits' }).click();
    await expect.poll(() => dialogA.getByRole('status').textContent()).toContain('is verified');
    await dialogA.getByRole('button', { name: 'Close' }).click();
    await dialogB.getByRole('button', { name: 'The numbers match' }).click();
    await expect.poll(() => dialogB.getByRole('status').textContent()).toContain('is verified');
    await dialogB.getByRole('button', { name: 'Close' }).click();
    // Who verified is this installation, by name when it has one, so "by" is not required.
    await expect.poll(() => onlyContact(screenA).textContent()).toMatch(/Verified (by|on) /);
    await expect.poll(() => onlyContact(screenB).textContent()).toMatch(/Verified (by|on) /);
    const nameOfA = (await onlyContact(screenB).getByRole('heading').textContent()) ?? '';
    expect(nameOfA).toBe('Invented Field Office');
    await backToCases(a.page);
    await backToCases(b.page);

    // A records a person and sends it; B's check says what comes before anything changes.
    await addPersonThroughUi(a.page, PERSON);
    const sent = await send(a.page, file('a1.vigil-bundle'));
    expect(sent).toMatch(/gets \d+ changes? to 1 person\./);
    const checked = await receive(b.page, file('a1.vigil-bundle'));
    expect(checked).toContain(`From ${nameOfA}.`);
    expect(checked).toMatch(/\d+ changes?, \d+ of them new to this vault\./);
    expect(checked).toContain('New persons: 1.');
    expect(checked).toContain('No field was edited on both sides.');
    await expect
      .poll(() => b.page.getByRole('list', { name: 'People' }).textContent())
      .toContain(PERSON);

    // B's history names A for A's change, not "This computer".
    await openPerson(b.page);
    await personForm(b.page).getByRole('button', { name: 'History' }).click();
    const history = b.page.getByRole('dialog', { name: `History: ${PERSON}` });
    await expect.poll(() => history.textContent()).toContain(nameOfA);
    expect(await history.textContent()).not.toContain('This computer');
    await history.getByRole('button', { name: 'Close history' }).click();

    // B edits the person and sends it back; A gets the edit.
    await setOccupation(b.page, 'Настаўнік');
    await send(b.page, file('b1.vigil-bundle'));
    expect(await receive(a.page, file('b1.vigil-bundle'))).toContain('New persons: 0.');
    expect(await occupation(a.page)).toBe('Настаўнік');

    // Both change the same field without seeing each other's edit, then exchange bundles.
    await setOccupation(a.page, 'Інжынер');
    await setOccupation(b.page, 'Медсястра');
    await send(a.page, file('a2.vigil-bundle'));
    await send(b.page, file('b2.vigil-bundle'));
    await receive(a.page, file('b2.vigil-bundle'));
    await receive(b.page, file('a2.vigil-bundle'));

    // Each side applied the same winner, and both queues hold the conflict with both values.
    expect(await occupation(a.page)).toBe(await occupation(b.page));
    for (const { page } of [a, b]) {
      await page.getByRole('button', { name: 'Contacts, 1 conflict to review' }).waitFor();
      const queue = section(await openContactsScreen(page), 'Conflicts to review');
      const conflict = queue.getByRole('listitem');
      await expect.poll(() => conflict.count()).toBe(1);
      const text = (await conflict.textContent()) ?? '';
      expect(text).toContain(`${PERSON}: Occupation`);
      expect(text).toContain('Інжынер');
      expect(text).toContain('Медсястра');
      await backToCases(page);
    }

    // A takes the other value as a new edit; sending it clears the conflict on B too.
    const queueA = section(await openContactsScreen(a.page), 'Conflicts to review');
    await queueA.getByRole('button', { name: 'Use the other value' }).click();
    await expect
      .poll(() => queueA.getByRole('status').textContent())
      .toBe('Resolved. Nothing more to review.');
    await expect.poll(() => queueA.textContent()).toContain('No conflicts to review.');
    await backToCases(a.page);
    await a.page.getByRole('button', { name: 'Contacts', exact: true }).waitFor();
    const settled = await occupation(a.page);
    await send(a.page, file('a3.vigil-bundle'));
    await receive(b.page, file('a3.vigil-bundle'));
    await b.page.getByRole('button', { name: 'Contacts', exact: true }).waitFor();
    const queueB = section(await openContactsScreen(b.page), 'Conflicts to review');
    await expect.poll(() => queueB.textContent()).toContain('No conflicts to review.');
    await backToCases(b.page);
    expect(await occupation(b.page)).toBe(settled);
  });
});
