// The portal home's answer: what waits on the client first, then their projects and galleries.
import * as z from 'zod/mini';
import { ClientGallery } from '../galleries/index.ts';
import { ProjectSummary } from '../projects/index.ts';
import { RELEASE_KINDS } from '../releases/index.ts';

export const PortalHome = z.object({
  waiting: z.object({
    /** Deliverable versions sent to the client for review that they have not decided, soonest due first. */
    reviews: z.array(
      z.object({
        projectId: z.string(),
        projectTitle: z.string(),
        deliverableId: z.string(),
        title: z.string(),
        version: z.int(),
        dueDate: z.nullable(z.string()),
        sentAt: z.string(),
      }),
    ),
    /** Releases and contracts sent to the client that they have not signed or declined, soonest deadline first. */
    releases: z.array(
      z.object({
        releaseId: z.string(),
        title: z.string(),
        kind: z.enum(RELEASE_KINDS),
        deadline: z.nullable(z.string()),
        sentAt: z.string(),
      }),
    ),
    /** Galleries open for proofing whose selection the client has not confirmed yet. */
    proofing: z.array(ClientGallery),
  }),
  /** Projects, the ones with the nearest due date first. */
  projects: z.array(ProjectSummary),
  galleries: z.array(ClientGallery),
  /** True when the client has more than the home reads at once (the lists say so and link on). */
  partial: z.boolean(),
});
export type PortalHome = z.infer<typeof PortalHome>;
