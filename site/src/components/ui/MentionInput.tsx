// A textarea that suggests people when you type "@": arrow keys or the pointer to pick, Enter or Tab
// to insert "@Name". It reports the text and the people still mentioned in it (a mention deleted
// from the text is dropped), so the server gets who was meant, not a name to guess from.
import type { JSX } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';

export interface Mentionable {
  person: string;
  name: string;
  /** "Art director", "Client": shown beside the name in the list. */
  role: string;
  initials: string;
}

interface MentionInputProps {
  id: string;
  value: string;
  mentions: readonly string[];
  people: readonly Mentionable[];
  onChange: (text: string, mentions: string[]) => void;
  rows?: number;
  maxLength?: number;
  placeholder?: string;
  required?: boolean;
  describedBy?: string;
  /** Ctrl/⌘+Enter: send. */
  onSubmit?: () => void;
  disabled?: boolean;
}

/** The "@query" being typed just before the caret, if any. */
function activeQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const m = /(^|[\s(])@([\p{L}\p{N}'’ .-]{0,30})$/u.exec(before);
  if (!m) return null;
  const query = m[2] as string;
  // Two words at most: "@Ava Lin" still searches, a sentence after an @ does not.
  if (query.split(' ').length > 2) return null;
  return { start: before.length - query.length - 1, query };
}

export function stillMentioned(text: string, mentions: readonly string[], people: readonly Mentionable[]): string[] {
  return mentions.filter((p) => {
    const name = people.find((x) => x.person === p)?.name;
    return name ? text.includes(`@${name}`) : false;
  });
}

export function MentionInput(props: MentionInputProps) {
  const { id, value, mentions, people, onChange } = props;
  const area = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);

  const matches = useMemo(() => {
    if (!query) return [];
    const q = query.query.trim().toLowerCase();
    return people
      .filter(
        (p) =>
          !q ||
          p.name
            .toLowerCase()
            .split(/\s+/)
            .some((w) => w.startsWith(q)) ||
          p.name.toLowerCase().startsWith(q),
      )
      .slice(0, 6);
  }, [query, people]);
  const open = matches.length > 0;
  const listId = `${id}-people`;

  const update = (text: string, caret: number) => {
    setQuery(activeQuery(text, caret));
    setActive(0);
    onChange(text, stillMentioned(text, mentions, people));
  };

  const pick = (p: Mentionable) => {
    if (!query) return;
    const caret = area.current?.selectionStart ?? value.length;
    const text = `${value.slice(0, query.start)}@${p.name} ${value.slice(caret)}`;
    const at = query.start + p.name.length + 2;
    setQuery(null);
    onChange(text, [...new Set([...stillMentioned(text, mentions, people), p.person])]);
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(at, at);
    });
  };

  const onKeyDown = (e: JSX.TargetedKeyboardEvent<HTMLTextAreaElement>) => {
    if (open) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
        return;
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        pick(matches[active] as Mentionable);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        setQuery(null);
        return;
      }
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && props.onSubmit) {
      e.preventDefault();
      props.onSubmit();
    }
  };

  return (
    <div class="mention-input">
      <textarea
        ref={area}
        id={id}
        class="textarea"
        rows={props.rows ?? 3}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        required={props.required}
        disabled={props.disabled}
        value={value}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open ? 'true' : 'false'}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        aria-describedby={props.describedBy}
        onInput={(e) => update(e.currentTarget.value, e.currentTarget.selectionStart ?? e.currentTarget.value.length)}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setQuery(null), 150)}
      />
      <div id={listId} class="mention-input__list" role="listbox" hidden={!open} aria-label="People you can mention">
        {matches.map((p, i) => (
          <div
            key={p.person}
            tabIndex={-1}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active ? 'true' : 'false'}
            class={`mention-input__option${i === active ? ' mention-input__option--active' : ''}`}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(p);
            }}
          >
            <span class="avatar avatar--small" aria-hidden="true">
              {p.initials}
            </span>
            <span class="mention-input__name">{p.name}</span>
            <span class="mention-input__role muted">{p.role}</span>
          </div>
        ))}
      </div>
    </div>
  );
}
