// A coordinator opens the overview after a scripted day (issue 17, item 9):
// every count is what the day left, each item links to the list behind it,
// and the answers since the last visit are counted once.
import { signInFirstTime } from '../lib.mjs';

export default async function overview(s, { width, users, clockEpoch, expected, unopened }) {
  const page = s.page;
  const { email, password } = users[width];
  await signInFirstTime(page, email, password, clockEpoch);
  s.expect(page.url().endsWith('/admin'), `signed in, on the overview, got ${page.url()}`);
  await s.axe('overview after a day');

  const items = page.locator('[data-todo]');
  s.expect(await items.count() === Object.keys(expected).length, `${Object.keys(expected).length} items on the overview`);
  const links = {};
  for (const [key, count] of Object.entries(expected)) {
    const item = page.locator(`[data-todo="${key}"]`);
    const shown = Number(await item.getAttribute('data-count'));
    s.expect(shown === count, `${key}: counted ${shown}, the day left ${count}`);
    s.expect(((await item.textContent()) ?? '').includes(String(count)), `${key}: the count is in the text people read`);
    links[key] = await item.getAttribute('href');
  }

  // Each item leads to what it counts.
  await page.locator('[data-todo="new_applications"]').click();
  await page.waitForLoadState('load');
  s.expect(await page.locator('tbody tr').count() === expected.new_applications, 'the new applications are listed');
  s.expect(await page.getByRole('link', { name: unopened }).count() === 1, 'the unopened application is among them');
  await s.axe('new applications from the overview');
  for (const key of ['invited_not_booked', 'offers_awaiting_answer', 'waiting_list', 'placements_missing']) {
    const response = await page.goto(links[key]);
    s.expect(response.status() === 200, `${key} leads to ${links[key]} (${response.status()})`);
  }

  // Back on the overview: the answers are seen now.
  await page.goto('/admin');
  const seen = Number(await page.locator('[data-todo="answers_since_last_visit"]').getAttribute('data-count'));
  s.expect(seen === 0, `the answers are counted once, got ${seen} on the second visit`);
}
