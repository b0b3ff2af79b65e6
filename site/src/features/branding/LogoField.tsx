import { LOGO_CONTENT_TYPES } from '../../../../shared/features/branding/constants.ts';
import { Notice } from '../../components/ui/Notice.tsx';
import type { LogoState } from './useBrandingForm.ts';

/** The logo: the current one, a file picker (raster images only) and removal. */
export function LogoField(props: {
  name: string;
  logoUrl: string | null;
  logo: LogoState;
  onFile: (file: File) => void;
  onRemove: () => void;
}) {
  const { logo } = props;
  const busy = logo.state === 'uploading' || logo.state === 'processing';
  return (
    <div class="field">
      <span class="field__label" id="logo-label">
        Logo
      </span>
      <p class="field__hint" id="logo-hint">
        PNG, JPEG or WebP, up to 5 MB; a wide logo on a transparent background works best. SVG files are not accepted.
      </p>
      <div class="logo-field">
        <div class="logo-field__current">
          {props.logoUrl ? (
            <img src={props.logoUrl} alt={`Current logo of ${props.name}`} />
          ) : (
            <span class="muted">No logo: your name shows</span>
          )}
        </div>
        <label class="button button--secondary logo-field__pick">
          {busy ? (logo.state === 'uploading' ? 'Uploading…' : 'Processing…') : 'Choose a file'}
          <input
            type="file"
            class="visually-hidden"
            data-testid="logo-input"
            accept={LOGO_CONTENT_TYPES.join(',')}
            aria-describedby="logo-hint"
            disabled={busy}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) props.onFile(file);
              e.currentTarget.value = '';
            }}
          />
        </label>
        {props.logoUrl && !busy && (
          <button type="button" class="button button--ghost" onClick={props.onRemove}>
            Remove logo
          </button>
        )}
      </div>
      <Notice role="alert">{logo.state === 'failed' ? logo.message : ''}</Notice>
    </div>
  );
}
