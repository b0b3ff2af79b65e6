// One deliverable in the studio's tab: its state, latest version and due date, the link to its
// review page, the upload of its next version with progress, and sending it for review. A locked
// deliverable says so in place of the upload.
import { useEffect, useRef, useState } from 'preact/hooks';
import { Badge } from '../../components/ui/Badge.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { call, messageOf } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import type { Ok } from '../../lib/types.ts';
import { LockedNote } from './LockedNote.tsx';
import { STATE_TONE, stateLabel } from './labels.ts';
import { useVersionUpload } from './useVersionUpload.ts';

export type Summary = Ok<'listDeliverables'>['deliverables'][number];

export const UPLOAD_NOTE =
  'Any file type: images, PDFs (every page) and videos get a preview, other files a download. Large files go up in parts.';

export function DeliverableRow({ projectId, d, onChanged }: { projectId: string; d: Summary; onChanged: () => void }) {
  const ids = { projectId, deliverableId: d.deliverableId };
  const upload = useVersionUpload(ids, onChanged);
  const input = useRef<HTMLInputElement>(null);
  const [due, setDue] = useState(d.dueDate ?? '');
  const [error, setError] = useState('');
  const [sent, setSent] = useState('');
  const [sending, setSending] = useState(false);
  const s = upload.state;
  const next = d.latestVersion + 1;
  const href = `/projects/${projectId}/deliverables/${d.deliverableId}`;
  const uid = d.deliverableId.slice(0, 8);
  const latest = useLatestVersion(ids, d, upload.state.phase);
  const sendable = !!latest && !latest.sentAt && latest.status === 'ready' && !upload.busy;
  const send = async () => {
    setError('');
    setSent('');
    setSending(true);
    try {
      await call('sendDeliverableVersion', {
        params: { ...ids, version: String(d.latestVersion) },
        body: due ? { dueDate: due } : {},
      });
      setSent(`Version ${d.latestVersion} was sent for review: the client has been emailed.`);
      onChanged();
    } catch (e) {
      setError(messageOf(e));
      onChanged();
    } finally {
      setSending(false);
    }
  };
  return (
    <li class="deliverable-row" aria-label={d.title}>
      <div class="deliverable-row__main">
        <a class="deliverable-row__title" href={href}>
          {d.title}
        </a>
        <div class="deliverable-row__facts">
          <Badge tone={STATE_TONE[d.state]}>{stateLabel(d.state)}</Badge>
          <span class="small">{d.latestVersion ? `Version ${d.latestVersion}` : 'No version yet'}</span>
          {d.dueDate && (
            <span class="small muted">
              Due <time dateTime={d.dueDate}>{formatDate(d.dueDate)}</time>
            </span>
          )}
        </div>
      </div>
      <div class="deliverable-row__actions">
        {d.latestVersion > 0 && (
          <a class="button button--secondary button--small" href={href}>
            {d.state === 'draft' ? 'Open' : 'Open review'}
          </a>
        )}
        {d.locked ? (
          <LockedNote />
        ) : (
          <div class="deliverable-upload">
            <button
              type="button"
              class="button button--secondary button--small"
              disabled={upload.busy}
              aria-describedby={`upload-note-${uid}`}
              onClick={() => input.current?.click()}
            >
              {s.phase === 'sending' ? 'Uploading…' : `Upload version ${next}`}
            </button>
            <input
              ref={input}
              type="file"
              hidden
              aria-label={`Upload version ${next} of ${d.title}`}
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (!file) return;
                setSent('');
                void upload.send(file);
              }}
            />
            <p class="muted small" id={`upload-note-${uid}`}>
              {UPLOAD_NOTE}
            </p>
          </div>
        )}
      </div>
      {s.phase === 'sending' && (
        <div class="deliverable-upload__progress">
          <progress max={s.size || 1} value={s.sent} aria-label={`Uploading ${s.name}`} />
          <span class="small">{s.size ? Math.floor((s.sent / s.size) * 100) : 100} %</span>
        </div>
      )}
      <Notice role="status">
        {s.phase === 'processing'
          ? `${s.name} is up: making its preview…`
          : sent || (s.phase === 'done' && !s.failed ? `Version ${s.version} (${s.name}) is ready.` : '')}
      </Notice>
      <Notice role="alert">
        {s.phase === 'failed' ? `${s.name}: ${s.message}` : s.phase === 'done' && s.failed ? `${s.name} was refused: ${s.failed}` : error}
      </Notice>
      {sendable && (
        <form
          class="deliverable-send"
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <div class="field">
            <label class="field__label" for={`due-${uid}`}>
              Review due <span class="field__optional">(optional)</span>
            </label>
            <input id={`due-${uid}`} class="input input--small" type="date" value={due} onInput={(e) => setDue(e.currentTarget.value)} />
          </div>
          <button type="submit" class="button button--primary button--small" disabled={sending}>
            Send version {d.latestVersion} for review
          </button>
        </form>
      )}
    </li>
  );
}

/**
 * The latest version of a deliverable that may be sent (not locked, no round open on it): whether it
 * was sent and is ready, which the list does not say. Asked again when the row or its upload changes.
 */
function useLatestVersion(ids: { projectId: string; deliverableId: string }, d: Summary, uploadPhase: string) {
  const [latest, setLatest] = useState<{ sentAt: string | null; status: string } | null>(null);
  const ask = !d.locked && d.state !== 'in_review' && d.latestVersion > 0;
  useEffect(() => {
    setLatest(null);
    if (!ask) return;
    let live = true;
    call('getStudioDeliverable', { params: ids }).then(
      (r) => live && setLatest(r.deliverable.versions.find((v) => v.version === d.latestVersion) ?? null),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [ask, d.latestVersion, d.updatedAt, uploadPhase]);
  return latest;
}
