// A coordinator signs in, enrols the second factor, finds an application,
// reads it, writes a note, invites the applicant, reads the audit log, meets
// a page for administrators only, and signs out.
import { totpCode } from '../lib.mjs';

export default async function staff(s, { width, users, clockEpoch }) {
  const page = s.page;
  const { email, password, reference } = users[width];

  await page.goto('/admin');
  s.expect(page.url().endsWith('/admin/login'), `no session: sent to sign in, got ${page.url()}`);
  await s.axe('sign in');
  await page.getByLabel('E-mailadresse').fill(email);
  await page.getByLabel('Adgangskode').fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();

  s.expect(page.url().endsWith('/admin/mfa/setup'), `first sign-in enrols a second factor, got ${page.url()}`);
  await s.axe('enrolment');
  const secret = (await page.locator('#totp-secret').textContent()).trim();
  await page.getByLabel('Kode', { exact: true }).fill(await totpCode(secret, clockEpoch));
  await page.getByRole('button', { name: 'Bekræft' }).click();
  s.expect(page.url().endsWith('/admin'), `signed in, on the overview, got ${page.url()}`);
  await s.axe('overview');
  const todo = async (key) => Number(await page.locator(`[data-todo="${key}"]`).getAttribute('data-count'));
  s.expect(await todo('new_applications') >= 1, 'the overview counts the new applications');
  const toVerifyBefore = await todo('to_verify');
  s.expect(toVerifyBefore >= 1, 'the overview counts the applications with something to verify');

  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Ansøgninger' }).click();
  await s.axe('applications');
  await page.getByLabel('Søg i navn, e-mail eller reference').fill(reference);
  await page.getByRole('button', { name: 'Vis' }).click();
  s.expect(await page.getByText('1 ansøgning', { exact: true }).count() === 1, 'the filter finds one application');
  await page.getByRole('link', { name: reference }).click();
  s.expect(await page.locator('[data-criterion]').count() === 12, 'twelve criteria shown');
  await s.axe('application');

  await page.getByLabel('Ny note').fill('Ringet op, glæder sig til samtalen.');
  await page.getByRole('button', { name: 'Gem note' }).click();
  s.expect(await page.getByText('Ringet op, glæder sig til samtalen.').count() === 1, 'the note is shown');

  await page.getByLabel('Ny status').selectOption({ label: 'Inviteret' });
  await page.getByRole('button', { name: 'Skift status' }).click();
  s.expect(await page.locator('.tag--invited').count() > 0, 'the status is now invited');
  await s.axe('application after changes');

  // The home municipality approved and pays: the open check is closed, with who and when.
  const residence = page.locator('[data-criterion="residence"]');
  s.expect(await residence.getAttribute('data-outcome') === 'to_verify', 'the residence is to verify');
  await residence.locator('input[value="confirmed"]').check();
  await residence.getByLabel('Note').fill('Københavns Kommune godkender og betaler.');
  await residence.locator('form').getByRole('button').click();
  const closed = page.locator('[data-criterion="residence"]');
  s.expect(await closed.getAttribute('data-outcome') === 'met', 'the residence is now met');
  s.expect(await closed.locator('[data-verified]').count() === 1, 'the breakdown says who closed it');
  await s.axe('application after a verification');
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Overblik' }).click();
  s.expect(await todo('to_verify') === toVerifyBefore - 1, 'the overview counts one less to verify');

  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Revisionslog' }).click();
  s.expect(await page.getByText(`Lone Ravn åbnede ansøgning ${reference}`).count() > 0, 'the log says who opened what');
  await s.axe('audit log');
  await page.getByLabel('Ansøgningsnummer').fill(reference);
  await page.getByLabel('Slags hændelse').selectOption({ label: 'Note skrevet' });
  await page.getByRole('button', { name: 'Vis' }).click();
  s.expect(await page.getByText(`Lone Ravn skrev en note på ansøgning ${reference}`).count() === 1, 'one note, found by kind and application');
  s.expect(await page.getByText('åbnede ansøgning').count() === 0, 'only notes are shown');
  await s.axe('audit log, filtered');

  await page.goto('/admin/users');
  s.expect(await page.getByText('Denne side kræver rollen administrator.').count() === 1, 'the refusal names the role');
  await s.axe('refused page');
  await page.getByRole('link', { name: 'Gå til administrationens forside' }).click();
  s.expect(page.url().endsWith('/admin'), `the refusal leads back to the staff front page, got ${page.url()}`);

  await page.getByRole('button', { name: 'Log ud' }).click();
  s.expect(page.url().endsWith('/admin/login'), 'signed out');
  await page.goto('/admin/applications');
  s.expect(page.url().endsWith('/admin/login'), 'after sign-out the pages are closed');
}
