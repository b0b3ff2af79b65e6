// A studio's galleries: create and edit them, upload into them, and see what clients did.
import { randomUUID } from 'node:crypto';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectsCommand,
  HeadObjectCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  DeleteCommand,
  GetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { presignGet, s3 } from '../adapters/storage.ts';
import { config } from '../config.ts';
import { db, queryPrefix, tableName } from '../data/db.ts';
import { keys, withoutKeys } from '../data/keys.ts';
import { objects } from '../data/objects.ts';
import { badRequest, conflict, HttpError, notFound, unavailable } from '../http/errors.ts';
import type { UPLOAD_CONTENT_TYPES } from '../schemas.ts';
import { type Client, getClient, listClients } from './clients.ts';
import { createGallery, DEFAULT_RULES, type Gallery, type GalleryRules, type GalleryStatus, getGallery, rulesOf } from './galleries.ts';
import { loadGalleryContents, mark, publicLink, type SubmissionRecord } from './gallery-contents.ts';
import { getImage, type ImageRecord, imagePut, newImageRecord } from './images.ts';
import type { Studio } from './studios.ts';
import { cancellationCodes, conditionFailed } from './transactions.ts';

/** Files up to this size go up in one PUT; larger ones in parallel parts. */
export const SINGLE_PUT_LIMIT = 16 * 1024 * 1024;
const MIN_PART_SIZE = 8 * 1024 * 1024;
const UPLOAD_URL_TTL = 3600;

/** The studio's own gallery, or 404: another studio's gallery does not exist for it. */
export async function galleryOfStudio(studio: Studio, galleryId: string): Promise<Gallery> {
  const gallery = await getGallery(studio.studioId, galleryId);
  if (!gallery) throw notFound('No such gallery.');
  return gallery;
}

export async function studioGalleryView(
  gallery: Gallery,
  client: Pick<Client, 'name'> | null,
  extra?: { selectedCount: number; confirmedAt: string | null },
) {
  const rules = rulesOf(gallery);
  return {
    galleryId: gallery.galleryId,
    clientId: gallery.clientId,
    clientName: client?.name ?? 'Former client',
    projectId: gallery.projectId,
    title: gallery.title,
    status: gallery.status,
    shootDate: gallery.shootDate,
    deadline: gallery.deadline,
    welcomeNote: gallery.welcomeNote ?? '',
    tags: gallery.tags ?? [],
    rules,
    imageCount: gallery.imageCount,
    coverImageId: gallery.coverImageId ?? null,
    coverUrl: gallery.coverThumbKey ? await presignGet(gallery.coverThumbKey) : null,
    selectedCount: extra?.selectedCount ?? 0,
    confirmedAt: extra?.confirmedAt ?? null,
    createdAt: gallery.createdAt,
  };
}

export async function listStudioGalleries(studio: Studio) {
  const { PK, SKPrefix } = keys.studioGalleries(studio.studioId);
  const galleries = (await queryPrefix(PK, SKPrefix)).map((item) => withoutKeys(item) as Gallery);
  const [clientList, selections] = await Promise.all([listClients(studio.studioId), selectionsOf(galleries)]);
  const clients = new Map(clientList.map((c) => [c.clientId, c]));
  galleries.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return Promise.all(galleries.map((g) => studioGalleryView(g, clients.get(g.clientId) ?? null, selections.get(g.galleryId))));
}

/** Each gallery's selection state (count, confirmation), in batches of 100 keys. */
async function selectionsOf(galleries: Gallery[]): Promise<Map<string, { selectedCount: number; confirmedAt: string | null }>> {
  const found = new Map<string, { selectedCount: number; confirmedAt: string | null }>();
  for (let i = 0; i < galleries.length; i += 100) {
    let Keys: Record<string, unknown>[] | undefined = galleries.slice(i, i + 100).map((g) => keys.selection(g.galleryId, g.clientId));
    while (Keys?.length) {
      const out: BatchGetCommandOutput = await db().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys } } }));
      for (const item of out.Responses?.[tableName()] ?? []) {
        found.set((item.PK as string).slice('GALLERY#'.length), { selectedCount: item.count ?? 0, confirmedAt: item.confirmedAt ?? null });
      }
      Keys = out.UnprocessedKeys?.[tableName()]?.Keys;
    }
  }
  return found;
}

