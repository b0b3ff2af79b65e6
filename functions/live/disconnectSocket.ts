import { closedConnection } from '../../shared/features/live/index.ts';
import { defineSocketHandler } from '../../shared/http/socket.ts';

export const handler = defineSocketHandler('disconnectSocket', async (event) => {
  await closedConnection(event.requestContext.connectionId);
});
