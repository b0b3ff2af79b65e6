// What other features may use of the team: import it from here, never from its files.
export * from './constants.ts';
export * from './domain/invitations.ts';
export * from './domain/rules.ts';
export * from './domain/team.ts';
export * from './records.ts';
export * from './schemas.ts';
