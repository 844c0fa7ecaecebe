"use client";

import { type ReactNode, useId, useState } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";

/**
 * A button that shows a form below it (aria-expanded, aria-controls); the form gets a
 * `close` callback that hides it again and returns focus to the button.
 */
export function Disclosure({
  label,
  ariaLabel,
  variant = "primary",
  children,
}: {
  label: string;
  ariaLabel?: string;
  variant?: ButtonVariant;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => document.getElementById(`${id}-button`)?.focus());
  };
  return (
    <div className="flex flex-col gap-4">
      {open ? null : (
        <div>
          <Button id={`${id}-button`} variant={variant} aria-expanded={open} aria-controls={`${id}-panel`} aria-label={ariaLabel} onClick={() => setOpen(true)}>
            {label}
          </Button>
        </div>
      )}
      <div id={`${id}-panel`} hidden={!open} className="rounded border border-gray-300 p-4">
        {open ? children(close) : null}
      </div>
    </div>
  );
}
