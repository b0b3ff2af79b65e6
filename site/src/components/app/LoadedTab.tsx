import type { ComponentChildren } from 'preact';
import type { useLoad } from '../../lib/hooks.ts';
import { Loading } from '../ui/Loading.tsx';
import { LoadFailed } from './AppShell.tsx';

/** A gallery tab whose content is loaded from the API: heading, Refresh, and the loading and failed states. */
export function LoadedTab<T>({
  id,
  title,
  load,
  children,
}: {
  id: string;
  title: string;
  load: ReturnType<typeof useLoad<T>>;
  children: (data: T) => ComponentChildren;
}) {
  return (
    <section aria-labelledby={id}>
      <div class="section-head">
        <h2 id={id} class="section-heading">
          {title}
        </h2>
        {load.state !== 'loading' && (
          <button type="button" class="button button--ghost button--small" onClick={load.reload}>
            Refresh
          </button>
        )}
      </div>
      {load.state === 'loading' && <Loading label={`Loading ${title.toLowerCase()}…`} />}
      {load.state === 'failed' && <LoadFailed error={load.error} retry={load.reload} />}
      {load.state === 'ready' && children(load.data)}
    </section>
  );
}
