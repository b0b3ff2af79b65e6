// What other features may use of projects: import it from here, never from its files.
export * from './constants.ts';
export { activityPut, getProject } from './data.ts';
export * from './domain/access.ts';
export { clientProjectView, newActivity, projectSummary, projectTitles } from './domain/projects.ts';
export * from './domain/rules.ts';
export * from './records.ts';
export * from './schemas.ts';
