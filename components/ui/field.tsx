import type { ReactNode } from "react";

export interface FieldControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

/**
 * A form field: label, optional hint, the control, and its error. The control gets
 * the ids it needs (aria-describedby, aria-invalid) through the render function.
 */
export function Field({
  id,
  label,
  hint,
  error,
  required,
  requiredLabel,
  className = "",
  labelClassName = "",
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  /** Shows `requiredLabel` after the label, in words. */
  required?: boolean;
  requiredLabel?: string;
  className?: string;
  labelClassName?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`flex flex-col gap-1 ${className}`.trim()}>
      <label htmlFor={id} className={`font-medium ${labelClassName}`.trim()}>
        {label}
        {required && requiredLabel ? <span className="font-normal text-muted"> ({requiredLabel})</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
      {children({ id, "aria-describedby": describedBy, ...(error ? { "aria-invalid": true as const } : {}) })}
    </div>
  );
}

const controlBase =
  "w-full rounded border bg-white px-3 py-2 text-ink aria-[invalid=true]:border-red-700 aria-[invalid=true]:border-2 disabled:bg-gray-100";

export const inputClasses = `${controlBase} border-gray-500`;
export const selectClasses = `${controlBase} border-gray-500 pr-8`;
