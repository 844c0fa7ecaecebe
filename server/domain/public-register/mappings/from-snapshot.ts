/**
 * A published snapshot (publicUseCaseSnapshot) as the mappings read it. Only the snapshot
 * and its publication dates go in: nothing internal can reach a mapping.
 */
import type { WithholdingReason } from "../../../db/generated/enums";
import { procurementRouteLabels } from "../../procurement/labels";
import type { PublicUseCaseSnapshot } from "../snapshot";
import type { MappingSource, PublicFieldKey } from "./source";

/** The fixed reasons for withholding a field, as the mappings write them (English; the Dutch mapping writes Swedish). */
export const withholdingReasonLabels = {
  SECURITY: { sv: "Säkerhetsskäl", en: "Security" },
  CONFIDENTIALITY: { sv: "Sekretess (OSL)", en: "Confidentiality" },
  ONGOING_PROCUREMENT: { sv: "Pågående upphandling", en: "Ongoing procurement" },
  PERSONAL_PRIVACY: { sv: "Personlig integritet", en: "Personal privacy" },
  OTHER: { sv: "Annat skäl", en: "Other reason" },
} as const satisfies Record<WithholdingReason, { sv: string; en: string }>;

export interface PublicationDates {
  version: number;
  publishedAt: Date | string;
  firstPublishedAt: Date | string;
  /** The public page and the API address of the use case. */
  pageUrl: string;
  apiUrl: string;
}

const iso = (value: Date | string) => (value instanceof Date ? value.toISOString() : value);

/** Withheld fields keyed as the mappings name them; "procurement" withholds the route too. */
function withheldOf(snapshot: PublicUseCaseSnapshot, language: "sv" | "en"): MappingSource["withheld"] {
  const withheld: MappingSource["withheld"] = {};
  for (const entry of snapshot.withheld) {
    const value = { reason: withholdingReasonLabels[entry.reason][language], explanation: entry.explanation.trim() || null };
    const key: PublicFieldKey | null = entry.field === "procurement" ? "procurementRoute" : (entry.field as PublicFieldKey);
    withheld[key] = value;
  }
  return withheld;
}

export function mappingSourceFromSnapshot(
  snapshot: PublicUseCaseSnapshot,
  dates: PublicationDates,
  language: "sv" | "en" = "en",
): MappingSource {
  const procurement = snapshot.procurement ?? [];
  const supplierFromProcurement = procurement.find((entry) => entry.supplierName)?.supplierName ?? null;
  const withheld = withheldOf(snapshot, language);
  return {
    id: snapshot.useCaseId,
    reference: snapshot.reference,
    version: dates.version,
    publishedAt: iso(dates.publishedAt),
    firstPublishedAt: iso(dates.firstPublishedAt),
    pageUrl: dates.pageUrl,
    apiUrl: dates.apiUrl,
    organisation: {
      name: snapshot.organisation.name,
      organisationNumber: snapshot.organisation.organisationNumber,
      kind: snapshot.organisation.kind,
      sector: snapshot.organisation.sector,
      websiteUrl: snapshot.organisation.websiteUrl,
    },
    title: snapshot.title,
    publicSummary: snapshot.publicSummary,
    businessArea: snapshot.businessArea,
    problemAndBenefit: snapshot.problemAndBenefit,
    intendedUsers: snapshot.intendedUsers,
    affectedGroups: snapshot.affectedGroups,
    outputUse: snapshot.outputUse,
    humanOversight: snapshot.humanOversight,
    appealProcess: snapshot.appealProcess,
    legalBasis: snapshot.legalBasis,
    legalReferences: snapshot.legalReferences,
    necessity: snapshot.necessity,
    subsidiarity: snapshot.subsidiarity,
    proportionality: snapshot.proportionality,
    alternativesConsidered: snapshot.alternativesConsidered,
    consequenceOfNotDeploying: snapshot.consequenceOfNotDeploying,
    techniques: snapshot.techniques,
    modelsAndVersions: snapshot.modelsAndVersions,
    acquisitionMethod: snapshot.acquisitionMethod,
    supplierName: snapshot.supplierName ?? (withheld.supplierName ? null : supplierFromProcurement),
    hosting: snapshot.hosting,
    dataLeavesEea: snapshot.dataLeavesEea,
    dataSources: snapshot.dataSources,
    personalData: snapshot.personalData ?? [],
    trainingData: snapshot.trainingData,
    lifecycleStage: snapshot.lifecycleStage,
    startedOn: snapshot.startedOn,
    inUseSince: snapshot.inUseSince,
    retiredOn: snapshot.retiredOn,
    riskClass: snapshot.riskClass,
    annexIIIArea: snapshot.annexIIIArea,
    publicContactEmail: snapshot.contactEmail,
    tags: snapshot.tags,
    assessments: snapshot.approvedAssessments.map(({ templateKind, templateVersion, approvedAt }) => ({ templateKind, templateVersion, approvedAt })),
    procurementRoute:
      procurement.length === 0 ? null : [...new Set(procurement.map((entry) => procurementRouteLabels[entry.route][language]))].join(", "),
    withheld,
  };
}
