// Feedback's limits the site checks before it sends (the API stays the judge). No zod: the site imports this.

/** The longest feedback message, in characters. */
export const FEEDBACK_MAX = 2000;
