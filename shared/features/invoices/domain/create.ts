// Making invoices: a draft (invoice, deposit or final invoice), numbered at once, or a project's
// payment schedule (one draft instalment per part, numbered in order in one transaction); and
// changing a draft. A sent invoice never changes (rules.assertDraft).
import { randomUUID } from 'node:crypto';
import { invalid, notFound } from '../../../errors.ts';
import { getClient, today } from '../../clients/index.ts';
import { getProject } from '../../projects/index.ts';
import type { Studio, StudioUser } from '../../studios/index.ts';
import { invoiceNumber } from '../constants.ts';
import { commitInvoice, getInvoice, InvoiceMoved } from '../data.ts';
import type { InvoiceRecord } from '../records.ts';
import type { CreateInvoiceBody, ScheduleBody, UpdateInvoiceBody } from '../schemas.ts';
import { feeTotal, projectDeductions, shareLine, withAmounts } from './documents.ts';
import { schedule } from './money.ts';
import { numbered } from './numbering.ts';
import { assertDraft } from './rules.ts';
import { invoicingOf } from './settings.ts';
import { gateWrites, NO_UNLOCKS, resolveUnlocks } from './unlocks.ts';

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function assertDates(issueDate: string, dueDate: string): void {
  if (dueDate < issueDate)
    throw invalid('due_before_issue', 'The due date is before the issue date.', { dueDate: ['is before the issue date'] });
}

/** The client billed, and the project (which must be theirs) when named. */
async function parties(studio: Studio, clientId: string, projectId: string | undefined) {
  const client = await getClient(studio.studioId, clientId);
  if (!client) throw notFound('No such client.', { clientId: ['is not a client of this studio'] });
  if (!projectId) return { client, project: null };
  const project = await getProject(studio.studioId, projectId);
  if (!project) throw notFound('No such project.', { projectId: ['is not a project of this studio'] });
  if (project.clientId !== clientId && !project.contactIds.includes(clientId))
    throw invalid('client_not_on_project', `${client.name} is not a contact of ${project.title}.`, {
      clientId: ['is not a contact of the project'],
    });
  return { client, project };
}

type Draft = Omit<InvoiceRecord, 'seq' | 'number' | 'total' | 'amountDue'>;

function blankDraft(studio: Studio, user: StudioUser, p: Awaited<ReturnType<typeof parties>>, fields: Partial<Draft>): Draft {
  const at = new Date().toISOString();
  return {
    invoiceId: randomUUID(),
    studioId: studio.studioId,
    kind: 'standard',
    status: 'draft',
    currency: 'GBP',
    client: { clientId: p.client.clientId, name: p.client.name, email: p.client.email },
    project: p.project ? { projectId: p.project.projectId, title: p.project.title } : null,
    issueDate: today(),
    dueDate: today(),
    lines: [],
    discount: null,
    fee: null,
    portion: null,
    label: null,
    deductions: [],
    paid: 0,
    processing: 0,
    notes: '',
    terms: '',
    voidReason: null,
    unlocks: NO_UNLOCKS,
    checkout: null,
    reminders: { sent: 0, lastOn: null },
    pdfStored: false,
    createdBy: { userId: user.userId, name: user.name },
    createdAt: at,
    updatedAt: at,
    sentAt: null,
    paidAt: null,
    version: 1,
    ...fields,
  };
}

const numberedAs = (prefix: string, draft: Draft, seq: number): InvoiceRecord =>
  withAmounts({ ...draft, seq, number: invoiceNumber(prefix, seq), total: 0, amountDue: 0 });

export async function createInvoice(studio: Studio, user: StudioUser, body: CreateInvoiceBody): Promise<InvoiceRecord> {
  const settings = await invoicingOf(studio);
  const p = await parties(studio, body.clientId, body.projectId);
  const issueDate = body.issueDate ?? today();
  const dueDate = body.dueDate ?? addDays(issueDate, settings.dueDays);
  assertDates(issueDate, dueDate);
  const common = {
    currency: body.currency,
    issueDate,
    dueDate,
    notes: body.notes ?? '',
    terms: body.terms ?? settings.defaultTerms,
  };
  let draft: Draft;
  if (body.kind === 'deposit') {
    const fee = { lines: body.fee.lines, discount: body.fee.discount ?? null };
    draft = blankDraft(studio, user, p, {
      ...common,
      kind: 'deposit',
      fee,
      portion: body.portion,
      label: 'Deposit',
      lines: [shareLine('Deposit', fee, body.portion)],
    });
  } else {
    const deductions = body.kind === 'final' && p.project ? await projectDeductions(p.project.projectId, null) : [];
    draft = blankDraft(studio, user, p, { ...common, kind: body.kind, lines: body.lines, discount: body.discount ?? null, deductions });
  }
  if (body.unlocks) draft.unlocks = await resolveUnlocks(studio, draft, body.unlocks);
  const [created] = await numbered(studio.studioId, (seq) => {
    const r = numberedAs(settings.prefix, draft, seq);
    return { invoices: [r], extras: gateWrites(r, NO_UNLOCKS, r.unlocks) };
  });
  return created as InvoiceRecord;
}

