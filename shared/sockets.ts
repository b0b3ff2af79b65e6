// The live socket's route table: the WebSocket API's three routes and the Lambda behind each. Like
// the object-event and schedule tables, the single source for the CDK (a WebSocket API route per
// entry) and for the local stack (local/websocket.ts runs the same handlers on the same event
// shapes). Each handler lives in functions/<feature>/<id>.ts and exports `handler`.
import type { Grant } from './route-def.ts';

export interface SocketRouteDef {
  id: string;
  /** The folder under shared/features/ (and functions/) the handler belongs to. */
  feature: string;
  routeKey: '$connect' | '$disconnect' | '$default';
  summary: string;
  grants: readonly Grant[];
}

export const socketRoutes = {
  connectSocket: {
    id: 'connectSocket',
    feature: 'live',
    routeKey: '$connect',
    summary: 'Open a live socket: through CloudFront only, the tenant from the host, the session from the verified token',
    grants: ['table:write'],
  },
  disconnectSocket: {
    id: 'disconnectSocket',
    feature: 'live',
    routeKey: '$disconnect',
    summary: 'Forget a closed live socket',
    grants: ['table:write'],
  },
  socketMessage: {
    id: 'socketMessage',
    feature: 'live',
    routeKey: '$default',
    summary: "A page's message on its live socket: a ping is answered with a pong, anything else ignored",
    grants: ['sockets:post'],
  },
} as const satisfies Record<string, SocketRouteDef>;

export const socketRouteList: SocketRouteDef[] = Object.values(socketRoutes);
