// What other features may use of proofing: import it from here, never from its files.
export * from './domain/proofing.ts';
export * from './domain/submissions.ts';
export * from './schemas.ts';
