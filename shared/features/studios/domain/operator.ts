// What an operator does across studios: list them and set each one's plan. The tenancy step lets
// only operators reach these (RouteDef.operator); billing for plans is out of Portico's scope.
import { notFound } from '../../../errors.ts';
import { type PageQuery, pageRequest } from '../../../paging.ts';
import type { AddOn, Plan } from '../../plans/index.ts';
import { queryStudios, updateStudioPlan } from '../data.ts';
import type { Studio } from '../records.ts';
import { studioPortalUrl } from './studios.ts';

const view = (s: Studio) => ({
  studioId: s.studioId,
  name: s.name,
  slug: s.slug,
  portalUrl: studioPortalUrl(s),
  plan: s.plan,
  addOns: s.addOns ?? [],
  createdAt: s.createdAt,
});

export async function listStudiosForOperator(query: PageQuery | undefined) {
  const page = await queryStudios(pageRequest(query));
  return { studios: page.items.map(view), nextCursor: page.nextCursor };
}

export async function setStudioPlan(studioId: string, plan: Plan, addOns: AddOn[]) {
  const studio = await updateStudioPlan(studioId, plan, addOns);
  if (!studio) throw notFound('No such studio on this deployment.');
  return { studio: view(studio) };
}
