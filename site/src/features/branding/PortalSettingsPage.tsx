import { PORTAL_NAME_MAX, WELCOME_MAX } from '../../../../shared/features/branding/constants.ts';
import { Field } from '../../components/ui/Field.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { call } from '../../lib/api.ts';
import { useLoad, useTitle } from '../../lib/hooks.ts';
import type { StudioMe } from '../../lib/types.ts';
import { entitled, UpgradeHint } from '../plans/index.ts';
import { SettingsShell } from '../settings/index.ts';
import { AccentField } from './AccentField.tsx';
import { EmailPreview } from './EmailPreview.tsx';
import { LogoField } from './LogoField.tsx';
import { PortalPreview } from './PortalPreview.tsx';
import { useBrandingForm } from './useBrandingForm.ts';
import './branding.css';

/** Settings → Portal: the portal's branding, with a live preview of the portal and the invitation. */
export default function PortalSettingsPage() {
  const me = useLoad(() => call('getStudioMe'));
  useTitle(me.state === 'ready' ? `Portal · ${me.data.studio.name} · Portico` : undefined);
  return (
    <SettingsShell current="portal" me={me}>
      {(data) => <BrandingEditor me={data} />}
    </SettingsShell>
  );
}

function BrandingEditor({ me }: { me: StudioMe }) {
  const full = entitled(me, 'fullBranding');
  const form = useBrandingForm(me.studio, { welcomeEditable: full });
  const { draft, saved } = form;
  const preview = {
    name: draft.name.trim(),
    accentColor: draft.accentColor,
    logoUrl: saved.logoUrl,
    welcomeMessage: full ? draft.welcomeMessage.trim() || saved.welcomeMessage : saved.welcomeMessage,
    supportEmail: draft.supportEmail.trim() || null,
    poweredBy: !full,
  };
  return (
    <div class="branding">
      <form
        class="card branding__form"
        aria-labelledby="branding-heading"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void form.save();
        }}
      >
        <h2 id="branding-heading" class="card-title">
          Portal branding
        </h2>
        <p class="muted">What your clients see on your portal, its sign-in page and every email Portico sends them.</p>
        <Field
          id="portal-name"
          label="Portal name"
          value={draft.name}
          onValue={form.set('name')}
          maxLength={PORTAL_NAME_MAX}
          error={form.error?.fields.name}
        />
        <LogoField name={saved.name} logoUrl={saved.logoUrl} logo={form.logo} onFile={form.uploadLogo} onRemove={form.removeLogo} />
        <AccentField value={draft.accentColor} onValue={form.set('accentColor')} error={form.error?.fields.accentColor} />
        {full ? (
          <div class={`field${form.error?.fields.welcomeMessage ? ' field--invalid' : ''}`}>
            <label class="field__label" for="welcome-message">
              Welcome message
            </label>
            <textarea
              id="welcome-message"
              class="textarea"
              rows={4}
              maxLength={WELCOME_MAX}
              value={draft.welcomeMessage}
              onInput={(e) => form.set('welcomeMessage')(e.currentTarget.value)}
              aria-describedby="welcome-hint"
            />
            <p class="field__hint" id="welcome-hint">
              Plain text, up to {WELCOME_MAX} characters; line breaks are kept. On your portal’s home and in invitations.
            </p>
            {form.error?.fields.welcomeMessage && <p class="field__error">{form.error.fields.welcomeMessage}</p>}
          </div>
        ) : (
          <div class="field">
            <span class="field__label">Welcome message</span>
            <UpgradeHint me={me} entitlement="fullBranding" />
          </div>
        )}
        <Field
          id="support-email"
          label="Support email"
          type="email"
          optional
          value={draft.supportEmail}
          onValue={form.set('supportEmail')}
          hint="Shown on your portal and in emails; replies to your emails go here."
          error={form.error?.fields.supportEmail}
        />
        <Notice role="alert">{form.error && !Object.keys(form.error.fields).length ? form.error.message : ''}</Notice>
        <Notice role="status">{form.done}</Notice>
        <div class="branding__actions">
          <button type="submit" class="button button--primary" disabled={!form.dirty || !form.accentOk || form.saving}>
            {form.saving ? 'Saving…' : 'Save branding'}
          </button>
        </div>
      </form>
      <section class="branding__previews" aria-label="Live preview">
        <PortalPreview brand={preview} />
        <EmailPreview brand={preview} />
      </section>
    </div>
  );
}
