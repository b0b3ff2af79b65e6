// People as the API shows them: a mentionable person for the autocomplete, a mention in a text,
// and the list of mentioned people a comment or message body carries.
import * as z from 'zod/mini';
import { named } from '../../schemas.ts';
import { MAX_MENTIONS, PERSON_KEY_PATTERN } from './constants.ts';

export const PersonKeyText = z.string().check(z.regex(PERSON_KEY_PATTERN, { error: 'must name a person (user:… or client:…)' }));

/** The people a text mentions, at most MAX_MENTIONS. */
export const MentionList = z.array(PersonKeyText).check(z.maxLength(MAX_MENTIONS));

/** Someone who may be mentioned: who, their name, role and initials (the autocomplete's row). */
export const PersonView = named(z.object({ person: z.string(), name: z.string(), role: z.string(), initials: z.string() }), 'Person');
export type PersonView = z.infer<typeof PersonView>;

/** A mention in a stored text: who, and their name when it was written (what the page highlights). */
export const MentionView = z.object({ person: z.string(), name: z.string() });
export type MentionView = z.infer<typeof MentionView>;
