// The studio's custom domain as Settings → Domain shows it: loaded once, then checked every few
// seconds while it is on its way (each check moves it one step), until it is active or failed.
import { useEffect, useState } from 'preact/hooks';
import { call } from '../../lib/api.ts';
import type { Ok } from '../../lib/types.ts';

export type CustomDomain = NonNullable<Ok<'getDomain'>['domain']>;

/** How often a domain on its way is checked (CloudFront takes minutes; locally it takes a second). */
const CHECK_EVERY_MS = 3_000;

export const onItsWay = (d: CustomDomain | null | undefined): boolean =>
  d?.status === 'pending_dns' || d?.status === 'validating_certificate';

export function useCustomDomain(canCheck: boolean) {
  const [domain, setDomain] = useState<CustomDomain | null | undefined>(undefined);
  const [failed, setFailed] = useState<unknown>(undefined);
  const [checking, setChecking] = useState(false);

  useEffect(() => {
    call('getDomain').then(
      (a) => setDomain(a.domain),
      (e: unknown) => setFailed(e),
    );
  }, []);

  const check = async () => {
    setChecking(true);
    try {
      setDomain((await call('verifyDomain')).domain);
    } finally {
      setChecking(false);
    }
  };

  const waiting = canCheck && onItsWay(domain);
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => {
      // A failed check (DNS busy) is simply tried again at the next tick.
      check().catch(() => undefined);
    }, CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, [waiting]);

  return { domain, setDomain, failed, checking, check };
}
