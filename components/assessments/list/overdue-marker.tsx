/** "Overdue" in words with a warning icon: the colour and the icon are never the only signal. */
export function OverdueMarker({ label }: { label: string }) {
  return (
    <span className="inline-flex items-center gap-1 font-semibold text-red-800">
      <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" className="size-4 shrink-0 fill-current">
        <path d="M10 1.5 19 18H1L10 1.5Zm-1 6v5h2v-5H9Zm0 6.5v2h2v-2H9Z" />
      </svg>
      {label}
    </span>
  );
}
