import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { RouterOutputs } from "@/components/trpc/types";
import { Alert } from "@/components/ui/alert";
import { Announcer } from "@/components/ui/announcer";
import { dateFormat, dateTimeFormat } from "@/components/ui/format";
import { procurementRouteLabels } from "@/server/domain/procurement/labels";
import type { Locale } from "@/server/i18n/config";
import { ChecklistEditor } from "./checklist-editor";
import { DecisionActions, type DecisionActionsAllowed } from "./decision-actions";
import { DecisionHistory } from "./decision-history";
import { EditDecisionPanel } from "./edit-decision-panel";
import { dayDate, formatSek } from "./format";
import { DecisionStatusBadge } from "./status-badge";
import { ThresholdPanel } from "./threshold-panel";

type Decision = RouterOutputs["procurement"]["get"];

/** One decision: its details, threshold check, checklist, actions and history. */
export async function DecisionPageView({
  organisationSlug,
  decision,
  locale,
  allowed,
  canEdit,
  supplierProducts,
}: {
  organisationSlug: string;
  decision: Decision;
  locale: Locale;
  allowed: DecisionActionsAllowed;
  /** procurement.update and the decision planned. */
  canEdit: boolean;
  /** The chosen supplier's products, for the edit form. */
  supplierProducts: { id: string; name: string }[];
}) {
  const t = await getTranslations("Procurement");
  const format = await getFormatter();
  const route = procurementRouteLabels[decision.route][locale];
  const useCaseHref = `/${organisationSlug}/register/${decision.useCase.id}?tab=procurement`;
  const none = <span className="text-muted">{t("page.none")}</span>;
  const day = (value: string | null) => (value ? format.dateTime(dayDate(value), dateFormat) : none);
  const rows: [string, ReactNode][] = [
    [t("fields.route"), route],
    [t("fields.supplierId"), decision.supplier ? `${decision.supplier.name} (${decision.supplier.country})` : none],
    [t("fields.productId"), decision.product?.name ?? none],
    [
      t("fields.frameworkAgreementKey"),
      decision.frameworkAgreement ? `${decision.frameworkAgreement.name}, ${decision.frameworkAgreement.bodyName} (${decision.frameworkAgreement.validFrom}–${decision.frameworkAgreement.validTo})` : (decision.frameworkAgreementKey ?? none),
    ],
    [t("fields.estimatedValueSek"), decision.estimatedValueSek !== null ? t("page.sek", { value: formatSek(decision.estimatedValueSek) }) : none],
    [t("fields.contractStartOn"), day(decision.contractStartOn)],
    [t("fields.contractEndOn"), day(decision.contractEndOn)],
    [t("fields.registryNumber"), decision.registryNumber ?? none],
    [t("fields.decidedOn"), day(decision.decidedOn)],
    [t("fields.decisionMaker"), decision.decisionMaker ?? none],
    [t("fields.rationale"), decision.rationale ? <span className="whitespace-pre-line">{decision.rationale}</span> : none],
    [
      t("fields.documentLinks"),
      decision.documentLinks.length ? (
        <ul className="list-disc pl-5">
          {decision.documentLinks.map((link) => (
            <li key={link.url}>
              <a href={link.url} className="text-brand-700 underline" rel="noopener noreferrer">
                {link.title}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        none
      ),
    ],
    [t("fields.sharedWithOtherOrganisations"), decision.sharedWithOtherOrganisations ? t("page.shared") : t("page.notShared")],
  ];
  const blockingLabels = decision.checklist.items.filter((item) => item.blocking).map((item) => item.text[locale]);

  return (
    <Announcer className="mb-4">
      <div className="flex flex-col gap-6">
        <div className="flex flex-col gap-2">
          <Link href={useCaseHref} className="text-brand-700 underline">
            {t("page.backToUseCase", { reference: decision.useCase.reference, title: decision.useCase.title })}
          </Link>
          <h1 className="text-2xl font-bold">{t("page.heading", { route })}</h1>
          <p>
            <span className="font-medium">{t("page.status")}:</span> <DecisionStatusBadge status={decision.status} locale={locale} />
          </p>
        </div>

        <DecisionActions organisationSlug={organisationSlug} decision={{ id: decision.id, version: decision.version }} blockingLabels={blockingLabels} allowed={allowed} useCaseHref={useCaseHref} />

        {decision.riskAcceptance ? (
          <Alert tone="warning" title={t("page.riskAcceptedHeading")}>
            <p className="whitespace-pre-line">{decision.riskAcceptance.reason}</p>
            <p className="mt-1">
              {t("page.riskAcceptedBy", {
                who: decision.riskAcceptance.by?.name ?? "–",
                when: format.dateTime(new Date(decision.riskAcceptance.at), dateTimeFormat),
              })}
            </p>
          </Alert>
        ) : null}

        <section aria-labelledby="details-heading" className="flex flex-col gap-3">
          <h2 id="details-heading" className="text-xl font-semibold">
            {t("page.details")}
          </h2>
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[minmax(12rem,auto)_1fr]">
            {rows.map(([term, description]) => (
              <div key={term} className="contents">
                <dt className="font-medium">{term}</dt>
                <dd>{description}</dd>
              </div>
            ))}
          </dl>
          {decision.legalException ? (
            <Alert title={t("page.legalExceptionHeading")}>
              <p className="font-medium">{decision.legalException}</p>
              <p className="whitespace-pre-line">{decision.legalExceptionJustification}</p>
            </Alert>
          ) : null}
          <ThresholdPanel check={decision.thresholds.check} noPeriodOn={decision.thresholds.noPeriodOn} route={decision.route} />
          {canEdit ? (
            <EditDecisionPanel
              organisationSlug={organisationSlug}
              useCaseId={decision.useCase.id}
              organisationKind={decision.organisationKind}
              record={{
                id: decision.id,
                version: decision.version,
                supplier: decision.supplier ? { id: decision.supplier.id, name: decision.supplier.name, products: supplierProducts } : null,
                values: {
                  route: decision.route,
                  supplierId: decision.supplier?.id ?? "",
                  productId: decision.product?.id ?? "",
                  frameworkAgreementKey: decision.frameworkAgreementKey ?? "",
                  estimatedValueSek: decision.estimatedValueSek === null ? "" : formatSek(decision.estimatedValueSek),
                  contractStartOn: decision.contractStartOn ?? "",
                  contractEndOn: decision.contractEndOn ?? "",
                  registryNumber: decision.registryNumber ?? "",
                  decidedOn: decision.decidedOn ?? "",
                  decisionMaker: decision.decisionMaker ?? "",
                  rationale: decision.rationale ?? "",
                  documentLinks: decision.documentLinks.map((link) => ({ title: link.title, url: link.url })),
                  legalException: decision.legalException ?? "",
                  legalExceptionJustification: decision.legalExceptionJustification ?? "",
                  sharedWithOtherOrganisations: decision.sharedWithOtherOrganisations,
                },
              }}
            />
          ) : null}
        </section>

        <section aria-labelledby="checklist-heading" className="flex flex-col gap-3">
          <h2 id="checklist-heading" className="text-xl font-semibold">
            {t("checklist.heading")}
          </h2>
          <p className="text-sm">{t("checklist.intro", { version: decision.checklist.version })}</p>
          <p className="font-medium" role="status">
            {decision.blocking.length > 0 ? t("checklist.blockingSummary", { count: decision.blocking.length }) : t("checklist.allMet")}
          </p>
          <ChecklistEditor organisationSlug={organisationSlug} decision={decision} editable={canEdit} />
        </section>

        <section aria-labelledby="history-heading" className="flex flex-col gap-3">
          <h2 id="history-heading" className="text-xl font-semibold">
            {t("page.history")}
          </h2>
          <DecisionHistory decision={decision} locale={locale} />
        </section>
      </div>
    </Announcer>
  );
}
