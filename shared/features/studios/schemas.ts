// What the API says about a studio: its portal branding and its users.
import * as z from 'zod/mini';
import { named } from '../../schemas.ts';
import { ADD_ONS, ENTITLEMENTS, PLANS } from '../plans/index.ts';
import { RESERVED_SLUGS, ROLES, SLUG_MAX, SLUG_MIN, SLUG_PATTERN } from './constants.ts';

export const Slug = z.string().check(
  z.minLength(SLUG_MIN),
  z.maxLength(SLUG_MAX),
  z.regex(SLUG_PATTERN, { error: 'lowercase letters, digits and inner hyphens only' }),
  z.refine((s) => !RESERVED_SLUGS.has(s), { error: 'this address is reserved' }),
);

export const Branding = named(
  z.object({
    name: z.string(),
    slug: z.string(),
    logoUrl: z.nullable(z.string()),
    accentColor: z.string(),
    welcomeMessage: z.string(),
    supportEmail: z.nullable(z.string()),
    /** Without full branding: the "Powered by Portico" footer shows (and the default welcome). */
    poweredBy: z.boolean(),
    /** The Feedback module (Growth and up): the portal offers the client a way to write to the studio. */
    feedback: z.boolean(),
  }),
  'Branding',
);
export type Branding = z.infer<typeof Branding>;

export const StudioUserView = named(
  z.object({ userId: z.string(), email: z.string(), name: z.string(), role: z.enum(ROLES) }),
  'StudioUser',
);

/** The studio's plan as the dashboard reads it, to show or hide each control. */
export const PlanView = named(
  z.object({ plan: z.enum(PLANS), addOns: z.array(z.enum(ADD_ONS)), entitlements: z.array(z.enum(ENTITLEMENTS)) }),
  'Plan',
);

/** A studio as the operator's list shows it. */
export const OperatorStudio = named(
  z.object({
    studioId: z.string(),
    name: z.string(),
    slug: z.string(),
    portalUrl: z.string(),
    plan: z.enum(PLANS),
    addOns: z.array(z.enum(ADD_ONS)),
    createdAt: z.string(),
  }),
  'OperatorStudio',
);

export const PlanBody = z.strictObject({
  plan: z.enum(PLANS),
  addOns: z.array(z.enum(ADD_ONS)).check(
    z.maxLength(ADD_ONS.length),
    z.refine((list) => new Set(list).size === list.length, { error: 'lists an add-on twice' }),
  ),
});
