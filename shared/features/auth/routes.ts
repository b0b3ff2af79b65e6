// Signing in and out: studio users with a password, clients with single-use links.
import * as z from 'zod/mini';
import { route } from '../../route-def.ts';
import { StudioUserView } from '../studios/index.ts';
import { MagicLinkBody, RedeemMagicLinkBody, StudioSignInBody, StudioSignUpBody, VerifyStudioEmailBody } from './schemas.ts';

export const routes = {
  studioSignUp: route({
    id: 'studioSignUp',
    feature: 'auth',
    grants: ['table:write', 'studioPool:admin', 'mail:send'],
    method: 'POST',
    path: '/api/studio/signup',
    auth: 'public',
    host: 'dashboard',
    summary: 'Create a studio and its first user; answers the same whether or not the email has an account (the mail says which)',
    body: StudioSignUpBody,
    ok: { status: 202, body: z.object({ message: z.string() }) },
  }),
  verifyStudioEmail: route({
    id: 'verifyStudioEmail',
    feature: 'auth',
    grants: ['table:write'],
    method: 'POST',
    path: '/api/studio/email-verification',
    auth: 'public',
    host: 'dashboard',
    summary: "Confirm a studio owner's email with the single-use link of the sign-up mail (lifts the unverified invitation cap)",
    body: VerifyStudioEmailBody,
    ok: { status: 200, body: z.object({ message: z.string() }) },
  }),
  studioSignIn: route({
    id: 'studioSignIn',
    feature: 'auth',
    grants: ['table:read', 'studioPool:admin'],
    // Never replayed: its answer sets the session's cookies, and a stored copy would hand those
    // tokens out again. Signing in twice is harmless; each retry simply opens a session.
    idempotent: false,
    method: 'POST',
    path: '/api/studio/session',
    auth: 'public',
    host: 'dashboard',
    summary: 'Sign a studio user in with email and password (sets the session cookies)',
    body: StudioSignInBody,
    ok: { status: 200, body: z.object({ user: StudioUserView }) },
  }),
  refreshSession: route({
    id: 'refreshSession',
    feature: 'auth',
    grants: ['table:read', 'studioPool:admin', 'clientPool:admin'],
    // Never replayed: its answer sets fresh session cookies (see studioSignIn).
    idempotent: false,
    method: 'POST',
    path: '/api/session/refresh',
    auth: 'public',
    host: 'any',
    summary: 'Exchange the refresh cookie for a fresh session cookie',
    ok: { status: 204 },
  }),
  signOut: route({
    id: 'signOut',
    feature: 'auth',
    // The host says which pool's token to revoke: a portal host is resolved from the table.
    // (Revoking a refresh token needs no IAM permission: the token and the app client prove it.)
    // Refreshing it first (admin auth) proves whose session it is; the second of the sign-out is
    // then written on that user's or client's record, which ends their access tokens too.
    grants: ['table:write', 'studioPool:admin', 'clientPool:admin', 'sockets:post'],
    method: 'DELETE',
    path: '/api/session',
    auth: 'public',
    host: 'any',
    summary: 'Sign out: end the session (its access tokens too), revoke the refresh token and clear the session cookies',
    ok: { status: 204 },
  }),
  requestMagicLink: route({
    id: 'requestMagicLink',
    feature: 'auth',
    grants: ['table:write', 'mail:send'],
    method: 'POST',
    path: '/api/portal/magic-link',
    auth: 'public',
    host: 'portal',
    summary: 'Email a sign-in link; answers the same whether or not the email has an account',
    body: MagicLinkBody,
    ok: { status: 202, body: z.object({ message: z.string() }) },
  }),
  renewMagicLink: route({
    id: 'renewMagicLink',
    feature: 'auth',
    grants: ['table:write', 'mail:send'],
    method: 'POST',
    path: '/api/portal/magic-link/renew',
    auth: 'public',
    host: 'portal',
    summary: 'Email a fresh sign-in link to whoever an expired link was for (reveals nothing)',
    body: RedeemMagicLinkBody,
    ok: { status: 202, body: z.object({ message: z.string() }) },
  }),
  redeemMagicLink: route({
    id: 'redeemMagicLink',
    feature: 'auth',
    grants: ['table:write', 'clientPool:admin'],
    // Never replayed: its answer sets the client's session cookies (see studioSignIn); the link's
    // token is single-use anyway.
    idempotent: false,
    method: 'POST',
    path: '/api/portal/session',
    auth: 'public',
    host: 'portal',
    summary: 'Redeem a single-use sign-in link (sets the session cookies)',
    body: RedeemMagicLinkBody,
    ok: { status: 200, body: z.object({ client: z.object({ name: z.string(), email: z.string() }) }) },
  }),
} as const;
