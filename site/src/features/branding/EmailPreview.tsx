import { invitationLetter, renderLetter, SIGN_IN_FOOTNOTE } from '../../../../shared/features/branding/constants.ts';
import type { PreviewBrand } from './PortalPreview.tsx';

/**
 * The invitation email as the server renders it: the very template (branding's constants.ts),
 * which escapes every text, shown in a sandboxed frame (no scripts, no navigation, its own
 * origin) from `srcdoc`, so nothing typed in the form is ever HTML of this page.
 */
export function EmailPreview({ brand }: { brand: PreviewBrand }) {
  const letter = renderLetter(
    invitationLetter(
      {
        name: brand.name || 'Your studio',
        accentColor: brand.accentColor,
        supportEmail: brand.supportEmail,
        logoUrl: brand.logoUrl,
        welcomeMessage: brand.poweredBy ? null : brand.welcomeMessage,
        poweredBy: brand.poweredBy,
      },
      'Ava',
      '#',
      SIGN_IN_FOOTNOTE,
    ),
  );
  return (
    <figure class="brand-preview" aria-labelledby="email-preview-caption">
      <figcaption id="email-preview-caption" class="brand-preview__caption">
        Invitation email
      </figcaption>
      <iframe
        class="brand-preview__email"
        title="Preview of the invitation email"
        sandbox=""
        srcdoc={letter.html}
        data-testid="email-preview"
      />
    </figure>
  );
}
