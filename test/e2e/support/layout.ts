/**
 * What a phone user notices about a part of the page: it scrolls sideways, or something in it
 * sits past the screen's edge.
 */
import type { Locator, Page } from 'playwright-core';

/**
 * The elements in `host` (through its shadow roots, nested ones too) that scroll sideways:
 * overflow-x auto or scroll, and content wider than the box. Each as "tag.class".
 */
export function sidewaysScrollers(host: Locator): Promise<string[]> {
  return host.evaluate((root) => {
    const found: string[] = [];
    const walk = (scope: Element | ShadowRoot) => {
      for (const element of scope.querySelectorAll('*')) {
        const overflow = getComputedStyle(element).overflowX;
        if (/auto|scroll/.test(overflow) && element.scrollWidth > element.clientWidth) {
          found.push(`${element.localName}.${[...element.classList].join('.')}`);
        }
        if (element.shadowRoot) walk(element.shadowRoot);
      }
    };
    walk(root.shadowRoot ?? root);
    return found;
  });
}

/** Whether the page itself is wider than the viewport (the whole page scrolls sideways). */
export function pageScrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

/** The text of each of `targets` that is not wholly inside the viewport's width. */
export async function offScreen(page: Page, targets: Locator): Promise<string[]> {
  const width = page.viewportSize()?.width ?? 0;
  const outside: string[] = [];
  for (const target of await targets.all()) {
    const box = await target.boundingBox();
    if (!box || box.x < 0 || box.x + box.width > width + 0.5) {
      outside.push((await target.textContent())?.trim() ?? '');
    }
  }
  return outside;
}

/**
 * The labels that `targets` show before their text (a card's "Total" beside its figure: CSS
 * `content` on ::before), in order; none where they show no label.
 */
export async function shownLabels(targets: Locator): Promise<string[]> {
  const labels: string[] = [];
  for (const target of await targets.all()) {
    const label = await target.evaluate((element) => {
      const before = getComputedStyle(element, '::before');
      if (before.display === 'none' || /^(none|normal)$/.test(before.content)) return '';
      return /^"((?:[^"\\]|\\.)*)"/.exec(before.content)?.[1] ?? before.content;
    });
    if (label) labels.push(label);
  }
  return labels;
}
