// The Portal Manager's release templates: the starters that ship with Portico (read-only: "Make a
// copy" to change one) and the studio's own, text or PDF.
import { useState } from 'preact/hooks';
import { RELEASE_KIND_NAMES } from '../../../../shared/features/releases/constants.ts';
import type { TemplateView } from '../../../../shared/features/releases/schemas.ts';
import { LoadFailed } from '../../components/app/AppShell.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { ConfirmDanger } from '../../components/ui/ConfirmDanger.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { call, messageOf } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { useLoad, useTitle } from '../../lib/hooks.ts';
import { ReleasesShell } from './ReleasesShell.tsx';
import { TemplateEditor } from './TemplateEditor.tsx';
import { copyStarter, deleteTemplate } from './useTemplates.ts';

type Editing = { template: TemplateView | null } | null;

export default function TemplatesPage() {
  const load = useLoad(() => Promise.all([call('getStudioMe'), call('listReleaseTemplates')]));
  const me = load.state === 'ready' ? load.data[0] : undefined;
  useTitle(me && `Release templates · ${me.studio.name} · Portico`);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<TemplateView | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const templates = load.state === 'ready' ? load.data[1].templates : [];

  const copy = async (t: TemplateView) => {
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      const mine = await copyStarter(t);
      load.reload();
      setEditing({ template: mine });
      setStatus(`“${mine.name}” is yours to change.`);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ReleasesShell
      me={me}
      title="Release templates"
      lead="The text of your releases and contracts, with the fields each release fills in."
      section="templates"
    >
      {load.state === 'loading' && <Loading label="Loading templates…" />}
      {load.state === 'failed' && <LoadFailed error={load.error} retry={load.reload} />}
      <Notice role="status">{status}</Notice>
      <Notice role="alert">{error}</Notice>
      {editing ? (
        <TemplateEditor
          key={editing.template?.templateId ?? 'new'}
          existing={editing.template}
          onCancel={() => setEditing(null)}
          onSaved={(t) => {
            setEditing(null);
            setStatus(`Saved “${t.name}”.`);
            load.reload();
          }}
        />
      ) : (
        load.state === 'ready' && (
          <p class="release-toolbar">
            <button type="button" class="button button--primary" onClick={() => setEditing({ template: null })}>
              New template
            </button>
          </p>
        )
      )}
      {load.state === 'ready' && (
        <section class="card card--flush" aria-labelledby="templates-heading">
          <div class="card__head">
            <h2 id="templates-heading">Templates</h2>
          </div>
          <ul class="template-list">
            {templates.map((t) => (
              <li key={t.templateId} class="template-list__item" data-testid="release-template">
                <div>
                  <p class="template-list__name">{t.name}</p>
                  <p class="muted small">
                    {RELEASE_KIND_NAMES[t.kind]} · {t.format === 'pdf' ? 'PDF' : 'Text'}
                    {!t.starter && <> · changed {formatDate(t.updatedAt)}</>}
                  </p>
                  {t.starter && <Badge tone="neutral">Starter</Badge>}
                  {t.format === 'pdf' && !t.pdfUploaded && <Badge tone="warning">PDF not uploaded</Badge>}
                </div>
                <div class="pm-actions">
                  {(t.format === 'text' || t.pdfUploaded) && (
                    <a
                      class="button button--secondary button--small"
                      href={`/portal-manager/releases/new?template=${encodeURIComponent(t.templateId)}`}
                    >
                      Use
                    </a>
                  )}
                  {t.starter ? (
                    <button
                      type="button"
                      class="button button--secondary button--small"
                      aria-disabled={busy || undefined}
                      aria-label={`Make a copy of ${t.name}`}
                      onClick={() => void copy(t)}
                    >
                      Make a copy
                    </button>
                  ) : (
                    <>
                      <button
                        type="button"
                        class="button button--secondary button--small"
                        aria-label={`Edit ${t.name}`}
                        onClick={() => setEditing({ template: t })}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        class="button button--danger button--small"
                        aria-label={`Delete ${t.name}`}
                        onClick={() => setDeleting(t)}
                      >
                        Delete
                      </button>
                    </>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      {deleting && (
        <ConfirmDanger
          id="delete-template-text"
          title="Delete this template?"
          keepLabel="Keep it"
          actionLabel="Delete template"
          busyLabel="Deleting…"
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await deleteTemplate(deleting);
            setStatus(`Deleted “${deleting.name}”.`);
            setDeleting(null);
            load.reload();
          }}
        >
          “{deleting.name}” will be deleted. Releases already made from it keep their document.
        </ConfirmDanger>
      )}
    </ReleasesShell>
  );
}
