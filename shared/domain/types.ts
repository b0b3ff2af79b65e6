// Wire types inferred from the zod schemas, for domain code that builds API answers.
import type { z } from 'zod';
import type * as s from '../schemas.ts';

export type Branding = z.infer<typeof s.Branding>;
export type ClientSummary = z.infer<typeof s.ClientSummary>;
export type ClientGallery = z.infer<typeof s.ClientGallery>;
