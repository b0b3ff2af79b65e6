import type { StudioProject } from '../../lib/types.ts';

/** The people on a project: initials for an avatar, name, and their part in it. */
export function TeamList({ team }: { team: StudioProject['team'] }) {
  return (
    <ul class="team-list">
      {team.map((t) => (
        <li key={t.userId} class="team-list__item">
          <span class="avatar" aria-hidden="true">
            {t.initials}
          </span>
          <span>
            <span class="team-list__name">{t.name}</span>
            <span class="muted small team-list__role">{t.lead ? `${t.projectRole} · lead` : t.projectRole}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
