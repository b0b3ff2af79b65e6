// The studio project page's Deliverables tab: every deliverable with its state, latest version and
// due date (each row uploads its next version and sends it for review), and a new deliverable.
import { useState } from 'preact/hooks';
import { DELIVERABLE_LIMITS } from '../../../../shared/features/deliverables/constants.ts';
import { LoadFailed } from '../../components/app/AppShell.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { ApiError, call, messageOf } from '../../lib/api.ts';
import { useLoad } from '../../lib/hooks.ts';
import { DeliverableRow, type Summary } from './DeliverableRow.tsx';
import '../../styles/pages/deliverables-list.css';

export function DeliverablesTab({ projectId }: { projectId: string }) {
  const load = useLoad(() => call('listDeliverables', { params: { projectId } }).then((r) => r.deliverables));
  // A refresh keeps the rows on screen (an upload's progress lives in its row).
  const [list, setList] = useState<Summary[] | undefined>();
  const refresh = () =>
    void call('listDeliverables', { params: { projectId } }).then(
      (r) => setList(r.deliverables),
      () => {},
    );
  const rows = list ?? (load.state === 'ready' ? load.data : undefined);
  return (
    <section class="deliverables-tab" aria-labelledby="deliverables-heading">
      <h2 id="deliverables-heading" class="section-heading">
        Deliverables
      </h2>
      {load.state === 'loading' && <Loading label="Loading deliverables…" />}
      {load.state === 'failed' && <LoadFailed error={load.error} retry={load.reload} />}
      {rows &&
        (rows.length ? (
          <ul class="deliverable-rows" aria-label="Deliverables">
            {rows.map((d) => (
              <DeliverableRow key={d.deliverableId} projectId={projectId} d={d} onChanged={refresh} />
            ))}
          </ul>
        ) : (
          <div class="empty empty--card">
            <p class="empty__title">No deliverables yet</p>
            <p class="muted">Add one below, upload its first version, and send it to the client for review.</p>
          </div>
        ))}
      <NewDeliverable projectId={projectId} onCreated={refresh} />
    </section>
  );
}

function NewDeliverable({ projectId, onCreated }: { projectId: string; onCreated: () => void }) {
  const [title, setTitle] = useState('');
  const [fieldError, setFieldError] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form
      class="card deliverable-new"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setError('');
        if (!title.trim()) {
          setFieldError('Give the deliverable a title, e.g. “Logo concepts”.');
          return;
        }
        setFieldError('');
        setBusy(true);
        try {
          await call('createDeliverable', { params: { projectId }, body: { title: title.trim() } });
          setTitle('');
          onCreated();
        } catch (err) {
          if (err instanceof ApiError && err.field('title')) setFieldError(err.field('title') as string);
          else setError(messageOf(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      <h3 class="deliverable-new__title">New deliverable</h3>
      <Field
        id="new-deliverable"
        label="Title"
        value={title}
        onValue={setTitle}
        maxLength={DELIVERABLE_LIMITS.title}
        error={fieldError || undefined}
        hint="What the client reviews: a logo, a layout, a cut of a film."
      />
      <Notice role="alert">{error}</Notice>
      <button type="submit" class="button button--primary" disabled={busy}>
        Add deliverable
      </button>
    </form>
  );
}
