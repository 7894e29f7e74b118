/**
 * Plot names each mark's <g> with aria-label; ARIA allows a label on a <g> only with a role,
 * so each labelled group becomes a `group` (axe-core: aria-prohibited-attr).
 */
export function labelGroups(plot: Element): void {
  plot
    .querySelectorAll('g[aria-label]:not([role])')
    .forEach((g) => g.setAttribute('role', 'group'));
}
