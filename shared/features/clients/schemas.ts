// A studio's clients, as the dashboard lists them.
import * as z from 'zod/mini';
import { Email, FutureIsoDate, IsoDate, NameText, named, Uuid } from '../../schemas.ts';
import { Branding } from '../studios/index.ts';

export const CLIENT_STATUSES = ['invited', 'active', 'expired', 'revoked'] as const;
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

export const ClientParams = z.strictObject({ clientId: Uuid });

/**
 * The client's last day in the portal, or null for no end. Required (unlike the invitation's
 * FutureIsoDate): a PATCH that forgot the field must not clear the expiry by accident.
 */
export const ClientAccessBody = z.strictObject({
  accessExpiresAt: z.nullable(
    IsoDate.check(z.refine((d) => d >= new Date().toISOString().slice(0, 10), { error: 'must be today or later' })),
  ),
});

/** The signed-in client and the portal's branding: the portal's own answer, and the preview's. */
export const ClientMe = z.object({
  client: z.object({ name: z.string(), email: z.string(), accessExpiresAt: z.nullable(z.string()) }),
  studio: Branding,
});
