import { getTranslations } from "next-intl/server";
import { AssessmentSharingForm } from "@/components/suppliers/assessment-sharing-form";
import { api } from "@/server/api/caller";

/**
 * Sharing an approved assessment with other organisations that use the same product
 * (shown on their product page). Rendered for the approved version in force, to those who
 * may manage the assessment; reads the current state itself.
 */
export async function SharingToggle({ organisationSlug, assessmentId }: { organisationSlug: string; assessmentId: string }) {
  const t = await getTranslations("Suppliers.sharing");
  const sharing = await (await api()).suppliers.assessmentSharing({ organisationSlug, id: assessmentId });
  if (!sharing.shareable && !sharing.shared) return null;
  return (
    <section aria-labelledby="sharing-heading" className="rounded border border-gray-300 p-4 print:hidden">
      <h2 id="sharing-heading" className="mb-3 text-xl font-semibold text-brand-900">
        {t("heading")}
      </h2>
      {sharing.shareable ? null : <p className="mb-2 text-sm">{t("onlyApproved")}</p>}
      <AssessmentSharingForm
        key={sharing.version}
        organisationSlug={organisationSlug}
        assessmentId={sharing.id}
        version={sharing.version}
        shared={sharing.shared}
      />
    </section>
  );
}
