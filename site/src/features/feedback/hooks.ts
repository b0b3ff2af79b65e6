// A feedback list that stays current: loaded once, then fetched again quietly (no spinner) when a
// live event names the project's feedback topic, or when the live hook has to catch up.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { topics } from '../../../../shared/features/live/constants.ts';
import { useLive } from '../../lib/live.ts';

export type LiveLoad<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'failed'; error: unknown };

export function useLiveFeedback<T>(load: () => Promise<T>, projectId: string | null): LiveLoad<T> & { refresh: () => void } {
  const [result, setResult] = useState<LiveLoad<T>>({ state: 'loading' });
  const latest = useRef(load);
  latest.current = load;
  const inFlight = useRef(false);
  const refresh = useCallback(() => {
    if (inFlight.current) return;
    inFlight.current = true;
    latest
      .current()
      .then(
        (data) => setResult({ state: 'ready', data }),
        (error: unknown) => setResult((r) => (r.state === 'ready' ? r : { state: 'failed', error })),
      )
      .finally(() => {
        inFlight.current = false;
      });
  }, []);
  useEffect(refresh, []);
  useLive((event) => {
    if (event.type === 'changed' && (projectId === null || event.topic === topics.projectFeedback(projectId))) refresh();
  }, refresh);
  return { ...result, refresh };
}
