import { useState } from 'preact/hooks';
import { TASK_STATE_LABELS, type TaskState } from '../../../../shared/features/feedback/constants.ts';
import { formatBytes } from '../../../../shared/features/files/constants.ts';
import { Badge, type BadgeTone } from '../../components/ui/Badge.tsx';
import { messageOf } from '../../lib/api.ts';

const TONES: Record<TaskState, BadgeTone> = {
  new: 'info',
  accepted: 'accent',
  declined: 'danger',
  duplicate: 'neutral',
  snoozed: 'warning',
  done: 'success',
};

export function StateBadge({ state }: { state: TaskState }) {
  return <Badge tone={TONES[state]}>{TASK_STATE_LABELS[state]}</Badge>;
}

/** Starts a download from a short-lived link (its Content-Disposition names the file). */
function startDownload(url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}

/** The files attached to a feedback item, each a button that fetches its short download link. */
export function AttachmentLinks({
  attachments,
  link,
}: {
  attachments: readonly { attachmentId: string; fileName: string; size: number }[];
  link: (attachmentId: string) => Promise<{ url: string }>;
}) {
  const [error, setError] = useState('');
  if (!attachments.length) return null;
  return (
    <div>
      <ul class="feedback-item__attachments" aria-label="Attached files">
        {attachments.map((a) => (
          <li key={a.attachmentId}>
            <button
              type="button"
              class="button button--ghost button--small"
              onClick={() =>
                link(a.attachmentId).then(
                  (l) => startDownload(l.url),
                  (e: unknown) => setError(messageOf(e)),
                )
              }
            >
              {a.fileName} ({formatBytes(a.size)})
            </button>
          </li>
        ))}
      </ul>
      {error && <p class="field__error">{error}</p>}
    </div>
  );
}
