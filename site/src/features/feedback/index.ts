export { FeedbackCard } from './FeedbackCard.tsx';
export { FeedbackForm } from './FeedbackForm.tsx';
