// What the project pages compose of deliverables: the studio's tab, the portal's list, and the
// review page of both hosts.
export { ClientDeliverablesList } from './ClientDeliverablesList.tsx';
export { DeliverablesTab } from './DeliverablesTab.tsx';
export { PortalReviewPage, StudioReviewPage } from './ReviewPage.tsx';
