// What other features may use of share-links: import it from here, never from its files.
export * from './domain/activity.ts';
export * from './domain/share-links.ts';
export * from './records.ts';
export * from './schemas.ts';
