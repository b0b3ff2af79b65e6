// "Export CSV": an optional date range, and a plain download link to the export route (the browser
// sends the session cookie; the API answers the CSV with its own file name).
import { useState } from 'preact/hooks';
import { routeUrl } from '../../lib/api.ts';

export function ExportLink() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const backwards = Boolean(from && to && from > to);
  const href = routeUrl('exportInvoices', { query: { ...(from ? { from } : {}), ...(to ? { to } : {}) } });
  return (
    <fieldset class="billing-export">
      <legend class="field__label">Export for your accountant</legend>
      <div class="billing-export__row">
        <label class="billing-export__date">
          <span>From</span>
          <input type="date" value={from} max={to || undefined} onInput={(e) => setFrom(e.currentTarget.value)} />
        </label>
        <label class="billing-export__date">
          <span>To</span>
          <input type="date" value={to} min={from || undefined} onInput={(e) => setTo(e.currentTarget.value)} />
        </label>
        {backwards ? (
          <span class="field__error" role="alert">
            The start is after the end.
          </span>
        ) : (
          <a class="button button--secondary" href={href} download>
            Export CSV
          </a>
        )}
      </div>
      <p class="field__hint">By issue date; leave both empty for every invoice sent.</p>
    </fieldset>
  );
}
