// What other features may use of proofing: import it from here, never from its files.
// recordActivity: downloads counts a ZIP as a download, as a single image is.
export { recordActivity } from './data.ts';
export * from './domain/proofing.ts';
export * from './domain/submissions.ts';
export * from './schemas.ts';
