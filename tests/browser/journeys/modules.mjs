// A modular course (Region H): a coordinator adds a module (a mistake first:
// 422 with the summary and the message beside the field), a participant
// chooses modules from the link in the welcome mail (the mandatory one is
// fixed), and the cohort page shows each module and where each participant stands.
import { signInFirstTime } from '../lib.mjs';

export default async function modules(s, { width, clockEpoch, runs }) {
  const { coordinator, password, cohortId, reference, modulesPath } = runs[width];
  const page = s.page;

  await signInFirstTime(page, coordinator, password, clockEpoch);

  await s.visit(`/admin/cohorts/${cohortId}`);
  s.expect(await page.locator(`[data-participant="${reference}"][data-completion="at_risk"]`).count() === 1, 'not signed up yet: at risk');
  s.expect(await page.getByText(/Tidlig advarsel/).count() === 1, 'an early warning');

  const [mistake] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Tilføj modul' }).click()]);
  s.expect(mistake.status() === 422, `an empty module is 422, got ${mistake.status()}`);
  s.expect(await page.getByRole('heading', { name: 'Der er noget, du skal rette' }).count() === 1, 'the error summary');
  s.expect(await page.locator('#mo-title-error').count() === 1, 'the message beside the title');
  await s.axe('module with mistakes');

  await page.locator('#mo-title').fill('Recovery og håb');
  await page.locator('#mo-date').fill('2027-03-01');
  await page.locator('#mo-role-colleague').check();
  await page.getByRole('button', { name: 'Tilføj modul' }).click();
  s.expect(/\/admin\/cohorts\/\d+\?done=/.test(page.url()), `back on the cohort page, got ${page.url()}`);
  s.expect(await page.getByRole('heading', { name: 'Recovery og håb' }).count() === 1, 'the new module is listed');
  await s.axe('cohort with modules');

  await s.visit(modulesPath);
  s.expect(await page.locator('[data-fixed] input[type=checkbox]:checked:disabled').count() === 1, 'the mandatory module is fixed');
  await page.getByLabel(/Egen trivsel/).check();
  await page.getByRole('button', { name: 'Gem mine moduler' }).click();
  s.expect(await page.getByText('Dine moduler er gemt.').count() === 1, 'the choice is confirmed');
  await s.axe('modules saved');

  await s.visit(`/admin/cohorts/${cohortId}`);
  s.expect(await page.locator(`[data-participant="${reference}"][data-completion="on_track"]`).count() === 1, 'signed up: on track');
}
