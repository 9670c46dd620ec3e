// An employer enrols a peer on Region H's course: a mistake first, then the
// mailed confirmation link, the person's own page, and accepting into a form
// filled with name and address (and nothing else).
import { waitForMail, linkPath } from '../lib.mjs';

export default async function enrolment(s, { width, mailApi, intakeSlug }) {
  const page = s.page;
  const enroller = `leder-${width}@lyngly.dk`;
  const person = `peter-${width}@example.dk`;
  const label = (text) => page.getByLabel(text, { exact: true });

  await s.visit(`/intakes/${intakeSlug}`);
  await page.getByRole('link', { name: 'Tilmeld en medarbejder' }).click();
  await s.axe('enrol form');

  // A mistake first: nothing filled in.
  await page.getByRole('button', { name: 'Send tilmeldingen' }).click();
  s.expect(await page.locator('.error-summary').count() === 1, 'the problems are listed');
  await s.axe('enrol form with problems');

  await label('Arbejdsplads').fill('Bostedet Lyngly');
  await label('Dit navn').fill('Lone Leder');
  await label('Din e-mailadresse').fill(enroller);
  await label('Personens navn').fill('Peter Peer');
  await label('Personens e-mailadresse').fill(person);
  await label('Lønnet peermedarbejder').check();
  await label('Besked til personen (valgfri)').fill('Velkommen til holdet.');
  await page.getByRole('button', { name: 'Send tilmeldingen' }).click();
  s.expect(await page.getByRole('heading', { name: 'Tjek din e-mail' }).count() === 1, 'check your mail');
  await s.axe('check your mail');

  const confirm = linkPath(await waitForMail(mailApi, enroller, /Bekræft din tilmelding/), '/enrolments/confirm/');
  await s.visit(confirm);
  await page.getByRole('button', { name: 'Bekræft og giv personen besked' }).click();
  s.expect(await page.getByRole('heading', { name: 'Tak – tilmeldingen er bekræftet' }).count() === 1, 'confirmed');
  await s.axe('confirmed');

  const invitation = linkPath(await waitForMail(mailApi, person, /tilmeldt en uddannelse/), '/enrolments/');
  await s.visit(invitation);
  s.expect(await page.getByText('Lone Leder').count() === 1, 'the page says who enrolled the person');
  s.expect(await page.getByText('Velkommen til holdet.').count() === 1, 'and shows the message');
  await page.getByRole('button', { name: 'Ja, jeg vil søge' }).click();
  await s.axe('the prefilled form');
  s.expect(await page.locator('#f-full_name').inputValue() === 'Peter Peer', 'the name is filled in');
  s.expect(await page.locator('#f-email').inputValue() === person, 'the address is filled in');
  s.expect(await page.locator('input[name="peer_role"][value="paid_peer"]:checked').count() === 1, 'the role the employer gave is chosen');
  s.expect(await page.locator('input:checked').count() === 1, 'nothing else is chosen for the person');
}
