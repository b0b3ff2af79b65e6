// What other features may use of feedback.
export { feedbackView, listFeedback, sendFeedback } from './domain/feedback.ts';
export { addTaskNote, listClientFeedback, listProjectTasks, myInbox, submitProjectFeedback, triageTask } from './domain/tasks.ts';
export { type FeedbackRecord, keys, records, type TaskRecord } from './records.ts';
export { routes } from './routes.ts';
