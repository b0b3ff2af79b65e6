// The Portal Manager: a studio's overview of what waits on whom, and the read-only preview of a client's portal.
import * as z from 'zod/mini';
import { Uuid } from '../../schemas.ts';
import { ClientSummary } from '../clients/index.ts';
import { Submission } from '../proofing/index.ts';

export const PortalOverview = z.object({
  pendingInvitations: z.array(ClientSummary),
  submissions: z.array(Submission),
  /** Sent releases still waiting on a signer (among the newest OVERVIEW_BOUNDS.releases), oldest sent first. */
  releases: z.array(
    z.object({
      releaseId: z.string(),
      title: z.string(),
      deadline: z.nullable(z.string()),
      sentAt: z.string(),
      /** The signers whose signature it waits for now. */
      waitingOn: z.array(z.string()),
    }),
  ),
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
