// A studio's clients, as the dashboard lists them.
import * as z from 'zod/mini';
import { Email, FutureIsoDate, NameText, named } from '../../schemas.ts';

export const CLIENT_STATUSES = ['invited', 'active', 'expired'] as const;
export const ClientSummary = named(
  z.object({
    clientId: z.string(),
    email: z.string(),
    name: z.string(),
    status: z.enum(CLIENT_STATUSES),
    invitedAt: z.string(),
    lastSignInAt: z.nullable(z.string()),
    accessExpiresAt: z.nullable(z.string()),
  }),
  'Client',
);
export type ClientSummary = z.infer<typeof ClientSummary>;

export const InviteClientBody = z.strictObject({ email: Email, name: NameText(1, 80), accessExpiresAt: FutureIsoDate });