export async function createStudioGallery(
  studio: Studio,
  input: {
    clientId: string;
    projectId?: string | null;
    title: string;
    shootDate?: string | null;
    deadline?: string | null;
    welcomeNote?: string;
    tags?: string[];
    rules?: GalleryRules;
  },
) {
  // The client must be this studio's: an id from elsewhere is simply unknown here.
  const client = await getClient(studio.studioId, input.clientId);
  if (!client)
    throw new HttpError(404, 'not_found', 'No such client in your studio.', { fields: { clientId: ['is not one of your clients'] } });
  const gallery = await createGallery({
    studioId: studio.studioId,
    clientId: client.clientId,
    projectId: input.projectId ?? null,
    title: input.title,
    status: 'draft',
    shootDate: input.shootDate ?? null,
    deadline: input.deadline ?? null,
    welcomeNote: input.welcomeNote ?? '',
    tags: input.tags ?? [],
    rules: input.rules ?? DEFAULT_RULES,
    imageCount: 0,
    coverImageId: null,
    coverThumbKey: null,
  });
  return studioGalleryView(gallery, client);
}

export async function updateStudioGallery(
  studio: Studio,
  galleryId: string,
  changes: Partial<{
    title: string;
    shootDate: string | null;
    deadline: string | null;
    welcomeNote: string;
    tags: string[];
    rules: GalleryRules;
    status: GalleryStatus;
    coverImageId: string | null;
  }>,
) {
  const gallery = await galleryOfStudio(studio, galleryId);
  const set: Record<string, unknown> = { ...changes };
  if (changes.coverImageId !== undefined) {
    if (changes.coverImageId === null) set.coverThumbKey = null;
    else {
      const image = await getImage(galleryId, changes.coverImageId);
      // An image of another gallery (or studio) does not exist here; one still processing does.
      if (!image)
        throw new HttpError(404, 'not_found', 'No such image in this gallery.', {
          fields: { coverImageId: ['is not an image of this gallery'] },
        });
      if (image.status !== 'ready')
        throw badRequest('invalid_request', 'The cover must be a processed image of this gallery.', {
          coverImageId: ['is not a ready image of this gallery'],
        });
      set.coverThumbKey = image.derived?.thumb?.webp ?? null;
    }
  }
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const parts = Object.entries(set).map(([k, v], i) => {
    names[`#f${i}`] = k;
    values[`:v${i}`] = v;
    return `#f${i} = :v${i}`;
  });
  const out = await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.gallery(studio.studioId, galleryId),
      UpdateExpression: `SET ${parts.join(', ')}`,
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ReturnValues: 'ALL_NEW',
    }),
  );
  const updated = withoutKeys(out.Attributes ?? {}) as Gallery;
  return studioGalleryView(updated, await getClient(studio.studioId, gallery.clientId));
}

export async function studioGalleryDetail(studio: Studio, galleryId: string) {
  const gallery = await galleryOfStudio(studio, galleryId);
  const [contents, client] = await Promise.all([loadGalleryContents(galleryId), getClient(studio.studioId, gallery.clientId)]);
  const selection = contents.selections.get(gallery.clientId);
  const images = await Promise.all(
    contents.images.map(async (image) => ({
      imageId: image.imageId,
      fileName: image.fileName,
      status: image.status,
      failureReason: image.failureReason,
      width: image.width,
      height: image.height,
      takenAt: image.takenAt,
      thumbUrl: image.derived?.thumb?.webp ? await presignGet(image.derived.thumb.webp) : null,
      placeholder: image.placeholder,
      selected: contents.picks.has(mark(gallery.clientId, image.imageId)),
      favourite: contents.favourites.has(mark(gallery.clientId, image.imageId)),
      comments: contents.commentCounts.get(image.imageId) ?? 0,
    })),
  );
  return {
    gallery: await studioGalleryView(gallery, client, {
      selectedCount: selection?.count ?? 0,
      confirmedAt: selection?.confirmedAt ?? null,
    }),
    images,
  };
}

