import { describe, expect, it } from 'vitest';
import { type Backoff, backoffSeconds, waitSeconds } from '../../shared/data/rate-limit.ts';

const limit: Backoff = { bucket: 'b', free: 5, baseSeconds: 2, maxSeconds: 900, forgetSeconds: 3600 };
const NOW = 1_750_000_000_000;

describe('backoff after failures', () => {
  it.each<[number, number]>([
    [0, 0],
    [4, 0],
    [5, 2],
    [6, 4],
    [7, 8],
    [13, 512],
    [14, 900],
    [1000, 900],
  ])('%i failures in a row wait %i s', (failures, seconds) => {
    expect(backoffSeconds(limit, failures)).toBe(seconds);
  });

  it.each<[string, { failures: number; lastFailureAt: number } | undefined, number]>([
    ['no failures', undefined, 0],
    ['free failures', { failures: 4, lastFailureAt: NOW }, 0],
    ['just after the fifth', { failures: 5, lastFailureAt: NOW - 100 }, 2],
    ['a wait about to end rounds up', { failures: 6, lastFailureAt: NOW - 3_500 }, 1],
    ['a wait over', { failures: 6, lastFailureAt: NOW - 4_000 }, 0],
    ['at the cap', { failures: 40, lastFailureAt: NOW }, 900],
    ['forgotten after a quiet spell', { failures: 40, lastFailureAt: NOW - 3_601_000 }, 0],
  ])('%s', (_, count, wait) => {
    expect(waitSeconds(limit, count, NOW)).toBe(wait);
  });
});
