// Plans and what each unlocks: the one table every route, page and test reads. No zod here: the
// site imports this module to hide what a plan lacks and show the upgrade hint instead.

export const PLANS = ['starter', 'growth', 'scale'] as const;
export type Plan = (typeof PLANS)[number];
export const PLAN_NAMES: Record<Plan, string> = { starter: 'Starter', growth: 'Growth', scale: 'Scale' };

/** Modules bought on top of any plan. */
export const ADD_ONS = ['education'] as const;
export type AddOn = (typeof ADD_ONS)[number];
export const ADD_ON_NAMES: Record<AddOn, string> = { education: 'Education' };

/**
 * What a studio may do, by name. A route names the one it needs (RouteDef.entitlement) and the UI
 * names the same one; reading what a studio already has never needs one, so a downgrade turns a
 * feature read-only and deletes nothing.
 */
export const ENTITLEMENTS = [
  'projectProgress',
  'deliverableApprovals',
  'invoicePayments',
  'customDomain',
  'fullBranding',
  'feedback',
  'courses',
] as const;
export type Entitlement = (typeof ENTITLEMENTS)[number];

export interface EntitlementInfo {
  label: string;
  /** What the feature is on each plan, in the words Settings → Plan shows. */
  byPlan: Record<Plan, { granted: boolean; shown: string }>;
  /** Granted by an add-on instead of a plan. */
  addOn?: AddOn;
  /** What a studio without it keeps. */
  without: string;
}

const yes = { granted: true, shown: '✓' } as const;
const no = { granted: false, shown: '–' } as const;

/**
 * The matrix. "Partial" branding is the portal name, the logo, the accent colour and the support
 * email; "full" adds the welcome message and removes the "Powered by Portico" footer from the portal
 * and from every email. Read-only approvals: the client sees deliverables and their versions but
 * cannot approve or request changes. The Education add-on brings courses; the client portal and the
 * Portal Manager, which it brings on the platform our seed describes, are in every Portico plan,
 * because they are what Portico is.
 */
export const MATRIX: Record<Entitlement, EntitlementInfo> = {
  projectProgress: {
    label: 'Project progress view',
    byPlan: { starter: yes, growth: yes, scale: yes },
    without: 'Projects stay visible to the studio.',
  },
  deliverableApprovals: {
    label: 'Deliverable approvals',
    byPlan: {
      starter: { granted: false, shown: 'Read-only' },
      growth: { granted: true, shown: 'Interactive' },
      scale: { granted: true, shown: 'Interactive' },
    },
    without: 'Clients can view deliverables but not approve them; past decisions stay on record.',
  },
  invoicePayments: {
    label: 'Invoice payments',
    byPlan: { starter: yes, growth: yes, scale: yes },
    without: 'Invoices stay listed and exportable.',
  },
  customDomain: {
    label: 'Custom domain',
    byPlan: { starter: no, growth: yes, scale: yes },
    without: 'The portal answers on its Portico address; a domain already added is shown, not served.',
  },
  fullBranding: {
    label: 'Custom branding',
    byPlan: {
      starter: { granted: false, shown: 'Partial' },
      growth: { granted: true, shown: 'Full' },
      scale: { granted: true, shown: 'Full' },
    },
    without:
      'Name, logo, colour and support email stay yours; the welcome message is kept but not shown, and the "Powered by Portico" footer returns.',
  },
  feedback: {
    label: 'Feedback module',
    byPlan: { starter: no, growth: yes, scale: yes },
    without: 'Feedback already sent stays readable and exportable; clients cannot send more.',
  },
  courses: {
    label: 'Courses',
    byPlan: { starter: no, growth: no, scale: no },
    addOn: 'education',
    without: 'Courses already made stay readable and exportable.',
  },
};

/** Whether a studio on `plan` with `addOns` has `entitlement`. */
export function hasEntitlement(plan: Plan, addOns: readonly AddOn[], entitlement: Entitlement): boolean {
  const info = MATRIX[entitlement];
  if (info.addOn && addOns.includes(info.addOn)) return true;
  return info.byPlan[plan].granted;
}

/** Every entitlement a studio has: what the dashboard and the portal read to hide or show controls. */
export function entitlementsOf(plan: Plan, addOns: readonly AddOn[]): Entitlement[] {
  return ENTITLEMENTS.filter((e) => hasEntitlement(plan, addOns, e));
}

/** The cheapest way to get `entitlement`: the lowest plan that has it, else its add-on. */
export function unlockedBy(entitlement: Entitlement): { plan: Plan } | { addOn: AddOn } {
  const info = MATRIX[entitlement];
  const plan = PLANS.find((p) => info.byPlan[p].granted);
  if (plan) return { plan };
  if (info.addOn) return { addOn: info.addOn };
  throw new Error(`No plan or add-on grants ${entitlement}`);
}

/** The upgrade hint's words: "Custom domain is on the Growth plan." */
export function upgradeHint(entitlement: Entitlement): string {
  const way = unlockedBy(entitlement);
  const label = MATRIX[entitlement].label;
  return 'plan' in way
    ? `${label} is on the ${PLAN_NAMES[way.plan]} plan and above.`
    : `${label} comes with the ${ADD_ON_NAMES[way.addOn]} add-on.`;
}
