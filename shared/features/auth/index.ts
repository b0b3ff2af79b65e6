// What other features may use of auth: import it from here, never from its files.
export * from './domain/emails.ts';
export * from './domain/magic-links.ts';
export * from './domain/portal-auth.ts';
export { sessionEnded } from './domain/rules.ts';
export * from './domain/sessions.ts';
export * from './domain/studio-auth.ts';
export * from './records.ts';
export * from './schemas.ts';
