// What the API takes and says about a studio's custom domain.
import * as z from 'zod/mini';
import { named } from '../../schemas.ts';
import { DOMAIN_STATUSES } from './constants.ts';

/** The host as typed; the rules (domain/rules.ts) say what is wrong with it in words. */
export const AddDomainBody = z.strictObject({ host: z.string().check(z.minLength(1), z.maxLength(300)) });
export type AddDomainBody = z.infer<typeof AddDomainBody>;

export const DomainView = named(
  z.object({
    host: z.string(),
    status: z.enum(DOMAIN_STATUSES),
    /** The one DNS record to add: `host CNAME target`. */
    cname: z.object({ name: z.string(), target: z.string() }),
    reason: z.nullable(z.string()),
    claimedAt: z.string(),
    checkedAt: z.nullable(z.string()),
    activeAt: z.nullable(z.string()),
    /** Where the portal answers once active. */
    url: z.string(),
    /** Whether the portal is served on it now: active, and the plan includes custom domains. */
    serving: z.boolean(),
  }),
  'CustomDomain',
);
export type DomainView = z.infer<typeof DomainView>;

export const DomainAnswer = z.object({ domain: z.nullable(DomainView) });
