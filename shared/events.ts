// The object-created event table: which Lambda handles new objects under which key prefix. Like
// the route table, it is the single source for the CDK (S3 → Lambda) and for the local stack,
// where the local S3's object-created hook calls the same handler with the same S3 event.
// Each handler lives in functions/<feature>/<id>.ts and exports `handler`.
import { PREFIX } from './data/objects.ts';
import { PREVIEW_EVENT_SETTINGS } from './features/previews/index.ts';
import type { Grant } from './route-def.ts';

export interface ObjectEventDef {
  id: string;
  /** The folder under shared/features/ (and functions/) the handler belongs to. */
  feature: string;
  prefix: string;
  summary: string;
  grants: readonly Grant[];
  memorySize: number;
  timeoutSeconds: number;
  /** npm packages with native binaries the handler needs: installed beside the bundle for Lambda's linux-arm64. */
  nativeModules?: readonly string[];
  /** Folders (from the repository root) the handler reads at run time, copied into the bundle's root. */
  assets?: readonly string[];
}

export const objectEvents = {
  processImage: {
    id: 'processImage',
    feature: 'uploads',
    prefix: PREFIX.originals,
    summary: 'Image pipeline: EXIF, auto-rotate, thumbnails and previews (WebP + JPEG), placeholder, watermark',
    grants: ['table:write', 'bucket:write'],
    memorySize: 2048,
    timeoutSeconds: 120,
    nativeModules: ['sharp'],
    // The watermark's font: Lambda has no system fonts (shared/features/uploads/pipeline.ts).
    assets: ['shared/features/uploads/fonts'],
  },
  processLogo: {
    id: 'processLogo',
    feature: 'branding',
    prefix: PREFIX.logoUploads,
    summary: "Logo pipeline: checks the upload is a PNG, JPEG or WebP image, makes the portal's and the emails' sizes, applies it",
    grants: ['table:write', 'bucket:write'],
    // A logo is at most 5 MB and 40 MP (shared/features/branding/logo-pipeline.ts): one decode per size.
    memorySize: 1024,
    timeoutSeconds: 30,
    nativeModules: ['sharp'],
  },
  processProjectFile: {
    id: 'processProjectFile',
    feature: 'files',
    prefix: PREFIX.projectFiles,
    summary:
      'Project files: holds an upload to its ticket (size, type), makes its preview (image, PDF pages, video poster), marks the version ready',
    grants: ['table:write', 'bucket:write'],
    ...PREVIEW_EVENT_SETTINGS,
  },
  buildZip: {
    id: 'buildZip',
    feature: 'downloads',
    prefix: PREFIX.zipJobs,
    summary: 'Streams the requested images into one ZIP in the bucket, with progress',
    grants: ['table:write', 'bucket:write'],
    memorySize: 1024,
    timeoutSeconds: 900,
  },
  processDeliverable: {
    id: 'processDeliverable',
    feature: 'deliverables',
    prefix: PREFIX.deliverableUploads,
    summary: 'Deliverable versions: holds the upload to its ticket, makes its previews (image, PDF pages, video poster), marks it ready',
    grants: ['table:write', 'bucket:write'],
    ...PREVIEW_EVENT_SETTINGS,
  },
  deliverNotes: {
    id: 'deliverNotes',
    feature: 'notifications',
    prefix: PREFIX.notifyJobs,
    summary: "Notes off the request path: writes a stored notify job's notes, tells the recipients' open pages, removes the job",
    grants: ['table:write', 'bucket:write', 'sockets:post'],
    memorySize: 512,
    timeoutSeconds: 60,
  },
  renderReleasePages: {
    id: 'renderReleasePages',
    feature: 'releases',
    prefix: PREFIX.releaseDocuments,
    summary: "The page images of a release's document, rendered from its exact bytes",
    grants: ['table:write', 'bucket:write'],
    ...PREVIEW_EVENT_SETTINGS,
  },
} as const satisfies Record<string, ObjectEventDef>;

export const objectEventList: ObjectEventDef[] = Object.values(objectEvents);
