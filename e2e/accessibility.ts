// Every page a spec visits is checked with axe-core for WCAG 2.1 A and AA: each new address once it has
// settled, and the last state of every page when the test ends. The test fails on any violation.
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';

const wcag21 = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface AccessibilityWatch {
  /** Waits for the scans under way, scans each open page once more, and returns every violation found. */
  finish: () => Promise<string[]>;
}

export function watchAccessibility(context: BrowserContext): AccessibilityWatch {
  const violations = new Set<string>();
  const scannedPaths = new Set<string>();
  let scans: Promise<void> = Promise.resolve();

  const scan = async (page: Page, always = false): Promise<void> => {
    if (page.isClosed() || !page.url().startsWith('http')) return;
    const path = new URL(page.url()).pathname;
    if (!always && scannedPaths.has(path)) return;
    try {
      // The page's own chunk and first data arrive after the navigation itself.
      await page.waitForLoadState('load');
      await page.locator('.mantine-Loader-root').first().waitFor({ state: 'detached', timeout: 2_000 });
      const results = await new AxeBuilder({ page }).withTags(wcag21).analyze();
      scannedPaths.add(path);
      for (const violation of results.violations) {
        // For contrast, the colours axe measured: which state of the element failed shows in them.
        const where = violation.nodes
          .map((node) => {
            const data = node.any[0]?.data as {
              fgColor?: string;
              bgColor?: string;
              contrastRatio?: number;
            } | null;
            const colours = data?.fgColor
              ? ` [${data.fgColor} on ${data.bgColor}: ${data.contrastRatio}]`
              : '';
            return `${node.target.join(' ')}${colours}`;
          })
          .join(', ');
        violations.add(`${path}: ${violation.id} (${violation.impact}) ${violation.help} — ${where}`);
      }
    } catch {
      // The test moved on while the page was scanned: the next page is scanned at its own stop.
    }
  };

  const watch = (page: Page) => {
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return;
      scans = scans.then(() => settle(300)).then(() => scan(page));
    });
  };
  for (const page of context.pages()) watch(page);
  context.on('page', watch);

  return {
    finish: async () => {
      await scans;
      for (const page of context.pages()) await scan(page, true);
      return [...violations];
    },
  };
}
