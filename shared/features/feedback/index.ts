// What other features may use of feedback.
export { feedbackView, listFeedback, sendFeedback } from './domain/feedback.ts';
export { type FeedbackRecord, keys, records } from './records.ts';
export { routes } from './routes.ts';
