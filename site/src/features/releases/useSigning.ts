// The signing page's state, the same for a signed-in client and for a one-time link: the calls are
// passed in. Consent, then the document (its images must have loaded before it counts as viewed),
// then the signature; every answer replaces the release, so the page always shows the API's view.
import { useEffect, useRef, useState } from 'preact/hooks';
import { CONSENT } from '../../../../shared/features/releases/constants.ts';
import type { SignatureInput, SignerRelease, StepBody } from '../../../../shared/features/releases/schemas.ts';
import { messageOf } from '../../lib/api.ts';

export interface SigningCalls {
  /** The release again (to poll while its page images are being made). */
  refresh: () => Promise<SignerRelease>;
  step: (step: StepBody) => Promise<SignerRelease>;
  sign: (body: { documentHash: string; signature: SignatureInput; initials?: SignatureInput }) => Promise<SignerRelease>;
  decline: (reason: string) => Promise<SignerRelease>;
  /** A link to the sealed PDF (the portal has one; a one-time link's signer gets it by email). */
  sealedUrl?: () => Promise<{ url: string }>;
}

export type Step = 'consent' | 'document' | 'sign' | 'done';

/** Polls this often while the document's page images are being made. */
const PREPARING_POLL_MS = 2000;

const firstStep = (r: SignerRelease): Step =>
  r.me.state === 'signed' ? 'done' : r.me.consentVersion === CONSENT.version ? 'document' : 'consent';

export function useSigning(initial: SignerRelease, calls: SigningCalls) {
  const [release, setRelease] = useState(initial);
  const [step, setStep] = useState<Step>(() => firstStep(initial));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  // A ref, not state: a double click lands before the re-render that disables the button.
  const sending = useRef(false);
  const viewed = useRef<Promise<unknown> | null>(null);
  const preparing = release.document.pages.length === 0;

  useEffect(() => {
    if (!preparing) return;
    const timer = setInterval(() => {
      calls.refresh().then(setRelease, () => {});
    }, PREPARING_POLL_MS);
    return () => clearInterval(timer);
  }, [preparing]);

  const run = async (work: () => Promise<SignerRelease>, next?: Step): Promise<boolean> => {
    if (sending.current) return false;
    sending.current = true;
    setBusy(true);
    setError('');
    try {
      const r = await work();
      setRelease(r);
      if (next) setStep(next);
      return true;
    } catch (e) {
      setError(messageOf(e));
      return false;
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  return {
    release,
    step,
    busy,
    error,
    preparing,
    acceptConsent: () => run(() => calls.step({ step: 'consent_accepted', consentVersion: CONSENT.version }), 'document'),
    /** Every page image has loaded: the signer has been shown this very document. */
    pagesLoaded: () => {
      viewed.current ??= calls.step({ step: 'viewed', documentHash: release.document.hash }).then(setRelease, () => {
        viewed.current = null;
      });
    },
    toSign: async () => {
      // The view is recorded before signing, even when the images loaded before the call was made.
      if (!viewed.current) viewed.current = calls.step({ step: 'viewed', documentHash: release.document.hash }).then(setRelease);
      await viewed.current?.catch(() => {});
      setStep('sign');
    },
    back: () => setStep('document'),
    sign: (signature: SignatureInput, initials?: SignatureInput) =>
      run(() => calls.sign({ documentHash: release.document.hash, signature, ...(initials ? { initials } : {}) }), 'done'),
    decline: (reason: string) => run(() => calls.decline(reason)),
  };
}

/** The sentence for a release this signer cannot sign now, or null when they can. */
export function blockedSentence(r: SignerRelease): { title: string; text: string } | null {
  if (r.me.state === 'signed') return null;
  if (r.me.state === 'declined')
    return { title: 'You declined', text: `You declined to sign this document. ${r.studioName} has been told.` };
  if (r.state === 'voided')
    return { title: 'This document was voided', text: `${r.studioName} voided this document: there is nothing to sign.` };
  if (r.state === 'expired')
    return {
      title: 'The deadline has passed',
      text: `The deadline to sign this document has passed. Ask ${r.studioName} to send it again.`,
    };
  if (r.state === 'declined')
    return { title: 'This document was declined', text: 'Another signer declined this document, so it can no longer be signed.' };
  if (r.state === 'completed') return { title: 'This document is complete', text: 'Everyone has signed this document.' };
  if (!r.me.canSign)
    return { title: 'Not your turn yet', text: 'Someone signs before you. We will email you when it is your turn to sign.' };
  return null;
}
