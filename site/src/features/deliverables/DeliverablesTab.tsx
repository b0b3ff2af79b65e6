// The studio project page's Deliverables tab: the list, a new deliverable, a version's upload with
// progress, and sending the latest version for review. Each row links to the review page.
import { useState } from 'preact/hooks';
import { DELIVERABLE_STATE_LABELS } from '../../../../shared/features/deliverables/constants.ts';
import { call, messageOf } from '../../lib/api.ts';
import { useLoad } from '../../lib/hooks.ts';
import { sendWithTicket } from '../uploads/index.ts';

export function DeliverablesTab({ projectId }: { projectId: string }) {
  const load = useLoad(() => call('listDeliverables', { params: { projectId } }).then((r) => r.deliverables));
  const [title, setTitle] = useState('');
  const [error, setError] = useState('');
  const [progress, setProgress] = useState<Record<string, number>>({});
  const act = async (f: () => Promise<unknown>) => {
    setError('');
    try {
      await f();
      load.reload();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const upload = (deliverableId: string, file: File) =>
    act(async () => {
      const params = { projectId, deliverableId };
      const started = await call('startDeliverableVersion', {
        params,
        body: { fileName: file.name, contentType: file.type || 'application/octet-stream', size: file.size },
      });
      const sent = await sendWithTicket(file, started.ticket, (n) =>
        setProgress((p) => ({ ...p, [deliverableId]: file.size ? n / file.size : 1 })),
      );
      await call('completeDeliverableVersion', { params: { ...params, version: String(started.version) }, body: { parts: sent.parts } });
      setProgress((p) => ({ ...p, [deliverableId]: 1 }));
    });
  const send = (deliverableId: string, version: number) =>
    act(() => call('sendDeliverableVersion', { params: { projectId, deliverableId, version: String(version) }, body: {} }));
  return (
    <section class="deliverables-tab" aria-labelledby="deliverables-heading">
      <h2 id="deliverables-heading" class="section-title">
        Deliverables
      </h2>
      {error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {load.state === 'loading' && <p class="muted">Loading…</p>}
      {load.state === 'failed' && <p class="notice notice--error">{messageOf(load.error)}</p>}
      {load.state === 'ready' && (
        <ul class="deliverables-list">
          {load.data.map((d) => (
            <li key={d.deliverableId} class="card deliverables-list__item">
              <a href={`/projects/${projectId}/deliverables/${d.deliverableId}`}>{d.title}</a>{' '}
              <span class="muted">
                {DELIVERABLE_STATE_LABELS[d.state]}
                {d.latestVersion ? ` · v${d.latestVersion}` : ''}
              </span>
              {d.locked ? (
                <p class="muted">Approved and locked: no new version can be added.</p>
              ) : (
                <div class="deliverables-list__actions">
                  <label class="button button--secondary">
                    Upload version {d.latestVersion + 1}
                    <input
                      type="file"
                      hidden
                      onChange={(e) => {
                        const file = (e.currentTarget as HTMLInputElement).files?.[0];
                        if (file) void upload(d.deliverableId, file);
                      }}
                    />
                  </label>
                  {progress[d.deliverableId] !== undefined && <progress value={progress[d.deliverableId]} max={1} />}
                  {d.latestVersion > 0 && d.state !== 'in_review' && (
                    <button type="button" class="button button--primary" onClick={() => send(d.deliverableId, d.latestVersion)}>
                      Send v{d.latestVersion} for review
                    </button>
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <form
        class="card"
        onSubmit={(e) => {
          e.preventDefault();
          if (title.trim())
            void act(async () => {
              await call('createDeliverable', { params: { projectId }, body: { title: title.trim() } });
              setTitle('');
            });
        }}
      >
        <label for="new-deliverable">New deliverable</label>
        <input id="new-deliverable" value={title} maxLength={120} onInput={(e) => setTitle((e.currentTarget as HTMLInputElement).value)} />
        <button type="submit" class="button button--primary">
          Add
        </button>
      </form>
    </section>
  );
}
