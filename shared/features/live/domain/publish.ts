// Fan-out: an event to every open socket of each recipient. Best effort by design: the event is
// already stored where the page reads it (a thread, the notifications), so a socket that misses it
// catches up by sequence number; a failure here never fails the write that caused it.
import { closeConnection, postToConnection } from '../../../adapters/sockets.ts';
import { logger } from '../../../logger.ts';
import type { PersonKey } from '../../people/index.ts';
import type { LiveEvent } from '../constants.ts';
import { connectionsOf, deleteConnection } from '../data.ts';

export interface Delivery {
  sent: number;
  gone: number;
}

export async function publish(studioId: string, recipients: readonly PersonKey[], event: LiveEvent): Promise<Delivery> {
  const delivery: Delivery = { sent: 0, gone: 0 };
  const data = JSON.stringify(event);
  await Promise.all(
    [...new Set(recipients)].map(async (person) => {
      try {
        // A person's tabs at once: one slow or gone connection does not hold up the others.
        await Promise.all(
          (await connectionsOf(studioId, person)).map(async (connectionId) => {
            const outcome = await postToConnection(connectionId, data).catch((error) => {
              logger.warn('live send failed', { error: error as Error, type: event.type });
              return 'failed' as const;
            });
            if (outcome === 'sent') delivery.sent++;
            else if (outcome === 'gone') {
              delivery.gone++;
              await deleteConnection(connectionId);
            }
          }),
        );
      } catch (error) {
        logger.warn('live fan-out failed for a recipient', { error: error as Error, type: event.type });
      }
    }),
  );
  return delivery;
}

/** Closes every open socket of a person (removed from the studio or the project's portal). */
export async function disconnectPerson(studioId: string, person: PersonKey, reason: string): Promise<number> {
  const ids = await connectionsOf(studioId, person);
  const goodbye = JSON.stringify({ type: 'goodbye', reason } satisfies LiveEvent);
  await Promise.all(
    ids.map(async (connectionId) => {
      await postToConnection(connectionId, goodbye).catch(() => 'gone');
      await closeConnection(connectionId).catch((error) => logger.warn('closing a socket failed', { error: error as Error }));
      await deleteConnection(connectionId);
    }),
  );
  return ids.length;
}
