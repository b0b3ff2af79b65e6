import { verifyDocument } from '../../shared/features/releases/domain/verify.ts';
import { routes } from '../../shared/features/releases/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.verifyDocument, async ({ body, viewerIp }) => ({
  body: { verification: await verifyDocument(body.hash, body.sealId, viewerIp) },
}));
