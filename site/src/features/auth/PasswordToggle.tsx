import { EyeIcon } from '../../components/ui/Icons.tsx';

/** Shows or hides the password it controls; its name says which way it will switch. */
export function PasswordToggle({ shown, onToggle, controls }: { shown: boolean; onToggle: () => void; controls: string }) {
  return (
    <button type="button" class="field__action" aria-controls={controls} aria-pressed={shown} onClick={onToggle}>
      <EyeIcon off={shown} />
      <span>{shown ? 'Hide' : 'Show'}</span>
      <span class="visually-hidden"> password</span>
    </button>
  );
}
