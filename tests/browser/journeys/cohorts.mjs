// A coordinator creates a cohort, offers places to nine (the ninth is refused
// and waitlisted); one accepts and one declines from the mailed links; the
// freed place goes to the waiting list; the schedule and its calendar open.
import { waitForMail, linkPath, signInFirstTime } from '../lib.mjs';

export default async function cohorts(s, { width, mailApi, clockEpoch, runs }) {
  const { coordinator, password, intakeId, cohortName, people } = runs[width];
  const page = s.page;

  await signInFirstTime(page, coordinator, password, clockEpoch);

  await s.visit(`/admin/intakes/${intakeId}`);
  await page.getByLabel('Holdets navn').fill(cohortName);
  await page.getByRole('button', { name: 'Opret hold' }).click();
  s.expect(/\/admin\/cohorts\/\d+$/.test(page.url()), `the cohort page opens, got ${page.url()}`);
  const cohortUrl = page.url();
  await s.axe('new cohort');

  const offer = async (reference) => {
    await page.goto(`/admin/applications/${reference}`);
    await page.getByLabel('Hold', { exact: true }).selectOption({ label: cohortName });
    const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Tilbyd en plads på det valgte hold' }).click()]);
    return response.status();
  };
  for (const p of people.slice(0, 8)) {
    s.expect(await offer(p.reference) === 200, `offer to ${p.reference}`);
  }
  s.expect(await offer(people[8].reference) === 409, 'the ninth offer is refused');
  s.expect(await page.getByRole('heading', { name: 'Holdet er fuldt' }).count() === 1, 'the page says the group is full');
  await s.axe('full');
  await page.goto(`/admin/applications/${people[8].reference}`);
  await page.getByRole('button', { name: 'Sæt på venteliste' }).click();

  // One accepts, one declines, from their mails.
  for (const [person, button, heading] of [[people[0], 'Ja tak, jeg tager pladsen', 'Velkommen på holdet'], [people[1], 'Nej tak', 'Tak for dit svar']]) {
    const mail = await waitForMail(mailApi, person.email, /Tilbud om plads/);
    await s.visit(linkPath(mail, '/offers/'));
    if (button === 'Nej tak') {
      // Declining is confirmed on a page of its own.
      await page.getByRole('button', { name: button }).click();
      s.expect(await page.getByRole('heading', { name: 'Vil du sige nej tak til pladsen?' }).count() === 1, 'the decline is confirmed first');
      await s.axe('decline confirmation');
      await page.getByRole('button', { name: 'Ja, jeg siger nej tak til pladsen' }).click();
    } else {
      await page.getByRole('button', { name: button }).click();
    }
    s.expect(await page.getByRole('heading', { name: heading }).count() === 1, `${person.email}: ${heading}`);
    await s.axe(`answered ${button}`);
  }

  // The freed place goes to the first on the waiting list.
  await s.visit(cohortUrl);
  await page.getByRole('button', { name: /Tilbyd pladsen/ }).first().click();
  s.expect(await page.getByText(people[8].reference).count() >= 1, 'the waitlisted applicant has the place');
  await s.visit(cohortUrl);
  s.expect(await page.getByText('26 gange, 78 timer i alt.').count() === 1, 'the teaching plan');
  await s.axe('cohort with schedule');
  const ics = await (await page.request.get(`${cohortUrl}/schedule.ics`)).text();
  s.expect(ics.startsWith('BEGIN:VCALENDAR') && ics.includes('DTSTART:20270920T070000Z'), 'the calendar feed in local time');
}
