/**
 * The demo organisations' assessments, in the states a CIO sees on a normal day: an
 * approved classification, a DPIA screening waiting for review, drafts, one overdue and
 * one due for review soon. Each is matched on (use case, template): an existing one is
 * left as it is. Dates are relative to the day the seed runs.
 */
import type { Prisma } from "../generated/client";
import type { AssessmentPhase, AssessmentStatus } from "../generated/enums";
import type { Transaction } from "../client";
import { type AnswerValue, answerProblems } from "../../domain/assessments/answers";
import { addDays, addMonths, today } from "../../domain/assessments/dates";
import { evaluateAssessment } from "../../domain/assessments/rules";
import { type TemplateKind, templateDefinition } from "../../domain/assessments/template-definition";

type DemoAnswer = AnswerValue | { value: AnswerValue; comment?: string; reference?: string };

export interface DemoAssessment {
  useCaseTitle: string;
  kind: TemplateKind;
  status: AssessmentStatus;
  phase: AssessmentPhase;
  /** Emails of demo members. */
  answeredBy: string;
  approvedBy?: string;
  /** Days from the seed's day; negative is in the past. */
  dueInDays?: number;
  /** For approved ones: days since approval. */
  approvedDaysAgo?: number;
  answers: Record<string, DemoAnswer>;
}

