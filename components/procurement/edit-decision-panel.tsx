"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { OrganisationKind } from "@/server/db/generated/enums";
import { DecisionForm, type DecisionFormRecord } from "./decision-form";

/** "Ändra beslutet": the decision form in place, for a planned decision. */
export function EditDecisionPanel(props: { organisationSlug: string; useCaseId: string; organisationKind: OrganisationKind; record: DecisionFormRecord }) {
  const t = useTranslations("Procurement.actions");
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <div>
        <Button variant="secondary" onClick={() => setOpen(true)}>
          {t("edit")}
        </Button>
      </div>
    );
  }
  return <DecisionForm {...props} onCancel={() => setOpen(false)} onSaved={() => setOpen(false)} />;
}
