// Every key builder, for tests that read or plant records directly (faults, fixtures, abuse).
import { failureCountKey, rateWindowKey } from '../../shared/data/rate-limit.ts';
import { keys as auth } from '../../shared/features/auth/records.ts';
import { keys as clients } from '../../shared/features/clients/records.ts';
import { keys as galleries } from '../../shared/features/galleries/records.ts';
import { keys as shareLinks } from '../../shared/features/share-links/records.ts';
import { keys as studios } from '../../shared/features/studios/records.ts';
import { keys as team } from '../../shared/features/team/records.ts';

export const keys = {
  ...studios,
  ...clients,
  ...auth,
  ...galleries,
  ...shareLinks,
  ...team,
  rateWindow: rateWindowKey,
  failureCount: failureCountKey,
};
