// What other features may use of downloads: import it from here, never from its files.
export * from './domain/gallery-zips.ts';
export * from './domain/zip-jobs.ts';
export * from './domain/zip-worker.ts';
export * from './schemas.ts';
