import { describe, expect, it } from 'vitest';
import type { PersonSummary } from '../../core/api/records';
import {
  createDemoVaultThroughUi,
  useApps,
  shownCount,
  coreCall as call,
} from '../helpers/browserHost';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
const start = useApps(tempDir);

describe('searching a large register through the browser host', () => {
  it('shows the first people for a one-letter search at once and the count once it is counted', async () => {
    const app = await start();
    const { page } = app;
    await createDemoVaultThroughUi(page, `${tempDir()}/vault`, '10,000');
    await expect.poll(() => shownCount(page)).toBe('10000 people');

    // A letter nearly everyone's record has: the first page comes without its total.
    const first = await call<{ items: PersonSummary[]; total: number | null }>(app, 'listPersons', {
      query: 'а',
    });
    expect(first.total).toBeNull();
    const { total } = await call<{ total: number }>(app, 'countPersons', { query: 'а' });
    expect(total).toBeGreaterThan(2000);

    await page.getByLabel('Search people').fill('а');
    await expect.poll(() => shownCount(page)).toBe(`${total} people`);
    const rows = page.getByRole('list', { name: 'People' }).getByRole('listitem');
    await expect.poll(() => rows.first().textContent()).toContain(first.items[0]!.name);
  });
});
