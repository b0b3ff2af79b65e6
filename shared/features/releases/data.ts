// Releases' DynamoDB and S3 requests. Keys only through records.ts (and the object keys of
// shared/data/objects.ts). Every change to a release after its creation is one transaction on
// condition that the chain head is still the one its writer read: the audit trail stays one line.
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand } from '@aws-sdk/client-s3';
import { BatchGetCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { s3 } from '../../adapters/storage.ts';
import { config } from '../../config.ts';
import { db, queryPage, queryPrefix, tableName } from '../../data/db.ts';
import { withoutKeys } from '../../data/records.ts';
import { conditionalCheckFailed, type TransactItem, transact } from '../../data/transactions.ts';
import type { Page, PageRequest } from '../../paging.ts';
import {
  type AuditRecord,
  type GateRecord,
  keys,
  type ReleaseRecord,
  type SealRecord,
  type SignerPointer,
  type SigningLinkRecord,
  type TemplateRecord,
} from './records.ts';

/** Another write moved the chain on between our read and our write: read again and retry. */
export class ChainMoved extends Error {}

/** One more write of a release's transaction (built here: the domain only passes them along). */
export type WriteItem = TransactItem;

const table = () => tableName();

// ── Templates ───────────────────────────────────────────────────────────────────────────────────

export async function putTemplate(t: TemplateRecord): Promise<void> {
  await db().send(
    new PutCommand({ TableName: table(), Item: { ...keys.template(t.studioId, t.templateId), type: 'releaseTemplate', ...t } }),
  );
}

export async function getTemplate(studioId: string, templateId: string): Promise<TemplateRecord | null> {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.template(studioId, templateId) }));
  return out.Item ? (withoutKeys(out.Item) as TemplateRecord) : null;
}

export async function listTemplates(studioId: string): Promise<TemplateRecord[]> {
  const { PK, SKPrefix } = keys.studioTemplates(studioId);
  return (await queryPrefix(PK, SKPrefix)).map((i) => withoutKeys(i) as TemplateRecord);
}

/** False when there was no such template. */
export async function deleteTemplate(studioId: string, templateId: string): Promise<boolean> {
  try {
    await db().send(
      new DeleteCommand({ TableName: table(), Key: keys.template(studioId, templateId), ConditionExpression: 'attribute_exists(PK)' }),
    );
    return true;
  } catch (e) {
    if (conditionalCheckFailed(e)) return false;
    throw e;
  }
}

// ── Releases ────────────────────────────────────────────────────────────────────────────────────

/** META without the page images, which live in their own item (setDocumentPages). */
const metaItem = (r: ReleaseRecord) => ({
  ...keys.release(r.releaseId),
  ...keys.studioReleasesIndex(r.studioId, r.createdAt, r.releaseId),
  type: 'release',
  ...r,
  document: { ...r.document, pages: null },
});
const auditPut = (e: AuditRecord): TransactItem => ({
  Put: { TableName: table(), Item: { ...keys.audit(e.releaseId, e.seq), ...e }, ConditionExpression: 'attribute_not_exists(PK)' },
});

/** A new release and its first events. */
export async function putNewRelease(r: ReleaseRecord, events: AuditRecord[]): Promise<void> {
  const refused = await transact([
    { Put: { TableName: table(), Item: metaItem(r), ConditionExpression: 'attribute_not_exists(PK)' } },
    ...events.map(auditPut),
  ]);
  if (refused) throw new Error(`Release ${r.releaseId} exists already`);
}

/**
 * Writes the release as it is now, its new events and the writes that go with them, on condition
 * that its chain head is still `prevSeq` (and each event's key is new). ChainMoved when another
 * write came first; the extras' own conditions failing is that too (the caller reads again).
 */
export async function commitRelease(r: ReleaseRecord, prevSeq: number, events: AuditRecord[], extras: TransactItem[] = []): Promise<void> {
  // transact() retries a collision itself and answers a failed condition's codes instead of throwing.
  const refused = await transact([
    {
      Put: {
        TableName: table(),
        Item: metaItem(r),
        ConditionExpression: '#head.#seq = :prev',
        ExpressionAttributeNames: { '#head': 'head', '#seq': 'seq' },
        ExpressionAttributeValues: { ':prev': prevSeq },
      },
    },
    ...events.map(auditPut),
    ...extras,
  ]);
  if (refused) throw new ChainMoved();
}

