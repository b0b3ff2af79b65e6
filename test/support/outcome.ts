// For table-driven tests of pure rules: what a rule did, as one comparable string.
import { DomainError } from '../../shared/errors.ts';

/** 'allowed' when the rule lets it through, else the code of the domain error it throws. */
export function outcome(rule: () => unknown): string {
  try {
    rule();
    return 'allowed';
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}
