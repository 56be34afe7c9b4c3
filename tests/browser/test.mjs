// test.mjs — vigil's web interface in a real browser: Debian's chromium driven by
// playwright-core. Signs in, reviews and accepts a proposal, opens the incident and
// follows a quote to its report, views the timeline and the threat board, prints an
// incident; saves a screenshot of each step in ARTIFACTS. Fails on any assertion, any
// script or Content-Security-Policy error in the console.
//
//   node test.mjs URL ARTIFACTS USER PASSWORD
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [url, artifacts, user, password] = process.argv.slice(2);
const profile = mkdtempSync(join(tmpdir(), 'vigil-chromium-'));
let checks = 0;
function ok(cond, what) {
	if (!cond) throw new Error('FAIL ' + what);
	checks++;
	console.log('ok ' + what);
}

const context = await chromium.launchPersistentContext(profile, {
	executablePath: '/usr/bin/chromium',
	headless: true,
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
		'--disable-background-networking', '--disable-component-update', '--disable-sync'],
	viewport: { width: 1280, height: 900 },
});
const problems = [];
try {
	const page = context.pages()[0] || await context.newPage();
	page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
	page.on('pageerror', (e) => problems.push(String(e)));
	const shot = (name) => page.screenshot({ path: join(artifacts, name), fullPage: true });

	// sign in
	await page.goto(url + '/review');
	ok(page.url().includes('/login?next='), 'a closed page sends to the login form');
	await shot('01-login.png');
	await page.fill('input[name=name]', user);
	await page.fill('input[name=password]', password);
	await Promise.all([page.waitForNavigation(), page.click('form.stack button[type=submit]')]);
	ok(new URL(page.url()).pathname === '/review', 'signed in and back on the review queue');
	ok(await page.locator('.who').innerText().then((t) => t.includes(user)), 'the header names the account');
	await shot('02-review.png');

	// accept the first proposal
	const first = page.locator('li.proposal').first();
	const quote = (await first.locator('blockquote').innerText()).trim();
	ok(quote.length > 20, 'the proposal shows its quote');
	await Promise.all([page.waitForNavigation(), first.locator('form[action$="/accept"] button').first().click()]);
	const flash = page.locator('p.flash');
	ok(await flash.isVisible(), 'a message says what happened');
	ok((await flash.innerText()).includes('accepted'), 'the proposal was accepted');
	await shot('03-accepted.png');

	// open the incident it became
	await Promise.all([page.waitForNavigation(), flash.locator('a').click()]);
	ok(/\/incident\/\d+$/.test(page.url()), 'the incident page opens');
	const h1 = await page.locator('h1').innerText();
	ok(h1.length > 5, 'the incident has a title: ' + h1);
	ok(await page.locator('table.facts').isVisible(), 'the facts table is shown');
	ok(await page.locator('section.sources blockquote mark').count() > 0, 'the sources show their quotes in context');
	await shot('04-incident.png');
	const incidentUrl = page.url();

	// print it
	await page.emulateMedia({ media: 'print' });
	ok(!(await page.locator('header.top').isVisible()), 'the print style hides the navigation');
	await shot('05-incident-print.png');
	await page.emulateMedia({ media: 'screen' });

	// follow a quote to its report
	const srcQuote = (await page.locator('section.sources li').first().locator('blockquote mark').innerText()).trim();
	const src = page.locator('section.sources p.source a').first();
	await Promise.all([page.waitForNavigation(), src.click()]);
	ok(/\/report\/\d+/.test(page.url()), 'the quote leads to its report');
	const focus = page.locator('mark#quote');
	ok(await focus.isVisible(), 'the quoted sentence is marked in the report');
	const marked = (await focus.innerText()).replace(/\s+/g, ' ').trim();
	ok(marked.length > 10 && marked === srcQuote.replace(/\s+/g, ' '), 'the marked sentence is the quote');
	ok(await focus.evaluate((e) => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }),
		'the page is scrolled to the quote');
	await shot('06-report.png');

	// the timeline links to the incident
	await page.goto(url + '/timeline');
	ok(await page.locator('svg.timeline').isVisible(), 'the timeline is drawn');
	const dot = page.locator('svg.timeline a[href^="/incident/"]').first();
	ok(await dot.count() === 1, 'the timeline has incidents on it');
	await shot('07-timeline.png');
	await Promise.all([page.waitForNavigation(), dot.locator('circle').click()]);
	ok(/\/incident\/\d+$/.test(page.url()), 'a dot of the timeline opens its incident');

	// the overview chart and the threat board
	await page.goto(url + '/');
	ok(await page.locator('svg.casualties').isVisible(), 'the overview draws killed and wounded per month');
	await shot('08-overview.png');
	await page.goto(url + '/threats');
	ok(await page.locator('ul.threats li').count() > 0, 'the threat board lists the threat');
	await shot('09-threats.png');

	// the list with a filter, and the places
	await page.goto(url + '/incidents?kind=shelling');
	ok(await page.locator('table.incidents tbody tr').count() === 1, 'the list filtered by kind');
	ok(await page.locator('p.downloads a[href^="/export.csv?kind=shelling"]').count() === 1, 'the export keeps the filter');
	await shot('10-incidents.png');
	await page.goto(url + '/places');
	ok(await page.locator('p.note a[href="/places?all=1"]').count() === 1, 'places without incidents are left out');
	await page.goto(url + '/places?all=1');
	ok(await page.locator('svg.places').isVisible(), 'the places are plotted');
	await page.screenshot({ path: join(artifacts, '11-places.png') }); // the plot; the table runs on
	await page.goto(incidentUrl);

	ok(problems.length === 0, 'no script or Content-Security-Policy errors: ' + problems.join(' | '));
	console.log(`browser: ${checks} checks, screenshots in ${artifacts}`);
} finally {
	await context.close();
	rmSync(profile, { recursive: true, force: true });
}
