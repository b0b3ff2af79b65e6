import { describe, expect, it } from 'vitest';
import {
  ENTITLEMENTS,
  entitlementsOf,
  hasEntitlement,
  MATRIX,
  PLANS,
  unlockedBy,
  upgradeHint,
} from '../../../shared/features/plans/constants.ts';

describe('the plan matrix', () => {
  it("is seed 004's table, plus courses from the Education add-on", () => {
    const shown = Object.fromEntries(ENTITLEMENTS.map((e) => [e, PLANS.map((p) => MATRIX[e].byPlan[p].shown)]));
    expect(shown).toEqual({
      projectProgress: ['✓', '✓', '✓'],
      deliverableApprovals: ['Read-only', 'Interactive', 'Interactive'],
      invoicePayments: ['✓', '✓', '✓'],
      customDomain: ['–', '✓', '✓'],
      fullBranding: ['Partial', 'Full', 'Full'],
      feedback: ['–', '✓', '✓'],
      courses: ['–', '–', '–'],
    });
  });

  it('grants by plan, and by add-on whatever the plan', () => {
    expect(entitlementsOf('starter', [])).toEqual(['projectProgress', 'invoicePayments']);
    expect(entitlementsOf('growth', [])).toEqual([
      'projectProgress',
      'deliverableApprovals',
      'invoicePayments',
      'customDomain',
      'fullBranding',
      'feedback',
    ]);
    expect(hasEntitlement('starter', ['education'], 'courses')).toBe(true);
    expect(hasEntitlement('scale', [], 'courses')).toBe(false);
  });

  it('names the cheapest way to unlock each entitlement', () => {
    expect(unlockedBy('customDomain')).toEqual({ plan: 'growth' });
    expect(unlockedBy('courses')).toEqual({ addOn: 'education' });
    expect(upgradeHint('feedback')).toBe('Feedback module is on the Growth plan and above.');
    expect(upgradeHint('courses')).toBe('Courses comes with the Education add-on.');
  });
});