/** The page images made of a release's document (a write of its own: META may be changing meanwhile). */
export async function setDocumentPages(releaseId: string, pages: { key: string; width: number; height: number }[]): Promise<void> {
  await db().send(
    new PutCommand({ TableName: table(), Item: { ...keys.releasePages(releaseId), type: 'releasePages', releaseId, pages } }),
  );
}

/** META and the page images in one Query: their sort keys are neighbours, before the signer pointers (records.ts). */
export async function getRelease(releaseId: string): Promise<ReleaseRecord | null> {
  const meta = keys.release(releaseId);
  const out = await db().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :meta AND :pages',
      ExpressionAttributeValues: { ':pk': meta.PK, ':meta': meta.SK, ':pages': keys.releasePages(releaseId).SK },
      ConsistentRead: true,
    }),
  );
  const item = out.Items?.find((i) => i.SK === meta.SK);
  if (!item) return null;
  const r = withoutKeys(item) as ReleaseRecord;
  const pages = out.Items?.find((i) => i.SK !== meta.SK)?.pages as ReleaseRecord['document']['pages'] | undefined;
  return { ...r, document: { ...r.document, pages: pages ?? null } };
}

/** Several releases' META (without page images) in BatchGetItem requests of 100, for lists. */
export async function batchGetReleases(releaseIds: string[]): Promise<ReleaseRecord[]> {
  const found: ReleaseRecord[] = [];
  for (let i = 0; i < releaseIds.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead?: boolean }> | undefined = {
      [table()]: { Keys: releaseIds.slice(i, i + 100).map((id) => keys.release(id)) },
    };
    while (request && Object.keys(request).length > 0) {
      const out = await db().send(new BatchGetCommand({ RequestItems: request }));
      found.push(...(out.Responses?.[table()] ?? []).map((item) => withoutKeys(item) as ReleaseRecord));
      request = out.UnprocessedKeys as typeof request;
    }
  }
  return found;
}

/** The audit trail in sequence order (as stored: the chain check is what proves it whole). */
export async function getAuditTrail(releaseId: string): Promise<AuditRecord[]> {
  const { PK, SKPrefix } = keys.auditTrail(releaseId);
  return (await queryPrefix(PK, SKPrefix)).map((i) => withoutKeys(i) as AuditRecord);
}

export async function listStudioReleases(studioId: string, page: PageRequest): Promise<Page<ReleaseRecord>> {
  const { GSI1PK, GSI1SKPrefix } = keys.studioReleases(studioId);
  const out = await queryPage({ pk: GSI1PK, prefix: GSI1SKPrefix, index: 'GSI1', descending: true }, page);
  return { ...out, items: out.items.map((i) => withoutKeys(i) as ReleaseRecord) };
}

export async function listClientPointers(clientId: string): Promise<SignerPointer[]> {
  const { GSI1PK, GSI1SKPrefix } = keys.clientReleases(clientId);
  const items: SignerPointer[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: table(),
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :sk)',
        ExpressionAttributeValues: { ':pk': GSI1PK, ':sk': GSI1SKPrefix },
        ScanIndexForward: false,
        ExclusiveStartKey,
      }),
    );
    items.push(...(out.Items ?? []).map((i) => withoutKeys(i) as SignerPointer));
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

// ── Items that travel in a release's transactions ───────────────────────────────────────────────

export const pointerPut = (p: SignerPointer): TransactItem => ({
  Put: {
    TableName: table(),
    Item: {
      ...keys.signerPointer(p.releaseId, p.clientId),
      ...keys.signerPointerIndex(p.clientId, p.sentAt, p.releaseId),
      type: 'releaseSigner',
      ...p,
    },
  },
});

export const linkPut = (tokenHash: string, link: SigningLinkRecord): TransactItem => ({
  Put: {
    TableName: table(),
    Item: { ...keys.signingLink(tokenHash), type: 'signingLink', ...link, ttl: Math.floor(Date.parse(link.expiresAt) / 1000) + 86_400 },
    ConditionExpression: 'attribute_not_exists(PK)',
  },
});

