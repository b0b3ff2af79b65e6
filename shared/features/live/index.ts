// What other features may use of live: import it from here, never from its files.
export * from './constants.ts';
export { answerMessage, closedConnection, openConnection, type SocketCaller } from './domain/connections.ts';
export { type Delivery, disconnectPerson, publish, publishEach } from './domain/publish.ts';
