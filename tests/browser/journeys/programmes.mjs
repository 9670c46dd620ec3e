// An admin signs in, opens Programmer from the staff menu, creates a
// recruitment programme (first with a mistake, then right), sees only the
// chosen structure's fields, and edits the programme.
import { signInFirstTime } from '../lib.mjs';

export default async function programmes(s, { width, users, clockEpoch }) {
  const page = s.page;
  const { email, password } = users[width];
  const slug = `mentor-${width}`;

  await signInFirstTime(page, email, password, clockEpoch);

  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Programmer' }).click();
  s.expect(page.url().endsWith('/admin/programmes'), `the staff menu leads to the programmes, got ${page.url()}`);
  await s.axe('programmes');

  await page.getByLabel('Adresse (slug)').fill(slug);
  await page.getByLabel('Navn', { exact: true }).fill('Recovery-mentor');
  await page.getByLabel('Optagelseskrav (profil)').selectOption({ label: 'Recovery-mentor' });
  await page.getByLabel('Opbygning').selectOption({ label: 'Rekruttering' });
  s.expect(!(await page.getByLabel('Antal undervisningsgange').isVisible()), 'a course field is hidden for a recruitment');
  s.expect(await page.getByText('Rekruttering har ingen felter').isVisible(), 'the recruitment note is shown');
  await page.getByLabel('Arrangør').fill('Region Hovedstadens Psykiatri');
  await page.getByLabel('Sted', { exact: true }).fill('Psykiatrisk Center København');
  await page.getByLabel('Pladser', { exact: true }).fill('0');
  await page.getByRole('button', { name: 'Opret programmet' }).click();
  s.expect(await page.locator('.error-summary').count() === 1, 'a mistake is summed up at the top');
  s.expect(await page.locator('#f-capacity-error').count() === 1, 'and said beside the field');
  s.expect(await page.getByLabel('Arrangør').inputValue() === 'Region Hovedstadens Psykiatri', 'the input is kept');
  await s.axe('programme form with a mistake');

  await page.getByLabel('Pladser', { exact: true }).fill('3');
  await page.getByRole('button', { name: 'Opret programmet' }).click();
  s.expect(page.url().endsWith(`/admin/programmes/${slug}`), `created, on its page, got ${page.url()}`);
  await s.axe('programme');

  await page.getByLabel('Navn', { exact: true }).fill('Recovery-mentor i psykiatrien');
  await page.getByRole('button', { name: 'Gem ændringerne' }).click();
  s.expect(await page.getByRole('heading', { level: 1, name: 'Recovery-mentor i psykiatrien' }).count() === 1, 'the edit is saved');
  await page.getByRole('link', { name: 'Alle programmer' }).click();
  s.expect(await page.locator(`[data-programme="${slug}"]`).count() === 1, 'listed');
  await s.axe('programmes after changes');
}
