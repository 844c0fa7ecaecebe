import type { ReactNode } from "react";

export interface FieldControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

/** The ids a control names in aria-describedby for its hint and error (see FieldMessages). */
export function describedByIds(id: string, hint: ReactNode, error: ReactNode): string | undefined {
  return [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

/** A field's hint and error, with the ids describedByIds gives; for layouts Field does not fit (checkboxes, fieldsets). */
export function FieldMessages({ id, hint, error }: { id: string; hint?: ReactNode; error?: ReactNode }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </>
  );
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
  const describedBy = describedByIds(id, hint, error);
  return (
    <div className={`flex flex-col gap-1 ${className}`.trim()}>
      <label htmlFor={id} className={`font-medium ${labelClassName}`.trim()}>
        {label}
        {required && requiredLabel ? <span className="font-normal text-muted"> ({requiredLabel})</span> : null}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      {children({ id, "aria-describedby": describedBy, ...(error ? { "aria-invalid": true as const } : {}) })}
    </div>
  );
}

const controlBase =
  "w-full rounded border bg-white px-3 py-2 text-ink aria-[invalid=true]:border-red-700 aria-[invalid=true]:border-2 disabled:bg-gray-100";

export const inputClasses = `${controlBase} border-gray-500`;
export const selectClasses = `${controlBase} border-gray-500 pr-8`;
