import { useEffect } from 'preact/hooks';
import { ApiError, call, goToSignIn } from '../../lib/api.ts';
import { useLoad } from '../../lib/hooks.ts';
import type { Branding, ClientMe } from '../../lib/types.ts';
import { useBranding } from './PortalFrame.tsx';

/**
 * A signed-in portal page's data with the client (getClientMe) and the portal's branding: a
 * session of another portal goes to sign in; on any other failure the public branding still loads.
 */
export function usePortalLoad<T>(load: () => Promise<T>) {
  const [studio, setStudio] = useBranding();
  const state = useLoad(() => Promise.all([call('getClientMe'), load()] as const));
  const error = state.state === 'failed' && state.error instanceof ApiError ? state.error : null;
  useEffect(() => {
    if (state.state === 'ready') setStudio(state.data[0].studio);
    if (error?.code === 'wrong_portal') void goToSignIn();
    if (error && error.code !== 'wrong_portal')
      call('getPortal').then(
        (r) => setStudio(r.studio),
        () => {},
      );
  }, [state.state]);
  const me: ClientMe | null = state.state === 'ready' ? state.data[0] : null;
  const data: T | null = state.state === 'ready' ? state.data[1] : null;
  return { state, error, studio: studio as Branding | null, me, data, reload: state.reload };
}
