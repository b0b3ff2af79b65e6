// The studio's actions on one release. Each answer replaces the release on the page; a download
// asks for a fresh link and follows it.
import { useRef, useState } from 'preact/hooks';
import { CLOSED_STATES } from '../../../../shared/features/releases/constants.ts';
import type { ReleaseDetail } from '../../../../shared/features/releases/schemas.ts';
import { call, messageOf } from '../../lib/api.ts';

export type Action = 'send' | 'remind' | 'resend' | 'void' | 'sealed' | 'bundle';

export function useReleaseActions(initial: ReleaseDetail) {
  const [release, setRelease] = useState(initial);
  const [busy, setBusy] = useState<Action | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const running = useRef(false);
  const params = { releaseId: release.releaseId };

  const run = async (action: Action, work: () => Promise<void>, done = '') => {
    if (running.current) return;
    running.current = true;
    setBusy(action);
    setStatus('');
    setError('');
    try {
      await work();
      setStatus(done);
    } catch (e) {
      setError(messageOf(e));
      // The dialogs say the failure too, and stay open.
      throw e;
    } finally {
      running.current = false;
      setBusy(null);
    }
  };
  const update = (p: Promise<{ release: ReleaseDetail }>) => p.then((r) => setRelease(r.release));
  const quiet = (p: Promise<void>) => p.catch(() => {});

  const open = !CLOSED_STATES.includes(release.state);
  return {
    release,
    setRelease,
    busy,
    status,
    error,
    can: {
      send: release.state === 'draft',
      remind: open && release.state !== 'draft' && release.state !== 'awaiting_countersign',
      resend: open && release.state !== 'draft' && release.state !== 'awaiting_countersign',
      // A draft is voided too: every release, sent or not, stays in the history with its trail.
      void: release.state !== 'completed' && release.state !== 'voided' && release.state !== 'declined',
      sealed: Boolean(release.sealed),
      bundle: release.state !== 'draft',
    },
    send: () => quiet(run('send', () => update(call('sendRelease', { params })), 'Sent for signature.')),
    remind: () => quiet(run('remind', () => update(call('remindRelease', { params })), 'Reminders sent.')),
    resend: (signerId: string, name: string) =>
      quiet(
        run(
          'resend',
          () => update(call('resendReleaseSigner', { params: { ...params, signerId } })),
          `A new signing email went to ${name}.`,
        ),
      ),
    /** Throws, for the dialog to say why. */
    voidIt: (reason: string) => run('void', () => update(call('voidRelease', { params, body: { reason } })), 'Voided.'),
    download: (which: 'sealed' | 'bundle') =>
      quiet(
        run(which, async () => {
          const { url } = await call(which === 'sealed' ? 'downloadSealedRelease' : 'downloadDisputeBundle', { params });
          location.assign(url);
        }),
      ),
  };
}
