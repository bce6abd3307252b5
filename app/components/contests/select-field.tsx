import type { MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/i18n/use-translation";

type Props = React.SelectHTMLAttributes<HTMLSelectElement> & { label: string; name: string; error?: MessageKey };

/** A labelled select with its error, the select counterpart of `Field`. */
export function SelectField({ label, name, error, children, ...selectProps }: Props) {
  const t = useT();
  const id = selectProps.id ?? `select-${name}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="rounded border border-slate-300 px-3 py-2 text-base"
        {...selectProps}
      >
        {children}
      </select>
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}
