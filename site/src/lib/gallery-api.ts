// The gallery, proofing, upload and share-link calls, through the same fetch wrapper as the rest
// of the site (same-origin JSON, one session refresh on a 401).
import { request } from './api.ts';
import type { Body, Ok } from './types.ts';

type Verb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * api.ts's request() types its method as GET | POST | DELETE, but hands any method to fetch: the
 * proofing routes need PUT and PATCH as well (widening that type there would make this cast moot).
 */
const call = <T>(path: string, method: Verb, body?: unknown, auth = true): Promise<T> =>
  request<T>(path, { method: method as 'POST', body, auth });

const id = encodeURIComponent;
const studio = (galleryId: string) => `/api/studio/galleries/${id(galleryId)}`;
const portal = (galleryId: string) => `/api/portal/galleries/${id(galleryId)}`;

export const galleryApi = {
  // dashboard host
  list: () => call<Ok<'listStudioGalleries'>>('/api/studio/galleries', 'GET'),
  create: (body: Body<'createGallery'>) => call<Ok<'createGallery'>>('/api/studio/galleries', 'POST', body),
  get: (galleryId: string) => call<Ok<'getStudioGallery'>>(studio(galleryId), 'GET'),
  update: (galleryId: string, body: Body<'updateGallery'>) => call<Ok<'updateGallery'>>(studio(galleryId), 'PATCH', body),
  createUploads: (galleryId: string, body: Body<'createUpload'>) => call<Ok<'createUpload'>>(`${studio(galleryId)}/uploads`, 'POST', body),
  completeUpload: (galleryId: string, imageId: string, body: Body<'completeUpload'>) =>
    call<Ok<'completeUpload'>>(`${studio(galleryId)}/uploads/${id(imageId)}/complete`, 'POST', body),
  deleteImage: (galleryId: string, imageId: string) => call<void>(`${studio(galleryId)}/images/${id(imageId)}`, 'DELETE'),
  submissions: (galleryId: string) => call<Ok<'listSubmissions'>>(`${studio(galleryId)}/submissions`, 'GET'),
  submissionCsvUrl: (galleryId: string, submissionId: string) => `${studio(galleryId)}/submissions/${id(submissionId)}/csv`,
  shareLinks: (galleryId: string) => call<Ok<'listShareLinks'>>(`${studio(galleryId)}/share-links`, 'GET'),
  createShareLink: (galleryId: string, body: Body<'createShareLink'>) =>
    call<Ok<'createShareLink'>>(`${studio(galleryId)}/share-links`, 'POST', body),
  revokeShareLink: (galleryId: string, linkId: string) => call<void>(`${studio(galleryId)}/share-links/${id(linkId)}`, 'DELETE'),
  activity: (galleryId: string) => call<Ok<'getGalleryActivity'>>(`${studio(galleryId)}/activity`, 'GET'),
  // portal hosts, signed-in client
  proofing: (galleryId: string) => call<Ok<'getClientGallery'>>(portal(galleryId), 'GET'),
  setFavourite: (galleryId: string, imageId: string, favourite: boolean) =>
    call<Ok<'setFavourite'>>(`${portal(galleryId)}/images/${id(imageId)}/favourite`, 'PUT', { favourite }),
  setSelected: (galleryId: string, imageId: string, selected: boolean) =>
    call<Ok<'setSelection'>>(`${portal(galleryId)}/images/${id(imageId)}/selection`, 'PUT', { selected }),
  comments: (galleryId: string, imageId: string) => call<Ok<'listComments'>>(`${portal(galleryId)}/images/${id(imageId)}/comments`, 'GET'),
  addComment: (galleryId: string, imageId: string, text: string) =>
    call<Ok<'addComment'>>(`${portal(galleryId)}/images/${id(imageId)}/comments`, 'POST', { text }),
  confirm: (galleryId: string) => call<Ok<'confirmSelection'>>(`${portal(galleryId)}/confirm`, 'POST'),
  download: (galleryId: string, imageId: string) => call<Ok<'downloadImage'>>(`${portal(galleryId)}/images/${id(imageId)}/download`, 'GET'),
  requestZip: (galleryId: string, scope: 'all' | 'selected') =>
    call<Ok<'requestGalleryZip'>>(`${portal(galleryId)}/zip`, 'POST', { scope }),
  zipStatus: (galleryId: string, jobId: string) => call<Ok<'getGalleryZip'>>(`${portal(galleryId)}/zip/${id(jobId)}`, 'GET'),
  // portal hosts, anyone with a share link (no session: a 401 means a password is needed)
  openShare: (body: Body<'openSharedGallery'>) => call<Ok<'openSharedGallery'>>('/api/share/gallery', 'POST', body, false),
  shareDownload: (body: Body<'downloadSharedImage'>) => call<Ok<'downloadSharedImage'>>('/api/share/download', 'POST', body, false),
};

/** The gallery id of a detail page, from its address (/galleries/<uuid>). */
export function galleryIdFromPath(pathname: string): string | null {
  const m = /^\/galleries\/([0-9a-f-]{36})\/?$/i.exec(pathname);
  return m ? (m[1] as string).toLowerCase() : null;
}
