/**
 * The demo organisations' procurement decisions: a framework call-off approved with a
 * met checklist, and a planned one still being assessed. Created if missing (by use case
 * and route); the suppliers come from the catalogue's demo seed and are linked only when
 * found by name.
 */
import type { Transaction } from "../client";
import type { Prisma } from "../generated/client";
import type { ProcurementDecisionStatus, ProcurementRoute, RequirementStatus } from "../generated/enums";
import { checklistTemplate, latestChecklistVersion } from "../../domain/procurement/checklist";

interface DemoDecision {
  organisationSlug: string;
  useCaseTitle: string;
  route: ProcurementRoute;
  supplierName: string | null;
  frameworkAgreementKey: string | null;
  estimatedValueSek: number;
  registryNumber: string;
  status: ProcurementDecisionStatus;
  decidedOn: string | null;
  decisionMaker: string | null;
  rationale: string;
  /** Who recorded it (an e-mail of the demo staff). */
  by: string;
  /** Answers by item key; items not named stay not assessed. */
  answers: Record<string, { status: RequirementStatus; evidence: string }>;
}

const allMet = (evidence: string): DemoDecision["answers"] =>
  Object.fromEntries(checklistTemplate(latestChecklistVersion).items.map((item) => [item.key, { status: "MET" as const, evidence }]));

export const DEMO_DECISIONS: DemoDecision[] = [
  {
    organisationSlug: "exempeltjanster",
    useCaseTitle: "Automatisk sortering av inkommande post",
    route: "FRAMEWORK_CALL_OFF",
    supplierName: "Dokumentanalys Norden AB",
    frameworkAgreementKey: "sic-programvaror-och-tjanster-2022",
    estimatedValueSek: 1_200_000,
    registryNumber: "ET 2025/417",
    status: "APPROVED",
    decidedOn: "2025-03-14",
    decisionMaker: "Eva Lindberg, it-chef",
    rationale: "Avrop med förnyad konkurrensutsättning inom ramavtalet. Tre leverantörer svarade; anbudet med bäst förhållande mellan pris och kvalitet antogs.",
    by: "editor@exempeltjanster.example",
    answers: allMet("Se avropsunderlaget, bilaga 2 (kravuppfyllnad)."),
  },
  {
    organisationSlug: "exempelby",
    useCaseTitle: "Chattbot för invånarfrågor",
    route: "FRAMEWORK_CALL_OFF",
    supplierName: "Kommunchatt Sverige AB",
    frameworkAgreementKey: "adda-digital-kommunikation-2023",
    estimatedValueSek: 450_000,
    registryNumber: "KS 2025/88",
    status: "PLANNED",
    decidedOn: null,
    decisionMaker: null,
    rationale: "Förnyelse av avropet för chattboten när nuvarande avtal löper ut.",
    by: "editor@exempelby.example",
    answers: {
      data_location: { status: "MET", evidence: "Drift i Sverige, inga underbiträden utanför EU/EES." },
      processor_agreement: { status: "MET", evidence: "PUB-avtal KS 2025/88-3." },
      exit: { status: "NOT_MET", evidence: "Export av konversationsloggar saknas i leverantörens svar." },
    },
  },
];

const day = (value: string | null) => (value === null ? null : new Date(`${value}T00:00:00.000Z`));

/** Creates the organisation's demo decisions that are missing; returns how many. */
export async function syncDemoProcurement(tx: Transaction, organisationId: string, userIds: Map<string, string>): Promise<number> {
  const organisation = await tx.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { slug: true } });
  const template = checklistTemplate(latestChecklistVersion);
  let created = 0;
  for (const demo of DEMO_DECISIONS.filter((candidate) => candidate.organisationSlug === organisation.slug)) {
    const useCase = await tx.useCase.findFirst({ where: { organisationId, title: demo.useCaseTitle }, select: { id: true } });
    if (!useCase) throw new Error(`demo data: no use case "${demo.useCaseTitle}"`);
    const exists = await tx.procurementDecision.findFirst({ where: { organisationId, useCaseId: useCase.id, route: demo.route }, select: { id: true } });
    if (exists) continue;
    const by = userIds.get(demo.by);
    if (!by) throw new Error(`demo data: unknown member ${demo.by}`);
    const supplier = demo.supplierName
      ? await tx.supplier.findFirst({ where: { name: demo.supplierName }, select: { id: true, products: { select: { id: true }, orderBy: { name: "asc" }, take: 1 } } })
      : null;
    const row = await tx.procurementDecision.create({
      data: {
        organisationId,
        useCaseId: useCase.id,
        route: demo.route,
        supplierId: supplier?.id ?? null,
        productId: supplier?.products[0]?.id ?? null,
        frameworkAgreementKey: demo.frameworkAgreementKey,
        estimatedValueSek: BigInt(demo.estimatedValueSek),
        registryNumber: demo.registryNumber,
        status: demo.status,
        decidedOn: day(demo.decidedOn),
        decisionMaker: demo.decisionMaker,
        rationale: demo.rationale,
        documentLinks: [] as Prisma.InputJsonValue,
        checklistVersion: template.version,
        createdById: by,
        updatedById: by,
      },
    });
    await tx.procurementRequirement.createMany({
      data: template.items.map((item) => ({
        organisationId,
        decisionId: row.id,
        itemKey: item.key,
        required: item.requiredByDefault,
        status: demo.answers[item.key]?.status ?? "NOT_ASSESSED",
        evidence: demo.answers[item.key]?.evidence ?? null,
        updatedById: by,
      })),
    });
    created += 1;
  }
  return created;
}
