// The invoice editor's state and its request: a new invoice, deposit or final invoice
// (createInvoice), or a draft's changes (updateInvoice). What is typed is checked here first (so
// amounts are never guessed), then the API is the judge: a 400's `fields` land next to the inputs.
import { useRef, useState } from 'preact/hooks';
import type { Currency } from '../../../../shared/features/invoices/constants.ts';
import type { BillingSettings, CreateInvoiceBody, InvoiceDetail, UpdateInvoiceBody } from '../../../../shared/features/invoices/schemas.ts';
import { ApiError, call, messageOf } from '../../lib/api.ts';
import { today } from '../../lib/dates.ts';
import { showMoney, showScaled } from './amounts.ts';
import { blankLine, type DiscountDraft, type LineDraft, lineDraftOf, type Problems, parseLines, parseShare } from './lineDrafts.ts';
import { invoiceHref } from './studio-labels.ts';

export type FormKind = 'standard' | 'deposit' | 'final';
type Start =
  | { mode: 'create'; settings: BillingSettings; clientId?: string; projectId?: string }
  | { mode: 'edit'; invoice: InvoiceDetail };

const NONE: DiscountDraft = { kind: '', value: '' };

function initial(start: Start) {
  if (start.mode === 'create') {
    return {
      kind: (start.projectId ? 'deposit' : 'standard') as InvoiceDetail['kind'],
      clientId: start.clientId ?? '',
      projectId: start.projectId ?? '',
      currency: start.settings.invoicing.defaultCurrency as Currency,
      issueDate: today(),
      dueDate: '',
      lines: [blankLine()],
      portion: { kind: 'percent', value: '30' } as DiscountDraft,
      notes: '',
      terms: start.settings.invoicing.defaultTerms,
    };
  }
  const i = start.invoice;
  const p = i.portion;
  return {
    kind: i.kind,
    clientId: i.client.clientId,
    projectId: i.project?.projectId ?? '',
    currency: i.currency,
    issueDate: i.issueDate,
    dueDate: i.dueDate,
    lines: i.lines.length ? i.lines.map((l) => lineDraftOf(l, i.currency)) : [blankLine()],
    portion: (p
      ? p.kind === 'percent'
        ? { kind: 'percent', value: showScaled(p.basisPoints, 2) }
        : { kind: 'amount', value: showMoney(p.minor, i.currency) }
      : { kind: 'percent', value: '30' }) as DiscountDraft,
    notes: i.notes,
    terms: i.terms,
  };
}

