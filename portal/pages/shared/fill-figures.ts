/**
 * The session figures of a page the build rendered (status, logout): the router wrote its own
 * figures into the page (what a guest without JavaScript reads); here they become the guest's units
 * from the raw counters, with a bar where an allowance is known.
 */
import type { RouterValues } from '../../hotspot/router-values.ts';
import { sessionFigures } from './figures.ts';

export function fillFigures(root: ParentNode | null, v: RouterValues, opts: { withIp: boolean; withLimits: boolean }): void {
  if (!root) return;
  for (const f of sessionFigures(v, opts)) {
    const dd = root.querySelector(`[data-figure="${f.name}"] dd`);
    if (!dd) continue;
    // The text beside the raw number the router wrote (`<data value>`, `<time datetime>`).
    (dd.querySelector('data, time') ?? dd).textContent = f.text;
    if (f.max === undefined || f.value === undefined) continue;
    const bar = document.createElement('progress');
    bar.max = f.max;
    bar.value = Number(f.value);
    bar.setAttribute('aria-label', f.label);
    dd.append(bar);
  }
}
