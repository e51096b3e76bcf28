"use client";

import { clsx } from "clsx";
import { useId, useRef, useState } from "react";

export interface Member {
  id: string;
  name: string;
}

/** The "@word" being typed just before the caret, if any. */
function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)@([^\s@]{0,30})$/.exec(text.slice(0, caret));
  return match ? { start: caret - match[2]!.length - 1, query: match[2]! } : null;
}

/**
 * A comment box where typing "@" offers the workspace's members (arrow keys and
 * Enter, or a click, to choose; Escape to dismiss). The text keeps "@Name";
 * `onMention` reports who was chosen, so the form can store their ids.
 */
export function MentionTextarea({
  label,
  value,
  onChange,
  onMention,
  members,
  error,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onMention: (member: Member) => void;
  members: Member[];
  error?: string;
}) {
  const id = useId();
  const listId = `${id}-members`;
  const box = useRef<HTMLTextAreaElement>(null);
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const matches = mention ? members.filter((m) => m.name.toLowerCase().includes(mention.query.toLowerCase())).slice(0, 6) : [];
  const open = matches.length > 0;

  function read(text: string, caret: number) {
    setMention(mentionAt(text, caret));
    setActive(0);
  }

  function choose(member: Member) {
    if (!mention) return;
    const caret = mention.start + 1 + mention.query.length;
    const inserted = `@${member.name} `;
    const next = value.slice(0, mention.start) + inserted + value.slice(caret);
    onChange(next);
    onMention(member);
    setMention(null);
    const at = mention.start + inserted.length;
    requestAnimationFrame(() => {
      box.current?.focus();
      box.current?.setSelectionRange(at, at);
    });
  }

  return (
    <div className="relative space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        id={id}
        ref={box}
        rows={3}
        value={value}
        placeholder="Write a comment; type @ to mention someone"
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        onChange={(event) => {
          onChange(event.target.value);
          read(event.target.value, event.target.selectionStart);
        }}
        onClick={(event) => read(event.currentTarget.value, event.currentTarget.selectionStart)}
        onBlur={() => setMention(null)}
        onKeyDown={(event) => {
          if (!open) return;
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            event.preventDefault();
            setActive((i) => (i + (event.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length);
          } else if (event.key === "Enter" || event.key === "Tab") {
            event.preventDefault();
            choose(matches[active]!);
          } else if (event.key === "Escape") {
            event.preventDefault();
            setMention(null);
          }
        }}
        className={clsx(
          "block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/20",
          error ? "border-red-400" : "border-slate-300",
        )}
      />
      {open && (
        <ul id={listId} role="listbox" aria-label="Members to mention" className="absolute z-10 mt-1 w-64 max-w-full overflow-hidden rounded-md border border-slate-200 bg-white shadow-lg">
          {matches.map((member, index) => (
            <li
              key={member.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              // Chosen before the textarea loses focus (which would close the list).
              onMouseDown={(event) => {
                event.preventDefault();
                choose(member);
              }}
              className={clsx("cursor-pointer px-3 py-1.5 text-sm", index === active ? "bg-brand-50 text-brand-800" : "text-slate-800")}
            >
              {member.name}
            </li>
          ))}
        </ul>
      )}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          Type @ and a name to mention a teammate.
        </p>
      )}
    </div>
  );
}
