"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { ResponsibilityRole } from "@/server/db/generated/enums";
import { AssignForm } from "./assign-form";

/**
 * "Tilldela ny" on an assignment flagged for reassignment (or any current one): the assign
 * form for the same role in a dialog; the replaced assignment ends the day before.
 */
export function ReassignButton({
  organisationSlug,
  useCaseId,
  members,
  today,
  role,
  roleLabel,
  replaces,
}: {
  organisationSlug: string;
  useCaseId: string;
  members: { id: string; name: string }[];
  today: string;
  role: ResponsibilityRole;
  roleLabel: string;
  replaces: { id: string; name: string };
}) {
  const t = useTranslations("Responsibilities.reassign");
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  return (
    <>
      <Button variant="secondary" className="py-1" onClick={() => setOpen(true)}>
        {t("button")}
        <span className="sr-only"> {t("buttonContext", { role: roleLabel, name: replaces.name })}</span>
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title={t("title", { role: roleLabel })}
        description={<p>{t("intro", { name: replaces.name })}</p>}
      >
        {open ? (
          <AssignForm
            organisationSlug={organisationSlug}
            useCaseId={useCaseId}
            members={members}
            today={today}
            fixedRole={role}
            replacesId={replaces.id}
            onDone={close}
          />
        ) : null}
        <div className="mt-4 flex justify-end">
          <Button variant="secondary" onClick={close}>
            {t("cancel")}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