export const sealPuts = (seal: SealRecord): TransactItem[] => [
  {
    Put: {
      TableName: table(),
      Item: { ...keys.seal(seal.sealId), type: 'seal', ...seal },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  },
  { Put: { TableName: table(), Item: { ...keys.sealByHash(seal.hash), type: 'sealHash', ...seal } } },
];

export const gatePut = (g: GateRecord): TransactItem => ({
  Put: { TableName: table(), Item: { ...keys.gate(g.galleryId, g.releaseId), type: 'releaseGate', ...g } },
});
export const gateDelete = (galleryId: string, releaseId: string): TransactItem => ({
  Delete: { TableName: table(), Key: keys.gate(galleryId, releaseId) },
});

export const reminderPut = (date: string, releaseId: string): TransactItem => ({
  Put: {
    TableName: table(),
    Item: {
      ...keys.reminder(date, releaseId),
      type: 'releaseReminder',
      releaseId,
      ttl: Math.floor(Date.parse(`${date}T00:00:00Z`) / 1000) + 7 * 86_400,
    },
  },
});

/** Takes a day's reminder of a release: true for the one caller that removed it (a second run that day finds none). */
export async function claimReminder(date: string, releaseId: string): Promise<boolean> {
  try {
    await db().send(
      new DeleteCommand({ TableName: table(), Key: keys.reminder(date, releaseId), ConditionExpression: 'attribute_exists(PK)' }),
    );
    return true;
  } catch (e) {
    if (conditionalCheckFailed(e)) return false;
    throw e;
  }
}

export const sealOwedPut = (releaseId: string, studioId: string): TransactItem => ({
  Put: {
    TableName: table(),
    Item: { ...keys.sealOwed(releaseId), type: 'releaseSealOwed', releaseId, studioId, since: new Date().toISOString() },
  },
});
export const sealOwedDelete = (releaseId: string): TransactItem => ({ Delete: { TableName: table(), Key: keys.sealOwed(releaseId) } });

export async function sealsOwed(): Promise<{ releaseId: string; studioId: string; since: string }[]> {
  const { PK, SKPrefix } = keys.sealsOwed();
  return (await queryPrefix(PK, SKPrefix)).map((i) => ({ releaseId: i.releaseId, studioId: i.studioId, since: i.since }));
}

export async function remindersOn(date: string): Promise<string[]> {
  const { PK, SKPrefix } = keys.remindersOn(date);
  return (await queryPrefix(PK, SKPrefix)).map((i) => i.releaseId as string);
}

export async function getSigningLink(tokenHash: string): Promise<SigningLinkRecord | null> {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.signingLink(tokenHash) }));
  return out.Item ? (withoutKeys(out.Item) as SigningLinkRecord) : null;
}

export async function getSeal(sealId: string): Promise<SealRecord | null> {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.seal(sealId) }));
  return out.Item ? (withoutKeys(out.Item) as SealRecord) : null;
}

export async function getSealByHash(hash: string): Promise<SealRecord | null> {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.sealByHash(hash) }));
  return out.Item ? (withoutKeys(out.Item) as SealRecord) : null;
}

export async function galleryGates(galleryId: string): Promise<GateRecord[]> {
  const { PK, SKPrefix } = keys.galleryGates(galleryId);
  return (await queryPrefix(PK, SKPrefix)).map((i) => withoutKeys(i) as GateRecord);
}

// ── Objects ─────────────────────────────────────────────────────────────────────────────────────

export async function putBytes(key: string, body: Uint8Array, contentType: string): Promise<void> {
  await s3().send(new PutObjectCommand({ Bucket: config.bucketName, Key: key, Body: body, ContentType: contentType }));
}

/** An object's bytes, or null when there is none. */
export async function getBytes(key: string): Promise<Uint8Array | null> {
  try {
    const out = await s3().send(new GetObjectCommand({ Bucket: config.bucketName, Key: key }));
    return out.Body ? await out.Body.transformToByteArray() : null;
  } catch (e) {
    if (e instanceof NoSuchKey || (e as { name?: string }).name === 'NoSuchKey') return null;
    throw e;
  }
}

export async function deleteObject(key: string): Promise<void> {
  await s3().send(new DeleteObjectCommand({ Bucket: config.bucketName, Key: key }));
}

/** A presigned PUT of exactly `size` bytes of application/pdf. */
export async function presignPdfPut(
  key: string,
  size: number,
  expiresIn: number,
): Promise<{ url: string; headers: Record<string, string> }> {
  const url = await getSignedUrl(
    s3(),
    new PutObjectCommand({ Bucket: config.bucketName, Key: key, ContentType: 'application/pdf', ContentLength: size }),
    { expiresIn },
  );
  return { url, headers: { 'content-type': 'application/pdf' } };
}
