export { ClientFeedbackTab } from './ClientFeedbackTab.tsx';
export { FeedbackCard } from './FeedbackCard.tsx';
export { FeedbackForm } from './FeedbackForm.tsx';
export { default as InboxPage } from './InboxPage.tsx';
export { StudioFeedbackTab } from './StudioFeedbackTab.tsx';
