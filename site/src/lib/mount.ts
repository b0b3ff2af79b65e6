// Hydrates a page's Preact component. Pages render their component at build time inside
// <div id="island"> and load a bundled module script that calls mount(): the same result as an
// Astro `client:load` island, without the inline bootstrap scripts that `client:*` directives emit
// (the Content-Security-Policy allows no inline script).
import { type ComponentType, h, hydrate } from 'preact';

export const ISLAND_ID = 'island';

export function mount(Component: ComponentType): void {
  const root = document.getElementById(ISLAND_ID);
  if (!root) throw new Error(`#${ISLAND_ID} is missing from the page`);
  hydrate(h(Component, null), root);
}
