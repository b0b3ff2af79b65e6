// What other site features may use of invoices: the payment lock's notice beside held-back downloads
// (the proofing page's originals, a deliverable's final files).
export { type LockedWhat, lockSentence } from './labels.ts';
export { PaymentLockNotice } from './PaymentLockNotice.tsx';
