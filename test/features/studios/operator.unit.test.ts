import { afterEach, describe, expect, it } from 'vitest';
import { isOperator } from '../../../shared/features/studios/domain/studios.ts';
import type { Studio, StudioUser } from '../../../shared/features/studios/records.ts';

const user = (over: Partial<StudioUser> = {}): StudioUser => ({
  userId: 'u1',
  studioId: 's1',
  email: 'ops@studio.example',
  name: 'Ops',
  role: 'owner',
  ...over,
});
const studio = (over: Partial<Studio> = {}): Studio => ({
  studioId: 's1',
  name: 'S',
  slug: 's',
  plan: 'starter',
  accentColor: '#000000',
  welcomeMessage: '',
  supportEmail: null,
  logoKey: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  emailVerifiedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

describe('an operator', () => {
  afterEach(() => {
    delete process.env.OPERATOR_EMAILS;
  });

  it('is a listed, verified owner, whatever the case of the address', () => {
    process.env.OPERATOR_EMAILS = 'someone@else.example, Ops@Studio.example';
    expect(isOperator(user(), studio())).toBe(true);
    expect(isOperator(user({ email: 'OPS@studio.example' }), studio())).toBe(true);
  });

  it('is nobody when no address is listed', () => {
    expect(isOperator(user(), studio())).toBe(false);
  });

  it('is not a listed address that was never verified, nor a listed admin or member', () => {
    process.env.OPERATOR_EMAILS = 'ops@studio.example';
    expect(isOperator(user(), studio({ emailVerifiedAt: null }))).toBe(false);
    expect(isOperator(user({ role: 'admin' }), studio())).toBe(false);
    expect(isOperator(user({ role: 'member' }), studio())).toBe(false);
  });
});
