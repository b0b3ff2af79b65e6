import { useState } from 'preact/hooks';
import { AuthLayout } from '../../components/app/AuthLayout.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { ApiError, call, messageOf } from '../../lib/api.ts';
import { useHydrated } from '../../lib/hooks.ts';
import { safeNext } from '../../lib/nav.ts';
import { emailProblem, firstProblem, type Problems } from '../../lib/validation.ts';
import { PasswordToggle } from './PasswordToggle.tsx';

type SignInField = 'email' | 'password';
const ORDER: SignInField[] = ['email', 'password'];

export default function SignInPage() {
  const hydrated = useHydrated();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [problems, setProblems] = useState<Problems<SignInField>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setError('');
    const found: Problems<SignInField> = { email: emailProblem(email), password: password ? undefined : 'Enter your password.' };
    setProblems(found);
    const first = firstProblem(found, ORDER);
    if (first) return document.getElementById(first)?.focus();
    setBusy(true);
    try {
      await call('studioSignIn', { body: { email: email.trim(), password } });
      location.assign(safeNext(location.search));
    } catch (err) {
      setBusy(false);
      setError(
        err instanceof ApiError && err.code === 'invalid_credentials'
          ? 'That email and password don’t match an account. Check them and try again.'
          : messageOf(err),
      );
    }
  };

  return (
    <AuthLayout
      title="Sign in to your studio"
      footer={
        <p>
          New to Portico? <a href="/signup">Create your studio</a>
          {' · '}
          <a href="/verify">Verify a signed document</a>
        </p>
      }
    >
      <form class="stack" noValidate onSubmit={submit}>
        <Notice role="alert">{error}</Notice>
        <Field
          id="email"
          label="Email"
          type="email"
          autoComplete="username"
          spellcheck={false}
          value={email}
          onValue={setEmail}
          error={problems.email}
        />
        <Field
          id="password"
          label="Password"
          type={showPassword ? 'text' : 'password'}
          autoComplete="current-password"
          value={password}
          onValue={setPassword}
          error={problems.password}
          action={<PasswordToggle shown={showPassword} controls="password" onToggle={() => setShowPassword((v) => !v)} />}
        />
        <button type="submit" class="button button--primary button--block" disabled={!hydrated} aria-disabled={busy || undefined}>
          {busy && <Spinner />}
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </AuthLayout>
  );
}
