import { branding } from '../../shared/features/branding/domain/view.ts';
import { studioEntitlements } from '../../shared/features/plans/index.ts';
import { isOperator, studioPortalUrl, studioUserView } from '../../shared/features/studios/domain/studios.ts';
import { routes } from '../../shared/features/studios/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.getStudioMe, async ({ studioSession: { user, studio } }) => ({
  body: {
    user: studioUserView(user),
    studio: await branding(studio),
    plan: { plan: studio.plan, addOns: studio.addOns ?? [], entitlements: studioEntitlements(studio) },
    portalUrl: studioPortalUrl(studio),
    operator: isOperator(user, studio),
  },
}));
