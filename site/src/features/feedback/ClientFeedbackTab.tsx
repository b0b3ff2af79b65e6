// A project's Feedback tab in the portal: the contact writes to the team (a subject, a message, a
// category if they like) and follows what became of each thing they sent. The team's notes never
// reach this page: the API does not send them.
import { useState } from 'preact/hooks';
import {
  ATTACHMENT_LIMITS,
  CATEGORY_LABELS,
  FEEDBACK_CATEGORIES,
  FEEDBACK_MAX,
  TASK_LIMITS,
} from '../../../../shared/features/feedback/constants.ts';
import { LoadFailed } from '../../components/app/AppShell.tsx';
import { LinkedText } from '../../components/ui/LinkedText.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { call, messageOf } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { formatDateTime } from '../../lib/format.ts';
import type { Ok } from '../../lib/types.ts';
import { useAttachments, useLiveFeedback } from './hooks.ts';
import { AttachmentLinks, StateBadge } from './parts.tsx';
import './feedback.css';

type Item = Ok<'listClientProjectFeedback'>['feedback'][number];
type Category = (typeof FEEDBACK_CATEGORIES)[number];

export function ClientFeedbackTab({ projectId, studioName }: { projectId: string; studioName: string }) {
  const list = useLiveFeedback(() => call('listClientProjectFeedback', { params: { projectId } }).then((a) => a.feedback), projectId);
  return (
    <section class="feedback-tab" aria-labelledby="feedback-tab-heading">
      <h2 id="feedback-tab-heading" class="section-heading">
        Feedback
      </h2>
      <FeedbackComposer projectId={projectId} studioName={studioName} onSent={list.refresh} />
      <h3 class="feedback-tab__subheading">Your feedback</h3>
      {list.state === 'loading' && <Loading label="Loading your feedback…" />}
      {list.state === 'failed' && <LoadFailed error={list.error} retry={list.refresh} />}
      {list.state === 'ready' &&
        (list.data.length ? (
          <ul class="feedback-items">
            {list.data.map((f) => (
              <ClientItem key={f.feedbackId} item={f} projectId={projectId} />
            ))}
          </ul>
        ) : (
          <p class="muted">Nothing sent yet. What you send appears here with what the team made of it.</p>
        ))}
    </section>
  );
}

function ClientItem({ item, projectId }: { item: Item; projectId: string }) {
  return (
    <li class="card feedback-item" data-testid="feedback-item">
      <div class="feedback-item__head">
        <strong class="feedback-item__subject">{item.subject}</strong>
        <StateBadge state={item.state} />
      </div>
      <p class="muted small">
        {item.category ? `${CATEGORY_LABELS[item.category]} · ` : ''}
        Sent <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
      </p>
      <LinkedText class="feedback-item__message" text={item.message} />
      <AttachmentLinks
        attachments={item.attachments}
        link={(attachmentId) =>
          call('downloadClientFeedbackAttachment', { params: { projectId, feedbackId: item.feedbackId, attachmentId } })
        }
      />
      {item.state === 'declined' && item.declineReason && (
        <p class="feedback-item__outcome">
          <strong>Why not:</strong> {item.declineReason}
        </p>
      )}
      {item.state === 'duplicate' && item.duplicateOf && (
        <p class="feedback-item__outcome">Already raised as “{item.duplicateOf.subject}”.</p>
      )}
      {item.state === 'snoozed' && item.snoozedUntil && (
        <p class="feedback-item__outcome">
          The team will come back to this on <time dateTime={item.snoozedUntil}>{formatDate(item.snoozedUntil)}</time>.
        </p>
      )}
    </li>
  );
}

function FeedbackComposer({ projectId, studioName, onSent }: { projectId: string; studioName: string; onSent: () => void }) {
  const [subject, setSubject] = useState('');
  const [message, setMessage] = useState('');
  const [category, setCategory] = useState<Category | ''>('');
  const [state, setState] = useState<{ busy: boolean; sent: boolean; error: string }>({ busy: false, sent: false, error: '' });
  const files = useAttachments(projectId);
  const send = async (e: Event) => {
    e.preventDefault();
    if (!subject.trim() || !message.trim()) {
      setState({ busy: false, sent: false, error: 'Give it a subject and a message.' });
      return;
    }
    setState({ busy: true, sent: false, error: '' });
    try {
      await call('submitProjectFeedback', {
        params: { projectId },
        body: { subject: subject.trim(), message: message.trim(), category: category || null, attachments: files.files },
      });
      files.clear();
      setSubject('');
      setMessage('');
      setCategory('');
      setState({ busy: false, sent: true, error: '' });
      onSent();
    } catch (err) {
      setState({ busy: false, sent: false, error: messageOf(err) });
    }
  };
  return (
    <form class="card feedback-form" onSubmit={send} noValidate>
      <p class="muted">Anything {studioName} should change or know about this project? It goes straight to the team.</p>
      <label class="field__label" for="feedback-subject">
        Subject
      </label>
      <input
        id="feedback-subject"
        class="input"
        maxLength={TASK_LIMITS.subjectMax}
        value={subject}
        onInput={(e) => setSubject(e.currentTarget.value)}
      />
      <label class="field__label" for="feedback-category">
        About (optional)
      </label>
      <select id="feedback-category" class="select" value={category} onChange={(e) => setCategory(e.currentTarget.value as Category | '')}>
        <option value="">Choose…</option>
        {FEEDBACK_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {CATEGORY_LABELS[c]}
          </option>
        ))}
      </select>
      <label class="field__label" for="feedback-body">
        Message
      </label>
      <textarea
        id="feedback-body"
        class="textarea"
        rows={4}
        maxLength={FEEDBACK_MAX}
        value={message}
        onInput={(e) => setMessage(e.currentTarget.value)}
      />
      <label class="field__label" for="feedback-files">
        Attach files (optional, up to {ATTACHMENT_LIMITS.perFeedback})
      </label>
      <input
        id="feedback-files"
        type="file"
        multiple
        disabled={files.busy || files.files.length >= ATTACHMENT_LIMITS.perFeedback}
        onChange={(e) => {
          const input = e.currentTarget;
          files.add(input.files).finally(() => {
            input.value = '';
          });
        }}
      />
      {files.busy && <p class="muted small">Attaching…</p>}
      {files.files.length > 0 && (
        <ul class="feedback-item__attachments" aria-label="Files to send">
          {files.files.map((f) => (
            <li key={f.attachmentId}>
              {f.fileName}{' '}
              <button type="button" class="button button--ghost button--small" onClick={() => files.remove(f.attachmentId)}>
                Remove<span class="visually-hidden"> {f.fileName}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <Notice role="alert">{files.error || state.error}</Notice>
      <Notice role="status">{state.sent ? 'Sent. The team will let you know what becomes of it.' : ''}</Notice>
      <button type="submit" class="button button--primary" disabled={state.busy || files.busy}>
        {state.busy ? 'Sending…' : 'Send feedback'}
      </button>
    </form>
  );
}
