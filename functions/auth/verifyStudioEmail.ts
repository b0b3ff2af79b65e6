import { verifyStudioEmail } from '../../shared/features/auth/domain/studio-auth.ts';
import { routes } from '../../shared/features/auth/routes.ts';
import { defineHandler } from '../../shared/http/handler.ts';

export const handler = defineHandler(routes.verifyStudioEmail, async ({ body }) => {
  await verifyStudioEmail(body.token);
  return { body: { message: 'Thanks: your email is confirmed, and your studio can invite its clients.' } };
});
