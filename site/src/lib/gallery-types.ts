// Wire types of the gallery, proofing, upload and share-link routes, read off the shared route table
// (type-only imports: no zod in the browser). Kept apart from types.ts, which belongs to the portal basics.
import type { Ok } from './types.ts';

export type StudioGallery = Ok<'getStudioGallery'>['gallery'];
export type GalleryRules = StudioGallery['rules'];
export type StudioGalleryStatus = StudioGallery['status'];
export type StudioImage = Ok<'getStudioGallery'>['images'][number];
export type ImageStatus = StudioImage['status'];
export type ClientGalleryDetail = Ok<'getClientGallery'>['gallery'];
export type ClientImage = Ok<'getClientGallery'>['images'][number];
export type ClientGalleryStatus = ClientGalleryDetail['status'];
export type Permissions = ClientGalleryDetail['can'];
export type Comment = Ok<'listComments'>['comments'][number];
export type Submission = Ok<'listSubmissions'>['submissions'][number];
export type ZipJob = Ok<'getGalleryZip'>['job'];
export type ShareLink = Ok<'listShareLinks'>['links'][number];
export type SharedGallery = Ok<'openSharedGallery'>['gallery'];
export type SharedImage = Ok<'openSharedGallery'>['images'][number];
export type GalleryActivity = Ok<'getGalleryActivity'>;
export type UploadTicket = Ok<'createUpload'>['tickets'][number];
