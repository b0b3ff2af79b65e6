import { createPaymentSchedule } from '../../shared/features/invoices/domain/create.ts';
import { invoiceSummary } from '../../shared/features/invoices/domain/views.ts';
import { routes } from '../../shared/features/invoices/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.createPaymentSchedule, async ({ params, body, studioSession: { studio, user } }) => ({
  body: { invoices: (await createPaymentSchedule(studio, user, params.projectId, body)).map((r) => invoiceSummary(r)) },
}));
