import { answerMessage } from '../../shared/features/live/index.ts';
import { defineSocketHandler } from '../../shared/http/socket.ts';

export const handler = defineSocketHandler('socketMessage', async (event) => {
  const body = event.body && event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  await answerMessage(event.requestContext.connectionId, body);
});
