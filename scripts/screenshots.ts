// Screenshots of pages for people to look at: starts the demo council, signs in as a role, captures each path.
// Usage: node scripts/screenshots.ts <role> <path> [<path> …]   (PNG files go to screenshots/)
import { launchChromium, screenshot } from '../e2e/support/browser.ts';
import { startDemoServer } from '../e2e/support/server.ts';
import { SignInPage } from '../e2e/pages/sign-in.page.ts';

const [role = 'admin', ...paths] = process.argv.slice(2);
const server = await startDemoServer(process.env.NOLAN_PROFILE ?? 'model');
const browser = await launchChromium();
try {
  const who = server.signIns.find((s) => s.role === role);
  if (!who) throw new Error(`no demo sign-in for ${role}: ${server.signIns.map((s) => s.role).join(', ')}`);
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await new SignInPage(page, server.baseUrl).signIn(who.email, server.password);
  for (const path of paths.length ? paths : ['/']) {
    await page.goto(`${server.baseUrl}${path}`);
    await screenshot(page, `${role}${path === '/' ? '-home' : path.replace(/\?.*$/, '')}`);
    console.log(`screenshots/${role}${path === '/' ? '-home' : path.replace(/\?.*$/, '').replace(/[^a-z0-9-]+/gi, '-')}.png`);
  }
} finally {
  await browser.close();
  await server.stop();
}
