// A studio's records: the studio, its portal address claims and its users.
import type { FeatureRecords } from '../../data/records.ts';
import type { AddOn, Plan } from '../plans/index.ts';
import type { Role } from './constants.ts';

export type { Plan } from '../plans/index.ts';

export interface Studio {
  studioId: string;
  name: string;
  slug: string;
  plan: Plan;
  /** Modules bought on top of the plan (the Education add-on). */
  addOns?: AddOn[];
  accentColor: string;
  welcomeMessage: string;
  supportEmail: string | null;
  /** The portal header's logo (a pipeline output, or a seeded file). */
  logoKey: string | null;
  /** The emails' logo (PNG, which every mail client shows); absent for a seeded logo: logoKey serves. */
  logoEmailKey?: string | null;
  /**
   * When the ticket of the logo shown (or of its removal) was issued, in epoch ms: the pipeline
   * applies an upload only if its ticket is newer, so an older upload finishing late never wins.
   */
  logoIssuedAt?: number;
  createdAt: string;
  /**
   * When the owner's email was proven theirs (an operator-created studio: at creation). Until then
   * the studio sends fewer invitations (INVITES_PER_HOUR_UNVERIFIED).
   */
  emailVerifiedAt?: string | null;
  /**
   * How many owners the studio has: the writes that add or take one away change it in the same
   * transaction, conditional on at least one owner staying. Missing on studios created before it
   * counted (they had one owner, their creator).
   */
  ownerCount?: number;
  /** The studio's custom domain (shared/features/domains): its DOMAIN#<host> claim holds its state. */
  customDomain?: string;
}

export interface StudioUser {
  userId: string;
  studioId: string;
  email: string;
  name: string;
  role: Role;
  /** Epoch seconds of the user's last sign-out: a token authenticated at or before it is refused. */
  sessionsValidAfter?: number;
}

export const keys = {
  studio: (studioId: string) => ({ PK: `STUDIO#${studioId}`, SK: 'STUDIO' }),
  slug: (slug: string) => ({ PK: `SLUG#${slug}`, SK: 'SLUG' }),
  domain: (host: string) => ({ PK: `DOMAIN#${host}`, SK: 'DOMAIN' }),
  studioUser: (sub: string) => ({ PK: `STUDIOUSER#${sub}`, SK: 'STUDIOUSER' }),
  studioUserIndex: (studioId: string, email: string) => ({ GSI1PK: `STUDIO#${studioId}`, GSI1SK: `USER#${email}` }),
  /** Every studio of the deployment, oldest first: the operator's list (one partition: studios are few and written once). */
  studioListIndex: (createdAt: string, studioId: string) => ({ GSI1PK: 'STUDIOS', GSI1SK: `STUDIO#${createdAt}#${studioId}` }),
  studioList: () => ({ GSI1PK: 'STUDIOS', GSI1SKPrefix: 'STUDIO#' }),
  studioUsersIndex: (studioId: string) => ({ GSI1PK: `STUDIO#${studioId}`, GSI1SKPrefix: 'USER#' }),
} as const;

export const records: FeatureRecords = {
  feature: 'studios',
  rows: [
    { record: 'Studio', PK: 'STUDIO#<studioId>', SK: 'STUDIO', GSI1PK: 'STUDIOS', GSI1SK: 'STUDIO#<createdAt>#<studioId>' },
    { record: 'Slug claim', PK: 'SLUG#<slug>', SK: 'SLUG' },
    { record: 'Custom domain', PK: 'DOMAIN#<host>', SK: 'DOMAIN' },
    { record: 'Studio user', PK: 'STUDIOUSER#<cognito sub>', SK: 'STUDIOUSER', GSI1PK: 'STUDIO#<studioId>', GSI1SK: 'USER#<email>' },
  ],
  accessPatterns: [
    'Resolve a portal host: GetItem SLUG#<slug> (or DOMAIN#<host>, served only while its status is active), then GetItem STUDIO#<id>.',
    'Studio user → studio: GetItem STUDIOUSER#<sub> (sub from the verified token).',
    "The deployment's studios (operators only): Query GSI1 GSI1PK = STUDIOS, oldest first, paged.",
    "A studio's team (or one email in it): Query GSI1 GSI1PK=STUDIO#<studioId>, GSI1SK begins_with USER# (= USER#<email>).",
    "Point a studio at a new logo (branding's logo pipeline): UpdateItem STUDIO#<id> on condition logoIssuedAt < the upload ticket's time, so the newest ticket wins.",
    'Claim a portal address: one transaction puts SLUG#<slug> on condition it does not exist, with the studio and its first user.',
  ],
};
