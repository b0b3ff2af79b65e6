// EventBridge schedules, locally: each entry of shared/schedules.ts runs its handler
// (functions/<feature>/<id>.ts) every LOCAL_SCHEDULE_SECONDS (default an hour; the jobs are
// idempotent per day, so running them more often than their cron only repeats nothing). Tests call
// the domain functions directly instead of waiting for a timer.
import { type ScheduleDef, scheduleList } from '../shared/schedules.ts';

export interface LocalSchedules {
  stop(): void;
}

export function startLocalSchedules(
  opts: { seconds?: number; table?: readonly ScheduleDef[]; log?: (m: string, e?: unknown) => void } = {},
): LocalSchedules {
  const raw = Number(process.env.LOCAL_SCHEDULE_SECONDS ?? 3600);
  const seconds = opts.seconds ?? (Number.isFinite(raw) && raw > 0 ? raw : 3600);
  const log = opts.log ?? ((m, e) => console.error(`[schedules] ${m}`, e ?? ''));
  const timers = (opts.table ?? scheduleList).map((def) => {
    let running = false;
    const timer = setInterval(async () => {
      if (running) return;
      running = true;
      try {
        const module = (await import(new URL(`../functions/${def.feature}/${def.id}.ts`, import.meta.url).href)) as {
          handler: (event: unknown) => Promise<unknown>;
        };
        await module.handler({ source: 'aws.events', 'detail-type': 'Scheduled Event', detail: {} });
      } catch (error) {
        log(`${def.id} failed`, error);
      } finally {
        running = false;
      }
    }, seconds * 1000);
    // Never what keeps the process alive.
    timer.unref();
    return timer;
  });
  return {
    stop() {
      for (const t of timers) clearInterval(t);
    },
  };
}
