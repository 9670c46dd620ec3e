// A form per profile: a person reads who can apply, then applies to a
// peer-support job and to MB-forløbet. Each form asks only its profile's
// questions; a number out of range is caught; the review page says gently
// what may not be met; the receipt follows.
export default async function profiles(s, { intakes, width }) {
  const page = s.page;
  const radio = (question, answer) =>
    page.getByRole('group', { name: question }).getByLabel(answer, { exact: true }).check();
  for (const { profile, slug } of intakes) {
    const email = `${profile}-${width}@example.dk`;
    await s.visit(`/intakes/${slug}`);
    s.expect(await page.getByRole('heading', { name: 'Hvem kan søge?' }).count() === 1, `${profile}: who can apply`);
    s.expect(await page.getByRole('heading', { name: 'Hvad koster det?' }).count() === 1, `${profile}: what it costs`);
    s.expect(await page.getByRole('heading', { name: 'Sådan foregår det' }).count() === 1, `${profile}: the steps`);
    await page.getByRole('link', { name: 'Søg om optagelse' }).click();
    await s.axe(`${profile}: empty form`);
    s.expect(await page.getByRole('group', { name: 'Har du brug for tolk?' }).count() === 0, `${profile}: no Randers questions`);

    await page.getByLabel('Fulde navn').fill('Mette Sørensen');
    await page.getByLabel('E-mailadresse').fill(email);
    await page.getByLabel('Fødselsdato').fill('31-05-1990');
    await page.getByLabel('Hvilken kommune bor du i?').selectOption({ label: 'Viborg' });
    await radio('Har du selv erfaring med psykisk sårbarhed og recovery?', 'Ja');
    if (profile === 'peer-support-worker') {
      await radio('Hvad er din højeste afsluttede skolegang?', '9. klasses afgangsprøve');
      await page.getByLabel('Hvor mange timer om ugen kan du arbejde?').fill('61');
      await page.getByLabel('Hvornår begyndte din recovery – sådan cirka?').fill('01-03-2024');
      await radio('Er du i familie med nogen af dem, du skal støtte i jobbet?', 'Nej');
    } else {
      await radio('Hvilken uddannelse har du?', 'En anden uddannelse');
      await radio('Står du uden for arbejdsmarkedet på grund af psykisk sygdom?', 'Ja');
      await radio('Vil du gerne dele dine egne erfaringer med andre?', 'Ja');
    }
    await page.getByLabel('Hvorfor vil du gerne være peermedarbejder?').fill('Jeg vil gerne give håb videre.');
    await page.getByLabel('Fortæl lidt om dine egne erfaringer med psykisk sårbarhed og recovery').fill('Mine erfaringer.');
    await page.getByLabel('Hvordan ser du i dag på dine erfaringer med behandling og støtte?').fill('Med afstand.');
    await page.getByLabel('Hvad er dine styrker, og hvor går dine grænser?').fill('Jeg lytter godt.');
    await page.getByLabel(/Jeg giver samtykke/).check();
    await page.getByRole('button', { name: 'Se dine svar, før du sender' }).click();

    if (profile === 'peer-support-worker') {
      s.expect(await page.locator('.error-summary a[href="#f-weekly_hours_available"]').count() === 1, 'the summary names the hours');
      s.expect(await page.getByText('Skriv et tal fra 0 til 60.').count() >= 1, 'the range is told beside the field');
      await s.axe(`${profile}: a number out of range`);
      await page.locator('.error-summary a[href="#f-weekly_hours_available"]').click();
      await page.getByLabel('Hvor mange timer om ugen kan du arbejde?').fill('20');
      await page.getByRole('button', { name: 'Se dine svar, før du sender' }).click();
    }

    s.expect(await page.getByRole('heading', { name: 'Tjek dine svar' }).count() === 1, `${profile}: review page`);
    if (profile === 'mb-forloebet') {
      s.expect(await page.getByText('social-, sundheds- eller pædagogisk uddannelse').count() === 1, 'review says gently what may not be met');
    } else {
      s.expect(await page.getByText('opfylder kravene').count() === 1, 'review says the requirements look met');
    }
    await s.axe(`${profile}: review`);
    await page.getByRole('button', { name: 'Send ansøgning' }).click();
    await page.waitForURL(/\/applications\/received\//);
    await s.axe(`${profile}: receipt`);
  }
}
