// The branding feature's requests: the studio record's branding fields (keyed through the studios
// feature's key builders), the logo's upload ticket and its files.
import { DeleteObjectsCommand, GetObjectCommand, NoSuchKey, PutObjectCommand } from '@aws-sdk/client-s3';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { s3 } from '../../adapters/storage.ts';
import { config } from '../../config.ts';
import { db, tableName } from '../../data/db.ts';
import { withoutKeys } from '../../data/records.ts';
import { conditionalCheckFailed } from '../../data/transactions.ts';
import { keys, type Studio } from '../studios/index.ts';

type BrandingFields = Partial<Pick<Studio, 'name' | 'accentColor' | 'welcomeMessage' | 'supportEmail'>>;

/** Sets the given branding fields; null when the studio is gone. */
export async function updateStudioBranding(studioId: string, fields: BrandingFields): Promise<Studio | null> {
  const entries = Object.entries(fields).filter(([, v]) => v !== undefined);
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.studio(studioId),
        UpdateExpression: `SET ${entries.map(([k]) => `#${k} = :${k}`).join(', ')}`,
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: Object.fromEntries(entries.map(([k]) => [`#${k}`, k])),
        ExpressionAttributeValues: Object.fromEntries(entries.map(([k, v]) => [`:${k}`, v])),
        ReturnValues: 'ALL_NEW',
      }),
    );
    return withoutKeys(out.Attributes ?? {}) as Studio;
  } catch (e) {
    if (conditionalCheckFailed(e)) return null;
    throw e;
  }
}

/**
 * Points the studio at a logo (or at none: nulls), on condition that nothing newer was applied:
 * `issuedAt` is the ticket's time (or the removal's), so an older upload finishing late loses.
 * The studio as it was (to delete the files it no longer uses), or null when the condition failed.
 */
export async function setStudioLogo(
  studioId: string,
  logo: { logoKey: string | null; logoEmailKey: string | null; issuedAt: number },
): Promise<{ before: Studio; after: Studio } | null> {
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.studio(studioId),
        UpdateExpression: 'SET logoKey = :logo, logoEmailKey = :email, logoIssuedAt = :at',
        ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(logoIssuedAt) OR logoIssuedAt < :at)',
        ExpressionAttributeValues: { ':logo': logo.logoKey, ':email': logo.logoEmailKey, ':at': logo.issuedAt },
        ReturnValues: 'ALL_OLD',
      }),
    );
    const before = withoutKeys(out.Attributes ?? {}) as Studio;
    return { before, after: { ...before, logoKey: logo.logoKey, logoEmailKey: logo.logoEmailKey, logoIssuedAt: logo.issuedAt } };
  } catch (e) {
    if (conditionalCheckFailed(e)) return null;
    throw e;
  }
}

/** A presigned PUT held to its type and size (both signed headers: S3 refuses any other). */
export async function presignLogoPut(key: string, contentType: string, size: number, expiresIn: number): Promise<string> {
  return getSignedUrl(s3(), new PutObjectCommand({ Bucket: config.bucketName, Key: key, ContentType: contentType, ContentLength: size }), {
    expiresIn,
    signableHeaders: new Set(['content-type', 'content-length']),
  });
}

/** An uploaded logo's bytes and stored type, or null when it is not there. */
export async function readLogoUpload(key: string): Promise<{ body: Buffer; contentType: string | null } | null> {
  try {
    const out = await s3().send(new GetObjectCommand({ Bucket: config.bucketName, Key: key }));
    if (!out.Body) return null;
    const bytes = await out.Body.transformToByteArray();
    return { body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), contentType: out.ContentType ?? null };
  } catch (e) {
    if (e instanceof NoSuchKey || (e as { name?: string }).name === 'NoSuchKey') return null;
    throw e;
  }
}

/** A derived logo file: its key names its upload, so its content never changes (cache it for good). */
export async function putLogoFile(key: string, body: Buffer, contentType: string): Promise<void> {
  await s3().send(
    new PutObjectCommand({
      Bucket: config.bucketName,
      Key: key,
      Body: body,
      ContentType: contentType,
      CacheControl: 'public, max-age=31536000, immutable',
    }),
  );
}

export async function deleteLogoObjects(objectKeys: string[]): Promise<void> {
  if (!objectKeys.length) return;
  await s3().send(new DeleteObjectsCommand({ Bucket: config.bucketName, Delete: { Objects: objectKeys.map((Key) => ({ Key })) } }));
}
