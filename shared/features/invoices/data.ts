// Invoices' DynamoDB and S3 requests. Keys only through records.ts (and shared/data/objects.ts).
// Every change to an invoice after its creation is conditional on the version its writer read, so
// a payment arriving while the studio edits (or two webhooks at once) never loses a write.
import { BatchGetCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { presignGet, putObject } from '../../adapters/storage.ts';
import { db, queryPage, queryPrefix, tableName } from '../../data/db.ts';
import { objects } from '../../data/objects.ts';
import { withoutKeys } from '../../data/records.ts';
import { conditionalCheckFailed, conditionFailed, type TransactItem, transact } from '../../data/transactions.ts';
import type { Page, PageRequest } from '../../paging.ts';
import {
  type ClientInvoicePointer,
  type GateRecord,
  type InvoiceRecord,
  type InvoicingSettingsRecord,
  keys,
  type PaymentRecord,
  type StripeSettingsRecord,
} from './records.ts';

const table = () => tableName();

/** Another write moved the invoice on between our read and our write: read again and retry. */
export class InvoiceMoved extends Error {}
/** Another creation took the number we read: read the counter again and retry. */
export class NumberTaken extends Error {}

export type WriteItem = TransactItem;

// ── Invoices ────────────────────────────────────────────────────────────────────────────────────

const metaItem = (r: InvoiceRecord) => ({
  ...keys.invoice(r.invoiceId),
  ...keys.studioInvoicesIndex(r.studioId, r.seq),
  type: 'invoice',
  ...r,
});

export async function getInvoice(invoiceId: string): Promise<InvoiceRecord | null> {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.invoice(invoiceId), ConsistentRead: true }));
  return out.Item ? (withoutKeys(out.Item) as InvoiceRecord) : null;
}

/** META and the payments, in one consistent Query of the invoice's partition. */
export async function getInvoiceWithPayments(invoiceId: string): Promise<{ invoice: InvoiceRecord; payments: PaymentRecord[] } | null> {
  const { PK, SKFrom, SKTo } = keys.invoiceWithPayments(invoiceId);
  const out = await db().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': PK, ':from': SKFrom, ':to': SKTo },
      ConsistentRead: true,
    }),
  );
  const items = out.Items ?? [];
  const meta = items.find((i) => i.SK === keys.invoice(invoiceId).SK);
  if (!meta) return null;
  const payments = items.filter((i) => i.type === 'payment').map((i) => withoutKeys(i) as PaymentRecord);
  return { invoice: withoutKeys(meta) as InvoiceRecord, payments };
}

/** Several invoices' META in BatchGetItem requests of 100 (lists, deductions, gates). */
export async function batchGetInvoices(invoiceIds: string[]): Promise<InvoiceRecord[]> {
  const found: InvoiceRecord[] = [];
  const unique = [...new Set(invoiceIds)];
  for (let i = 0; i < unique.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead?: boolean }> | undefined = {
      [table()]: { Keys: unique.slice(i, i + 100).map((id) => keys.invoice(id)), ConsistentRead: true },
    };
    while (request && Object.keys(request).length > 0) {
      const out = await db().send(new BatchGetCommand({ RequestItems: request }));
      found.push(...(out.Responses?.[table()] ?? []).map((item) => withoutKeys(item) as InvoiceRecord));
      request = out.UnprocessedKeys as typeof request;
    }
  }
  return found;
}

export async function listStudioInvoices(studioId: string, page: PageRequest): Promise<Page<InvoiceRecord>> {
  const { GSI1PK, GSI1SKPrefix } = keys.studioInvoices(studioId);
  const out = await queryPage({ pk: GSI1PK, prefix: GSI1SKPrefix, index: 'GSI1', descending: true }, page);
  return { ...out, items: out.items.map((i) => withoutKeys(i) as InvoiceRecord) };
}

