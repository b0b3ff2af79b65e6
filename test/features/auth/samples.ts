// Sample bodies of auth's routes, for the isolation matrix and the fuzzer (test/support/route-samples.ts).
import type { routes } from '../../../shared/features/auth/routes.ts';
import type { SampleBodies } from '../../support/sample-context.ts';

export const bodies: SampleBodies<typeof routes> = {
  studioSignUp: (c) => ({
    studioName: 'Sample Studio',
    slug: c.slug,
    name: 'Sample Owner',
    email: c.studioEmail,
    password: c.studioPassword,
  }),
  studioSignIn: (c) => ({ email: c.studioEmail, password: c.studioPassword }),
  verifyStudioEmail: (c) => ({ token: c.verifyToken }),
  requestMagicLink: (c) => ({ email: c.clientEmail }),
  renewMagicLink: (c) => ({ token: c.magicToken }),
  redeemMagicLink: (c) => ({ token: c.magicToken }),
};
