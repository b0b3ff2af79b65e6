import { useEffect } from 'preact/hooks';
import { Loading } from '../../components/ui/Loading.tsx';
import { call } from '../../lib/api.ts';
import { sectionsFor } from './sections.ts';

/** /settings: the first section this user's role may open. */
export default function SettingsHome() {
  useEffect(() => {
    void call('getStudioMe').then((me) => location.replace(sectionsFor(me.user.role)[0]?.href ?? '/'));
  }, []);
  return <Loading label="Opening settings…" />;
}
