// What other features may use of domains: import it from here, never from its files.
export * from './constants.ts';
export { isPorticoHost } from './domain/rules.ts';
export type { DomainClaim } from './records.ts';
