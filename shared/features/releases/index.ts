// What other features may use of releases: import it from here, never from its files.
export * from './constants.ts';
export { records } from './records.ts';
