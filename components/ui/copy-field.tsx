"use client";

import { useId, useState } from "react";
import { Button } from "./button";
import { inputClasses } from "./field";

/**
 * A read-only value (e.g. an invitation link, or with `multiline` a summary of several
 * lines) with a copy button that says when it worked. Printed, a multiline value is plain text.
 */
export function CopyField({
  label,
  value,
  copyLabel,
  copiedMessage,
  copyFailedMessage,
  multiline = false,
}: {
  label: string;
  value: string;
  copyLabel: string;
  copiedMessage: string;
  copyFailedMessage: string;
  multiline?: boolean;
}) {
  const id = useId();
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setStatus("copied");
    } catch {
      setStatus("failed");
    }
  }

  const button = (
    <Button variant="secondary" onClick={copy}>
      {copyLabel}
    </Button>
  );
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {multiline ? (
        <>
          <textarea
            id={id}
            readOnly
            value={value}
            rows={Math.min(16, Math.max(4, value.split("\n").length + 1))}
            onFocus={(event) => event.currentTarget.select()}
            className={`${inputClasses} font-mono text-sm print:hidden`}
          />
          <p className="hidden whitespace-pre-line print:block">{value}</p>
          <div className="print:hidden">{button}</div>
        </>
      ) : (
        <div className="flex flex-wrap gap-2">
          <input
            id={id}
            readOnly
            value={value}
            onFocus={(event) => event.currentTarget.select()}
            className={`${inputClasses} min-w-0 flex-1 font-mono text-sm`}
          />
          {button}
        </div>
      )}
      <p aria-live="polite" className="min-h-5 text-sm text-muted print:hidden">
        {status === "copied" ? copiedMessage : status === "failed" ? copyFailedMessage : ""}
      </p>
    </div>
  );
}
