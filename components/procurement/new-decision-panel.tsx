"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { OrganisationKind } from "@/server/db/generated/enums";
import { DecisionForm } from "./decision-form";

/** "Nytt anskaffningsbeslut": opens the decision form in the tab; saving opens the new decision's page. */
export function NewDecisionPanel({ organisationSlug, useCaseId, organisationKind }: { organisationSlug: string; useCaseId: string; organisationKind: OrganisationKind }) {
  const t = useTranslations("Procurement.tab");
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  if (!open) {
    return (
      <div>
        <Button
          ref={trigger}
          onClick={() => {
            setOpen(true);
            requestAnimationFrame(() => heading.current?.focus());
          }}
        >
          {t("new")}
        </Button>
      </div>
    );
  }
  return (
    <section aria-labelledby="new-decision-heading" className="flex flex-col gap-4 rounded border border-gray-300 p-4">
      <h3 id="new-decision-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold">
        {t("newHeading")}
      </h3>
      <DecisionForm
        organisationSlug={organisationSlug}
        useCaseId={useCaseId}
        organisationKind={organisationKind}
        onCancel={() => {
          setOpen(false);
          requestAnimationFrame(() => trigger.current?.focus());
        }}
      />
    </section>
  );
}
