// Who someone is across features, zod-free so the site can use it too. A person is a studio user
// (`user:<sub>`) or a client contact (`client:<clientId>`), always within one studio.

export type PersonKey = `user:${string}` | `client:${string}`;
export type Side = 'studio' | 'client';

export const userPerson = (userId: string): PersonKey => `user:${userId}`;
export const clientPerson = (clientId: string): PersonKey => `client:${clientId}`;

export function parsePersonKey(key: string): { side: Side; id: string } | null {
  const m = /^(user|client):([A-Za-z0-9-]{1,64})$/.exec(key);
  if (!m) return null;
  return { side: m[1] === 'user' ? 'studio' : 'client', id: m[2] as string };
}

export const PERSON_KEY_PATTERN = /^(user|client):[A-Za-z0-9-]{1,64}$/;

/** "Ava Lindqvist" → "AL"; one name → its first two letters. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  if (words.length === 1) return (words[0] as string).slice(0, 2).toUpperCase();
  return `${(words[0] as string)[0]}${(words[words.length - 1] as string)[0]}`.toUpperCase();
}

/** How many people one text may mention. */
export const MAX_MENTIONS = 20;
