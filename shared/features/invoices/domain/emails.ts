// Invoices' mails: the invoice itself (its PDF attached, a link to pay), the receipt of a payment,
// and the daily reminder of an overdue invoice.
import { sendMail } from '../../../adapters/mail.ts';
import { portalUrl } from '../../../config.ts';
import { logger } from '../../../logger.ts';
import { subjectName } from '../../../safe-text.ts';
import { letterBrand, renderLetter } from '../../branding/index.ts';
import type { Studio } from '../../studios/index.ts';
import { formatMoney, INVOICE_KIND_NAMES } from '../constants.ts';
import type { InvoiceRecord, PaymentRecord } from '../records.ts';
import { dueNow } from './rules.ts';

/** 17 October 2026, as invoices write a date. */
export const longDate = (d: string) =>
  new Date(`${d}T12:00:00.000Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Where the client pays: the invoice's page in their portal (sign-in first). */
export const payUrl = (studio: Studio, r: Pick<InvoiceRecord, 'invoiceId'>) => `${portalUrl(studio.slug)}/billing/${r.invoiceId}`;

export const pdfName = (r: Pick<InvoiceRecord, 'number'>) => `${r.number}.pdf`;

/** A mail that fails is logged and reported false; the write it follows stands. */
async function send(mail: Parameters<typeof sendMail>[0]): Promise<boolean> {
  try {
    await sendMail(mail);
    return true;
  } catch (error) {
    logger.error('An invoice mail could not be sent', { error });
    return false;
  }
}

const letterOf = (studio: Studio) => ({ ...letterBrand(studio), welcomeMessage: null });

export function mailInvoice(studio: Studio, r: InvoiceRecord, pdf: Uint8Array): Promise<boolean> {
  const due = dueNow(r);
  const what = INVOICE_KIND_NAMES[r.kind].toLowerCase();
  return send({
    to: r.client.email,
    fromName: studio.name,
    replyTo: letterBrand(studio).supportEmail ?? undefined,
    subject: `${subjectName(studio.name)}: ${what} ${r.number} for ${formatMoney(due, r.currency)}`,
    attachments: [{ fileName: pdfName(r), contentType: 'application/pdf', content: pdf }],
    ...renderLetter({
      brand: letterOf(studio),
      greeting: `Hi ${r.client.name},`,
      paragraphs: [
        `${studio.name} has sent you ${what} ${r.number}${r.project ? ` for ${r.project.title}` : ''}: ${formatMoney(due, r.currency)}, due by ${longDate(r.dueDate)}.`,
        'The invoice is attached as a PDF. You can pay it securely by card or bank debit from your portal.',
      ],
      button: { label: 'View and pay', url: payUrl(studio, r) },
      footnote: 'The link asks you to sign in to the portal.',
    }),
  });
}

export function mailReceipt(studio: Studio, r: InvoiceRecord, p: PaymentRecord): Promise<boolean> {
  const left = dueNow(r);
  return send({
    to: r.client.email,
    fromName: studio.name,
    replyTo: letterBrand(studio).supportEmail ?? undefined,
    subject: `Receipt: ${formatMoney(p.amount, p.currency)} paid to ${subjectName(studio.name)} (${r.number})`,
    ...renderLetter({
      brand: letterOf(studio),
      greeting: `Hi ${r.client.name},`,
      paragraphs: [
        `Thank you: your payment of ${formatMoney(p.amount, p.currency)} for ${r.number} was received on ${longDate(p.receivedAt.slice(0, 10))}${p.reference ? ` (${p.reference})` : ''}.`,
        left > 0 ? `${formatMoney(left, r.currency)} is still due on this invoice.` : 'The invoice is now paid in full.',
      ],
      button: { label: 'View the invoice', url: payUrl(studio, r) },
      footnote: 'Keep this email as your receipt.',
    }),
  });
}

export function mailReminder(studio: Studio, r: InvoiceRecord): Promise<boolean> {
  return send({
    to: r.client.email,
    fromName: studio.name,
    replyTo: letterBrand(studio).supportEmail ?? undefined,
    subject: `Reminder: ${r.number} from ${subjectName(studio.name)} is overdue`,
    ...renderLetter({
      brand: letterOf(studio),
      greeting: `Hi ${r.client.name},`,
      paragraphs: [
        `A friendly reminder that ${r.number} (${formatMoney(dueNow(r), r.currency)}) was due on ${longDate(r.dueDate)}.`,
        'If you have paid it already, thank you, and please ignore this email.',
      ],
      button: { label: 'Pay now', url: payUrl(studio, r) },
      footnote: 'Reminders stop as soon as the invoice is paid.',
    }),
  });
}
