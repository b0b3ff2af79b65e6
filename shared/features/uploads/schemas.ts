// Upload tickets: presigned PUTs for small files, presigned multipart parts for large ones.
import * as z from 'zod/mini';
import { Int, IntBetween, named } from '../../schemas.ts';
import { MAX_UPLOAD_BYTES, TICKETS_PER_REQUEST, UPLOAD_CONTENT_TYPES } from './constants.ts';

export const UploadFile = z.strictObject({
  fileName: z.string().check(
    z.minLength(1),
    z.maxLength(200),
    // biome-ignore lint/suspicious/noControlCharactersInRegex: path separators and control characters are what is refused
    z.refine((n) => !/[/\\\u0000-\u001f]/.test(n) && n !== '.' && n !== '..', { error: 'must be a plain file name' }),
  ),
  contentType: z.enum(UPLOAD_CONTENT_TYPES, { error: `must be one of ${UPLOAD_CONTENT_TYPES.join(', ')}` }),
  size: z.int().check(z.gte(1), z.lte(MAX_UPLOAD_BYTES, { error: 'files are limited to 200 MB' })),
});
export type UploadFile = z.infer<typeof UploadFile>;
export const CreateUploadsBody = z.strictObject({ files: z.array(UploadFile).check(z.minLength(1), z.maxLength(TICKETS_PER_REQUEST)) });

export const UploadTicket = named(
  z.object({
    imageId: z.string(),
    /** Small files: one presigned PUT. */
    put: z.nullable(z.object({ url: z.string(), headers: z.record(z.string(), z.string()) })),
    /** Large files: presigned multipart parts, uploaded in parallel, then completed. */
    multipart: z.nullable(
      z.object({
        uploadId: z.string(),
        partSize: Int,
        parts: z.array(z.object({ partNumber: Int, url: z.string() })),
      }),
    ),
  }),
  'UploadTicket',
);
export type UploadTicket = z.infer<typeof UploadTicket>;

export const CompleteUploadBody = z.strictObject({
  uploadId: z.optional(z.string().check(z.minLength(1), z.maxLength(1024))),
  parts: z.optional(
    z
      .array(z.strictObject({ partNumber: IntBetween(1, 10_000), etag: z.string().check(z.minLength(1), z.maxLength(200)) }))
      .check(z.maxLength(10_000)),
  ),
});
