// The branding editor's state: the form's fields, what differs from the saved branding, saving it,
// and the logo's upload (a presigned PUT straight to S3, then waiting for the logo pipeline).
import { useState } from 'preact/hooks';
import {
  accentRefusal,
  isHexColour,
  LOGO_CONTENT_TYPES,
  LOGO_MAX_BYTES,
  type LogoContentType,
} from '../../../../shared/features/branding/constants.ts';
import { ApiError, call, messageOf } from '../../lib/api.ts';
import type { Branding } from '../../lib/types.ts';

export interface BrandingDraft {
  name: string;
  accentColor: string;
  welcomeMessage: string;
  supportEmail: string;
}

export type LogoState = { state: 'idle' } | { state: 'uploading' } | { state: 'processing' } | { state: 'failed'; message: string };

const draftOf = (b: Branding): BrandingDraft => ({
  name: b.name,
  accentColor: b.accentColor,
  welcomeMessage: b.welcomeMessage,
  supportEmail: b.supportEmail ?? '',
});

/** How long the pipeline may take before the editor says the logo was not taken. */
const PIPELINE_WAIT_MS = 30_000;

export function useBrandingForm(initial: Branding, opts: { welcomeEditable: boolean }) {
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState(draftOf(initial));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [done, setDone] = useState('');
  const [logo, setLogo] = useState<LogoState>({ state: 'idle' });

  const set = (field: keyof BrandingDraft) => (value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setDone('');
  };
  const accentOk = isHexColour(draft.accentColor) && accentRefusal(draft.accentColor) === null;
  const changes = {
    ...(draft.name.trim() !== saved.name ? { name: draft.name.trim() } : {}),
    ...(draft.accentColor.toLowerCase() !== saved.accentColor ? { accentColor: draft.accentColor.toLowerCase() } : {}),
    ...(opts.welcomeEditable && draft.welcomeMessage.trim() !== saved.welcomeMessage
      ? { welcomeMessage: draft.welcomeMessage.trim() }
      : {}),
    ...(draft.supportEmail.trim() !== (saved.supportEmail ?? '') ? { supportEmail: draft.supportEmail.trim() || null } : {}),
  };
  const dirty = Object.keys(changes).length > 0;

  async function save() {
    if (!dirty || !accentOk) return;
    setSaving(true);
    setError(null);
    try {
      const { studio } = await call('updateBranding', { body: changes });
      setSaved(studio);
      setDraft(draftOf(studio));
      setDone('Saved. Your portal and your next emails show it now.');
    } catch (e) {
      const fields = e instanceof ApiError ? Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, v[0] ?? ''])) : {};
      setError({ message: messageOf(e), fields });
    } finally {
      setSaving(false);
    }
  }

  async function uploadLogo(file: File) {
    const contentType = file.type as LogoContentType;
    if (!LOGO_CONTENT_TYPES.includes(contentType))
      return setLogo({
        state: 'failed',
        message: 'Choose a PNG, JPEG or WebP image. SVG logos are not accepted: an SVG file can carry scripts.',
      });
    if (file.size > LOGO_MAX_BYTES) return setLogo({ state: 'failed', message: 'Logos are limited to 5 MB.' });
    setLogo({ state: 'uploading' });
    try {
      const { upload } = await call('createLogoUpload', { body: { contentType, size: file.size } });
      const put = await fetch(upload.put.url, { method: 'PUT', headers: upload.put.headers, body: file });
      if (!put.ok) throw new Error(`upload refused (${put.status})`);
      setLogo({ state: 'processing' });
      const before = saved.logoUrl;
      const deadline = Date.now() + PIPELINE_WAIT_MS;
      while (Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 1000));
        const { studio } = await call('getStudioMe');
        if (studio.logoUrl !== before) {
          setSaved((s) => ({ ...s, logoUrl: studio.logoUrl }));
          setLogo({ state: 'idle' });
          setDone('Logo saved. Your portal and your next emails show it now.');
          return;
        }
      }
      setLogo({ state: 'failed', message: 'That file could not be used as a logo. Is it a PNG, JPEG or WebP image?' });
    } catch (e) {
      setLogo({ state: 'failed', message: e instanceof ApiError ? e.message : 'The logo could not be uploaded. Please try again.' });
    }
  }

  async function removeLogo() {
    try {
      const { studio } = await call('removeLogo');
      setSaved((s) => ({ ...s, logoUrl: studio.logoUrl }));
      setDone('Logo removed: your portal shows its name instead.');
    } catch (e) {
      setLogo({ state: 'failed', message: messageOf(e) });
    }
  }

  return { saved, draft, set, accentOk, dirty, saving, error, done, save, logo, uploadLogo, removeLogo };
}
