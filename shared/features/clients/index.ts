// What other features may use of clients: import it from here, never from its files.
export { batchGetClients, endClientSessions, getClient, recordSignIn } from './data.ts';
export * from './domain/clients.ts';
export * from './records.ts';
export * from './schemas.ts';
