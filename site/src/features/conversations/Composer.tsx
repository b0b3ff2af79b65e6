// The thread's composer: text with @mentions of the participants, files with their progress.
import { useRef, useState } from 'preact/hooks';
import { MESSAGE_LIMITS } from '../../../../shared/features/conversations/constants.ts';
import { type Mentionable, MentionInput } from '../../components/ui/MentionInput.tsx';
import { messageOf } from '../../lib/api.ts';
import type { Outgoing } from './useThread.ts';

export function Composer({ people, send }: { people: Mentionable[]; send: (o: Outgoing) => Promise<void> }) {
  const [text, setText] = useState('');
  const [mentions, setMentions] = useState<string[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  const [sending, setSending] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const picker = useRef<HTMLInputElement>(null);

  const submit = async () => {
    if (sending || (!text.trim() && files.length === 0)) return;
    setSending(true);
    setProblem(null);
    try {
      await send({
        text,
        mentions,
        files,
        progress: (sent, total) => setProgress(total ? Math.round((sent / total) * 100) : null),
      });
      setText('');
      setMentions([]);
      setFiles([]);
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setSending(false);
      setProgress(null);
    }
  };

  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label class="visually-hidden" for="composer-text">
        Message
      </label>
      <MentionInput
        id="composer-text"
        value={text}
        mentions={mentions}
        people={people}
        onChange={(t, ms) => {
          setText(t);
          setMentions(ms);
        }}
        onSubmit={submit}
        rows={2}
        maxLength={MESSAGE_LIMITS.chars}
        placeholder="Write a message… (@ to mention)"
        disabled={sending}
      />
      {files.length > 0 && (
        <ul class="composer__files">
          {files.map((f) => (
            <li key={f.name}>
              {f.name}
              <button type="button" class="button button--ghost button--small" onClick={() => setFiles(files.filter((x) => x !== f))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {progress !== null && <progress class="composer__progress" max={100} value={progress} aria-label="Upload progress" />}
      {problem && (
        <p class="thread__error" role="alert">
          {problem}
        </p>
      )}
      <div class="composer__actions">
        <input
          ref={picker}
          type="file"
          multiple
          hidden
          onChange={(e) => {
            const chosen = [...((e.target as HTMLInputElement).files ?? [])];
            setFiles([...files, ...chosen].slice(0, MESSAGE_LIMITS.attachments));
            (e.target as HTMLInputElement).value = '';
          }}
        />
        <button type="button" class="button button--ghost" onClick={() => picker.current?.click()} disabled={sending}>
          Attach
        </button>
        <button type="submit" class="button button--primary" disabled={sending}>
          {sending ? 'Sending…' : 'Send'}
        </button>
      </div>
    </form>
  );
}
