// Downloads: one image's short-lived link, or a ZIP built in the background with progress.
import * as z from 'zod/mini';
import { Int, named, Uuid } from '../../schemas.ts';

export const ZIP_SCOPES = ['all', 'selected'] as const;
export const ZIP_STATUSES = ['queued', 'running', 'ready', 'failed'] as const;
export const ZipBody = z.strictObject({ scope: z.enum(ZIP_SCOPES) });
export const ZipParams = z.strictObject({ galleryId: Uuid, jobId: Uuid });
export const ZipJobStatus = named(
  z.object({
    jobId: z.string(),
    status: z.enum(ZIP_STATUSES),
    filesDone: Int,
    totalFiles: Int,
    bytesDone: z.number(),
    totalBytes: z.nullable(z.number()),
    url: z.nullable(z.string()),
    error: z.nullable(z.string()),
  }),
  'ZipJob',
);
export type ZipJobStatus = z.infer<typeof ZipJobStatus>;
export const DownloadLink = z.object({ url: z.string(), fileName: z.string() });
