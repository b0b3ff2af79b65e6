/** A project's % done, as a bar with its figure (read out as a progress bar). */
export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  return (
    <div class="progress">
      <div class="progress__track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <span class="progress__fill" style={{ width: `${percent}%` }} />
      </div>
      <span class="progress__value">{percent} %</span>
    </div>
  );
}
