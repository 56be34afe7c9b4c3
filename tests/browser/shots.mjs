// shots.mjs — screenshots of a running vigil's pages, for a person to look at (not a test):
//   node shots.mjs URL DIR [USER PASSWORD] PATH...
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [url, dir, ...rest] = process.argv.slice(2);
let user = null, password = null;
if (rest.length >= 2 && !rest[0].startsWith('/')) [user, password] = rest.splice(0, 2);
const profile = mkdtempSync(join(tmpdir(), 'vigil-shots-'));
const context = await chromium.launchPersistentContext(profile, {
	executablePath: '/usr/bin/chromium', headless: true,
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
	viewport: { width: 1280, height: 900 },
});
try {
	const page = context.pages()[0] || await context.newPage();
	if (user) {
		await page.goto(url + '/login');
		await page.fill('input[name=name]', user);
		await page.fill('input[name=password]', password);
		await Promise.all([page.waitForNavigation(), page.click('form.stack button[type=submit]')]);
	}
	let n = 0;
	for (const p of rest) {
		await page.goto(url + p);
		const name = String(++n).padStart(2, '0') + p.replace(/[^a-z0-9]+/gi, '-') + '.png';
		await page.screenshot({ path: join(dir, name), fullPage: true });
		console.log(name);
	}
} finally {
	await context.close();
	rmSync(profile, { recursive: true, force: true });
}