/** A file name safe to show, store and put in a Content-Disposition: no paths, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? 'image';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is removed here
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned.slice(0, 200) : 'image';
}

type UploadFile = { fileName: string; contentType: (typeof UPLOAD_CONTENT_TYPES)[number]; size: number };

export async function startUploads(studio: Studio, galleryId: string, files: UploadFile[]) {
  const gallery = await galleryOfStudio(studio, galleryId);
  if (gallery.status === 'archived') throw conflict('gallery_archived', 'This gallery is archived. Restore it before adding images.');
  const now = Date.now();
  // S3 first: a multipart upload that is never used is harmless (the bucket's lifecycle rule
  // aborts it), and its id belongs in the image record.
  const planned = await Promise.all(
    files.map(async (file, index) => {
      const imageId = randomUUID();
      const key = objects.original(studio.studioId, galleryId, imageId);
      const image = newImageRecord({
        imageId,
        galleryId,
        studioId: studio.studioId,
        fileName: cleanFileName(file.fileName),
        contentType: file.contentType,
        size: file.size,
        originalKey: key,
        position: now + index,
      });
      if (file.size <= SINGLE_PUT_LIMIT) return { file, image, uploadId: null };
      const created = await s3().send(
        new CreateMultipartUploadCommand({ Bucket: config.bucketName, Key: key, ContentType: file.contentType }),
      );
      const uploadId = created.UploadId as string;
      return { file, image: { ...image, multipartUploadId: uploadId } as ImageRecord, uploadId };
    }),
  );
  // Then the whole batch's records in one transaction (a batch holds at most 100 files, a
  // transaction 100 items): a failure leaves none of them, never half a batch to clean up.
  await db().send(new TransactWriteCommand({ TransactItems: planned.map(({ image }) => ({ Put: imagePut(image) })) }));
  return Promise.all(
    planned.map(async ({ file, image, uploadId }) => {
      const { imageId, originalKey: key } = image;
      if (uploadId === null) {
        const url = await getSignedUrl(
          s3(),
          new PutObjectCommand({ Bucket: config.bucketName, Key: key, ContentType: file.contentType, ContentLength: file.size }),
          { expiresIn: UPLOAD_URL_TTL },
        );
        return { imageId, put: { url, headers: { 'content-type': file.contentType } }, multipart: null };
      }
      const partSize = Math.max(MIN_PART_SIZE, Math.ceil(file.size / 10_000));
      const count = Math.ceil(file.size / partSize);
      const parts = await Promise.all(
        Array.from({ length: count }, async (_, i) => ({
          partNumber: i + 1,
          url: await getSignedUrl(
            s3(),
            new UploadPartCommand({ Bucket: config.bucketName, Key: key, UploadId: uploadId, PartNumber: i + 1 }),
            {
              expiresIn: UPLOAD_URL_TTL,
            },
          ),
        })),
      );
      return { imageId, put: null, multipart: { uploadId, partSize, parts } };
    }),
  );
}

export async function completeUpload(
  studio: Studio,
  galleryId: string,
  imageId: string,
  input: { uploadId?: string; parts?: Array<{ partNumber: number; etag: string }> },
) {
  await galleryOfStudio(studio, galleryId);
  const image = await getImage(galleryId, imageId);
  if (!image || image.studioId !== studio.studioId) throw notFound('No such upload.');
  const uploadId = (image as ImageRecord & { multipartUploadId?: string }).multipartUploadId;
  if (image.status === 'uploading') {
    if (uploadId) {
      if (!input.parts?.length || input.uploadId !== uploadId)
        throw badRequest('invalid_request', 'This upload needs its uploadId and parts.', {
          parts: ['are required for a multipart upload'],
        });
      try {
        await s3().send(
          new CompleteMultipartUploadCommand({
            Bucket: config.bucketName,
            Key: image.originalKey,
            UploadId: uploadId,
            MultipartUpload: {
              Parts: [...input.parts].sort((a, b) => a.partNumber - b.partNumber).map((p) => ({ PartNumber: p.partNumber, ETag: p.etag })),
            },
          }),
        );
      } catch (e) {
        if (e instanceof Error && ['InvalidPart', 'InvalidPartOrder', 'NoSuchUpload', 'EntityTooSmall'].includes(e.name)) {
          throw badRequest('upload_incomplete', `The upload could not be completed: ${e.message}`);
        }
        throw e;
      }
    } else {
      try {
        await s3().send(new HeadObjectCommand({ Bucket: config.bucketName, Key: image.originalKey }));
      } catch (e) {
        if (e instanceof Error && (e.name === 'NotFound' || e.name === 'NoSuchKey'))
          throw badRequest('upload_incomplete', 'The file has not arrived yet.');
        throw e;
      }
    }
    await db()
      .send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keys.image(galleryId, imageId),
          UpdateExpression: 'SET #status = :processing',
          ConditionExpression: '#status = :uploading',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':processing': 'processing', ':uploading': 'uploading' },
        }),
      )
      .catch((e) => {
        // The pipeline got there first: the image is already processed.
        if (!(e instanceof Error && e.name === 'ConditionalCheckFailedException')) throw e;
      });
  }
  const latest = (await getImage(galleryId, imageId)) as ImageRecord;
  return {
    imageId,
    fileName: latest.fileName,
    status: latest.status,
    failureReason: latest.failureReason,
    width: latest.width,
    height: latest.height,
    takenAt: latest.takenAt,
    thumbUrl: latest.derived?.thumb?.webp ? await presignGet(latest.derived.thumb.webp) : null,
    placeholder: latest.placeholder,
    selected: false,
    favourite: false,
    comments: 0,
  };
}

/**
 * Removes an image: its record, the client's marks on it and the gallery's count in one
 * transaction, which also writes a note of the files to delete; then the files; then the note.
 * S3 cannot join a DynamoDB transaction, so the note is what makes a failure between the two
 * recoverable: a retry finds the image gone but its note still there, and finishes the job,
 * instead of answering 404 and leaving the files behind for good.
 */
