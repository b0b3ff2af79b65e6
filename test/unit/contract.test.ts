// The contract check every test answer goes through (test/support/contract.ts) refuses what a
// route's schema does not promise.
import { describe, expect, it } from 'vitest';
import { ContractViolation, checkAnswer } from '../support/contract.ts';

const GALLERY = '0b5f4f8e-3c1a-4d1e-9a8b-2f6c7d8e9f01';
const IMAGE = '1c6a5b9f-4d2b-4e2f-8b9c-3a7d8e9fa012';
const selection = `/api/portal/galleries/${GALLERY}/images/${IMAGE}/selection`;
const JSON_TYPE = 'application/json; charset=utf-8';

describe('the answer contract', () => {
  it.each([
    ['a right body', 200, { selected: true, selectedCount: 3 }, false],
    ['a wrong type', 200, { selected: 'nope', selectedCount: 3 }, true],
    ['a missing field', 200, { selected: true }, true],
    ['an extra field', 200, { selected: true, selectedCount: 3, type: 'pick' }, true],
    ['an error body', 409, { error: 'selection_full', message: 'Full.' }, false],
    ['an error without a code', 409, { message: 'Full.' }, true],
  ])('%s → %s', (_what, status, body, refused) => {
    const check = () => checkAnswer('PUT', selection, status, JSON_TYPE, body);
    if (refused) expect(check).toThrow(ContractViolation);
    else expect(check).not.toThrow();
  });

  it('checks nested objects exactly, and leaves non-API paths and unknown routes alone', () => {
    expect(() => checkAnswer('GET', '/api/health', 200, JSON_TYPE, { status: 'ok', time: 'now', extra: 1 })).toThrow(ContractViolation);
    expect(() => checkAnswer('GET', '/portal/gallery', 200, 'text/html', '<html>')).not.toThrow();
    expect(() => checkAnswer('GET', '/api/nothing-here', 404, JSON_TYPE, { message: 'Not Found' })).not.toThrow();
  });
});
