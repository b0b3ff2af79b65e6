// The WebSocket API's management API: send to one open connection, close one. In AWS the endpoint
// is the WebSocket stage's callback URL (https://<api>.execute-api.<region>.amazonaws.com/<stage>);
// locally it is the stand-in local/websocket.ts starts. SOCKETS_ENDPOINT names it; unset, no
// socket was ever opened, so there is nothing to send to.
import {
  ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { config } from '../config.ts';

let client: ApiGatewayManagementApiClient | undefined;
let clientEndpoint: string | undefined;

function sockets(): ApiGatewayManagementApiClient | null {
  const endpoint = config.socketsEndpoint;
  if (!endpoint) return null;
  if (!client || clientEndpoint !== endpoint) {
    client = new ApiGatewayManagementApiClient({ endpoint, maxAttempts: 2 });
    clientEndpoint = endpoint;
  }
  return client;
}

/** 'gone' when the connection no longer exists (its record should go too). */
export async function postToConnection(connectionId: string, data: string): Promise<'sent' | 'gone'> {
  const api = sockets();
  if (!api) return 'gone';
  try {
    await api.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: new TextEncoder().encode(data) }));
    return 'sent';
  } catch (e) {
    if (e instanceof GoneException || (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 410) return 'gone';
    throw e;
  }
}

export async function closeConnection(connectionId: string): Promise<void> {
  const api = sockets();
  if (!api) return;
  try {
    await api.send(new DeleteConnectionCommand({ ConnectionId: connectionId }));
  } catch (e) {
    if (e instanceof GoneException || (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 410) return;
    throw e;
  }
}
