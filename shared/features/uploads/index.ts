// What other features may use of uploads: import it from here, never from its files.
export * from './constants.ts';
export { ticketMismatch } from './domain/rules.ts';
export * from './domain/uploads.ts';
export * from './pipeline.ts';
export * from './schemas.ts';
