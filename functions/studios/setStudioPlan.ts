import { setStudioPlan } from '../../shared/features/studios/domain/operator.ts';
import { routes } from '../../shared/features/studios/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.setStudioPlan, async ({ params, body }) => ({
  body: await setStudioPlan(params.studioId, body.plan, body.addOns),
}));
