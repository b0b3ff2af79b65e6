import { useState } from 'preact/hooks';
import { messageOf, signOut } from '../../lib/api.ts';

/** Ends the session on this host and goes to its sign-in page; reports a failure through `onError`. */
export function SignOutButton({ class: extra = 'button--ghost', onError }: { class?: string; onError: (message: string) => void }) {
  const [busy, setBusy] = useState(false);
  const click = async () => {
    if (busy) return;
    setBusy(true);
    onError('');
    try {
      await signOut();
    } catch (e) {
      setBusy(false);
      onError(`We couldn’t sign you out. ${messageOf(e)}`);
    }
  };
  return (
    <button type="button" class={`button ${extra}`} onClick={click} aria-disabled={busy || undefined}>
      {busy ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
