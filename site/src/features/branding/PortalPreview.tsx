import type { JSX } from 'preact';
import { ImageIcon } from '../../components/ui/Icons.tsx';
import { accentPalette } from '../../lib/colour.ts';

export interface PreviewBrand {
  name: string;
  accentColor: string;
  logoUrl: string | null;
  welcomeMessage: string;
  supportEmail: string | null;
  poweredBy: boolean;
}

/**
 * The portal's home as a client sees it, in miniature, with the form's unsaved values: the header
 * with the logo (or the name), the welcome, a sample gallery card and the footer. The accent's
 * palette is set on the preview only, so the editor's own page keeps its colours. Text, not HTML.
 */
export function PortalPreview({ brand }: { brand: PreviewBrand }) {
  const style = accentPalette(brand.accentColor) as unknown as JSX.CSSProperties;
  return (
    <figure class="brand-preview" aria-labelledby="portal-preview-caption">
      <figcaption id="portal-preview-caption" class="brand-preview__caption">
        Your portal
      </figcaption>
      <div class="brand-preview__portal" style={style} data-testid="portal-preview" inert>
        <div class="brand-preview__header">
          {brand.logoUrl ? (
            <img class="brand-preview__logo" src={brand.logoUrl} alt={brand.name} />
          ) : (
            <span class="brand-preview__name">{brand.name || 'Your studio'}</span>
          )}
        </div>
        <div class="brand-preview__hero">
          <p class="brand-preview__hi">Hi Ava</p>
          <p class="brand-preview__welcome">{brand.welcomeMessage}</p>
        </div>
        <div class="brand-preview__card">
          <div class="brand-preview__cover">
            <ImageIcon />
          </div>
          <div class="brand-preview__card-body">
            <p class="brand-preview__title">Wedding · June</p>
            <span class="brand-preview__badge">Proofing</span>
            <span class="button button--primary brand-preview__button">Open gallery</span>
          </div>
        </div>
        <div class="brand-preview__footer">
          {brand.supportEmail && <p>Questions? Write to {brand.supportEmail}</p>}
          <p>
            {brand.name}’s client portal{brand.poweredBy && <span data-testid="preview-powered-by"> · Powered by Portico</span>}
          </p>
        </div>
      </div>
    </figure>
  );
}
