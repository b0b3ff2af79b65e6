// Plans and entitlements: the matrix (constants.ts) and the rules that apply it.
export * from './constants.ts';
export { assertEntitled, type PlanHolder, planRequired, studioEntitlements, studioHas } from './domain/rules.ts';
