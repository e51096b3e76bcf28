"use client";

/** A fieldset of checkboxes that edits a list of values (members, roles, channels). */
export function ChoiceGroup<T extends string>({
  legend,
  options,
  value,
  onChange,
  error,
  scroll = false,
}: {
  legend: string;
  options: readonly { value: T; label: string }[];
  value: readonly T[];
  onChange: (value: T[]) => void;
  error?: string;
  /** A long list (members) scrolls inside a box. */
  scroll?: boolean;
}) {
  return (
    <fieldset className="min-w-0">
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className={scroll ? "mt-1 max-h-36 overflow-y-auto rounded-md border border-slate-200 p-2" : "mt-1"}>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {options.map((option) => (
            <label key={option.value} className="flex items-center gap-1.5 text-sm">
              <input
                type="checkbox"
                className="size-4 accent-brand-600"
                checked={value.includes(option.value)}
                onChange={(event) => onChange(event.target.checked ? [...value, option.value] : value.filter((chosen) => chosen !== option.value))}
              />
              {option.label}
            </label>
          ))}
        </div>
      </div>
      {error && <p className="mt-1 text-sm text-red-700">{error}</p>}
    </fieldset>
  );
}