/** Every invoice of the studio (Billing's totals and the CSV), in number order. */
export async function allStudioInvoices(studioId: string): Promise<InvoiceRecord[]> {
  const { GSI1PK, GSI1SKPrefix } = keys.studioInvoices(studioId);
  return (await queryIndex(GSI1PK, 'begins_with(GSI1SK, :sk)', { ':sk': GSI1SKPrefix })).map((i) => withoutKeys(i) as InvoiceRecord);
}

async function queryIndex(pk: string, condition: string, values: Record<string, string>): Promise<Record<string, any>[]> {
  const items: Record<string, any>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: table(),
        IndexName: 'GSI1',
        KeyConditionExpression: `GSI1PK = :pk AND ${condition}`,
        ExpressionAttributeValues: { ':pk': pk, ...values },
        ExclusiveStartKey,
      }),
    );
    items.push(...(out.Items ?? []));
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** The studio's counter as it stands (0 before its first invoice). */
export async function readCounter(studioId: string): Promise<number> {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.counter(studioId), ConsistentRead: true }));
  return (out.Item?.last as number | undefined) ?? 0;
}

/**
 * The invoices numbered `last + 1 …`, written with the counter moved from `last` on: all or none.
 * NumberTaken when another creation moved the counter first.
 */
export async function putNumberedInvoices(studioId: string, last: number, invoices: InvoiceRecord[], extras: WriteItem[] = []) {
  const counter = keys.counter(studioId);
  const refused = await transact([
    last === 0
      ? {
          Put: {
            TableName: table(),
            Item: { ...counter, type: 'invoiceCounter', last: last + invoices.length },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        }
      : {
          Update: {
            TableName: table(),
            Key: counter,
            UpdateExpression: 'SET #last = :next',
            ConditionExpression: '#last = :last',
            ExpressionAttributeNames: { '#last': 'last' },
            ExpressionAttributeValues: { ':last': last, ':next': last + invoices.length },
          },
        },
    ...invoices.flatMap((r) => [
      { Put: { TableName: table(), Item: metaItem(r), ConditionExpression: 'attribute_not_exists(PK)' } },
      ...(r.project ? [projectInvoicePut(r.project.projectId, r.invoiceId)] : []),
    ]),
    ...extras,
  ]);
  if (refused) throw new NumberTaken();
}

const projectInvoicePut = (projectId: string, invoiceId: string): WriteItem => ({
  Put: { TableName: table(), Item: { ...keys.projectInvoice(projectId, invoiceId), type: 'projectInvoice', invoiceId } },
});

/** The invoice as it now is, on condition it is still the version `r.version - 1`; InvoiceMoved otherwise. */
export async function commitInvoice(r: InvoiceRecord, extras: WriteItem[] = []): Promise<void> {
  try {
    const refused = await transact([
      {
        Put: {
          TableName: table(),
          Item: metaItem(r),
          ConditionExpression: '#v = :v',
          ExpressionAttributeNames: { '#v': 'version' },
          ExpressionAttributeValues: { ':v': r.version - 1 },
        },
      },
      ...extras,
    ]);
    if (refused) throw new InvoiceMoved();
  } catch (e) {
    if (conditionFailed(e)) throw new InvoiceMoved();
    throw e;
  }
}

/** A project's invoice ids (deposits and instalments a final invoice deducts). */
export async function projectInvoiceIds(projectId: string): Promise<string[]> {
  const { PK, SKPrefix } = keys.projectInvoices(projectId);
  return (await queryPrefix(PK, SKPrefix)).map((i) => i.invoiceId as string);
}

// ── The client's pointers ─────────────────────────────────────────────────────────────────────

export const clientPointerPut = (p: ClientInvoicePointer, issueDate: string): WriteItem => ({
  Put: {
    TableName: table(),
    Item: {
      ...keys.clientPointer(p.invoiceId, p.clientId),
      ...keys.clientPointerIndex(p.clientId, issueDate, p.invoiceId),
      type: 'clientInvoice',
      ...p,
    },
  },
});

export async function clientInvoiceIds(clientId: string): Promise<string[]> {
  const { GSI1PK, GSI1SKPrefix } = keys.clientInvoices(clientId);
  const items = await queryIndex(GSI1PK, 'begins_with(GSI1SK, :sk)', { ':sk': GSI1SKPrefix });
  return items.filter((i) => i.type === 'clientInvoice').map((i) => i.invoiceId as string);
}

export async function isClientPointer(invoiceId: string, clientId: string): Promise<boolean> {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.clientPointer(invoiceId, clientId) }));
  return out.Item !== undefined;
}