export function useInvoiceForm(start: Start, onSaved?: (invoice: InvoiceDetail) => void) {
  const first = useRef(initial(start)).current;
  const [kind, setKind] = useState(first.kind);
  const [clientId, setClientId] = useState(first.clientId);
  const [projectId, setProjectId] = useState(first.projectId);
  const [currency, setCurrency] = useState<Currency>(first.currency);
  const [issueDate, setIssueDate] = useState(first.issueDate);
  const [dueDate, setDueDate] = useState(first.dueDate);
  const [lines, setLinesState] = useState<LineDraft[]>(first.lines);
  const [discount, setDiscountState] = useState<DiscountDraft>(NONE);
  const [portion, setPortionState] = useState<DiscountDraft>(first.portion);
  const [notes, setNotes] = useState(first.notes);
  const [terms, setTerms] = useState(first.terms);
  // An edit leaves the lines (and a deposit's share) as saved unless they are touched.
  const [dirty, setDirty] = useState({ lines: start.mode === 'create', portion: start.mode === 'create' });
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const editing = start.mode === 'edit';
  const isDeposit = kind === 'deposit';
  const linesAt = isDeposit ? 'fee.lines' : 'lines';
  const discountAt = isDeposit ? 'fee.discount' : 'discount';
  // A saved deposit or instalment prints its share, not the fee it is a share of: its lines are not edited here.
  const showLines = !editing || kind === 'standard' || kind === 'final';

  /** Choosing a project bills its client (the client chosen stays when it is one of the project's contacts). */
  const chooseProject = async (id: string) => {
    setProjectId(id);
    if (!id) return;
    try {
      const { project } = await call('getStudioProject', { params: { projectId: id } });
      setClientId((c) => (c && project.contacts.some((k) => k.clientId === c) ? c : project.clientId));
    } catch {
      // The API says so on save if the project and client do not go together.
    }
  };

  const build = (): CreateInvoiceBody | UpdateInvoiceBody | null => {
    const found: Problems = {};
    if (!editing && !clientId) found.clientId = ['Choose the client to bill.'];
    if (!editing && kind !== 'standard' && !projectId) found.projectId = ['A deposit or a final invoice is for a project: choose it.'];
    if (dueDate && issueDate && dueDate < issueDate) found.dueDate = ['The due date is before the issue date.'];
    const parsed = showLines && dirty.lines ? parseLines(lines, currency, linesAt, found) : undefined;
    const disc = showLines && dirty.lines ? parseShare(discount, currency, discountAt, found, 0) : undefined;
    const share = isDeposit && dirty.portion ? parseShare(portion, currency, 'portion', found, 1) : undefined;
    setProblems(found);
    if (Object.keys(found).length) {
      setError('Some fields need a look.');
      return null;
    }
    const common = {
      currency,
      ...(issueDate ? { issueDate } : {}),
      ...(dueDate ? { dueDate } : {}),
      notes,
      terms,
    };
    if (editing) {
      const body: UpdateInvoiceBody = { ...common };
      if (parsed) Object.assign(body, { lines: parsed, discount: disc ?? null });
      if (share) body.portion = share;
      return body;
    }
    const base = { ...common, clientId };
    const linesAndDiscount = { lines: parsed ?? [], ...(disc ? { discount: disc } : {}) };
    if (kind === 'deposit')
      return { kind, ...base, projectId, fee: linesAndDiscount, portion: share ?? { kind: 'percent', basisPoints: 1 } };
    if (kind === 'final') return { kind, ...base, projectId, ...linesAndDiscount };
    return { kind: 'standard', ...base, ...(projectId ? { projectId } : {}), ...linesAndDiscount };
  };

  const submit = async () => {
    if (busy) return;
    setError('');
    const body = build();
    if (!body) return;
    setBusy(true);
    try {
      if (start.mode === 'edit') {
        const { invoice } = await call('updateInvoice', {
          params: { invoiceId: start.invoice.invoiceId },
          body: body as UpdateInvoiceBody,
        });
        setBusy(false);
        onSaved?.(invoice);
      } else {
        const { invoice } = await call('createInvoice', { body: body as CreateInvoiceBody });
        location.assign(invoiceHref(invoice.invoiceId));
      }
    } catch (e) {
      setBusy(false);
      setProblems(e instanceof ApiError ? e.fields : {});
      setError(messageOf(e));
    }
  };

  return {
    editing,
    showLines,
    values: { kind, clientId, projectId, currency, issueDate, dueDate, lines, discount, portion, notes, terms },
    set: {
      kind: (k: FormKind) => setKind(k),
      clientId: setClientId,
      projectId: (id: string) => void chooseProject(id),
      currency: (c: string) => setCurrency(c as Currency),
      issueDate: setIssueDate,
      dueDate: setDueDate,
      lines: (l: LineDraft[]) => {
        setLinesState(l);
        setDirty((d) => ({ ...d, lines: true }));
      },
      discount: (d: DiscountDraft) => {
        setDiscountState(d);
        setDirty((x) => ({ ...x, lines: true }));
      },
      portion: (p: DiscountDraft) => {
        setPortionState(p);
        setDirty((x) => ({ ...x, portion: true }));
      },
      notes: setNotes,
      terms: setTerms,
    },
    linesAt,
    discountAt,
    problems,
    problem: (field: string) => problems[field]?.[0],
    error,
    busy,
    submit,
  };
}

export type InvoiceForm = ReturnType<typeof useInvoiceForm>;