export const DEMO_ASSESSMENTS: Record<string, DemoAssessment[]> = {
  "region-exempelland": [
    {
      useCaseTitle: "Triagestöd i 1177-rådgivningen",
      kind: "AI_ACT_CLASSIFICATION",
      status: "APPROVED",
      phase: "DEVELOPMENT",
      answeredBy: "editor@regionexempelland.example",
      approvedBy: "reviewer@regionexempelland.example",
      approvedDaysAgo: 120,
      answers: {
        is_ai_system: "YES",
        value_chain_roles: ["DEPLOYER"],
        prohibited_practices: ["NONE"],
        annex_i_product: "NO",
        annex_iii_area: "ESSENTIAL_SERVICES",
        essential_services_point: "EMERGENCY_TRIAGE",
        exemption_6_3: "NONE",
        profiling: "NO",
        transparency_cases: ["NONE"],
        gpai: "NONE",
      },
    },
    {
      useCaseTitle: "Schemaoptimering för vårdavdelningar",
      kind: "AI_ACT_CLASSIFICATION",
      status: "APPROVED",
      phase: "DEVELOPMENT",
      answeredBy: "editor@regionexempelland.example",
      approvedBy: "reviewer@regionexempelland.example",
      approvedDaysAgo: 60,
      answers: {
        is_ai_system: "YES",
        value_chain_roles: ["DEPLOYER"],
        prohibited_practices: ["NONE"],
        annex_i_product: "NO",
        annex_iii_area: "NONE",
        transparency_cases: ["NONE"],
        gpai: "NONE",
      },
    },
  ],
  "raddningstjansten-exempelbygd": [
    {
      useCaseTitle: "Prognos av brandrisk i skog och mark",
      kind: "AI_ACT_CLASSIFICATION",
      status: "APPROVED",
      phase: "DEVELOPMENT",
      answeredBy: "editor@rtexempelbygd.example",
      approvedBy: "reviewer@rtexempelbygd.example",
      approvedDaysAgo: 20,
      answers: {
        is_ai_system: "YES",
        value_chain_roles: ["DEPLOYER"],
        prohibited_practices: ["NONE"],
        annex_i_product: "NO",
        annex_iii_area: "NONE",
        transparency_cases: ["NONE"],
        gpai: "NONE",
      },
    },
  ],
  exempelby: [
    {
      useCaseTitle: "Tal till text för dokumentation i socialtjänsten",
      kind: "AI_ACT_CLASSIFICATION",
      status: "APPROVED",
      phase: "DEVELOPMENT",
      answeredBy: "editor@exempelby.example",
      approvedBy: "reviewer@exempelby.example",
      approvedDaysAgo: 30,
      answers: {
        is_ai_system: "YES",
        value_chain_roles: ["DEPLOYER"],
        prohibited_practices: ["NONE"],
        annex_i_product: "NO",
        annex_iii_area: "NONE",
        transparency_cases: ["NONE"],
        gpai: "NONE",
      },
    },
    {
      useCaseTitle: "Chattbot för invånarfrågor",
      kind: "AI_ACT_CLASSIFICATION",
      status: "APPROVED",
      phase: "OPERATION",
      answeredBy: "editor@exempelby.example",
      approvedBy: "reviewer@exempelby.example",
      approvedDaysAgo: 345,
      answers: {
        is_ai_system: "YES",
        value_chain_roles: ["DEPLOYER"],
        prohibited_practices: ["NONE"],
        annex_i_product: "NO",
        annex_iii_area: "NONE",
        transparency_cases: ["INTERACTS_WITH_PEOPLE"],
        gpai: "USES_GPAI_MODEL",
        classification_notes: "Chattboten svarar bara utifrån kommunens egna webbsidor och fattar inga beslut.",
      },
    },
    {
      useCaseTitle: "Chattbot för invånarfrågor",
      kind: "GENAI_GUIDELINE",
      status: "DRAFT",
      phase: "OPERATION",
      answeredBy: "editor@exempelby.example",
      dueInDays: -12,
      answers: {
        genai_deliberate_decision: { value: "YES", comment: "Beslut i kommunstyrelsens förvaltningsledning 2024-11." },
        genai_accountability: "YES",
        genai_confidentiality: { value: "PARTLY", comment: "Instruktion om vad som inte får skrivas in saknas på webben." },
      },
    },
    {
      useCaseTitle: "Tal till text för dokumentation i socialtjänsten",
      kind: "DPIA_SCREENING",
      status: "IN_REVIEW",
      phase: "DEVELOPMENT",
      answeredBy: "editor@exempelby.example",
      dueInDays: 9,
      answers: {
        processes_personal_data: "YES",
        criterion_evaluation_scoring: "NO",
        criterion_automated_decision: "NO",
        criterion_systematic_monitoring: "NO",
        criterion_sensitive_data: { value: "YES", comment: "Journalanteckningar innehåller uppgifter om hälsa och sociala förhållanden." },
        criterion_large_scale: "NO",
        criterion_matching_datasets: "NO",
        criterion_vulnerable_subjects: { value: "YES", comment: "Barn och personer i utsatta livssituationer." },
        criterion_innovative_technology: { value: "YES", comment: "Taligenkänning är ny i socialtjänstens dokumentation." },
        criterion_prevents_rights: "NO",
        mandatory_profiling_significant_effects: "NO",
        mandatory_large_scale_special_categories: "NO",
        mandatory_public_area_monitoring: "NO",
        imy_list: "NO",
      },
    },
    {
      useCaseTitle: "Tal till text för dokumentation i socialtjänsten",
      kind: "TRUST_MODEL",
      status: "DRAFT",
      phase: "DEVELOPMENT",
      answeredBy: "editor@exempelby.example",
      dueInDays: 60,
      answers: {
        before_need_described: "YES",
        before_data_personal_known: { value: "PARTLY", comment: "Kartläggningen av känsliga uppgifter pågår." },
        before_conclusions: "Gruppen bedömer att piloten kan starta med begränsad omfattning och utan lagring av ljudfiler.",
      },
    },
  ],
  exempeltjanster: [
    {
      useCaseTitle: "Språkmodell som skrivstöd för handläggare",
      kind: "AI_ACT_CLASSIFICATION",
      status: "APPROVED",
      phase: "DEVELOPMENT",
      answeredBy: "editor@exempeltjanster.example",
      approvedBy: "reviewer@exempeltjanster.example",
      approvedDaysAgo: 40,
      answers: {
        is_ai_system: "YES",
        value_chain_roles: ["DEPLOYER"],
        prohibited_practices: ["NONE"],
        annex_i_product: "NO",
        annex_iii_area: "NONE",
        transparency_cases: ["GENERATES_SYNTHETIC_CONTENT"],
        gpai: "USES_GPAI_MODEL",
      },
    },
    {
      useCaseTitle: "Automatisk sortering av inkommande post",
      kind: "AI_ACT_CLASSIFICATION",
      status: "APPROVED",
      phase: "OPERATION",
      answeredBy: "editor@exempeltjanster.example",
      approvedBy: "reviewer@exempeltjanster.example",
      approvedDaysAgo: 350,
      answers: {
        is_ai_system: "YES",
        value_chain_roles: ["DEPLOYER"],
        prohibited_practices: ["NONE"],
        annex_i_product: "NO",
        annex_iii_area: "NONE",
        transparency_cases: ["NONE"],
        gpai: "NONE",
      },
    },
  ],
};