// ── Open invoices (reminders) ────────────────────────────────────────────────────────────────

export const openInvoicePut = (r: InvoiceRecord): WriteItem => ({
  Put: {
    TableName: table(),
    Item: {
      ...keys.openInvoice(r.dueDate, r.invoiceId),
      type: 'openInvoice',
      invoiceId: r.invoiceId,
      studioId: r.studioId,
      dueDate: r.dueDate,
    },
  },
});
export const openInvoiceDelete = (r: InvoiceRecord): WriteItem => ({
  Delete: { TableName: table(), Key: keys.openInvoice(r.dueDate, r.invoiceId) },
});

/** Open invoices due before `date` (the overdue ones on that day). */
export async function openInvoicesDueBefore(date: string): Promise<{ invoiceId: string; studioId: string }[]> {
  const { PK, SKFrom, SKTo } = keys.openDueBefore(date);
  const items: { invoiceId: string; studioId: string }[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': PK, ':from': SKFrom, ':to': SKTo },
        ExclusiveStartKey,
      }),
    );
    items.push(...(out.Items ?? []).map((i) => ({ invoiceId: i.invoiceId as string, studioId: i.studioId as string })));
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

// ── Gates ─────────────────────────────────────────────────────────────────────────────────────

export const gatePut = (g: GateRecord): WriteItem => ({
  Put: { TableName: table(), Item: { ...keys.gate(g.targetId, g.invoiceId), type: 'invoiceGate', ...g } },
});
export const gateDelete = (targetId: string, invoiceId: string): WriteItem => ({
  Delete: { TableName: table(), Key: keys.gate(targetId, invoiceId) },
});

export async function gatesOf(targetId: string): Promise<GateRecord[]> {
  const { PK, SKPrefix } = keys.gates(targetId);
  return (await queryPrefix(PK, SKPrefix)).map((i) => withoutKeys(i) as GateRecord);
}

// ── Payments ──────────────────────────────────────────────────────────────────────────────────

const paymentItem = (p: PaymentRecord) => ({
  ...keys.payment(p.invoiceId, p.paymentId),
  ...keys.paymentIndex(p.studioId, p.receivedAt, p.paymentId),
  type: 'payment',
  ...p,
});

/** A payment's write in the invoice's transaction: new, or moved on from the state it was read in. */
export function paymentPut(p: PaymentRecord, was: PaymentRecord | null): WriteItem {
  return was
    ? {
        Put: {
          TableName: table(),
          Item: paymentItem(p),
          ConditionExpression: '#s = :s AND refunded = :r',
          ExpressionAttributeNames: { '#s': 'state' },
          ExpressionAttributeValues: { ':s': was.state, ':r': was.refunded },
        },
      }
    : { Put: { TableName: table(), Item: paymentItem(p), ConditionExpression: 'attribute_not_exists(PK)' } };
}

/**
 * Claims one of a payment's effects (the receipt, the studio's notification): true for exactly
 * one caller, however many webhooks and return pages race for it.
 */
export async function claimEffect(p: PaymentRecord, effect: 'receiptAt' | 'notifiedAt', at: string): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.payment(p.invoiceId, p.paymentId),
        UpdateExpression: 'SET #e = :at',
        ConditionExpression: 'attribute_exists(PK) AND #e = :null',
        ExpressionAttributeNames: { '#e': effect },
        ExpressionAttributeValues: { ':at': at, ':null': null },
      }),
    );
    return true;
  } catch (e) {
    if (conditionalCheckFailed(e)) return false;
    throw e;
  }
}

