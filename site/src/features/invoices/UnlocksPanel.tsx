// What this invoice holds back until it is paid: the client's galleries (their originals) and the
// project's deliverables (their final files). Shows the current ones; "Change" picks from the lists.
import { useState } from 'preact/hooks';
import { INVOICE_LIMITS } from '../../../../shared/features/invoices/constants.ts';
import type { InvoiceDetail, Unlocks } from '../../../../shared/features/invoices/schemas.ts';
import { LoadFailed } from '../../components/app/AppShell.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { call, messageOf } from '../../lib/api.ts';
import { useLoad } from '../../lib/hooks.ts';
import { callAll } from '../../lib/paging.ts';

type Ref = { id: string; title: string };

export function UnlocksPanel({
  invoice,
  canChange,
  onSave,
}: {
  invoice: InvoiceDetail;
  canChange: boolean;
  onSave: (u: Unlocks) => Promise<void>;
}) {
  const [editing, setEditing] = useState(false);
  const u = invoice.unlocks;
  return (
    <section class="card" aria-labelledby="unlocks-heading">
      <div class="card__head section-head">
        <h2 id="unlocks-heading">Unlocks when paid</h2>
        {canChange && !editing && (
          <button type="button" class="button button--secondary button--small" onClick={() => setEditing(true)}>
            Change unlocks
          </button>
        )}
      </div>
      <div class="card__body">
        {editing ? (
          <UnlocksEditor
            invoice={invoice}
            onCancel={() => setEditing(false)}
            onSave={async (x) => {
              await onSave(x);
              setEditing(false);
            }}
          />
        ) : (
          <>
            <RefList title="Galleries (originals)" refs={u.galleries} />
            <RefList title="Deliverables (final files)" refs={u.deliverables} />
            {!u.galleries.length && !u.deliverables.length && <p class="muted">Nothing waits for this invoice.</p>}
          </>
        )}
      </div>
    </section>
  );
}

function RefList({ title, refs }: { title: string; refs: Ref[] }) {
  if (!refs.length) return null;
  return (
    <>
      <h3 class="invoice-doc__label">{title}</h3>
      <ul class="unlock-list">
        {refs.map((r) => (
          <li key={r.id}>{r.title}</li>
        ))}
      </ul>
    </>
  );
}

function UnlocksEditor({
  invoice,
  onCancel,
  onSave,
}: {
  invoice: InvoiceDetail;
  onCancel: () => void;
  onSave: (u: Unlocks) => Promise<void>;
}) {
  const options = useLoad(async () => {
    const [galleries, deliverables] = await Promise.all([
      callAll('listStudioGalleries', 'galleries'),
      invoice.project
        ? call('listDeliverables', { params: { projectId: invoice.project.projectId } })
        : Promise.resolve({ deliverables: [] }),
    ]);
    return {
      galleries: galleries.filter((g) => g.clientId === invoice.client.clientId).map((g) => ({ id: g.galleryId, title: g.title })),
      deliverables: deliverables.deliverables.map((d) => ({ id: d.deliverableId, title: d.title })),
    };
  });
  const [galleryIds, setGalleryIds] = useState(invoice.unlocks.galleries.map((g) => g.id));
  const [deliverableIds, setDeliverableIds] = useState(invoice.unlocks.deliverables.map((d) => d.id));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  if (options.state === 'loading') return <Loading label="Loading galleries and deliverables…" />;
  if (options.state === 'failed') return <LoadFailed error={options.error} retry={options.reload} />;
  const save = async () => {
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      await onSave({ galleryIds, deliverableIds });
    } catch (e) {
      setBusy(false);
      setError(messageOf(e));
    }
  };
  return (
    <form
      class="unlocks-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Checklist
        legend={`${invoice.client.name}’s galleries`}
        empty="No galleries for this client."
        refs={options.data.galleries}
        chosen={galleryIds}
        onChange={setGalleryIds}
      />
      <Checklist
        legend={invoice.project ? `Deliverables of ${invoice.project.title}` : 'Deliverables'}
        empty={invoice.project ? 'No deliverables in this project.' : 'This invoice is for no project, so it holds back no deliverables.'}
        refs={options.data.deliverables}
        chosen={deliverableIds}
        onChange={setDeliverableIds}
      />
      <Notice role="alert">{error}</Notice>
      <div class="invoice-form__buttons">
        <button type="submit" class="button button--primary" aria-disabled={busy || undefined}>
          {busy && <Spinner />}
          Save unlocks
        </button>
        <button type="button" class="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function Checklist({
  legend,
  empty,
  refs,
  chosen,
  onChange,
}: {
  legend: string;
  empty: string;
  refs: Ref[];
  chosen: string[];
  onChange: (ids: string[]) => void;
}) {
  const full = chosen.length >= INVOICE_LIMITS.unlocks;
  return (
    <fieldset class="unlocks-form__group">
      <legend class="field__label">{legend}</legend>
      {!refs.length && <p class="muted">{empty}</p>}
      {refs.map((r) => {
        const on = chosen.includes(r.id);
        return (
          <label key={r.id} class="check">
            <input
              type="checkbox"
              checked={on}
              disabled={!on && full}
              onChange={() => onChange(on ? chosen.filter((id) => id !== r.id) : [...chosen, r.id])}
            />
            {r.title}
          </label>
        );
      })}
    </fieldset>
  );
}
