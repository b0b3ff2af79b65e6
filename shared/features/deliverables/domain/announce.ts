// What a deliverable's open pages hear: one `changed` event on its topic, to everyone on the project.
import { publish, topics } from '../../live/index.ts';
import type { Participant } from '../../people/index.ts';

/**
 * Tells everyone on the project with the page open that the deliverable changed (a comment, a
 * reply, a resolve, a decision), so their review page refetches it. Best effort, never fails the write.
 */
export async function announce(studioId: string, people: readonly Participant[], deliverableId: string): Promise<void> {
  await publish(
    studioId,
    people.map((p) => p.person),
    { type: 'changed', topic: topics.deliverable(deliverableId) },
  );
}
