// The browser harness: headless Chromium through playwright-core, axe-core on
// every page visited, and the Nu Html Checker over every HTML document received.
import { chromium } from 'playwright-core';
import { readFile, mkdir, writeFile, rm } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const here = path.dirname(new URL(import.meta.url).pathname);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const vnuJar = path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');

export const VIEWPORTS = { phone: { width: 375, height: 812 }, desktop: { width: 1280, height: 900 } };

/** Where every page's screenshots go (CI keeps the folder as an artefact):
 * `<journey>-<nn>-<page>-<width>.png`, at 375 and 320 px from the phone
 * session and 1280 px from the desktop one. */
const SHOTS = process.env.SCREENSHOT_DIR || path.join(here, '..', '..', 'target', 'screenshots');

/** A file-name-safe page label: the path, with link tokens left out. */
function shotName(label) {
  const pathOnly = String(label).replace(/^https?:\/\/[^/]+/, '').split('?')[0];
  const parts = pathOnly.split('/').filter(Boolean).map((p) => (p.length >= 20 ? 'token' : p));
  return (parts.join('-').replace(/[^a-zA-Z0-9-]+/g, '_') || 'front').slice(0, 80);
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** One journey at one width: collects problems instead of stopping at the first. */
export class Session {
  constructor(context, page, name, baseUrl) {
    this.context = context;
    this.page = page;
    this.name = name;
    this.baseUrl = baseUrl;
    this.problems = [];
    this.documents = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !/status of 4\d\d/.test(msg.text())) this.problems.push(`${name}: console error: ${msg.text()}`);
    });
    page.on('response', async (response) => {
      const request = response.request();
      if (request.resourceType() !== 'document' || request.frame() !== page.mainFrame()) return;
      if (response.status() >= 300 && response.status() < 400) return;
      try {
        this.documents.push({ url: response.url(), html: await response.text() });
      } catch (e) { /* a document replaced before it was read */ }
    });
  }

  static async open(browser, name, baseUrl, viewport) {
    const context = await browser.newContext({ viewport, locale: 'da-DK', baseURL: baseUrl });
    const page = await context.newPage();
    const session = new Session(context, page, name, baseUrl);
    session.viewport = viewport;
    session.shots = 0;
    return session;
  }

  /** Screenshots of the current page at this session's width (and 320 px on a phone). */
  async screenshots(label) {
    this.shots += 1;
    const journey = this.name.split('@')[0];
    const base = this.viewport;
    const widths = base.width < 600 ? [base.width, 320] : [base.width];
    await mkdir(SHOTS, { recursive: true });
    for (const width of widths) {
      if (width !== base.width) await this.page.setViewportSize({ width, height: base.height });
      if (width < 600) {
        const wide = await this.page.evaluate(() => document.documentElement.scrollWidth);
        const culprit = wide <= width ? '' : await this.page.evaluate((w) => {
          const over = [...document.body.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > w + 1);
          const leaf = over.filter((el) => !over.some((o) => o !== el && el.contains(o)));
          return leaf.slice(0, 3).map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className}`).join(', ');
        }, width);
        this.expect(wide <= width, `${label}: scrolls sideways at ${width} px (${wide} px wide: ${culprit})`);
      }
      const file = `${journey}-${String(this.shots).padStart(2, '0')}-${shotName(label)}-${width}.png`;
      await this.page.screenshot({ path: path.join(SHOTS, file), fullPage: true });
    }
    if (widths.length > 1) await this.page.setViewportSize(base);
  }

  /** Goes to `path`, expects `status`, then checks accessibility. */
  async visit(urlPath, { status = 200 } = {}) {
    const response = await this.page.goto(urlPath);
    this.expect(response.status() === status, `GET ${urlPath}: status ${response.status()}, expected ${status}`);
    await this.axe(urlPath);
    return response;
  }

  /** axe-core over the current page, WCAG 2.2 A and AA; a plain, short title; screenshots. */
  async axe(label) {
    // A click that submits a form may still be navigating: check the page it lands on.
    await this.page.waitForLoadState('load');
    const title = await this.page.title();
    this.expect(title.length > 0 && title.length < 120 && !/[<>{}]/.test(title), `${label}: a plain title, got "${title.slice(0, 80)}"`);
    await this.page.evaluate(axeSource);
    const result = await this.page.evaluate(() =>
      // eslint-disable-next-line no-undef
      axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
    for (const v of result.violations) {
      const targets = v.nodes.map((n) => n.target.join(' ')).join(', ');
      this.problems.push(`${this.name}: axe ${v.id} on ${label}: ${v.help} (${targets})`);
    }
    await this.screenshots(label);
  }

  expect(condition, message) {
    if (!condition) this.problems.push(`${this.name}: ${message}`);
  }

  async close() {
    await this.context.close();
  }
}

/** Runs the Nu Html Checker over every document; returns its errors. */
export async function validateHtml(documents, folder) {
  if (documents.length === 0) return [];
  const dir = path.join(here, 'artifacts', folder);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const names = new Map();
  await Promise.all(documents.map(async (doc, i) => {
    const file = path.join(dir, `${String(i).padStart(3, '0')}.html`);
    names.set(file, doc.url);
    await writeFile(file, doc.html);
  }));
  let output;
  try {
    output = await promisify(execFile)('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', dir], { maxBuffer: 1 << 24 });
  } catch (e) {
    output = e; // vnu exits 1 when it finds errors; the JSON is on stderr either way
  }
  const report = JSON.parse(output.stderr || '{"messages":[]}');
  return report.messages
    .filter((m) => m.type === 'error' || m.subType === 'fatal')
    .map((m) => `vnu: ${names.get(new URL(m.url).pathname) || m.url}: line ${m.lastLine}: ${m.message}`);
}

/** Waits for a mail to `to` whose subject matches; returns it ({subject, text, html}). */
export async function waitForMail(mailApi, to, subjectPattern, timeoutMs = 15000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const mails = await (await fetch(`${mailApi}/mails?to=${encodeURIComponent(to)}`)).json();
    const mail = mails.filter((m) => subjectPattern.test(m.subject)).pop();
    if (mail) return mail;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no mail to ${to} matching ${subjectPattern}`);
}

/** The path of the first link in a mail's text whose path starts with `prefix`. */
export function linkPath(mail, prefix) {
  const url = mail.text.split(/\s+/).find((w) => w.startsWith('http') && new URL(w).pathname.startsWith(prefix));
  if (!url) throw new Error(`no ${prefix} link in mail "${mail.subject}"`);
  return new URL(url).pathname;
}

/** Presses Tab (at most `limit` times) until `locator`'s element has focus:
 * proves it is reachable by keyboard, in order, without a mouse. */
export async function tabTo(page, locator, limit = 120) {
  const target = await locator.elementHandle();
  for (let i = 0; i < limit; i += 1) {
    if (await page.evaluate((el) => document.activeElement === el, target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${locator} with Tab`);
}

/** Chooses a radio button as a keyboard user does: Tab into the group, then
 * arrow keys to the answer (which selects it). */
export async function chooseByKeyboard(page, group, label) {
  await tabTo(page, group.getByRole('radio').first());
  const target = await group.getByLabel(label, { exact: true }).elementHandle();
  for (let i = 0; i < 20; i += 1) {
    if (await page.evaluate((el) => document.activeElement === el, target)) {
      await page.keyboard.press('Space');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`could not reach ${label} with the arrow keys`);
}

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s) for a base32 key at `epochSeconds`. */
export async function totpCode(base32, epochSeconds) {
  const { createHmac } = await import('node:crypto');
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of base32.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(epochSeconds / 30)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1000000;
  return String(value).padStart(6, '0');
}

/** A staff member's first sign-in by mouse: password, then enrolling the second factor. */
export async function signInFirstTime(page, email, password, clockEpoch) {
  await page.goto('/admin/login');
  await page.getByLabel('E-mailadresse').fill(email);
  await page.getByLabel('Adgangskode').fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  const secret = (await page.locator('#totp-secret').textContent()).trim();
  await page.getByLabel('Kode', { exact: true }).fill(await totpCode(secret, clockEpoch));
  await page.getByRole('button', { name: 'Bekræft' }).click();
}
