// A coordinator invites everyone new in one intake at once (issue 17, item 11):
// filters the list by intake and status, presses "invite all", is warned that
// there are fewer free interview times than people, invites anyway, and is
// told how many were invited; every one of them gets the invitation.
import { waitForMail, signInFirstTime } from '../lib.mjs';

export default async function bulkInvite(s, { width, mailApi, clockEpoch, runs }) {
  const { coordinator, password, intakeId, people } = runs[width];
  const page = s.page;
  const n = people.length;

  await signInFirstTime(page, coordinator, password, clockEpoch);

  // The filter, chosen with the form's own fields and its button.
  await page.goto('/admin/applications');
  await page.locator('#f-intake').selectOption(String(intakeId));
  await page.locator('#f-status').selectOption('submitted');
  await page.locator('form.filters button[type="submit"]').click();
  await page.waitForLoadState('load');
  s.expect(page.url().includes(`intake=${intakeId}`) && page.url().includes('status=submitted'), `the filter is in the address, got ${page.url()}`);
  s.expect(await page.locator('tbody tr').count() === n, `the filter shows the ${n} new applications`);
  await s.axe('list filtered by intake and status');

  // "Invite all": one press for everyone the filter shows.
  const all = page.locator('[data-select-all]');
  s.expect((await all.textContent()).includes(String(n)), `the button names how many it invites (${n})`);
  await all.click();
  await page.waitForLoadState('load');
  const warning = page.locator('[data-slot-warning]');
  const warned = await warning.count() === 1;
  s.expect(warned, 'warned: no free interview times yet');
  const text = warned ? await warning.textContent() : '';
  s.expect(text.includes(String(n)) && text.includes('0'), `the warning gives the numbers, got "${text.trim()}"`);
  await s.axe('too few interview times');
  await page.locator('form[action="/admin/applications/invite"] button[type="submit"]').click();
  await page.waitForLoadState('load');
  const said = (await page.getByRole('status').first().textContent()) ?? '';
  s.expect(said.includes(`${n} `), `the list says ${n} were invited, got "${said.trim()}"`);
  await s.axe('list after inviting all');

  // Every one of them is invited now, and has the mail.
  await page.goto(`/admin/applications?intake=${intakeId}&status=invited`);
  s.expect(await page.locator('tbody tr').count() === n, `the ${n} are invited`);
  await page.goto(`/admin/applications?intake=${intakeId}&status=submitted`);
  s.expect(await page.locator('tbody tr').count() === 0, 'no new application is left');
  for (const p of people) {
    const mail = await waitForMail(mailApi, p.email, /Invitation til samtale/);
    s.expect(mail.text.includes('/interviews/book/'), `the invitation to ${p.email} carries its booking link`);
  }
}
