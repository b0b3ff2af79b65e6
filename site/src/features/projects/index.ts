// What other features may use of projects' components.
export { ProgressBar } from './ProgressBar.tsx';
export { ProjectCards } from './ProjectCards.tsx';
export { PROJECT_STATUS } from './project-status.ts';
