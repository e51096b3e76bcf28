"use client";

import { clsx } from "clsx";

/** The required skills, chosen from the workspace's catalogue: a group of checkboxes, named as a group. */
export function SkillsField({
  catalogue,
  value,
  onChange,
  error,
  disabled,
}: {
  catalogue: string[];
  value: string[];
  onChange: (next: string[]) => void;
  error?: string;
  disabled?: boolean;
}) {
  // Skills the task already requires stay listed even if the catalogue has since dropped them.
  const offered = [...new Set([...catalogue, ...value])];
  return (
    <fieldset className="space-y-1" aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-medium text-slate-800">Required skills</legend>
      {offered.length === 0 ? (
        <p className="text-sm text-slate-500">The workspace has no skills yet; add them on the team page.</p>
      ) : (
        <div className="flex flex-wrap gap-2">
          {offered.map((skill) => {
            const checked = value.includes(skill);
            return (
              <label
                key={skill}
                className={clsx(
                  "inline-flex cursor-pointer items-center gap-1.5 rounded-full border px-2.5 py-1 text-sm has-focus-visible:ring-2 has-focus-visible:ring-brand-600/40",
                  checked ? "border-brand-600 bg-brand-50 text-brand-800" : "border-slate-300 text-slate-700",
                )}
              >
                <input
                  type="checkbox"
                  className="size-3.5"
                  checked={checked}
                  disabled={disabled}
                  onChange={() => onChange(checked ? value.filter((s) => s !== skill) : [...value, skill])}
                />
                {skill}
              </label>
            );
          })}
        </div>
      )}
      {error && <p className="text-sm text-red-700">{error}</p>}
    </fieldset>
  );
}
