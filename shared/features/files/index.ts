// What other features may use of files: import it from here, never from its files.
export * from './constants.ts';
export { clientFilesTab, studioFilesTab } from './domain/files.ts';
export { processProjectFile } from './domain/pipeline.ts';
export { keys, records } from './records.ts';
export * from './schemas.ts';
