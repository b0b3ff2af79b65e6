// What stands in place of a gallery's or a deliverable's downloads while an invoice holds them back:
// the invoice and what is due on it, and "Pay to unlock" to its page with the checkout open.
import type { PaymentLock } from '../../../../shared/schemas.ts';
import { type LockedWhat, lockSentence, payHref } from './labels.ts';
import './payment-lock.css';

export function PaymentLockNotice({ lock, what }: { lock: PaymentLock; what: LockedWhat }) {
  return (
    <div class="notice notice--info payment-lock" role="note">
      <svg class="icon notice__icon" viewBox="0 0 16 16" aria-hidden="true">
        <path
          fill="currentColor"
          d="M8 1.5A3.5 3.5 0 0 0 4.5 5v2H4a1 1 0 0 0-1 1v5.5a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-.5V5A3.5 3.5 0 0 0 8 1.5ZM6 5a2 2 0 1 1 4 0v2H6V5Z"
        />
      </svg>
      <div class="notice__body payment-lock__body">
        <p class="payment-lock__text">{lockSentence(lock, what)}</p>
        <a class="button button--primary button--small" href={payHref(lock.invoiceId)}>
          Pay to unlock
        </a>
      </div>
    </div>
  );
}
