// Visits pages with headless Chromium, the way a person would, and tells what the browser saw.
//
//   node story.mjs PLAN.json
//
// PLAN.json:
//   {
//     "chromium": "/usr/bin/chromium",       // the system's browser; nothing is ever downloaded
//     "home": "/path/to/home",               // HOME for Chromium: its certificate store is HOME/.pki/nssdb
//     "screenshots": "/path/to/screenshots", // one NAME.png per visit
//     "visits": [
//       { "name": "scenario1", "url": "https://localhost:8443/",
//         "credentials": { "username": "alice", "password": "secret" } }
//     ]
//   }
// Credentials are optional: without them a password prompt is dismissed, as a person without the password would,
// and the page shows the 401 answer.
//
// Prints one JSON line per visit on stdout:
//   { "name", "url" (asked), "finalUrl", "status", "title", "heading", "text",
//     "redirects": [{ "url", "status" }...] (oldest first, the final response not included),
//     "security": { "protocol", "issuer", "subjectName" } | null, "screenshot", "error" | null }
// and leaves the judging to the caller. Exits 0 when every visit was tried (even if a page failed to load),
// 2 on a bad plan, 3 when the whole run overstays its time.

import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const NAVIGATION_TIMEOUT_MS = 15_000;
const RUN_TIMEOUT_MS = 90_000;

const overall = setTimeout(() => {
  console.error(`story.mjs: still running after ${RUN_TIMEOUT_MS} ms, giving up`);
  process.exit(3);
}, RUN_TIMEOUT_MS);
overall.unref();

function readPlan() {
  if (process.argv.length !== 3) {
    console.error('usage: node story.mjs PLAN.json');
    process.exit(2);
  }
  const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  if (!plan.chromium || !plan.screenshots || !Array.isArray(plan.visits)) {
    console.error('story.mjs: the plan needs "chromium", "screenshots" and "visits"');
    process.exit(2);
  }
  return plan;
}

// A person without a password dismisses the browser's password prompt and sees the 401 page. Headless Chromium
// has no prompt to dismiss: without this, it fails the navigation with ERR_INVALID_AUTH_CREDENTIALS instead.
async function dismissPasswordPrompts(context, page) {
  const cdp = await context.newCDPSession(page);
  cdp.on('Fetch.requestPaused', (e) =>
    cdp.send('Fetch.continueRequest', { requestId: e.requestId }).catch(() => {}));
  cdp.on('Fetch.authRequired', (e) =>
    cdp.send('Fetch.continueWithAuth', {
      requestId: e.requestId,
      authChallengeResponse: { response: 'CancelAuth' },
    }).catch(() => {}));
  await cdp.send('Fetch.enable', { handleAuthRequests: true });
}

async function visit(browser, spec, screenshots) {
  const context = await browser.newContext({
    httpCredentials: spec.credentials,
    viewport: { width: 1000, height: 700 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(NAVIGATION_TIMEOUT_MS);
  if (!spec.credentials) {
    await dismissPasswordPrompts(context, page);
  }
  const seen = {
    name: spec.name,
    url: spec.url,
    finalUrl: null,
    status: null,
    title: null,
    heading: null,
    text: null,
    redirects: [],
    security: null,
    screenshot: join(screenshots, `${spec.name}.png`),
    error: null,
  };
  try {
    const response = await page.goto(spec.url, { timeout: NAVIGATION_TIMEOUT_MS, waitUntil: 'load' });
    if (response) {
      seen.status = response.status();
      seen.security = await response.securityDetails();
      for (let request = response.request().redirectedFrom(); request; request = request.redirectedFrom()) {
        const earlier = await request.response();
        seen.redirects.unshift({ url: request.url(), status: earlier ? earlier.status() : null });
      }
    }
  } catch (e) {
    seen.error = String(e && e.message ? e.message : e).split('\n')[0];
  }
  try {
    seen.finalUrl = page.url();
    seen.title = await page.title();
    seen.heading = await page.evaluate(() => document.querySelector('h1')?.textContent ?? null);
    seen.text = await page.evaluate(() => document.body?.innerText?.slice(0, 2000) ?? null);
    await page.screenshot({ path: seen.screenshot, fullPage: true, timeout: NAVIGATION_TIMEOUT_MS });
  } catch (e) {
    seen.error = seen.error ?? `after loading: ${String(e && e.message ? e.message : e).split('\n')[0]}`;
  }
  await context.close();
  return seen;
}

const plan = readPlan();
mkdirSync(plan.screenshots, { recursive: true });
const browser = await chromium.launch({
  executablePath: plan.chromium,
  headless: true,
  chromiumSandbox: false,
  timeout: 30_000,
  env: plan.home ? { ...process.env, HOME: plan.home } : process.env,
  args: [
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  for (const spec of plan.visits) {
    console.log(JSON.stringify(await visit(browser, spec, plan.screenshots)));
  }
} finally {
  await browser.close();
}
clearTimeout(overall);
