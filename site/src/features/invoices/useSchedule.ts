// A project's payment schedule: the fee (lines and a discount) and its parts, each a label, a
// percentage or an amount, and a due date; one draft instalment invoice per part (createPaymentSchedule).
import { useState } from 'preact/hooks';
import { type Currency, MAX_SCHEDULE_PARTS } from '../../../../shared/features/invoices/constants.ts';
import type { BillingSettings, ScheduleBody } from '../../../../shared/features/invoices/schemas.ts';
import { ApiError, call, messageOf } from '../../lib/api.ts';
import type { Share } from './amounts.ts';
import { blankLine, type DiscountDraft, type LineDraft, type Problems, parseLines, parseShare } from './lineDrafts.ts';

export interface PartDraft {
  key: number;
  label: string;
  portion: DiscountDraft;
  dueDate: string;
}
let next = 1;
const part = (label: string, value: string): PartDraft => ({ key: next++, label, portion: { kind: 'percent', value }, dueDate: '' });

export function useSchedule(settings: BillingSettings, preset: { projectId?: string | undefined }) {
  const [projectId, setProjectId] = useState(preset.projectId ?? '');
  const [clientId, setClientId] = useState('');
  const [currency, setCurrency] = useState<Currency>(settings.invoicing.defaultCurrency as Currency);
  const [lines, setLines] = useState<LineDraft[]>([blankLine()]);
  const [discount, setDiscount] = useState<DiscountDraft>({ kind: '', value: '' });
  const [parts, setParts] = useState<PartDraft[]>([part('Deposit', '30'), part('Balance', '70')]);
  const [notes, setNotes] = useState('');
  const [terms, setTerms] = useState(settings.invoicing.defaultTerms);
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const chooseProject = async (id: string) => {
    setProjectId(id);
    if (!id) return;
    try {
      const { project } = await call('getStudioProject', { params: { projectId: id } });
      setClientId(project.clientId);
    } catch {
      setClientId('');
    }
  };

  const submit = async () => {
    if (busy) return;
    const found: Problems = {};
    if (!projectId) found.projectId = ['Choose the project the schedule is for.'];
    const feeLines = parseLines(lines, currency, 'fee.lines', found);
    const disc = parseShare(discount, currency, 'fee.discount', found, 0);
    const parsed = parts.map((p, i) => {
      if (!p.label.trim()) found[`parts.${i}.label`] = ['Name this part, like “Deposit”.'];
      if (!p.dueDate) found[`parts.${i}.dueDate`] = ['Choose when this part is due.'];
      const share = parseShare(p.portion, currency, `parts.${i}.portion`, found, 1);
      return { label: p.label.trim(), portion: (share ?? { kind: 'percent', basisPoints: 1 }) as Share, dueDate: p.dueDate };
    });
    setProblems(found);
    if (Object.keys(found).length) return setError('Some fields need a look.');
    if (!clientId) return setError('We couldn’t read the project’s client. Choose the project again.');
    const body: ScheduleBody = {
      clientId,
      currency,
      fee: { lines: feeLines, ...(disc ? { discount: disc } : {}) },
      parts: parsed,
      notes,
      terms,
    };
    setBusy(true);
    setError('');
    try {
      await call('createPaymentSchedule', { params: { projectId }, body });
      location.assign(`/billing?projectId=${encodeURIComponent(projectId)}`);
    } catch (e) {
      setBusy(false);
      setProblems(e instanceof ApiError ? e.fields : {});
      setError(messageOf(e));
    }
  };

  const setPart = (i: number, patch: Partial<PartDraft>) => setParts((ps) => ps.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return {
    values: { projectId, currency, lines, discount, parts, notes, terms },
    set: {
      projectId: (id: string) => void chooseProject(id),
      currency: (c: string) => setCurrency(c as Currency),
      lines: setLines,
      discount: setDiscount,
      notes: setNotes,
      terms: setTerms,
    },
    setPart,
    addPart: () => parts.length < MAX_SCHEDULE_PARTS && setParts((ps) => [...ps, part('', '')]),
    removePart: (i: number) => setParts((ps) => ps.filter((_, j) => j !== i)),
    problems,
    problem: (k: string) => problems[k]?.[0],
    error,
    busy,
    submit,
  };
}
