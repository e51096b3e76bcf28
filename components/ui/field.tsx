import { clsx } from "clsx";
import { useId } from "react";

const controlClass =
  "block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/20";

interface FieldProps {
  label: string;
  /** Messages from the server or the form; the first is shown under the control. */
  errors?: string[];
  hint?: string;
}

function FieldShell({
  id,
  label,
  errors,
  hint,
  children,
}: FieldProps & { id: string; children: React.ReactNode }) {
  const error = errors?.[0];
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

function describedBy(id: string, { errors, hint }: FieldProps) {
  return errors?.[0] ? `${id}-error` : hint ? `${id}-hint` : undefined;
}

/** What every control of a field carries: its id, its error state and what describes it. */
function controlProps(id: string, field: FieldProps, className: string | undefined) {
  return {
    id,
    "aria-invalid": field.errors?.[0] ? true : undefined,
    "aria-describedby": describedBy(id, field),
    className: clsx(controlClass, field.errors?.[0] ? "border-red-400" : "border-slate-300", className),
  };
}

/** A labelled input whose error is announced with it (aria-describedby). */
export function TextField({ label, errors, hint, className, ...props }: FieldProps & React.ComponentProps<"input">) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} errors={errors} hint={hint}>
      <input
        {...controlProps(id, { label, errors, hint }, className)}
        {...props}
      />
    </FieldShell>
  );
}

export function SelectField({
  label,
  errors,
  hint,
  className,
  children,
  ...props
}: FieldProps & React.ComponentProps<"select">) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} errors={errors} hint={hint}>
      <select
        {...controlProps(id, { label, errors, hint }, className)}
        {...props}
      >
        {children}
      </select>
    </FieldShell>
  );
}

/** A labelled multi-line text box, with its error announced like TextField's. */
export function TextAreaField({ label, errors, hint, className, ...props }: FieldProps & React.ComponentProps<"textarea">) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} errors={errors} hint={hint}>
      <textarea
        {...controlProps(id, { label, errors, hint }, className)}
        {...props}
      />
    </FieldShell>
  );
}
