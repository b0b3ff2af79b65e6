import { type ComponentType, h, hydrate } from 'preact';

export function mount(Component: ComponentType) {
  const root = document.getElementById('island');
  if (root) hydrate(h(Component, null), root);
}
