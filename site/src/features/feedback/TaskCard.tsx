// One feedback task as the team triages it: the client's words, the moves its state allows (with
// what each needs), its assignee and due date, and the team's internal notes.
import { useState } from 'preact/hooks';
import { CATEGORY_LABELS, FEEDBACK_MAX, TASK_LIMITS, type TaskState, TRANSITIONS } from '../../../../shared/features/feedback/constants.ts';
import { LinkedText } from '../../components/ui/LinkedText.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { ApiError, call, messageOf } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { formatDateTime } from '../../lib/format.ts';
import type { Body, Ok } from '../../lib/types.ts';
import { AttachmentLinks, StateBadge } from './parts.tsx';

export type Task = Ok<'listProjectFeedback'>['feedback'][number];
type Member = Ok<'listProjectFeedback'>['team'][number];

/** The button for each move, named for what it does from where the task is. */
const MOVE_LABELS: Record<TaskState, string> = {
  new: 'Reopen',
  accepted: 'Accept',
  declined: 'Decline…',
  duplicate: 'Duplicate of…',
  snoozed: 'Snooze…',
  done: 'Mark done',
};
const NEEDS_MORE: readonly TaskState[] = ['declined', 'duplicate', 'snoozed'];

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

export function TaskCard({ task, team, others, onSaved }: { task: Task; team: Member[]; others: Task[]; onSaved: () => void }) {
  const [pending, setPending] = useState<TaskState | null>(null);
  const [reason, setReason] = useState('');
  const [duplicateOf, setDuplicateOf] = useState('');
  const [until, setUntil] = useState(tomorrow());
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const save = async (body: Omit<Body<'triageFeedback'>, 'revision'>) => {
    setBusy(true);
    setError('');
    try {
      await call('triageFeedback', {
        params: { projectId: task.projectId, feedbackId: task.feedbackId },
        body: { revision: task.revision, ...body },
      });
      setPending(null);
      setReason('');
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError && e.code === 'changed' ? 'Someone else changed this just now: it shows their change.' : messageOf(e));
      if (e instanceof ApiError && e.code === 'changed') onSaved();
    } finally {
      setBusy(false);
    }
  };
  const move = (to: TaskState) => (NEEDS_MORE.includes(to) ? setPending(to) : save({ state: to }));
  const confirm = () =>
    pending === 'declined'
      ? save({ state: 'declined', reason: reason.trim() })
      : pending === 'duplicate'
        ? save({ state: 'duplicate', duplicateOf })
        : save({ state: 'snoozed', snoozedUntil: until });
  const addNote = async (e: Event) => {
    e.preventDefault();
    if (!note.trim()) return;
    setBusy(true);
    setError('');
    try {
      await call('addFeedbackNote', { params: { projectId: task.projectId, feedbackId: task.feedbackId }, body: { text: note.trim() } });
      setNote('');
      onSaved();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  const id = task.feedbackId;

  return (
    <li class="card feedback-item" data-testid="feedback-task">
      <div class="feedback-item__head">
        <strong class="feedback-item__subject">{task.subject}</strong>
        <StateBadge state={task.state} />
      </div>
      <p class="muted small">
        {task.submittedBy.name}
        {task.category ? ` · ${CATEGORY_LABELS[task.category]}` : ''} ·{' '}
        <time dateTime={task.createdAt}>{formatDateTime(task.createdAt)}</time>
      </p>
      <LinkedText class="feedback-item__message" text={task.message} />
      <AttachmentLinks
        attachments={task.attachments}
        link={(attachmentId) =>
          call('downloadFeedbackAttachment', { params: { projectId: task.projectId, feedbackId: task.feedbackId, attachmentId } })
        }
      />
      {task.state === 'declined' && task.declineReason && <p class="feedback-item__outcome">Declined: {task.declineReason}</p>}
      {task.state === 'duplicate' && task.duplicateOf && <p class="feedback-item__outcome">Duplicate of “{task.duplicateOf.subject}”</p>}
      {task.state === 'snoozed' && task.snoozedUntil && <p class="feedback-item__outcome">Snoozed until {formatDate(task.snoozedUntil)}</p>}

      <fieldset class="feedback-item__moves feedback-item__fieldset">
        <legend class="visually-hidden">Triage “{task.subject}”</legend>
        {TRANSITIONS[task.state].map((to) => (
          <button key={to} type="button" class="button button--small" disabled={busy} onClick={() => move(to)}>
            {task.state === 'done' && to === 'accepted' ? 'Reopen' : MOVE_LABELS[to]}
          </button>
        ))}
      </fieldset>
      {pending && (
        <div class="feedback-item__pending">
          {pending === 'declined' && (
            <>
              <label class="field__label" for={`reason-${id}`}>
                Why not? The client sees this.
              </label>
              <textarea
                id={`reason-${id}`}
                class="textarea"
                rows={2}
                maxLength={TASK_LIMITS.reasonMax}
                value={reason}
                onInput={(e) => setReason(e.currentTarget.value)}
              />
            </>
          )}
          {pending === 'duplicate' && (
            <>
              <label class="field__label" for={`dup-${id}`}>
                Repeats
              </label>
              <select id={`dup-${id}`} class="select" value={duplicateOf} onChange={(e) => setDuplicateOf(e.currentTarget.value)}>
                <option value="">Choose feedback…</option>
                {others.map((o) => (
                  <option key={o.feedbackId} value={o.feedbackId}>
                    {o.subject}
                  </option>
                ))}
              </select>
            </>
          )}
          {pending === 'snoozed' && (
            <>
              <label class="field__label" for={`until-${id}`}>
                Until
              </label>
              <input
                id={`until-${id}`}
                class="input"
                type="date"
                min={tomorrow()}
                value={until}
                onInput={(e) => setUntil(e.currentTarget.value)}
              />
            </>
          )}
          <div class="feedback-item__moves">
            <button type="button" class="button button--primary button--small" disabled={busy} onClick={confirm}>
              Confirm
            </button>
            <button type="button" class="button button--ghost button--small" onClick={() => setPending(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}

      <div class="feedback-item__fields">
        <label class="field__label" for={`assignee-${id}`}>
          Assignee
        </label>
        <select
          id={`assignee-${id}`}
          class="select"
          value={task.assignee.userId}
          disabled={busy}
          onChange={(e) => save({ assigneeId: e.currentTarget.value })}
        >
          {team.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
        </select>
        <label class="field__label" for={`due-${id}`}>
          Due
        </label>
        <input
          id={`due-${id}`}
          class="input"
          type="date"
          value={task.dueDate ?? ''}
          disabled={busy}
          onChange={(e) => save({ dueDate: e.currentTarget.value || null })}
        />
      </div>

      <details class="feedback-item__notes">
        <summary>Internal notes ({task.notes.length}) · only your team sees these</summary>
        <ul>
          {task.notes.map((n) => (
            <li key={n.noteId}>
              <p class="muted small">
                {n.authorName} · <time dateTime={n.at}>{formatDateTime(n.at)}</time>
              </p>
              <LinkedText text={n.text} />
            </li>
          ))}
        </ul>
        <form onSubmit={addNote}>
          <label class="visually-hidden" for={`note-${id}`}>
            New internal note
          </label>
          <textarea
            id={`note-${id}`}
            class="textarea"
            rows={2}
            maxLength={FEEDBACK_MAX}
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
          <button type="submit" class="button button--small" disabled={busy || !note.trim()}>
            Add note
          </button>
        </form>
      </details>
      <Notice role="alert">{error}</Notice>
    </li>
  );
}
