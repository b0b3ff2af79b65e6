// What other features may use of clients: how a client's status reads.
export { CLIENT_STATUS } from './client-status.ts';
