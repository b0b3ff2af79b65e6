import { listStudiosForOperator } from '../../shared/features/studios/domain/operator.ts';
import { routes } from '../../shared/features/studios/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.listStudiosForOperator, async ({ query }) => ({
  body: await listStudiosForOperator(query),
}));
