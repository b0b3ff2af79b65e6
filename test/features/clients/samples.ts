// Sample bodies of clients's routes, for the isolation matrix and the fuzzer (test/support/route-samples.ts).
import type { routes } from '../../../shared/features/clients/routes.ts';
import type { SampleBodies } from '../../support/sample-context.ts';

export const bodies: SampleBodies<typeof routes> = {
  inviteClient: (c) => ({ email: c.clientEmail, name: 'Sample Client' }),
};