function answerParts(answer: DemoAnswer) {
  if (answer === null || typeof answer === "string" || Array.isArray(answer)) return { value: answer, comment: null, reference: null };
  return { value: answer.value, comment: answer.comment ?? null, reference: answer.reference ?? null };
}

const day = (value: string) => new Date(`${value}T00:00:00.000Z`);

/** Creates the organisation's demo assessments that are missing; returns how many. */
export async function syncDemoAssessments(
  tx: Transaction,
  organisationId: string,
  demos: DemoAssessment[],
  userIds: Map<string, string>,
): Promise<number> {
  const organisation = await tx.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { name: true, contactEmail: true } });
  let created = 0;
  for (const demo of demos) {
    const useCase = await tx.useCase.findFirst({ where: { organisationId, title: demo.useCaseTitle }, select: { id: true, reference: true, title: true } });
    if (!useCase) throw new Error(`demo data: no use case "${demo.useCaseTitle}"`);
    const exists = await tx.assessment.findFirst({ where: { organisationId, useCaseId: useCase.id, templateKind: demo.kind }, select: { id: true } });
    if (exists) continue;
    const template = await tx.assessmentTemplate.findFirstOrThrow({ where: { kind: demo.kind }, orderBy: { version: "desc" } });
    const definition = templateDefinition.parse(template.definition);
    const answers = Object.fromEntries(Object.entries(demo.answers).map(([key, answer]) => [key, answerParts(answer)]));
    const answeredBy = userIds.get(demo.answeredBy);
    const approvedBy = demo.approvedBy ? userIds.get(demo.approvedBy) : undefined;
    if (!answeredBy || (demo.approvedBy && !approvedBy)) throw new Error(`demo data: unknown member in "${demo.useCaseTitle}"`);
    if (demo.status !== "DRAFT" && answerProblems(definition, answers, demo.phase).length > 0) {
      throw new Error(`demo data: "${demo.useCaseTitle}" ${demo.kind} is ${demo.status} but incomplete`);
    }
    const now = today();
    const approvedOn = demo.approvedDaysAgo !== undefined ? addDays(now, -demo.approvedDaysAgo) : null;
    const result = evaluateAssessment(definition, answers, { organisation, useCase });
    const row = await tx.assessment.create({
      data: {
        organisationId,
        useCaseId: useCase.id,
        templateId: template.id,
        templateKind: template.kind,
        templateVersion: template.version,
        seriesId: crypto.randomUUID(),
        status: demo.status,
        phase: demo.phase,
        ownerId: answeredBy,
        dueOn: demo.dueInDays !== undefined ? day(addDays(now, demo.dueInDays)) : null,
        createdById: answeredBy,
        lastAnsweredById: answeredBy,
        lastAnsweredAt: new Date(),
        submittedAt: demo.status === "DRAFT" ? null : new Date(),
        submittedById: demo.status === "DRAFT" ? null : answeredBy,
        approvedAt: approvedOn ? day(approvedOn) : null,
        approvedById: approvedBy ?? null,
        approvedResult: demo.status === "APPROVED" ? (result as unknown as Prisma.InputJsonValue) : undefined,
        nextReviewOn: approvedOn ? day(addMonths(approvedOn, template.reviewIntervalMonths)) : null,
      },
    });
    await tx.assessmentAnswer.createMany({
      data: Object.entries(answers).map(([questionKey, answer]) => ({
        organisationId,
        assessmentId: row.id,
        questionKey,
        value: (answer.value ?? undefined) as Prisma.InputJsonValue | undefined,
        comment: answer.comment,
        reference: answer.reference,
        updatedById: answeredBy,
      })),
    });
    created += 1;
  }
  return created;
}
