// Sample bodies and queries of notifications' routes, for the isolation matrix and the fuzzer (test/support/route-samples.ts).
import type { routes } from '../../../shared/features/notifications/routes.ts';
import type { SampleBodies, SampleQueries } from '../../support/sample-context.ts';

export const bodies: SampleBodies<typeof routes> = {
  // The defaults: a member not on the sample's project may call it too, and it writes nothing.
  putStudioNoteSettings: () => ({ emailMode: 'every', muted: [] }),
  readStudioNotesAll: () => ({}),
  readClientNotesAll: () => ({}),
  putClientNoteSettings: (c) => ({ emailMode: 'every', muted: [c.projectId] }),
};

export const queries: SampleQueries<typeof routes> = {
  listStudioNotes: () => ({ limit: '5' }),
  listClientNotes: () => ({ limit: '5' }),
  listStudioMentions: () => ({ limit: '5' }),
  listClientMentions: () => ({ limit: '5' }),
};
