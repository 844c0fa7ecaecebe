"use client";

import { useEffect, useRef } from "react";

export interface SummaryError {
  /** The id of the control the error belongs to, or null for an error of the whole form. */
  fieldId: string | null;
  message: string;
}

/**
 * The list of a form's errors, shown above it after a failed submit. It takes focus
 * (so screen-reader users hear it) and links each error to its field.
 */
export function ErrorSummary({ title, errors, focusKey }: { title: string; errors: SummaryError[]; focusKey: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const visible = errors.length > 0;

  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [visible, focusKey]);

  if (!visible) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="rounded border-2 border-red-700 bg-red-50 p-4 text-ink">
      <p className="font-semibold">{title}</p>
      <ul className="mt-2 list-disc pl-5 text-sm">
        {errors.map((error, index) => (
          <li key={`${error.fieldId ?? "form"}-${index}`}>
            {error.fieldId ? (
              <a
                href={`#${error.fieldId}`}
                className="text-red-800 underline"
                onClick={(event) => {
                  const target = document.getElementById(error.fieldId ?? "");
                  if (target) {
                    event.preventDefault();
                    target.focus();
                  }
                }}
              >
                {error.message}
              </a>
            ) : (
              error.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
