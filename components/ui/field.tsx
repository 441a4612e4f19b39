import type { InputHTMLAttributes } from "react";

/** A labelled input with its field errors announced to screen readers. */
export function Field({
  label,
  name,
  errors,
  hint,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; errors?: string[]; hint?: string }) {
  const errorId = `${name}-error`;
  return (
    <div className="space-y-1">
      <label htmlFor={input.id ?? name} className="block text-sm font-medium">
        {label}
      </label>
      {hint ? <p className="text-xs text-zinc-600 dark:text-zinc-400">{hint}</p> : null}
      <input
        id={input.id ?? name}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? errorId : undefined}
        className="block min-h-10 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        {...input}
      />
      <p id={errorId} className="text-sm text-red-700 dark:text-red-400" aria-live="polite">
        {errors?.join(" ")}
      </p>
    </div>
  );
}
