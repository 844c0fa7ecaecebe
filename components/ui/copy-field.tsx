"use client";

import { useId, useState } from "react";
import { Button } from "./button";
import { inputClasses } from "./field";

/** A read-only value (e.g. an invitation link) with a copy button that says when it worked. */
export function CopyField({
  label,
  value,
  copyLabel,
  copiedMessage,
  copyFailedMessage,
}: {
  label: string;
  value: string;
  copyLabel: string;
  copiedMessage: string;
  copyFailedMessage: string;
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

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={id}
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          className={`${inputClasses} min-w-0 flex-1 font-mono text-sm`}
        />
        <Button variant="secondary" onClick={copy}>
          {copyLabel}
        </Button>
      </div>
      <p aria-live="polite" className="min-h-5 text-sm text-muted">
        {status === "copied" ? copiedMessage : status === "failed" ? copyFailedMessage : ""}
      </p>
    </div>
  );
}
