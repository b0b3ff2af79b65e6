import { openConnection } from '../../shared/features/live/index.ts';
import { defineSocketHandler, socketCallerOf } from '../../shared/http/socket.ts';

export const handler = defineSocketHandler('connectSocket', async (event) => {
  await openConnection(event.requestContext.connectionId, await socketCallerOf(event));
});
