import type { SelectHTMLAttributes } from "react";

/** A labelled drop-down with its field errors announced to screen readers. */
export function Select({
  label,
  name,
  errors,
  options,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & { label: string; name: string; errors?: string[]; options: { value: string; label: string }[] }) {
  const id = select.id ?? name;
  const errorId = `${id}-error`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? errorId : undefined}
        className="block min-h-10 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <p id={errorId} className="text-sm text-red-700 dark:text-red-400" aria-live="polite">
        {errors?.join(" ")}
      </p>
    </div>
  );
}