export async function deleteImage(studio: Studio, galleryId: string, imageId: string): Promise<void> {
  const gallery = await galleryOfStudio(studio, galleryId);
  const image = await getImage(galleryId, imageId);
  if (!image) {
    const pending = await db().send(
      new GetCommand({ TableName: tableName(), Key: keys.imageDeletion(galleryId, imageId), ConsistentRead: true }),
    );
    if (!pending.Item) throw notFound('No such image.');
    await removeImageObjects(galleryId, imageId, pending.Item as ImageDeletion);
    return;
  }
  const wasReady = image.status === 'ready';
  // Only the client's marks on this one image matter: three keys, not the whole gallery.
  const marks = await db().send(
    new BatchGetCommand({
      RequestItems: {
        [tableName()]: {
          Keys: [
            keys.pick(galleryId, gallery.clientId, imageId),
            keys.favourite(galleryId, gallery.clientId, imageId),
            keys.selection(galleryId, gallery.clientId),
          ],
          ConsistentRead: true,
        },
      },
    }),
  );
  const found = new Map((marks.Responses?.[tableName()] ?? []).map((item) => [item.SK as string, item]));
  const picked = found.has(keys.pick(galleryId, gallery.clientId, imageId).SK);
  const favourite = found.has(keys.favourite(galleryId, gallery.clientId, imageId).SK);
  const selection = found.get(keys.selection(galleryId, gallery.clientId).SK);
  if (picked && selection?.confirmedAt)
    throw conflict('image_in_confirmed_set', "This image is in the client's confirmed set and cannot be removed.");
  const uploadId = (image as ImageRecord & { multipartUploadId?: string }).multipartUploadId;
  const derived = Object.values(image.derived ?? {}).flatMap((formats) => Object.values(formats ?? {}));
  const deletion: ImageDeletion = {
    objectKeys: [image.originalKey, ...derived],
    multipartUploadId: uploadId && image.status === 'uploading' ? uploadId : null,
  };
  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          { Delete: { TableName: tableName(), Key: keys.image(galleryId, imageId), ConditionExpression: 'attribute_exists(PK)' } },
          {
            Put: {
              TableName: tableName(),
              Item: { ...keys.imageDeletion(galleryId, imageId), type: 'imageDeletion', imageId, ...deletion },
            },
          },
          ...(wasReady
            ? [
                {
                  Update: {
                    TableName: tableName(),
                    Key: keys.gallery(studio.studioId, galleryId),
                    UpdateExpression: 'ADD imageCount :minus',
                    ExpressionAttributeValues: { ':minus': -1 },
                  },
                },
              ]
            : []),
          // A selected image leaves the client's selection with it, so the count stays true.
          ...(picked
            ? [
                { Delete: { TableName: tableName(), Key: keys.pick(galleryId, gallery.clientId, imageId) } },
                {
                  Update: {
                    TableName: tableName(),
                    Key: keys.selection(galleryId, gallery.clientId),
                    UpdateExpression: 'SET #count = #count - :one',
                    ConditionExpression: 'attribute_not_exists(confirmedAt) AND #count > :zero',
                    ExpressionAttributeNames: { '#count': 'count' },
                    ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
                  },
                },
              ]
            : []),
          ...(favourite ? [{ Delete: { TableName: tableName(), Key: keys.favourite(galleryId, gallery.clientId, imageId) } }] : []),
        ],
      }),
    );
  } catch (e) {
    if (!conditionFailed(e)) throw e;
    // Something changed since the reads above: a concurrent removal, or the client confirmed.
    if (cancellationCodes(e)?.[0] === 'ConditionalCheckFailed') throw notFound('No such image.');
    throw conflict('image_in_confirmed_set', "This image is in the client's confirmed set and cannot be removed.");
  }
  await removeImageObjects(galleryId, imageId, deletion);
}

