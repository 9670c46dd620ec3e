// A support person (issue 19): the applicant invites a helper from the draft,
// the helper proves their address and edits the draft, the applicant sends
// the application, sees what the helper did, takes the access back, and the
// helper's link then says kindly that access has ended.
import { waitForMail, linkPath } from '../lib.mjs';

export default async function support(s, { intakeSlug, mailApi, width }) {
  const page = s.page;
  const email = `mette-${width}@example.dk`;
  const helper = `hanne-${width}@example.dk`;

  // The applicant starts a draft.
  await s.visit(`/intakes/${intakeSlug}`);
  await page.getByRole('link', { name: 'Søg om optagelse' }).click();
  await page.getByLabel('Fulde navn').fill('Mette Sørensen');
  await page.getByLabel('E-mailadresse').fill(email);
  await page.getByRole('button', { name: 'Gem kladde' }).click();
  const draft = linkPath(await waitForMail(mailApi, email, /fortsætte/), '/drafts/');

  // From the draft: invite a helper; a missing tick is told beside the boxes.
  await s.visit(draft);
  await page.getByRole('link', { name: 'Inviter en støtteperson eller se, hvem der har adgang' }).click();
  await s.axe('support page');
  await page.getByLabel('Støttepersonens navn').fill('Hanne Holm');
  await page.getByLabel('Støttepersonens e-mailadresse').fill(helper);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  s.expect(await page.locator('.error-summary a[href="#f-permissions"]').count() === 1, 'the summary names the tick boxes');
  await s.axe('support page with a problem');
  await page.getByLabel('Hjælpe med at skrive ansøgningen, før den sendes').check();
  await page.getByRole('button', { name: 'Send invitation' }).click();
  s.expect(await page.getByText('Invitationen er sendt').count() === 1, 'invitation confirmed');
  s.expect(await page.getByText('venter på at bekræfte sin e-mailadresse').count() === 1, 'waiting for the helper');
  await s.axe('support page after inviting');

  // The helper proves their address and edits the draft.
  const invitation = await waitForMail(mailApi, helper, /støtteperson/);
  s.expect(!invitation.text.includes('Mette'), 'the invitation does not name the applicant');
  await s.visit(linkPath(invitation, '/support/confirm/'));
  await page.getByRole('button', { name: 'Bekræft' }).click();
  await page.waitForURL(/\/support\/[^/]+$/);
  const helperHome = new URL(page.url()).pathname;
  s.expect(await page.getByRole('heading', { name: 'Du er støtteperson' }).count() === 1, 'helper home');
  s.expect(await page.getByRole('link', { name: 'Læs ansøgningen' }).count() === 0, 'no reading without read');
  await s.axe('helper home');
  await page.getByRole('link', { name: 'Hjælp med at skrive ansøgningen' }).click();
  await s.axe('helper draft form');
  s.expect(await page.getByLabel(/Jeg giver samtykke/).count() === 0, 'the helper cannot consent');
  s.expect(await page.getByRole('button', { name: 'Send ansøgning' }).count() === 0, 'the helper cannot send');
  await page.getByLabel('Hvorfor vil du gerne være peermedarbejder?').fill('Skrevet sammen med Hanne.');
  await page.getByRole('button', { name: 'Gem', exact: true }).click();
  s.expect(await page.getByText('Gemt.').count() === 1, 'saved by the helper');
  await s.axe('helper draft saved');

  // The applicant finishes and sends.
  await s.visit(draft);
  s.expect((await page.getByLabel('Hvorfor vil du gerne være peermedarbejder?').inputValue()).includes('Hanne'), 'the helper\'s words are in the draft');
  const radio = (question, answer) => page.getByRole('group', { name: question }).getByLabel(answer, { exact: true }).check();
  await page.getByLabel('Fødselsdato').fill('31.05.1990');
  await page.getByLabel('Hvilken kommune bor du i?').selectOption({ label: 'Randers' });
  await radio('Har du selv erfaring med psykisk sårbarhed og recovery?', 'Ja');
  await page.getByLabel('Ambulant behandling i psykiatrien (distrikts- eller lokalpsykiatri)').check();
  await radio('Hvad lever du af nu?', 'Kontanthjælp eller uddannelseshjælp');
  await radio('Har du aftalt med din sagsbehandler, at du går på uddannelsen?', 'Ja');
  await radio('Har du et aktivt misbrug af stoffer eller alkohol?', 'Nej');
  await radio('Har du en demenssygdom?', 'Nej');
  await radio('Har du brug for tolk?', 'Nej');
  await page.getByLabel('Fortæl lidt om dine egne erfaringer med psykisk sårbarhed og recovery').fill('Mine erfaringer.');
  await page.getByLabel('Hvordan ser du i dag på dine erfaringer med behandling og støtte?').fill('Med afstand.');
  await page.getByLabel('Hvad er dine styrker, og hvor går dine grænser?').fill('Jeg lytter godt.');
  await page.getByLabel(/Jeg giver samtykke/).check();
  await page.getByRole('button', { name: 'Se dine svar, før du sender' }).click();
  await page.getByRole('button', { name: 'Send ansøgning' }).click();
  await page.waitForURL(/\/applications\/received\//);

  // The own page shows the helper and what they did; the applicant takes access back.
  const receipt = await waitForMail(mailApi, email, /fået din ansøgning/);
  await s.visit(linkPath(receipt, '/my-application/'));
  s.expect(await page.getByText(/Hanne Holm rettede i din kladde/).count() === 1, 'the helper\'s edit on the own page');
  await page.getByRole('link', { name: 'Inviter en støtteperson eller se, hvem der har adgang' }).click();
  await page.getByRole('button', { name: 'Tag adgangen tilbage' }).click();
  s.expect(await page.getByText('Adgangen er taget tilbage').count() === 1, 'revocation confirmed');
  await s.axe('support page after revoking');

  // The helper's link now says kindly that access has ended.
  await s.visit(helperHome, { status: 410 });
  s.expect(await page.getByRole('heading', { name: 'Din adgang er slut' }).count() === 1, 'access ended page');
  await waitForMail(mailApi, helper, /adgang som støtteperson er slut/);
}
