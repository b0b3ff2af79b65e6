// The Portal Manager: a studio's overview of what waits on whom, and the read-only preview of a client's portal.
import * as z from 'zod/mini';
import { Uuid } from '../../schemas.ts';
import { ClientSummary } from '../clients/index.ts';
import { Submission } from '../proofing/index.ts';

export const PortalOverview = z.object({
  pendingInvitations: z.array(ClientSummary),
  submissions: z.array(Submission),
  // Filled by the releases and deliverables features when they arrive; the page has their slots.
  releases: z.array(z.never()),
  deliverables: z.array(z.never()),
  /** True when a bounded read stopped before the end (more clients or galleries than the overview reads). */
  partial: z.boolean(),
});
export type PortalOverview = z.infer<typeof PortalOverview>;

export const PreviewGalleryParams = z.strictObject({ clientId: Uuid, galleryId: Uuid });
