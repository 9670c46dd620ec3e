// Usage: node run.mjs --base-url http://127.0.0.1:PORT --journey NAME [--data JSON]
// Runs the journey at phone and desktop width; exits 1 listing every problem.
import { parseArgs } from 'node:util';
import { launch, Session, validateHtml, VIEWPORTS } from './lib.mjs';

const { values } = parseArgs({ options: { 'base-url': { type: 'string' }, journey: { type: 'string' }, data: { type: 'string', default: '{}' } } });
const baseUrl = values['base-url'];
const journey = (await import(`./journeys/${values.journey}.mjs`)).default;
const data = JSON.parse(values.data);

const browser = await launch();
const problems = [];
const documents = [];
try {
  for (const [width, viewport] of Object.entries(VIEWPORTS)) {
    const session = await Session.open(browser, `${values.journey}@${width}`, baseUrl, viewport);
    try {
      await journey(session, { ...data, width });
    } catch (e) {
      const h1 = await session.page.locator('h1').first().textContent({ timeout: 1000 }).catch(() => '');
      problems.push(`${session.name}: ${e.message || e}\n  at ${session.page.url()} (h1: ${h1})\n${e.stack || ''}`);
    }
    problems.push(...session.problems);
    documents.push(...session.documents);
    await session.close();
  }
} finally {
  await browser.close();
}
problems.push(...(await validateHtml(documents, values.journey)));
console.log(`${values.journey}: ${documents.length} documents checked`);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
