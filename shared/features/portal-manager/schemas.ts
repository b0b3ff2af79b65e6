// The Portal Manager: a studio's overview of what waits on whom, and the read-only preview of a client's portal.
import * as z from 'zod/mini';
import { Uuid } from '../../schemas.ts';
import { ClientSummary } from '../clients/index.ts';
import { Submission } from '../proofing/index.ts';

export const PortalOverview = z.object({
  pendingInvitations: z.array(ClientSummary),
  submissions: z.array(Submission),
  // Filled by the releases feature when it arrives; the page has its slot.
  releases: z.array(z.never()),
  /** Deliverable versions sent for review that a client has not decided yet, oldest request first. */
  deliverables: z.array(
    z.object({
      projectId: z.string(),
      projectTitle: z.string(),
      deliverableId: z.string(),
      title: z.string(),
      version: z.int(),
      clientId: z.string(),
      clientName: z.string(),
      dueDate: z.nullable(z.string()),
      sentAt: z.string(),
    }),
  ),
  /** True when a bounded read stopped before the end (more clients or galleries than the overview reads). */
  partial: z.boolean(),
});
export type PortalOverview = z.infer<typeof PortalOverview>;

export const PreviewGalleryParams = z.strictObject({ clientId: Uuid, galleryId: Uuid });
