import { type Entitlement, upgradeHint } from '../../../../shared/features/plans/constants.ts';
import type { StudioMe } from '../../lib/types.ts';

/** Whether the signed-in studio's plan includes `entitlement`. */
export const entitled = (me: StudioMe, entitlement: Entitlement): boolean => me.plan.entitlements.includes(entitlement);

/**
 * Shown instead of a control the plan lacks: what unlocks it, never an error. An owner gets the
 * way to the plan page; anyone else is told whom to ask.
 */
export function UpgradeHint({ me, entitlement }: { me: StudioMe; entitlement: Entitlement }) {
  return (
    <div class="upgrade-hint" data-entitlement={entitlement}>
      <p class="upgrade-hint__text">{upgradeHint(entitlement)}</p>
      {me.user.role === 'owner' ? (
        <a class="button button--secondary" href="/settings/plan">
          See plans
        </a>
      ) : (
        <p class="muted">Ask an owner of {me.studio.name} about upgrading.</p>
      )}
    </div>
  );
}
