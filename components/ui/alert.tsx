import type { ReactNode } from "react";

export type AlertTone = "info" | "success" | "warning" | "error";

const tones: Record<AlertTone, string> = {
  info: "border-brand-600 bg-brand-50 text-ink",
  success: "border-green-700 bg-green-50 text-ink",
  warning: "border-amber-600 bg-amber-50 text-ink",
  error: "border-red-700 bg-red-50 text-ink",
};

/**
 * A message box. The tone is never the only signal: every alert has a title in words.
 * `live` makes it announce itself: "polite" for results, "assertive" for errors.
 */
export function Alert({
  tone = "info",
  title,
  children,
  live,
  className = "",
  id,
}: {
  tone?: AlertTone;
  title: ReactNode;
  children?: ReactNode;
  live?: "polite" | "assertive";
  className?: string;
  id?: string;
}) {
  const role = live === "assertive" ? "alert" : live === "polite" ? "status" : undefined;
  return (
    <div id={id} role={role} className={`rounded border-l-4 p-4 ${tones[tone]} ${className}`.trim()}>
      <p className="font-semibold">{title}</p>
      {children ? <div className="mt-1 text-sm">{children}</div> : null}
    </div>
  );
}