/** A project's payment schedule: one draft instalment per part, each its share of the fee (the last takes the balance). */
export async function createPaymentSchedule(
  studio: Studio,
  user: StudioUser,
  projectId: string,
  body: ScheduleBody,
): Promise<InvoiceRecord[]> {
  const settings = await invoicingOf(studio);
  const p = await parties(studio, body.clientId, projectId);
  const fee = { lines: body.fee.lines, discount: body.fee.discount ?? null };
  const amounts = schedule(
    feeTotal(fee),
    body.parts.map((part) => part.portion),
  );
  const issueDate = today();
  const drafts = body.parts.map((part, i) => {
    // A part whose date has passed is due today (dates compare as text: YYYY-MM-DD).
    const dueDate = [part.dueDate, issueDate].sort()[1] as string;
    return blankDraft(studio, user, p, {
      kind: 'instalment',
      currency: body.currency,
      issueDate,
      dueDate,
      fee,
      portion: part.portion,
      label: part.label,
      lines: [shareLine(part.label, fee, part.portion, amounts[i])],
      notes: body.notes ?? '',
      terms: body.terms ?? settings.defaultTerms,
    });
  });
  return numbered(studio.studioId, (first) => ({ invoices: drafts.map((d, i) => numberedAs(settings.prefix, d, first + i)) }));
}

/** The studio's invoice, or "not found" (another studio's is the same as none). */
export async function studioInvoice(studio: Studio, invoiceId: string): Promise<InvoiceRecord> {
  const r = await getInvoice(invoiceId);
  if (!r || r.studioId !== studio.studioId) throw notFound('No such invoice.');
  return r;
}

/** Re-reads and retries when a payment or another editor moved the invoice on in between. */
export async function changeInvoice(
  studio: Studio,
  invoiceId: string,
  change: (r: InvoiceRecord) => Promise<{ next: InvoiceRecord; extras?: Parameters<typeof commitInvoice>[1] }>,
): Promise<InvoiceRecord> {
  for (let attempt = 0; ; attempt++) {
    const r = await studioInvoice(studio, invoiceId);
    const { next, extras } = await change(r);
    try {
      await commitInvoice({ ...next, version: r.version + 1, updatedAt: new Date().toISOString() }, extras);
      return { ...next, version: r.version + 1 };
    } catch (e) {
      if (!(e instanceof InvoiceMoved) || attempt >= 4) throw e;
    }
  }
}

export function updateInvoice(studio: Studio, invoiceId: string, body: UpdateInvoiceBody): Promise<InvoiceRecord> {
  return changeInvoice(studio, invoiceId, async (r) => {
    assertDraft(r);
    const issueDate = body.issueDate ?? r.issueDate;
    const dueDate = body.dueDate ?? r.dueDate;
    assertDates(issueDate, dueDate);
    let next: InvoiceRecord = {
      ...r,
      currency: body.currency ?? r.currency,
      issueDate,
      dueDate,
      notes: body.notes ?? r.notes,
      terms: body.terms ?? r.terms,
    };
    if (r.kind === 'deposit' || r.kind === 'instalment') {
      if (body.lines || body.discount !== undefined)
        throw invalid('share_has_fee', 'A deposit or instalment bills a share of the fee: change the fee or the share.', {
          lines: ['change fee or portion instead'],
        });
      const fee = body.fee ? { lines: body.fee.lines, discount: body.fee.discount ?? null } : (r.fee as NonNullable<InvoiceRecord['fee']>);
      const portion = body.portion ?? (r.portion as NonNullable<InvoiceRecord['portion']>);
      next = { ...next, fee, portion, lines: [shareLine(r.label ?? 'Deposit', fee, portion)] };
    } else {
      if (body.fee || body.portion)
        throw invalid('not_a_share', 'Only a deposit or an instalment has a fee and a share.', { fee: ['is for deposits'] });
      next = { ...next, lines: body.lines ?? r.lines, discount: body.discount === undefined ? r.discount : body.discount };
      if (r.kind === 'final' && r.project) next.deductions = await projectDeductions(r.project.projectId, r.invoiceId);
    }
    return { next: withAmounts(next) };
  });
}
