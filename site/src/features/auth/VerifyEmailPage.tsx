import { useEffect, useState } from 'preact/hooks';
import { AuthLayout } from '../../components/app/AuthLayout.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { call, messageOf } from '../../lib/api.ts';
import { takeToken } from './PortalAuth.tsx';

/** The link of the sign-up mail (`/verify-email#token=…`): confirms the owner's email once. */
export default function VerifyEmailPage() {
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  useEffect(() => {
    const token = takeToken();
    if (!token) {
      setOutcome({ ok: false, message: 'This page needs the link from your sign-up email.' });
      return;
    }
    call('verifyStudioEmail', { body: { token } }).then(
      (answer) => setOutcome({ ok: true, message: answer.message }),
      (err) => setOutcome({ ok: false, message: messageOf(err) }),
    );
  }, []);
  return (
    <AuthLayout
      title="Confirm your email"
      footer={
        <p>
          <a href="/signin">Sign in to your studio</a>
        </p>
      }
    >
      {outcome ? (
        <Notice role={outcome.ok ? 'status' : 'alert'}>{outcome.message}</Notice>
      ) : (
        <p role="status">
          <Spinner /> Confirming your email…
        </p>
      )}
    </AuthLayout>
  );
}
