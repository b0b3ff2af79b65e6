import { useEffect, useRef, useState } from 'preact/hooks';

export interface ToastMessage {
  text: string;
  tone: 'info' | 'error' | 'success';
  /** Changes with every message, so the same text twice is announced twice. */
  id: number;
}

/** A message that appears, is announced politely, and goes after a few seconds. */
export function useToast(): [ToastMessage | null, (text: string, tone?: ToastMessage['tone']) => void, () => void] {
  const [message, setMessage] = useState<ToastMessage | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const counter = useRef(0);
  useEffect(() => () => clearTimeout(timer.current), []);
  const say = (text: string, tone: ToastMessage['tone'] = 'error') => {
    clearTimeout(timer.current);
    setMessage({ text, tone, id: ++counter.current });
    timer.current = setTimeout(() => setMessage(null), 6500);
  };
  const clear = () => {
    clearTimeout(timer.current);
    setMessage(null);
  };
  return [message, say, clear];
}

/** The polite live region the toast speaks through (always present, so announcements are heard). */
export function Toast({ message, onDismiss }: { message: ToastMessage | null; onDismiss: () => void }) {
  return (
    <div class="toast-region" role="status" aria-live="polite">
      {message && (
        <div key={message.id} class={`toast toast--${message.tone}`}>
          <span class="toast__text">{message.text}</span>
          <button type="button" class="toast__close" onClick={onDismiss} aria-label="Dismiss message">
            ×
          </button>
        </div>
      )}
    </div>
  );
}
