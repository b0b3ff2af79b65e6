// What an operator does across studios: list them and set each one's plan. The tenancy step lets
// only operators reach these (RouteDef.operator); billing for plans is out of Portico's scope.
import { invalid, notFound } from '../../../errors.ts';
import type { AddOn, Plan } from '../../plans/index.ts';
import { queryStudios, updateStudioPlan } from '../data.ts';
import type { Studio } from '../records.ts';
import { studioPortalUrl } from './studios.ts';

const PAGE = 50;

const view = (s: Studio) => ({
  studioId: s.studioId,
  name: s.name,
  slug: s.slug,
  portalUrl: studioPortalUrl(s),
  plan: s.plan,
  addOns: s.addOns ?? [],
  createdAt: s.createdAt,
});

export async function listStudiosForOperator(cursor: string | undefined) {
  const page = await queryStudios(PAGE, cursor);
  if (page === 'invalid_cursor')
    throw invalid('invalid_cursor', 'This cursor is not one the studio list gave out. Start from the first page.');
  return { studios: page.studios.map(view), nextCursor: page.nextCursor };
}

export async function setStudioPlan(studioId: string, plan: Plan, addOns: AddOn[]) {
  const studio = await updateStudioPlan(studioId, plan, addOns);
  if (!studio) throw notFound('No such studio on this deployment.');
  return { studio: view(studio) };
}
