import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export interface TabDef<T extends string> {
  id: T;
  label: string;
}

/** The tab in the address (#files), or the first. */
export const tabFromHash = <T extends string>(tabs: readonly TabDef<T>[]): T =>
  (tabs.find((t) => typeof location !== 'undefined' && t.id === location.hash.slice(1)) ?? (tabs[0] as TabDef<T>)).id;

/**
 * A tab list with its one panel: arrow keys, Home and End move between tabs (the WAI-ARIA tabs
 * pattern), and the chosen tab is kept in the address's hash so a reload or a shared link opens it;
 * a link to a section (#files) works while the page is open too.
 */
export function Tabs<T extends string>({
  tabs,
  label,
  children,
}: {
  tabs: readonly TabDef<T>[];
  label: string;
  children: (tab: T) => ComponentChildren;
}) {
  const [tab, setTab] = useState<T>(() => tabFromHash(tabs));
  useEffect(() => {
    const onHash = () => {
      const t = tabs.find((x) => x.id === location.hash.slice(1));
      if (t) setTab(t.id);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const choose = (next: T, focus = false) => {
    setTab(next);
    history.replaceState(history.state, '', `#${next}`);
    if (focus) document.getElementById(`tab-${next}`)?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.id === tab);
    const to =
      e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    choose((tabs[(to + tabs.length) % tabs.length] as TabDef<T>).id, true);
  };
  return (
    <>
      <div class="tabs" role="tablist" aria-label={label}>
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            class="tab"
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => choose(t.id)}
            onKeyDown={onKey}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} class="tab-panel">
        {children(tab)}
      </div>
    </>
  );
}
