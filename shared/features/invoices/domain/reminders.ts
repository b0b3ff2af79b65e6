// The daily overdue reminders (schedule sendInvoiceReminders): one email a day to the client of each
// sent invoice past its due date with something left to pay, until it is paid or voided (or after
// INVOICE_LIMITS.reminders of them). The day's reminder is claimed with the invoice's versioned
// write, so a job run twice in a day sends it once.
import { logger } from '../../../logger.ts';
import { today } from '../../clients/index.ts';
import { getStudio } from '../../studios/index.ts';
import { INVOICE_LIMITS } from '../constants.ts';
import { commitInvoice, getInvoice, InvoiceMoved, openInvoiceDelete, openInvoicesDueBefore } from '../data.ts';
import { mailReminder } from './emails.ts';
import { dueNow } from './rules.ts';

export async function sendInvoiceReminders(now: Date): Promise<{ sent: number }> {
  const day = today(now);
  let sent = 0;
  for (const { invoiceId } of await openInvoicesDueBefore(day)) {
    try {
      const r = await getInvoice(invoiceId);
      if (!r) continue;
      const open = (r.status === 'sent' || r.status === 'partially_paid') && dueNow(r) > 0;
      if (!open || r.reminders.sent >= INVOICE_LIMITS.reminders) {
        // Settled or given up on: no more reminders (the row was normally gone already).
        await commitInvoice({ ...r, version: r.version + 1 }, [openInvoiceDelete(r)]);
        continue;
      }
      if (r.reminders.lastOn === day) continue;
      const next = { ...r, reminders: { sent: r.reminders.sent + 1, lastOn: day }, version: r.version + 1, updatedAt: now.toISOString() };
      await commitInvoice(next);
      const studio = await getStudio(r.studioId);
      if (studio && (await mailReminder(studio, next))) sent += 1;
    } catch (error) {
      if (error instanceof InvoiceMoved) continue;
      logger.error('An invoice reminder failed', { invoiceId, error });
    }
  }
  return { sent };
}
