// The deliverables' calls, by host: the same review page runs on the dashboard and on a portal.
import { call } from '../../lib/api.ts';
import type { Ok } from '../../lib/types.ts';

export type Detail = Ok<'getStudioDeliverable'>['deliverable'];
export type Version = Detail['versions'][number];
export type Comment = Detail['comments'][number];
export type Pin = NonNullable<Comment['pin']>;
export type Host = 'studio' | 'portal';

export const deliverableIdsFromPath = (pathname: string): { projectId: string; deliverableId: string } | null => {
  const m = /^\/projects\/([0-9a-f-]{36})\/deliverables\/([0-9a-f-]{36})\/?$/i.exec(pathname);
  return m ? { projectId: (m[1] as string).toLowerCase(), deliverableId: (m[2] as string).toLowerCase() } : null;
};

export type Ids = { projectId: string; deliverableId: string };

export type Person = Ok<'getStudioDeliverable'>['people'][number];

/** The deliverable and the people its threads may mention. */
export const getReview = (host: Host, params: Ids) =>
  host === 'studio' ? call('getStudioDeliverable', { params }) : call('getClientDeliverable', { params });

export const getDeliverable = (host: Host, params: Ids) => getReview(host, params).then((r) => r.deliverable);

export const resolveComment = (host: Host, params: Ids & { version: string; deliverableCommentId: string }, resolved: boolean) =>
  (host === 'studio'
    ? call('resolveDeliverableComment', { params, body: { resolved } })
    : call('reopenClientDeliverableComment', { params, body: { resolved } })
  ).then((r) => r.comment);

export const addComment = (
  host: Host,
  params: Ids & { version: string },
  body: { text: string; pin?: Pin; parentId?: string; mentions?: string[] },
) =>
  (host === 'studio' ? call('addStudioDeliverableComment', { params, body }) : call('addClientDeliverableComment', { params, body })).then(
    (r) => r.comment,
  );

export const downloadVersion = (host: Host, params: Ids & { version: string }) =>
  host === 'studio' ? call('downloadStudioDeliverable', { params }) : call('downloadClientDeliverable', { params });
