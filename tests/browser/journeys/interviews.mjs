// A coordinator makes interview slots and invites two applicants; the first
// books from the mailed link and changes the time; the second finds that
// time gone; the coordinator records an assessment.
import { waitForMail, linkPath, signInFirstTime } from '../lib.mjs';

export default async function interviews(s, { width, mailApi, clockEpoch, runs }) {
  const { coordinator, password, intakeId, day, dayLabel, first, second } = runs[width];
  const page = s.page;

  // Sign in (first time: enrol the second factor).
  await signInFirstTime(page, coordinator, password, clockEpoch);

  // Slots: 09:00-12:00, 45 minutes with 15 minutes' break.
  await s.visit(`/admin/intakes/${intakeId}`);
  await page.getByLabel('Dag', { exact: true }).selectOption(day);
  await page.getByRole('button', { name: 'Lav tiderne' }).click();
  s.expect(await page.getByRole('cell', { name: '09.00-09.45' }).count() >= 1, 'slots made');
  await s.axe('intake with slots');

  // Invite both from the list.
  await page.goto(`/admin/applications?intake=${intakeId}`);
  for (const reference of [first.reference, second.reference]) {
    await page.getByLabel(`Vælg ${reference}`).check();
  }
  await page.getByRole('button', { name: 'Inviter de valgte til samtale' }).click();
  s.expect(await page.getByRole('status').filter({ hasText: '2 invitationer sendt.' }).count() === 1, 'the list says how many were invited');
  await s.axe('list after inviting');

  // The second applicant opens the booking page now, and waits.
  const secondInvite = await waitForMail(mailApi, second.email, /Invitation til samtale/);
  const secondPage = await s.context.newPage();
  await secondPage.goto(linkPath(secondInvite, '/interviews/book/'));

  // The first applicant books the first time, then changes to the second.
  const invitation = await waitForMail(mailApi, first.email, /Invitation til samtale/);
  const booking = linkPath(invitation, '/interviews/book/');
  await s.visit(booking);
  // Booking without choosing a time: told in the summary and beside the times.
  await page.getByRole('button', { name: 'Book tiden' }).click();
  await page.waitForLoadState('load');
  s.expect(await page.locator('.error-summary').count() === 1, 'no time chosen: a summary says what to fix');
  s.expect(await page.locator('#slots-error').isVisible(), 'no time chosen: the message stands beside the times');
  await page.locator('.error-summary a[href="#slots"]').click();
  s.expect(await page.locator('#slots-error').isVisible(), 'the summary link brings the times into view');
  await s.axe('booking with no time chosen');
  await page.getByRole('radio', { name: `${dayLabel} 09.00-09.45` }).check();
  await page.getByLabel(/gør samtalen lettere/).fill('Et stille rum, tak.');
  await page.getByRole('button', { name: 'Book tiden' }).click();
  s.expect(await page.getByText('Tiden er booket').count() === 1, 'booking confirmed');
  await s.axe('booking held');
  const confirmation = await waitForMail(mailApi, first.email, /Din samtale/);
  s.expect(confirmation.text.includes('09.00'), 'confirmation names the time');
  await page.getByRole('radio', { name: `${dayLabel} 10.00-10.45` }).check();
  await page.getByRole('button', { name: 'Skift til den valgte tid' }).click();
  s.expect(await page.getByText('10.00-10.45').count() >= 1, 'the new time is held');

  // Meanwhile the second applicant chooses 10.00 on the page opened before: gone.
  await secondPage.getByRole('radio', { name: `${dayLabel} 10.00-10.45` }).check();
  const [response] = await Promise.all([
    secondPage.waitForNavigation(),
    secondPage.getByRole('button', { name: 'Book tiden' }).click(),
  ]);
  s.expect(response.status() === 409, `a taken time answers 409, got ${response.status()}`);
  s.expect(await secondPage.getByText('Tiden blev taget lige før dig').count() === 1, 'the page says the time was taken');
  s.expect(await secondPage.getByRole('radio', { name: `${dayLabel} 10.00-10.45` }).count() === 0, 'and offers only free times');
  await secondPage.close();

  // The coordinator records an assessment.
  await page.goto(`/admin/applications/${first.reference}`);
  s.expect(await page.getByText('Et stille rum, tak.').count() === 1, 'the panel sees the wishes');
  for (const label of ['Vil bruge egne erfaringer til at støtte andre', 'Kan reflektere over egne erfaringer',
    'Har afstand til egne erfaringer med behandling', 'Vil opbygge viden og selvindsigt']) {
    await page.getByRole('group', { name: label }).getByLabel('3').check();
  }
  await page.getByLabel('Noter fra samtalen').fill('God samtale.');
  await page.getByRole('button', { name: 'Gem vurdering' }).click();
  s.expect(await page.locator('.tag--interviewed').count() > 0, 'status is interviewed');
  await s.axe('application after assessment');
}
