// A person signs up for the info meeting, confirms from the mailed link,
// gets the calendar file, cancels; a second person then takes the freed seat.
import { waitForMail, linkPath } from '../lib.mjs';

export default async function meetings(s, { width, mailApi, meetings }) {
  const page = s.page;
  const meeting = meetings[width];
  const first = `first-${width}@example.dk`;
  const second = `second-${width}@example.dk`;

  await s.visit('/');
  await page.getByRole('link', { name: meeting.label }).click();
  await s.axe('meeting page');
  s.expect(await page.getByText('1 ledig plads').count() === 1, 'one seat left');

  // A mistake first: no name.
  await page.getByLabel('E-mailadresse').fill(first);
  await page.getByRole('button', { name: 'Tilmeld mig' }).click();
  s.expect(await page.locator('.error-summary').count() === 1, 'the missing name is pointed out');
  await s.axe('sign-up with an error');
  s.expect(await page.getByLabel('E-mailadresse').inputValue() === first, 'the address is kept');
  await page.getByLabel('Navn').fill('Mette Holm');
  await page.getByRole('button', { name: 'Tilmeld mig' }).click();
  s.expect(await page.getByRole('heading', { name: 'Tjek din e-mail' }).count() === 1, 'check your e-mail');

  const link = linkPath(await waitForMail(mailApi, first, /Bekræft din tilmelding/), '/info-meetings/confirm/');
  await s.visit(link);
  await page.getByRole('button', { name: 'Bekræft min plads' }).click();
  s.expect(await page.getByRole('heading', { name: 'Din plads er bekræftet' }).count() === 1, 'confirmed');
  await s.axe('confirmed');

  const confirmation = await waitForMail(mailApi, first, /Din plads er bekræftet/);
  s.expect(confirmation.calendars.length === 1 && /DTSTART:\d{8}T\d{6}Z/.test(confirmation.calendars[0]), 'the mail carries a calendar file');

  // The meeting is full now.
  await s.visit(`/info-meetings/${meeting.id}`);
  s.expect(await page.getByText('Mødet er fuldt.').count() === 1, 'full');

  // Cancel from the confirmation mail's link.
  await s.visit(linkPath(confirmation, '/info-meetings/cancel/'));
  await page.getByRole('button', { name: 'Afmeld mig' }).click();
  s.expect(await page.getByRole('heading', { name: 'Du er afmeldt' }).count() === 1, 'cancelled');
  await s.axe('cancelled');

  // A second person takes the freed seat.
  await s.visit(`/info-meetings/${meeting.id}`);
  await page.getByLabel('Navn').fill('Jens Holm');
  await page.getByLabel('E-mailadresse').fill(second);
  await page.getByRole('button', { name: 'Tilmeld mig' }).click();
  const secondLink = linkPath(await waitForMail(mailApi, second, /Bekræft din tilmelding/), '/info-meetings/confirm/');
  await s.visit(secondLink);
  await page.getByRole('button', { name: 'Bekræft min plads' }).click();
  s.expect(await page.getByRole('heading', { name: 'Din plads er bekræftet' }).count() === 1, 'the second person has the seat');
}
