// Page object: what every page has — the service navigation and the main heading.
import type { Page } from 'playwright-core';

export class Layout {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  heading() {
    return this.page.locator('main h1').first();
  }

  /** The same-site links in the service navigation, except signing out. */
  async navigationLinks(): Promise<string[]> {
    const hrefs = await this.page.locator('.govuk-service-navigation__link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    return hrefs.filter((h) => h.startsWith('/') && h !== '/sign-out');
  }

  /** Links inside the main content that stay on this site and do not leave the page's area of work. */
  async contentLinks(): Promise<string[]> {
    const hrefs = await this.page.locator('main a[href^="/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    return [...new Set(hrefs.filter((h) => !h.startsWith('/sign-out') && !h.startsWith('/api/')))];
  }
}
