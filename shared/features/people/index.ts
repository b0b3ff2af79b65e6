// What other features may use of people: import it from here, never from its files.
export * from './constants.ts';
export * from './domain/people.ts';
export * from './schemas.ts';
