// What other features may use of share links: the gallery page's links and activity tabs.
export { ActivityTab } from './ActivityTab.tsx';
export { ShareLinksTab } from './ShareLinksTab.tsx';
