// What other features may use of invoices: import it from here, never from its files.
export { assertPaidFor, paymentLockOf } from './domain/gates.ts';
