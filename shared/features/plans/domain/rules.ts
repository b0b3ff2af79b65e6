// The plan rules the API applies: what a studio's plan grants, and the refusal when it does not.
import { DomainError } from '../../../errors.ts';
import { type AddOn, type Entitlement, entitlementsOf, hasEntitlement, type Plan, unlockedBy, upgradeHint } from '../constants.ts';

/** What a studio's plan is: on the studio record. */
export interface PlanHolder {
  plan: Plan;
  addOns?: readonly AddOn[];
}

export const studioHas = (studio: PlanHolder, entitlement: Entitlement): boolean =>
  hasEntitlement(studio.plan, studio.addOns ?? [], entitlement);

export const studioEntitlements = (studio: PlanHolder): Entitlement[] => entitlementsOf(studio.plan, studio.addOns ?? []);

/** 403 `plan_required`, naming the plan (or add-on) that unlocks it, so the UI can say so. */
export function planRequired(entitlement: Entitlement): DomainError {
  const way = unlockedBy(entitlement);
  return new DomainError('not_allowed', 'plan_required', upgradeHint(entitlement), {
    details: { entitlement, ...('plan' in way ? { plan: way.plan } : { addOn: way.addOn }) },
  });
}

export function assertEntitled(studio: PlanHolder, entitlement: Entitlement): void {
  if (!studioHas(studio, entitlement)) throw planRequired(entitlement);
}
