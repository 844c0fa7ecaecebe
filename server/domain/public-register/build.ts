/**
 * Builds the public snapshot of a use case from its internal record: the public fields,
 * minus the withheld ones (listed with their reasons), plus the organisation, the approved
 * assessments' summary and the procurement route. Validated by publicUseCaseSnapshot.
 */
import type { Transaction } from "../../db/client";
import type { WithholdingReason } from "../../db/generated/enums";
import { NotFoundError } from "../errors";
import type { UseCaseRecord } from "../use-cases/record";
import { toUseCaseRecord } from "../use-cases/record";
import {
  publicUseCaseSnapshot,
  type PublicAssessmentSummary,
  type PublicProcurementSummary,
  type PublicUseCaseSnapshot,
  type WithheldField,
  withholdableFields,
  withholdingReason,
  type WithholdableField,
} from "./snapshot";

export type WithholdingReasons = Partial<Record<WithholdableField, WithholdingReason>>;

/** The stored { field: reason } map, with anything unknown left out. */
export function parseWithholdingReasons(value: unknown): WithholdingReasons {
  const reasons: WithholdingReasons = {};
  if (value && typeof value === "object") {
    for (const [field, reason] of Object.entries(value as Record<string, unknown>)) {
      if ((withholdableFields as readonly string[]).includes(field) && withholdingReason.safeParse(reason).success) {
        reasons[field as WithholdableField] = reason as WithholdingReason;
      }
    }
  }
  return reasons;
}

export interface SnapshotSources {
  useCase: UseCaseRecord;
  organisation: PublicUseCaseSnapshot["organisation"] & { contactEmail: string | null };
  withholdingReasons: WithholdingReasons;
  assessments: PublicAssessmentSummary[];
  procurement: PublicProcurementSummary[];
}

/** The withheld fields of a use case: its withheldFields (free text) with the category chosen for each. */
export function withheldFieldsOf(useCase: UseCaseRecord, reasons: WithholdingReasons): WithheldField[] {
  const explanations = useCase.withheldFields as Partial<Record<WithholdableField, string>>;
  return withholdableFields
    .filter((field) => explanations[field] !== undefined || (field === "procurement" && reasons.procurement !== undefined))
    .map((field) => ({ field, reason: reasons[field] ?? "OTHER", explanation: explanations[field] ?? "" }));
}

/** Pure: the snapshot from its sources. */
export function snapshotFrom(sources: SnapshotSources): PublicUseCaseSnapshot {
  const { useCase, organisation } = sources;
  const withheld = withheldFieldsOf(useCase, sources.withholdingReasons);
  const hidden = new Set<WithholdableField>(withheld.map((entry) => entry.field));
  const shown = <T>(field: WithholdableField, value: T): T | null => (hidden.has(field) ? null : value);
  const { contactEmail: organisationContact, ...publicOrganisation } = organisation;

  return publicUseCaseSnapshot.parse({
    schemaVersion: 1,
    useCaseId: useCase.id,
    reference: useCase.reference,
    organisation: publicOrganisation,
    contactEmail: useCase.publicContactEmail ?? organisationContact ?? null,
    title: useCase.title,
    publicSummary: useCase.publicSummary,
    description: shown("description", useCase.description),
    registryNumber: shown("registryNumber", useCase.registryNumber),
    tags: useCase.tags,
    businessArea: useCase.businessArea,
    problemAndBenefit: shown("problemAndBenefit", useCase.problemAndBenefit),
    intendedUsers: shown("intendedUsers", useCase.intendedUsers),
    affectedGroups: useCase.affectedGroups,
    outputUse: useCase.outputUse,
    humanOversight: shown("humanOversight", useCase.humanOversight),
    appealProcess: shown("appealProcess", useCase.appealProcess),
    legalBasis: shown("legalBasis", useCase.legalBasis),
    legalReferences: useCase.legalReferences,
    necessity: shown("necessity", useCase.necessity),
    subsidiarity: shown("subsidiarity", useCase.subsidiarity),
    proportionality: shown("proportionality", useCase.proportionality),
    alternativesConsidered: shown("alternativesConsidered", useCase.alternativesConsidered),
    consequenceOfNotDeploying: shown("consequenceOfNotDeploying", useCase.consequenceOfNotDeploying),
    techniques: useCase.techniques,
    generativeAi: useCase.techniques.includes("GENERATIVE_AI"),
    modelsAndVersions: shown("modelsAndVersions", useCase.modelsAndVersions),
    acquisitionMethod: useCase.acquisitionMethod,
    supplierName: shown("supplierName", useCase.supplierName),
    hosting: shown("hosting", useCase.hosting),
    dataLeavesEea: useCase.dataLeavesEea,
    dataSources: shown("dataSources", useCase.dataSources),
    processesPersonalData: useCase.personalData.some((category) => category !== "NONE"),
    personalData: shown("personalData", useCase.personalData),
    trainingData: shown("trainingData", useCase.trainingData),
    lifecycleStage: useCase.lifecycleStage,
    startedOn: useCase.startedOn,
    inUseSince: useCase.inUseSince,
    retiredOn: useCase.retiredOn,
    aiActRoles: useCase.aiActRoles,
    riskClass: useCase.riskClass,
    annexIIIArea: useCase.annexIIIArea,
    riskClassJustification: useCase.riskClassJustification,
    dpiaDone: useCase.dpiaDone,
    friaDone: useCase.friaDone,
    approvedAssessments: sources.assessments,
    procurement: hidden.has("procurement")
      ? null
      : sources.procurement.map((entry) =>
          hidden.has("supplierName") ? { ...entry, supplierName: null, productName: null } : entry,
        ),
    withheld,
  });
}

