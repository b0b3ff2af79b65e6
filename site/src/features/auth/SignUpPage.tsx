import { useEffect, useState } from 'preact/hooks';
import { SLUG_MAX } from '../../../../shared/features/studios/constants.ts';
import { AuthLayout } from '../../components/app/AuthLayout.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { ApiError, call, messageOf } from '../../lib/api.ts';
import { useHydrated } from '../../lib/hooks.ts';
import {
  emailProblem,
  firstProblem,
  type Problems,
  passwordProblem,
  passwordRules,
  requiredProblem,
  slugProblem,
  suggestSlug,
} from '../../lib/validation.ts';
import { PasswordToggle } from './PasswordToggle.tsx';

type SignUpField = 'studioName' | 'slug' | 'name' | 'email' | 'password';
const ORDER: SignUpField[] = ['studioName', 'slug', 'name', 'email', 'password'];

export default function SignUpPage() {
  const hydrated = useHydrated();
  const [studioName, setStudioName] = useState('');
  const [sent, setSent] = useState('');
  const [slug, setSlug] = useState('');
  /** Once people edit the address themselves, the studio name stops rewriting it. */
  const [slugEdited, setSlugEdited] = useState(false);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [problems, setProblems] = useState<Problems<SignUpField>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  /** Portals live on <slug>.<the dashboard's host>. */
  const [domain, setDomain] = useState('');
  useEffect(() => setDomain(location.host), []);
  /** An operator's sign-up code rides in the link they hand out (/signup?code=…), when sign-up is by invitation. */
  const [inviteCode, setInviteCode] = useState<string | undefined>();
  useEffect(() => setInviteCode(new URLSearchParams(location.search).get('code') ?? undefined), []);
  /** Set once the API says this Portico takes no sign-ups (or none without a code): the form gives way to why. */
  const [closed, setClosed] = useState('');

  const onStudioName = (value: string) => {
    setStudioName(value);
    if (!slugEdited) setSlug(suggestSlug(value));
  };
  const onSlug = (value: string) => {
    const next = value.toLowerCase().replace(/[\s_]+/g, '-');
    setSlug(next);
    setSlugEdited(next !== '');
  };

  const show = (found: Problems<SignUpField>) => {
    setProblems(found);
    const first = firstProblem(found, ORDER);
    if (first) document.getElementById(first)?.focus();
    return first;
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setError('');
    setSent('');
    const found = show({
      studioName: requiredProblem(studioName, 'your studio’s name'),
      slug: slugProblem(slug),
      name: requiredProblem(name, 'your name'),
      email: emailProblem(email),
      password: passwordProblem(password),
    });
    if (found) return;
    setBusy(true);
    try {
      const answer = await call('studioSignUp', {
        body: { studioName: studioName.trim(), slug, name: name.trim(), email: email.trim(), password, inviteCode },
      });
      // Sign-up answers alike whether or not the email was free (the mail says which): signing in
      // with the chosen password opens the new studio; if it fails, the mail explains.
      try {
        await call('studioSignIn', { body: { email: email.trim(), password } });
        location.assign('/');
      } catch {
        setBusy(false);
        setSent(answer.message);
      }
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && (err.code === 'signup_closed' || err.code === 'signup_invite_required')) setClosed(err.message);
      else if (err instanceof ApiError && err.code === 'slug_taken') show({ slug: err.message });
      else if (err instanceof ApiError && Object.keys(err.fields).length) {
        show(Object.fromEntries(ORDER.map((k) => [k, err.field(k)])));
        setError('Please check the highlighted fields.');
      } else setError(messageOf(err));
    }
  };

  const rules = passwordRules(password);
  return (
    <AuthLayout
      title="Create your studio"
      lead="Set up your own client portal in a minute. Your clients will sign in with a link: no passwords for them."
      footer={
        <p>
          Already have a studio? <a href="/signin">Sign in</a>
        </p>
      }
    >
      {closed ? (
        <Notice role="alert">{closed}</Notice>
      ) : (
        <form class="stack" noValidate onSubmit={submit}>
          <Notice role="alert">{error}</Notice>
          <Notice role="status">{sent}</Notice>
          <Field
            id="studioName"
            label="Studio name"
            autoComplete="organization"
            maxLength={80}
            value={studioName}
            onValue={onStudioName}
            error={problems.studioName}
          />
          <Field
            id="slug"
            label="Portal address"
            autoComplete="off"
            autoCapitalize="none"
            spellcheck={false}
            maxLength={SLUG_MAX}
            value={slug}
            onValue={onSlug}
            error={problems.slug}
            hintBelow
            hint={
              <>
                Your clients will visit{' '}
                <span class="slug-preview">
                  {slug || 'your-studio'}
                  {domain && `.${domain}`}
                </span>
                <br />
                Lowercase letters, digits and hyphens.
              </>
            }
          />
          <Field id="name" label="Your name" autoComplete="name" maxLength={80} value={name} onValue={setName} error={problems.name} />
          <Field
            id="email"
            label="Email"
            type="email"
            autoComplete="email"
            spellcheck={false}
            value={email}
            onValue={setEmail}
            error={problems.email}
          />
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
          <button type="submit" class="button button--primary button--block" disabled={!hydrated} aria-disabled={busy || undefined}>
            {busy && <Spinner />}
            {busy ? 'Creating your studio…' : 'Create studio'}
          </button>
        </form>
      )}
    </AuthLayout>
  );
}
