import { useState } from 'preact/hooks';
import { FEEDBACK_MAX } from '../../../../shared/features/feedback/constants.ts';
import { Notice } from '../../components/ui/Notice.tsx';
import { call, messageOf } from '../../lib/api.ts';

/** The portal's Feedback card: the client writes to the studio (shown only when the plan has it). */
export function FeedbackForm({ studioName }: { studioName: string }) {
  const [message, setMessage] = useState('');
  const [state, setState] = useState<{ busy: boolean; sent: boolean; error: string }>({ busy: false, sent: false, error: '' });
  const send = async (e: Event) => {
    e.preventDefault();
    if (!message.trim()) {
      setState({ busy: false, sent: false, error: 'Write a message first.' });
      return;
    }
    setState({ busy: true, sent: false, error: '' });
    try {
      await call('sendFeedback', { body: { message: message.trim() } });
      setMessage('');
      setState({ busy: false, sent: true, error: '' });
    } catch (err) {
      setState({ busy: false, sent: false, error: messageOf(err) });
    }
  };
  return (
    <section class="container feedback" aria-labelledby="feedback-heading">
      <h2 id="feedback-heading" class="section-title">
        Feedback
      </h2>
      <form class="card feedback__form" onSubmit={send} noValidate>
        <label for="feedback-message">Anything {studioName} should know? Your message goes straight to the team.</label>
        <textarea
          id="feedback-message"
          rows={4}
          maxLength={FEEDBACK_MAX}
          value={message}
          onInput={(e) => setMessage((e.currentTarget as HTMLTextAreaElement).value)}
        />
        <Notice role="alert">{state.error}</Notice>
        <Notice role="status">{state.sent ? `Sent. ${studioName} will get back to you.` : ''}</Notice>
        <button type="submit" class="button button--primary" disabled={state.busy}>
          {state.busy ? 'Sending…' : 'Send feedback'}
        </button>
      </form>
    </section>
  );
}
