import { AuthLayout } from './AuthLayout.tsx';

/** The dashboard's 404 page (served by the CDN for any path that is not a page). */
export default function NotFoundPage() {
  return (
    <AuthLayout title="Page not found" lead="There’s nothing at this address. It may have moved, or the link may be mistyped.">
      <a class="button button--primary button--block" href="/">
        Go to your dashboard
      </a>
    </AuthLayout>
  );
}
