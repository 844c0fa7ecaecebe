"use client";

import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog (the page's print styles leave out the site's chrome). */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button className="print:hidden" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
