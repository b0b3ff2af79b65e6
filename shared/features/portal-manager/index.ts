// What other features may use of portal-manager: import it from here, never from its files.
export * from './constants.ts';
export * from './domain/overview.ts';
export * from './domain/preview.ts';
export * from './schemas.ts';
