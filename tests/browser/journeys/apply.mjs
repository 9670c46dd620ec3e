// A person applies: a mistake, a fix, a draft, resuming from the mailed link,
// the review page, sending, the receipt. The phone run uses the keyboard only.
import { waitForMail, linkPath, tabTo, chooseByKeyboard } from '../lib.mjs';

export default async function apply(s, { intakeSlug, mailApi, width }) {
  const page = s.page;
  const email = `mette-${width}@example.dk`;
  const keyboard = width === 'phone';

  await s.visit(`/intakes/${intakeSlug}`);
  await page.getByRole('link', { name: 'Søg om optagelse' }).click();
  await s.axe('empty form');

  // Personal details, by keyboard (Tab between fields) or by label.
  if (keyboard) {
    await tabTo(page, page.getByLabel('Fulde navn'));
    await page.keyboard.type('Mette Sørensen');
    await page.keyboard.press('Tab');
    await page.keyboard.type(email);
  } else {
    await page.getByLabel('Fulde navn').fill('Mette Sørensen');
    await page.getByLabel('E-mailadresse').fill(email);
  }
  // Keyboard run: every field reached with Tab and filled by typing.
  const type = async (locator, text) => {
    if (keyboard) {
      await tabTo(page, locator);
      await page.keyboard.type(text);
    } else {
      await locator.fill(text);
    }
  };
  if (keyboard) {
    await tabTo(page, page.getByLabel('Fødselsdato'));
    await page.keyboard.type('31-05-1990');
    await tabTo(page, page.getByLabel('Hvilken kommune bor du i?'));
    await page.keyboard.type('Randers');
  } else {
    await page.getByLabel('Fødselsdato').fill('31.05.1990');
    await page.getByLabel('Hvilken kommune bor du i?').selectOption({ label: 'Randers' });
  }
  await type(page.getByLabel('Hvorfor vil du gerne være peermedarbejder?'), 'Jeg vil gerne give håb videre.');

  // Save a draft part-way.
  if (keyboard) {
    await tabTo(page, page.getByRole('button', { name: 'Gem kladde' }));
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  } else {
    await page.getByRole('button', { name: 'Gem kladde' }).click();
  }
  s.expect(await page.getByRole('heading', { name: 'Din kladde er gemt' }).count() === 1, 'draft saved page');
  await s.axe('draft saved');

  const draftMail = await waitForMail(mailApi, email, /fortsætte/);
  await s.visit(linkPath(draftMail, '/drafts/'));
  s.expect(await page.getByLabel('Fulde navn').inputValue() === 'Mette Sørensen', 'draft restores the name');
  s.expect((await page.getByLabel('Hvorfor vil du gerne være peermedarbejder?').inputValue()).includes('håb'), 'draft restores an answer');

  // Send to review with answers missing: an error summary, focusable links.
  await page.getByRole('button', { name: 'Se dine svar, før du sender' }).click();
  s.expect(await page.locator('.error-summary').count() === 1, 'error summary shown');
  await s.axe('form with errors');
  await page.locator('.error-summary a[href="#f-lived_experience"]').click();

  // Fix it: the situation questions.
  const radio = async (question, answer) => {
    const group = page.getByRole('group', { name: question });
    if (keyboard) {
      await chooseByKeyboard(page, group, answer);
    } else {
      await group.getByLabel(answer, { exact: true }).check();
    }
  };
  await radio('Har du selv erfaring med psykisk sårbarhed og recovery?', 'Ja');
  const outpatient = page.getByLabel('Ambulant behandling i psykiatrien (distrikts- eller lokalpsykiatri)');
  if (keyboard) {
    await tabTo(page, outpatient);
    await page.keyboard.press('Space');
  } else {
    await outpatient.check();
  }
  await radio('Hvad lever du af nu?', 'Kontanthjælp eller uddannelseshjælp');
  await radio('Har du aftalt med din sagsbehandler, at du går på uddannelsen?', 'Ja');
  await radio('Har du et aktivt misbrug af stoffer eller alkohol?', 'Nej');
  await radio('Har du en demenssygdom?', 'Nej');
  await radio('Har du brug for tolk?', 'Nej');
  await type(page.getByLabel('Fortæl lidt om dine egne erfaringer med psykisk sårbarhed og recovery'), 'Mine erfaringer.');
  await type(page.getByLabel('Hvordan ser du i dag på dine erfaringer med behandling og støtte?'), 'Med afstand.');
  await type(page.getByLabel('Hvad er dine styrker, og hvor går dine grænser?'), 'Jeg lytter godt.');
  if (keyboard) {
    await tabTo(page, page.getByLabel(/Jeg giver samtykke/));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('button', { name: 'Se dine svar, før du sender' }));
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  } else {
    await page.getByLabel(/Jeg giver samtykke/).check();
    await page.getByRole('button', { name: 'Se dine svar, før du sender' }).click();
  }

  s.expect(await page.getByRole('heading', { name: 'Tjek dine svar' }).count() === 1, 'review page');
  s.expect(await page.getByText('opfylder kravene').count() === 1, 'review says the requirements look met');
  await s.axe('review');
  if (keyboard) {
    await tabTo(page, page.getByRole('button', { name: 'Send ansøgning' }));
    await page.keyboard.press('Enter');
  } else {
    await page.getByRole('button', { name: 'Send ansøgning' }).click();
  }
  await page.waitForURL(/\/applications\/received\//);
  const reference = (await page.locator('.reference').textContent()).trim();
  s.expect(/^\d{4}-\d{4,}$/.test(reference), `receipt shows a reference, got ${reference}`);
  await s.axe('receipt');

  const receipt = await waitForMail(mailApi, email, /fået din ansøgning/);
  s.expect(receipt.subject.includes(reference) && receipt.text.includes(reference), 'receipt mail carries the reference');

  // The own page from the receipt: status, answers, the way to withdraw.
  await s.visit(linkPath(receipt, '/my-application/'));
  s.expect(await page.getByRole('heading', { name: /Din ansøgning/ }).count() === 1, 'own page');
  s.expect(await page.getByText('Jeg lytter godt.').count() === 1, 'own page shows the answers');
  await s.axe('own page');
  await page.getByRole('link', { name: 'Træk ansøgningen tilbage' }).click();
  await s.axe('withdraw confirmation');
  await page.getByRole('button', { name: 'Træk ansøgningen tilbage' }).click();
  s.expect(await page.getByText('Ansøgningen er trukket tilbage').count() === 1, 'withdrawal confirmed');
  s.expect(await page.getByText('Jeg lytter godt.').count() === 0, 'answers gone after withdrawal');
  await s.axe('own page after withdrawal');

  // Asking for a new link answers the same, whoever asks.
  await s.visit('/my-application');
  await page.getByLabel('Din e-mailadresse').fill('nogen@example.dk');
  await page.getByRole('button', { name: 'Send mig et link' }).click();
  s.expect(await page.getByRole('heading', { name: 'Tjek din e-mail' }).count() === 1, 'link request answered');
  await s.axe('link requested');
}
