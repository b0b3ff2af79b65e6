// Client-side checks that mirror the API's, so people see problems before they submit. The limits
// are the API's own (shared, zod-free constants); the API stays the judge: its `fields` answer is
// shown the same way.
import { PASSWORD_MIN, RESERVED_SLUGS, SLUG_MAX, SLUG_MIN, SLUG_PATTERN } from '../../../shared/features/studios/constants.ts';

// Re-exported: test/unit/domain.test.ts checks that the site and the API reserve the same addresses.
export { RESERVED_SLUGS };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A portal address suggested from a studio name: "Ève & Co. Photo" -> "eve-co-photo". */
export function suggestSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/, '');
}

export function slugProblem(slug: string): string | undefined {
  if (!slug) return 'Choose an address for your client portal.';
  if (slug.length < SLUG_MIN) return `Use at least ${SLUG_MIN} characters.`;
  if (slug.length > SLUG_MAX) return `Use at most ${SLUG_MAX} characters.`;
  if (!SLUG_PATTERN.test(slug)) return 'Use lowercase letters, digits and hyphens (not at the start or end).';
  if (RESERVED_SLUGS.has(slug)) return 'This address is reserved. Try another.';
  return undefined;
}

export interface PasswordRule {
  label: string;
  met: boolean;
}

export function passwordRules(password: string): PasswordRule[] {
  return [
    { label: `At least ${PASSWORD_MIN} characters`, met: password.length >= PASSWORD_MIN },
    { label: 'A lowercase letter', met: /[a-z]/.test(password) },
    { label: 'An uppercase letter', met: /[A-Z]/.test(password) },
    { label: 'A digit', met: /[0-9]/.test(password) },
  ];
}

export function passwordProblem(password: string): string | undefined {
  if (!password) return 'Choose a password.';
  if (password.length > 128) return 'Use at most 128 characters.';
  const missing = passwordRules(password).filter((r) => !r.met);
  return missing.length ? `Your password needs: ${missing.map((r) => r.label.toLowerCase()).join(', ')}.` : undefined;
}

export function emailProblem(email: string): string | undefined {
  if (!email.trim()) return 'Enter an email address.';
  if (!EMAIL.test(email.trim()) || email.length > 254) return 'Enter an email address like name@example.com.';
  return undefined;
}

export function requiredProblem(value: string, what: string, max = 80): string | undefined {
  if (!value.trim()) return `Enter ${what}.`;
  if (value.trim().length > max) return `Use at most ${max} characters.`;
  return undefined;
}

/** Problems by field name; the first one gets the focus. */
export type Problems<K extends string> = Partial<Record<K, string>>;

export function firstProblem<K extends string>(problems: Problems<K>, order: readonly K[]): K | undefined {
  return order.find((k) => problems[k]);
}
