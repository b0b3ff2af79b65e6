// What other features may use of the portal home (nothing yet but its schema).
export * from './schemas.ts';