/** What a removal still has to delete from the bucket (kept until it is done). */
interface ImageDeletion {
  objectKeys: string[];
  multipartUploadId: string | null;
}

async function removeImageObjects(galleryId: string, imageId: string, deletion: ImageDeletion): Promise<void> {
  const [originalKey] = deletion.objectKeys;
  if (deletion.multipartUploadId && originalKey) {
    await s3()
      .send(new AbortMultipartUploadCommand({ Bucket: config.bucketName, Key: originalKey, UploadId: deletion.multipartUploadId }))
      .catch(() => undefined);
  }
  const out = await s3().send(
    new DeleteObjectsCommand({ Bucket: config.bucketName, Delete: { Objects: deletion.objectKeys.map((Key) => ({ Key })) } }),
  );
  // DeleteObjects answers 200 even when some keys failed: those must be retried, so the note stays.
  if (out.Errors?.length) throw unavailable();
  await db().send(new DeleteCommand({ TableName: tableName(), Key: keys.imageDeletion(galleryId, imageId) }));
}

export function submissionsOf(contents: { submissions: SubmissionRecord[] }) {
  return contents.submissions.map(({ imageIds: _ids, ...rest }) => rest);
}

export async function gallerySubmissions(studio: Studio, galleryId: string) {
  await galleryOfStudio(studio, galleryId);
  return submissionsOf(await loadGalleryContents(galleryId));
}

/** One row per image: what a spreadsheet or a photo tool wants. Cells that could be formulas are defused. */
export function submissionCsv(submission: SubmissionRecord): string {
  const cell = (v: string) => {
    const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const rows = [
    ['file_name', 'client', 'email', 'confirmed_at'],
    ...submission.fileNames.map((f) => [f, submission.clientName, submission.clientEmail, submission.confirmedAt]),
  ];
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

export async function findSubmission(studio: Studio, galleryId: string, submissionId: string): Promise<SubmissionRecord> {
  await galleryOfStudio(studio, galleryId);
  const submission = (await loadGalleryContents(galleryId)).submissions.find((s) => s.submissionId === submissionId);
  if (!submission) throw notFound('No such submission.');
  return submission;
}

/** Views and downloads per client, and how each share link was used. */
export async function galleryActivity(studio: Studio, galleryId: string) {
  await galleryOfStudio(studio, galleryId);
  const contents = await loadGalleryContents(galleryId);
  const clients = new Map((await listClients(studio.studioId)).map((c) => [c.clientId, c.name]));
  return {
    clients: contents.activity.map((a) => ({
      clientId: a.clientId,
      clientName: clients.get(a.clientId) ?? 'Former client',
      views: a.views ?? 0,
      downloads: a.downloads ?? 0,
      lastViewAt: a.lastViewAt ?? null,
      lastDownloadAt: a.lastDownloadAt ?? null,
    })),
    shareLinks: contents.shareLinks.map((l) => publicLink(l)),
  };
}
