// What the API takes and says about a project's shared files.
import * as z from 'zod/mini';
import { HeaderSafeText, Int, IntBetween, MediaType, named, PlainFileName, Uuid } from '../../schemas.ts';
import { Preview } from '../previews/index.ts';
import { FILE_LIMITS, VERSION_STATUSES } from './constants.ts';

/** A version number as the path carries it: digits, no sign, no leading zero. */
const VersionParam = z.pipe(
  z.string().check(z.regex(/^[1-9][0-9]{0,3}$/, { error: `must be a version number from 1 to ${FILE_LIMITS.versions}` })),
  z.transform((s) => Number(s)),
);

export const FilesParams = z.strictObject({ projectId: Uuid });
export const FolderParams = z.strictObject({ projectId: Uuid, folderId: Uuid });
export const FileParams = z.strictObject({ projectId: Uuid, fileId: Uuid });
export const VersionParams = z.strictObject({ projectId: Uuid, fileId: Uuid, version: VersionParam });

const FolderName = HeaderSafeText(1, 80);
const FileTitle = HeaderSafeText(1, 200);

export const CreateFolderBody = z.strictObject({ name: FolderName, clientUploads: z.optional(z.boolean()) });
export const UpdateFolderBody = z
  .strictObject({ name: z.optional(FolderName), clientUploads: z.optional(z.boolean()) })
  .check(z.refine((b) => Object.keys(b).length > 0, { error: 'name at least one field to change' }));

/** Bytes; the limits (FILE_MAX_BYTES, CLIENT_FILE_MAX_BYTES) are runtime settings the domain applies. */
const Size = z.int().check(z.gte(0), z.lte(Number.MAX_SAFE_INTEGER));

const UploadFields = { fileName: PlainFileName, contentType: MediaType, size: Size };

export const StudioUploadBody = z.strictObject({ folderId: Uuid, ...UploadFields, shared: z.optional(z.boolean()) });
export type StudioUploadBody = z.output<typeof StudioUploadBody>;
export const ClientUploadBody = z.strictObject({ folderId: Uuid, ...UploadFields });
export type ClientUploadBody = z.output<typeof ClientUploadBody>;
export const NewVersionBody = z.strictObject(UploadFields);
export type NewVersionBody = z.output<typeof NewVersionBody>;

export const CompleteFileBody = z.strictObject({
  uploadId: z.optional(z.string().check(z.minLength(1), z.maxLength(1024))),
  parts: z.optional(
    z
      .array(z.strictObject({ partNumber: IntBetween(1, 10_000), etag: z.string().check(z.minLength(1), z.maxLength(200)) }))
      .check(z.maxLength(10_000)),
  ),
});
export type CompleteFileBody = z.output<typeof CompleteFileBody>;

export const UpdateFileBody = z
  .strictObject({ name: z.optional(FileTitle), folderId: z.optional(Uuid), shared: z.optional(z.boolean()) })
  .check(z.refine((b) => Object.keys(b).length > 0, { error: 'name at least one field to change' }));
export type UpdateFileBody = z.output<typeof UpdateFileBody>;

// ---------------------------------------------------------------------------------------------
// Answers.

export const FileTicket = named(
  z.object({
    put: z.nullable(z.object({ url: z.string(), headers: z.record(z.string(), z.string()) })),
    multipart: z.nullable(
      z.object({ uploadId: z.string(), partSize: Int, parts: z.array(z.object({ partNumber: Int, url: z.string() })) }),
    ),
  }),
  'FileTicket',
);

const UploaderView = z.object({ kind: z.enum(['studio', 'client']), name: z.string() });

export const FileVersion = named(
  z.object({
    version: Int,
    fileName: z.string(),
    contentType: z.string(),
    size: Int,
    status: z.enum(VERSION_STATUSES),
    /** Why the upload was refused (failed), for the studio. */
    failureReason: z.nullable(z.string()),
    preview: z.nullable(Preview),
    /** A presigned URL of the preview's thumb (image, PDF page 1, video poster), or null. */
    thumbUrl: z.nullable(z.string()),
    uploadedBy: UploaderView,
    createdAt: z.string(),
  }),
  'FileVersion',
);
export type FileVersion = z.infer<typeof FileVersion>;

const fileFields = {
  fileId: z.string(),
  folderId: z.string(),
  name: z.string(),
  uploadedBy: UploaderView,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The newest version there is to show (null while the first is still uploading). */
  current: z.nullable(FileVersion),
  /** Every version shown, newest first. */
  versions: z.array(FileVersion),
};

export const StudioFile = named(z.object({ ...fileFields, shared: z.boolean(), sharedAt: z.nullable(z.string()) }), 'StudioProjectFile');
export type StudioFile = z.infer<typeof StudioFile>;
export const ClientFile = named(z.object({ ...fileFields, mine: z.boolean() }), 'ClientProjectFile');
export type ClientFile = z.infer<typeof ClientFile>;

export const StudioFolder = named(
  z.object({ folderId: z.string(), name: z.string(), clientUploads: z.boolean(), fileCount: Int, createdAt: z.string() }),
  'StudioProjectFolder',
);
export type StudioFolder = z.infer<typeof StudioFolder>;
export const ClientFolder = named(z.object({ folderId: z.string(), name: z.string(), clientUploads: z.boolean() }), 'ClientProjectFolder');

/** What the upload control writes beside itself: the caller's limits. */
export const UploadLimits = named(
  z.object({
    maxBytes: Int,
    /** null: any type (the studio). */
    contentTypes: z.nullable(z.array(z.string())),
    /** Bytes this caller may upload per hour, or null when no hourly budget applies. */
    bytesPerHour: z.nullable(Int),
  }),
  'FileUploadLimits',
);
export type UploadLimits = z.infer<typeof UploadLimits>;

export const StudioFilesTab = z.object({ folders: z.array(StudioFolder), files: z.array(StudioFile), limits: UploadLimits });
export const ClientFilesTab = z.object({ folders: z.array(ClientFolder), files: z.array(ClientFile), limits: UploadLimits });
export const StudioUploadAnswer = z.object({ file: StudioFile, version: Int, ticket: FileTicket });
export const ClientUploadAnswer = z.object({ file: ClientFile, version: Int, ticket: FileTicket });
export const DownloadAnswer = z.object({ url: z.string(), fileName: z.string() });
