import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** Screenshots of every page at both widths: a git-ignored folder, kept as CI artifacts. */
export const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
/** The screenshots the README shows. */
export const DOCS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs');

export const WIDTHS = [1280, 360] as const;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core, run inside the page (evaluated, so the console's CSP does not stand in the way). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: {
          run: () => Promise<{
            violations: Array<{
              id: string;
              impact: string | null;
              help: string;
              nodes: Array<{ target: unknown[] }>;
            }>;
          }>;
        };
      }
    ).axe.run();
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export interface PageCheck {
  /** Per width: no serious or critical axe-core violation. */
  violations: Record<number, AxeViolation[]>;
  /** Per width: how far the document is wider than the viewport (0: no sideways scrolling). */
  overflow: Record<number, number>;
}

/**
 * At each width: lets the layout settle, writes a full-page screenshot `<name>-<width>.png`
 * to the artifacts folder, runs axe-core, and measures sideways overflow. Ends at 1280 px.
 */
export async function checkPage(page: Page, name: string): Promise<PageCheck> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const check: PageCheck = { violations: {}, overflow: {} };
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    // Charts redraw on resize (ResizeObserver); wait for two frames.
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${width}.png`), fullPage: true });
    check.violations[width] = await seriousViolations(page);
    check.overflow[width] = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  return check;
}
