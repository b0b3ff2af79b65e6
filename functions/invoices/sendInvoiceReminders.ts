// The daily overdue reminders (shared/schedules.ts): an EventBridge schedule in AWS, a timer in the
// local stack.
import type { Context } from 'aws-lambda';
import { sendInvoiceReminders } from '../../shared/features/invoices/domain/reminders.ts';
import { logger } from '../../shared/logger.ts';

export async function handler(_event: unknown, context?: Context): Promise<void> {
  if (context) logger.addContext(context);
  const { sent } = await sendInvoiceReminders(new Date());
  logger.info('Invoice reminders sent', { sent });
}
