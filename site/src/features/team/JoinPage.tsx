import { useEffect, useState } from 'preact/hooks';
import { AuthLayout } from '../../components/app/AuthLayout.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { ApiError, call, messageOf } from '../../lib/api.ts';
import { useHydrated } from '../../lib/hooks.ts';
import { firstProblem, type Problems, passwordProblem, passwordRules, requiredProblem } from '../../lib/validation.ts';
import { PasswordToggle, takeToken } from '../auth/index.ts';

type JoinField = 'name' | 'password';
const ORDER: JoinField[] = ['name', 'password'];
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The link of a team invitation (`/join#token=…`): the invitee chooses a name and a password, and
 * lands signed in on the dashboard. The token is taken out of the address at once (history), so it
 * is not left in the tab's history or shared by a copied address.
 */
export default function JoinPage() {
  const hydrated = useHydrated();
  const [token, setToken] = useState<string | null | undefined>(undefined);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [problems, setProblems] = useState<Problems<JoinField>>({});
  const [error, setError] = useState('');
  /** A link that cannot work (used, expired, revoked): the form gives way to why. */
  const [refused, setRefused] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const found = takeToken();
    setToken(found && TOKEN.test(found) ? found : null);
  }, []);

  const show = (found: Problems<JoinField>) => {
    setProblems(found);
    const first = firstProblem(found, ORDER);
    if (first) document.getElementById(first)?.focus();
    return first;
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy || !token) return;
    setError('');
    if (show({ name: requiredProblem(name, 'your name'), password: passwordProblem(password) })) return;
    setBusy(true);
    try {
      await call('acceptTeamInvitation', { body: { token, name: name.trim(), password } });
      location.assign('/');
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && Object.keys(err.fields).length && !err.field('token')) {
        show({ name: err.field('name'), password: err.field('password') });
        setError('Please check the highlighted fields.');
      } else if (err instanceof ApiError && [404, 409, 410].includes(err.status)) setRefused(err.message);
      else setError(messageOf(err));
    }
  };

  const rules = passwordRules(password);
  const footer = (
    <p>
      Already joined? <a href="/signin">Sign in</a>
    </p>
  );
  if (token === null || refused)
    return (
      <AuthLayout title="Join your team" footer={footer}>
        <Notice role="alert">{refused || 'This page needs the link from your invitation email.'}</Notice>
      </AuthLayout>
    );
  return (
    <AuthLayout
      title="Join your team"
      lead="Choose your name and a password. You then sign in with the email address the invitation went to."
      footer={footer}
    >
      <form class="stack" noValidate onSubmit={submit}>
        <Notice role="alert">{error}</Notice>
        <Field id="name" label="Your name" autoComplete="name" maxLength={80} value={name} onValue={setName} error={problems.name} />
        <Field
          id="password"
          label="Password"
          type={showPassword ? 'text' : 'password'}
          autoComplete="new-password"
          maxLength={128}
          value={password}
          onValue={setPassword}
          error={problems.password}
          action={<PasswordToggle shown={showPassword} controls="password" onToggle={() => setShowPassword((v) => !v)} />}
          hintBelow
          hint={
            <ul class="rules">
              {rules.map((r) => (
                <li key={r.label} class={r.met ? 'rules__item rules__item--met' : 'rules__item'}>
                  <span class="rules__mark" aria-hidden="true" />
                  {r.label}
                  <span class="visually-hidden">{r.met ? ' (done)' : ''}</span>
                </li>
              ))}
            </ul>
          }
        />
        <button type="submit" class="button button--primary button--block" disabled={!hydrated || !token} aria-disabled={busy || undefined}>
          {busy && <Spinner />}
          {busy ? 'Joining…' : 'Join the team'}
        </button>
      </form>
    </AuthLayout>
  );
}
