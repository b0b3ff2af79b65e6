// "Approved and paid unlocks the finals": galleries whose originals and deliverables whose final
// files open only once an invoice is paid. Each is a gate record beside the gallery or deliverable,
// read where the download is asked for (gates.ts); the invoice lists them by title.
import { invalid, notFound } from '../../../errors.ts';
import { projectDeliverables } from '../../deliverables/index.ts';
import { getGallery } from '../../galleries/index.ts';
import type { Studio } from '../../studios/index.ts';
import { gateDelete, gatePut, type WriteItem } from '../data.ts';
import type { InvoiceRecord } from '../records.ts';
import type { Unlocks } from '../schemas.ts';

/** The titled unlocks of a request: the client's own galleries, the invoice's project's deliverables. */
export async function resolveUnlocks(
  studio: Studio,
  r: Pick<InvoiceRecord, 'client' | 'project'>,
  body: Unlocks,
): Promise<InvoiceRecord['unlocks']> {
  const galleries = await Promise.all(
    [...new Set(body.galleryIds)].map(async (id, i) => {
      const g = await getGallery(studio.studioId, id);
      if (!g || g.clientId !== r.client.clientId)
        throw notFound('No such gallery of this client.', { [`galleryIds.${i}`]: ["is not one of the invoice's client's galleries"] });
      return { id, title: g.title };
    }),
  );
  const wanted = [...new Set(body.deliverableIds)];
  if (wanted.length && !r.project)
    throw invalid('no_project', 'An invoice without a project unlocks no deliverables.', {
      deliverableIds: ['needs the invoice to be for a project'],
    });
  const ofProject = wanted.length && r.project ? await projectDeliverables(r.project.projectId) : [];
  const deliverables = wanted.map((id, i) => {
    const d = ofProject.find((x) => x.deliverableId === id);
    if (!d)
      throw notFound("No such deliverable of the invoice's project.", {
        [`deliverableIds.${i}`]: ["is not one of the project's deliverables"],
      });
    return { id, title: d.title };
  });
  return { galleries, deliverables };
}

/** The gate writes from one set of unlocks to another. */
export function gateWrites(
  r: Pick<InvoiceRecord, 'invoiceId' | 'studioId'>,
  was: InvoiceRecord['unlocks'],
  now: InvoiceRecord['unlocks'],
): WriteItem[] {
  const ids = (u: InvoiceRecord['unlocks']) => [
    ...u.galleries.map((g) => ({ id: g.id, target: 'gallery' as const })),
    ...u.deliverables.map((d) => ({ id: d.id, target: 'deliverable' as const })),
  ];
  const before = ids(was);
  const after = ids(now);
  return [
    ...before.filter((b) => !after.some((a) => a.id === b.id)).map((b) => gateDelete(b.id, r.invoiceId)),
    ...after
      .filter((a) => !before.some((b) => b.id === a.id))
      .map((a) => gatePut({ targetId: a.id, target: a.target, invoiceId: r.invoiceId, studioId: r.studioId })),
  ];
}

export const NO_UNLOCKS: InvoiceRecord['unlocks'] = { galleries: [], deliverables: [] };