/** Reads a use case's sources in the organisation's scoped transaction. */
export async function loadSnapshotSources(
  tx: Transaction,
  organisationId: string,
  useCaseId: string,
  options: { allowArchived?: boolean } = {},
): Promise<SnapshotSources> {
  const row = await tx.useCase.findUnique({ where: { organisationId_id: { organisationId, id: useCaseId } } });
  if (!row || (row.archivedAt && !options.allowArchived)) throw new NotFoundError("Use case");
  const organisation = await tx.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { id: true, slug: true, name: true, organisationNumber: true, kind: true, sector: true, websiteUrl: true, contactEmail: true },
  });
  const publication = await tx.useCasePublication.findUnique({
    where: { organisationId_useCaseId: { organisationId, useCaseId } },
    select: { withholdingReasons: true },
  });
  const assessments = await tx.assessment.findMany({
    where: { organisationId, useCaseId, status: "APPROVED", supersededAt: null },
    select: { templateKind: true, templateVersion: true, approvedAt: true, approvedResult: true },
    orderBy: [{ templateKind: "asc" }],
  });
  const decisions = await tx.procurementDecision.findMany({
    where: { organisationId, useCaseId, status: { in: ["PLANNED", "APPROVED"] } },
    select: { route: true, status: true, decidedOn: true, supplier: { select: { name: true } }, product: { select: { name: true } } },
    orderBy: [{ createdAt: "asc" }],
  });
  return {
    useCase: toUseCaseRecord(row),
    organisation,
    withholdingReasons: parseWithholdingReasons(publication?.withholdingReasons),
    assessments: assessments
      .filter((assessment) => assessment.approvedAt !== null)
      .map((assessment) => {
        const result = assessment.approvedResult as { kind?: string; riskClass?: string } | null;
        return {
          templateKind: assessment.templateKind,
          templateVersion: assessment.templateVersion,
          approvedAt: (assessment.approvedAt as Date).toISOString(),
          riskClass: (result?.kind === "AI_ACT_CLASSIFICATION" && result.riskClass ? result.riskClass : null) as PublicAssessmentSummary["riskClass"],
        };
      }),
    procurement: decisions.map((decision) => ({
      route: decision.route,
      status: decision.status,
      decidedOn: decision.decidedOn ? decision.decidedOn.toISOString().slice(0, 10) : null,
      supplierName: decision.supplier?.name ?? null,
      productName: decision.product?.name ?? null,
    })),
  };
}

/** The snapshot the use case would have if published now. */
export async function buildSnapshot(tx: Transaction, organisationId: string, useCaseId: string): Promise<PublicUseCaseSnapshot> {
  return snapshotFrom(await loadSnapshotSources(tx, organisationId, useCaseId));
}
