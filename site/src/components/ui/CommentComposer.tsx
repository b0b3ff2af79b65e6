// A new comment on a thread's page: the text box with @ suggestions (MentionInput), its label and
// hint, and the button; the page may add controls beside it ("Remove pin").
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { type Mentionable, MentionInput } from './MentionInput.tsx';

/** A new comment: the text box with @ suggestions, and what to say above it. */
export function CommentComposer({
  id,
  label,
  hint,
  people,
  maxLength,
  submitLabel = 'Post comment',
  onSubmit,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  people: readonly Mentionable[];
  maxLength: number;
  submitLabel?: string;
  onSubmit: (text: string, mentions: string[]) => Promise<boolean>;
  /** More controls beside the button ("Remove pin"). */
  children?: ComponentChildren;
}) {
  const [text, setText] = useState('');
  const [mentions, setMentions] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    if (!text.trim() || busy) return;
    setBusy(true);
    if (await onSubmit(text.trim(), mentions)) {
      setText('');
      setMentions([]);
    }
    setBusy(false);
  };
  return (
    <form
      class="comment-composer"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <label class="field__label" for={id}>
        {label}
      </label>
      {hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <MentionInput
        id={id}
        rows={3}
        maxLength={maxLength}
        required
        describedBy={hint ? `${id}-hint` : undefined}
        value={text}
        mentions={mentions}
        people={people}
        onChange={(t, m) => {
          setText(t);
          setMentions(m);
        }}
        onSubmit={() => void send()}
      />
      <div class="comment-composer__actions">
        <button type="submit" class="button button--primary" disabled={busy}>
          {submitLabel}
        </button>
        {children}
      </div>
    </form>
  );
}
