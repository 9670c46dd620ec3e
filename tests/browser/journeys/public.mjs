// The front page, an intake page, the language switch and the error pages.
export default async function publicPages(s, { intakeSlug }) {
  const page = s.page;
  await s.visit('/');
  s.expect(await page.getByRole('heading', { level: 1 }).count() === 1, 'front page: one h1');
  await page.getByRole('link', { name: /Peeruddannelsen/ }).first().click();
  s.expect(page.url().endsWith(`/intakes/${intakeSlug}`), `front page links to the intake, got ${page.url()}`);
  await s.axe('intake page');
  s.expect(await page.getByText('78 timer').count() > 0, 'intake page states 78 hours');
  s.expect(await page.getByRole('link', { name: 'Søg om optagelse' }).count() === 1, 'intake page has an apply link');
  // Before anyone writes a word: who can apply, what it costs, the steps, how to reach the school.
  const section = (key) => page.locator(`[data-section="${key}"]`);
  s.expect(await section('who-can-apply').locator('li').count() >= 3, 'the intake page says who can apply');
  s.expect(await section('costs').locator('p').count() >= 1, 'the intake page says what it costs');
  s.expect(await section('steps').locator('li').count() >= 3, 'the intake page lists the steps');
  s.expect(await section('contact').locator('a[href^="mailto:"]').count() >= 1, 'the intake page says how to reach the school');
  s.expect(await page.locator('footer [data-contact]').count() === 1, 'the footer names the school and its contact');

  // Keyboard: the skip link is the first stop and moves focus to the content.
  await page.keyboard.press('Tab');
  s.expect(await page.evaluate(() => document.activeElement?.className) === 'skip-link', 'first Tab reaches the skip link');

  await page.getByRole('link', { name: 'English' }).click();
  s.expect(await page.locator('html').getAttribute('lang') === 'en', 'language switch gives an English page');
  s.expect(page.url().endsWith(`/intakes/${intakeSlug}`), 'language switch returns to the same page');
  await s.axe('intake page in English');
  await page.getByRole('link', { name: 'Dansk' }).click();
  s.expect(await page.locator('html').getAttribute('lang') === 'da', 'switching back gives Danish');

  await s.visit('/findes-ikke', { status: 404 });
  s.expect(await page.getByRole('heading', { name: 'Vi kan ikke finde siden' }).count() === 1, '404 page says so in Danish');
  await s.visit(`/intakes/findes-ikke`, { status: 404 });
}
