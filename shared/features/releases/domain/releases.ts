// Reading releases: the studio's list and detail (with the chain check), a client's list.

import { notFound } from '../../../errors.ts';
import type { PageRequest } from '../../../paging.ts';
import type { Client } from '../../clients/index.ts';
import type { Studio } from '../../studios/index.ts';
import { batchGetReleases, getAuditTrail, getRelease, listClientPointers, listStudioReleases } from '../data.ts';
import type { ReleaseRecord } from '../records.ts';
import type { ClientReleaseSummary, ReleaseDetail } from '../schemas.ts';
import { verifyChain } from './chain.ts';
import { clientReleaseSummary, releaseDetail, releaseSummary } from './views.ts';

export async function studioReleases(studio: Studio, page: PageRequest) {
  const out = await listStudioReleases(studio.studioId, page);
  return { releases: out.items.map(releaseSummary), nextCursor: out.nextCursor };
}

export async function studioRelease(studio: Studio, releaseId: string): Promise<ReleaseRecord> {
  const r = await getRelease(releaseId);
  if (!r || r.studioId !== studio.studioId) throw notFound('No such release.');
  return r;
}

/** The detail of a release as it is now (after a change, pass the release just written). */
export async function studioReleaseDetail(studio: Studio, releaseId: string, known?: ReleaseRecord): Promise<ReleaseDetail> {
  const [r, events] = await Promise.all([known ?? studioRelease(studio, releaseId), getAuditTrail(releaseId)]);
  if (r.studioId !== studio.studioId) throw notFound('No such release.');
  return releaseDetail(r, events, verifyChain(r.releaseId, events, r.head));
}

const WAITING = ['pending', 'viewed'];

export async function clientReleases(studio: Studio, client: Client): Promise<ClientReleaseSummary[]> {
  const pointers = (await listClientPointers(client.clientId)).filter((p) => p.studioId === studio.studioId);
  const byId = new Map((await batchGetReleases(pointers.map((p) => p.releaseId))).map((r) => [r.releaseId, r] as const));
  return pointers
    .map((p) => clientReleaseSummary(studio, p, byId.get(p.releaseId)))
    .sort(
      (a, b) => Number(WAITING.includes(b.myState) && b.state !== 'expired') - Number(WAITING.includes(a.myState) && a.state !== 'expired'),
    );
}
