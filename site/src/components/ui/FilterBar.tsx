export interface FilterOption<V extends string> {
  value: V;
  label: string;
  count: number;
}

/** One-of-many filter chips (toggle buttons in a labelled group), scrolling sideways on narrow screens. */
export function FilterBar<V extends string>({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: FilterOption<V>[];
  value: V;
  onChange: (value: V) => void;
}) {
  return (
    <fieldset class="filters">
      <legend class="visually-hidden">{label}</legend>
      {options.map((o) => (
        <button key={o.value} type="button" class="filter-chip" aria-pressed={o.value === value} onClick={() => onChange(o.value)}>
          {o.label}
          <span class="filter-chip__count">{o.count.toLocaleString()}</span>
        </button>
      ))}
    </fieldset>
  );
}