/** Gives a claim back when its effect failed, so the next event tries again. */
export async function releaseEffect(p: PaymentRecord, effect: 'receiptAt' | 'notifiedAt', at: string): Promise<void> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.payment(p.invoiceId, p.paymentId),
        UpdateExpression: 'SET #e = :null',
        ConditionExpression: '#e = :at',
        ExpressionAttributeNames: { '#e': effect },
        ExpressionAttributeValues: { ':at': at, ':null': null },
      }),
    );
  } catch (e) {
    if (!conditionalCheckFailed(e)) throw e;
  }
}

/** The studio's payments received from `from` (inclusive) to `to` (exclusive), ISO times. */
export async function paymentsBetween(studioId: string, from: string, to: string): Promise<PaymentRecord[]> {
  const { GSI1PK, GSI1SKPrefix } = keys.studioPayments(studioId);
  const items = await queryIndex(GSI1PK, 'GSI1SK BETWEEN :from AND :to', {
    ':from': `${GSI1SKPrefix}${from}`,
    ':to': `${GSI1SKPrefix}${to}`,
  });
  return items.map((i) => withoutKeys(i) as PaymentRecord);
}

// ── Stripe events ─────────────────────────────────────────────────────────────────────────────

/** Whether the event was handled already (a replay). */
export async function eventSeen(studioId: string, eventId: string): Promise<boolean> {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.stripeEvent(studioId, eventId), ConsistentRead: true }));
  return out.Item !== undefined;
}

/** Records a handled event; false when another delivery recorded it first. Kept 30 days (Stripe retries for 3). */
export async function recordEvent(studioId: string, eventId: string, type: string, at: string): Promise<boolean> {
  try {
    await db().send(
      new PutCommand({
        TableName: table(),
        Item: {
          ...keys.stripeEvent(studioId, eventId),
          type: 'stripeEvent',
          eventType: type,
          at,
          ttl: Math.floor(Date.now() / 1000) + 30 * 86_400,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return true;
  } catch (e) {
    if (conditionalCheckFailed(e)) return false;
    throw e;
  }
}

// ── Settings ──────────────────────────────────────────────────────────────────────────────────

export async function getStripeSettings(studioId: string): Promise<StripeSettingsRecord | null> {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.stripeSettings(studioId) }));
  return out.Item ? (withoutKeys(out.Item) as StripeSettingsRecord) : null;
}

export async function putStripeSettings(s: StripeSettingsRecord): Promise<void> {
  await db().send(new PutCommand({ TableName: table(), Item: { ...keys.stripeSettings(s.studioId), type: 'stripeSettings', ...s } }));
}

export async function deleteStripeSettings(studioId: string): Promise<void> {
  await db().send(new DeleteCommand({ TableName: table(), Key: keys.stripeSettings(studioId) }));
}

export async function getInvoicingSettings(studioId: string): Promise<InvoicingSettingsRecord | null> {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.invoicingSettings(studioId) }));
  return out.Item ? (withoutKeys(out.Item) as InvoicingSettingsRecord) : null;
}

export async function putInvoicingSettings(s: InvoicingSettingsRecord): Promise<void> {
  await db().send(new PutCommand({ TableName: table(), Item: { ...keys.invoicingSettings(s.studioId), type: 'invoicingSettings', ...s } }));
}

// ── The PDF ───────────────────────────────────────────────────────────────────────────────────

export async function storePdf(r: InvoiceRecord, bytes: Uint8Array): Promise<void> {
  await putObject(objects.invoicePdf(r.studioId, r.invoiceId), bytes, 'application/pdf');
}

export async function pdfLink(r: InvoiceRecord, fileName: string): Promise<string> {
  return presignGet(objects.invoicePdf(r.studioId, r.invoiceId), { expiresIn: 300, downloadName: fileName });
}

/** A draft's PDF, made on request, kept under tmp/ (the bucket's lifecycle empties it). */
export async function storeDraftPdf(r: InvoiceRecord, bytes: Uint8Array, fileName: string): Promise<string> {
  const key = objects.invoiceDraftPdf(r.studioId, r.invoiceId, r.version);
  await putObject(key, bytes, 'application/pdf');
  return presignGet(key, { expiresIn: 300, downloadName: fileName });
}
