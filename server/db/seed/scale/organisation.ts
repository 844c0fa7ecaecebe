/**
 * One organisation of the scale seed: generated in memory from its stable key (members, use
 * cases, assessment series, responsibilities, procurement decisions), then written in one
 * transaction scoped to it as the app's are (`app.organisation_id`, so the row-level-security
 * policies check every row). Answers, checklist items and the audit history are generated in
 * SQL from the rows just written.
 */
import type pg from "pg";
import { checklistTemplate, latestChecklistVersion } from "../../../domain/procurement/checklist";
import { frameworkAgreements } from "../../../domain/procurement/framework-agreements";
import { evaluateAssessment } from "../../../domain/assessments/rules";
import type { TemplateDefinition, TemplateKind } from "../../../domain/assessments/template-definition";
import type { AssessmentPhase, AssessmentStatus, LifecycleStage, OrganisationRole } from "../../generated/enums";
import { AREAS, OBJECTS, PURPOSES, SUMMARIES, TAGS } from "./content";
import { FIRST_NAMES, LAST_NAMES } from "./names";
import type { PlannedOrganisation } from "./plan";
import { type AnswerProfile, toAnswers } from "./profiles";
import { Random, stableUuid } from "./random";
import { arrayLiteral, Rows } from "./sql";

export interface SeedTemplate {
  id: string;
  kind: TemplateKind;
  version: number;
  reviewIntervalMonths: number;
  definition: TemplateDefinition;
}

export interface CatalogueProduct {
  supplierId: string;
  supplierName: string;
  productId: string;
}

export interface SeedContext {
  now: Date;
  passwordHash: string;
  templates: Map<TemplateKind, SeedTemplate>;
  profiles: Map<TemplateKind, AnswerProfile[]>;
  products: CatalogueProduct[];
}

export interface OrganisationCounts {
  useCases: number;
  assessments: number;
  answers: number;
  decisions: number;
  responsibilities: number;
  auditEvents: number;
}

const DAY = 86_400_000;
const HISTORY_DAYS = 548; // 18 months
const ROLES: OrganisationRole[] = ["ADMIN", "EDITOR", "EDITOR", "EDITOR", "REVIEWER", "REVIEWER", "REVIEWER", "VIEWER", "VIEWER", "VIEWER"];

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);
const yearFormat = new Intl.DateTimeFormat("sv-SE", { year: "numeric", timeZone: "Europe/Stockholm" });
const stockholmYear = (time: number) => Number(yearFormat.format(new Date(time)));
const ascii = (text: string) => text.toLowerCase().replace(/[åä]/g, "a").replace(/ö/g, "o").replace(/é/g, "e").replace(/[^a-z]/g, "");

function phaseOf(stage: LifecycleStage): AssessmentPhase {
  if (stage === "IDEA" || stage === "ANALYSIS") return "BEFORE_DEVELOPMENT";
  if (stage === "PILOT" || stage === "DEVELOPMENT") return "DEVELOPMENT";
  if (stage === "IN_USE") return "OPERATION";
  return "FOLLOW_UP";
}

interface Member {
  id: string;
  name: string;
  email: string;
  role: OrganisationRole;
}

/** The organisation's sign-in: its admin's e-mail (all share the seed's password). */
export function membersOf(org: PlannedOrganisation): Member[] {
  const random = new Random(`${org.key}:members`);
  const taken = new Set<string>();
  return ROLES.map((role) => {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    let local = `${ascii(first)}.${ascii(last)}`;
    while (taken.has(local)) local = `${local}${random.int(2, 9)}`;
    taken.add(local);
    const email = `${local}@${org.slug}.example`;
    return { id: stableUuid(`tillit-scale:user:${email}`), name: `${first} ${last}`, email, role };
  });
}

function tables() {
  return {
    users: new Rows("User", { id: { type: "uuid" }, email: { type: "text" }, name: { type: "text" }, passwordHash: { type: "text" }, createdAt: { type: "timestamptz" }, updatedAt: { type: "timestamptz" } }),
    memberships: new Rows("Membership", { organisationId: { type: "uuid" }, userId: { type: "uuid" }, role: { type: "text", cast: '"OrganisationRole"' }, createdAt: { type: "timestamptz" }, updatedAt: { type: "timestamptz" } }),
    useCases: new Rows("UseCase", {
      id: { type: "uuid" }, organisationId: { type: "uuid" }, reference: { type: "text" }, title: { type: "text" }, publicSummary: { type: "text" },
      description: { type: "text" }, tags: { type: "text", cast: "text[]" }, businessArea: { type: "text" },
      affectedGroups: { type: "text", cast: '"AffectedGroup"[]' }, outputUse: { type: "text", cast: '"OutputUse"' },
      humanOversight: { type: "text" }, techniques: { type: "text", cast: '"AiTechnique"[]' },
      acquisitionMethod: { type: "text", cast: '"AcquisitionMethod"' }, supplierName: { type: "text" }, hosting: { type: "text", cast: '"Hosting"' },
      dataLeavesEea: { type: "bool" }, personalData: { type: "text", cast: '"PersonalDataCategory"[]' },
      lifecycleStage: { type: "text", cast: '"LifecycleStage"' }, startedOn: { type: "date" }, inUseSince: { type: "date" }, retiredOn: { type: "date" },
      aiActRoles: { type: "text", cast: '"AiActRole"[]' }, riskClass: { type: "text", cast: '"RiskClass"' }, annexIIIArea: { type: "text", cast: '"AnnexIIIArea"' },
      annexI: { type: "bool" }, riskClassJustification: { type: "text" }, dpiaRequired: { type: "bool" }, dpiaDone: { type: "bool" },
      friaRequired: { type: "bool" }, friaDone: { type: "bool" }, intendedForPublication: { type: "bool" }, publicContactEmail: { type: "text" },
      archivedAt: { type: "timestamptz" }, version: { type: "int" }, createdById: { type: "uuid" }, updatedById: { type: "uuid" },
      createdAt: { type: "timestamptz" }, updatedAt: { type: "timestamptz" },
    }),
    counters: new Rows("UseCaseReferenceCounter", { organisationId: { type: "uuid" }, year: { type: "int" }, lastNumber: { type: "int" } }),
    assessments: new Rows("Assessment", {
      id: { type: "uuid" }, organisationId: { type: "uuid" }, useCaseId: { type: "uuid" }, templateId: { type: "uuid" },
      templateKind: { type: "text", cast: '"TemplateKind"' }, templateVersion: { type: "int" }, seriesId: { type: "uuid" }, seriesVersion: { type: "int" },
      status: { type: "text", cast: '"AssessmentStatus"' }, phase: { type: "text", cast: '"AssessmentPhase"' }, ownerId: { type: "uuid" },
      dueOn: { type: "date" }, nextReviewOn: { type: "date" }, submittedAt: { type: "timestamptz" }, submittedById: { type: "uuid" },
      approvedAt: { type: "timestamptz" }, approvedById: { type: "uuid" }, supersededAt: { type: "timestamptz" },
      lastAnsweredById: { type: "uuid" }, lastAnsweredAt: { type: "timestamptz" },
      // The rules' result is the same for every assessment with the same answers: taken from the profile unless given.
      approvedResult: { type: "jsonb", select: `COALESCE(t."approvedResult", (SELECT r.result FROM scale_profile_result r WHERE r.profile = t."resultProfile"))` },
      resultProfile: { type: "int", virtual: true },
      version: { type: "int" }, createdById: { type: "uuid" }, createdAt: { type: "timestamptz" }, updatedAt: { type: "timestamptz" },
    }),
    comments: new Rows("AssessmentComment", {
      id: { type: "uuid" }, organisationId: { type: "uuid" }, assessmentId: { type: "uuid" }, questionKey: { type: "text" }, body: { type: "text" },
      authorId: { type: "uuid" }, authorName: { type: "text" }, createdAt: { type: "timestamptz" },
    }),
    responsibilities: new Rows("Responsibility", {
      id: { type: "uuid" }, organisationId: { type: "uuid" }, useCaseId: { type: "uuid" }, role: { type: "text", cast: '"ResponsibilityRole"' },
      userId: { type: "uuid" }, externalName: { type: "text" }, externalEmail: { type: "text" }, externalRoleTitle: { type: "text" },
      validFrom: { type: "date" }, validTo: { type: "date" }, needsReassignmentSince: { type: "timestamptz" }, createdById: { type: "uuid" },
      createdAt: { type: "timestamptz" }, updatedAt: { type: "timestamptz" },
    }),
    decisions: new Rows("ProcurementDecision", {
      id: { type: "uuid" }, organisationId: { type: "uuid" }, useCaseId: { type: "uuid" }, route: { type: "text", cast: '"ProcurementRoute"' },
      supplierId: { type: "uuid" }, productId: { type: "uuid" }, frameworkAgreementKey: { type: "text" }, estimatedValueSek: { type: "bigint" },
      contractStartOn: { type: "date" }, contractEndOn: { type: "date" }, registryNumber: { type: "text" },
      status: { type: "text", cast: '"ProcurementDecisionStatus"' }, decidedOn: { type: "date" }, decisionMaker: { type: "text" }, rationale: { type: "text" },
      checklistVersion: { type: "int" }, createdById: { type: "uuid" }, updatedById: { type: "uuid" }, createdAt: { type: "timestamptz" }, updatedAt: { type: "timestamptz" },
    }),
  };
}

/** Sorted random instants in [from, to]. */
function instants(random: Random, count: number, from: number, to: number): number[] {
  return Array.from({ length: count }, () => from + random.next() * Math.max(0, to - from)).sort((a, b) => a - b);
}

function generate(org: PlannedOrganisation, ctx: SeedContext) {
  const random = new Random(`${org.key}:content`);
  const now = ctx.now.getTime();
  const t = tables();
  const answerPlan: { id: string; profile: number; count: number; by: string; at: Date }[] = [];
  const members = membersOf(org);
  const editors = members.filter((m) => m.role === "EDITOR" || m.role === "ADMIN");
  const reviewers = members.filter((m) => m.role === "REVIEWER");
  const orgCreated = now - (HISTORY_DAYS + 30) * DAY;
  for (const member of members) {
    t.users.add({ id: member.id, email: member.email, name: member.name, passwordHash: ctx.passwordHash, createdAt: new Date(orgCreated), updatedAt: new Date(orgCreated) });
    t.memberships.add({ organisationId: org.id, userId: member.id, role: member.role, createdAt: new Date(orgCreated), updatedAt: new Date(orgCreated) });
  }
  const contactEmail = `registrator@${org.slug}.example`;
  const pickProfile = (kind: TemplateKind, accept: (p: AnswerProfile) => boolean = () => true) => {
    const all = ctx.profiles.get(kind) ?? [];
    const fitting = all.filter(accept);
    return random.pick(fitting.length > 0 ? fitting : all);
  };

  // Creation times skewed towards the recent months (more AI lately), in order: references follow them.
  const created = instants(random, org.useCases, 0, 1).map((u) => now - (1 - u) ** 0.8 * HISTORY_DAYS * DAY - random.int(1, 3_600_000));
  created.sort((a, b) => a - b);
  const numbers = new Map<number, number>();
  const areas = AREAS[org.kind];
  for (let index = 0; index < org.useCases; index += 1) {
    const useCaseId = stableUuid(`${org.key}:use-case:${index}`);
    const createdAt = created[index]!;
    const year = stockholmYear(createdAt);
    const number = (numbers.get(year) ?? 0) + 1;
    numbers.set(year, number);
    const editor = random.pick(editors);
    const stage = random.weighted<LifecycleStage>({ IDEA: 14, ANALYSIS: 14, PILOT: 14, DEVELOPMENT: 14, IN_USE: 34, PAUSED: 4, RETIRED: 6 });
    const techniques = random.chance(0.3) ? ["GENERATIVE_AI", ...random.some(["LANGUAGE_PROCESSING", "TRANSLATION", "SPEECH_TO_TEXT"], 0, 1)] : random.some(["CLASSIFICATION_OR_PREDICTION", "LANGUAGE_PROCESSING", "SPEECH_TO_TEXT", "IMAGE_OR_VIDEO_ANALYSIS", "RECOMMENDATION", "OPTIMISATION", "ANOMALY_DETECTION", "RULE_BASED_WITH_LEARNED_COMPONENTS"], 1, 2);
    const personalData = random.chance(0.4) ? ["NONE"] : ["ORDINARY", ...random.some(["SPECIAL_CATEGORIES", "PERSONAL_IDENTITY_NUMBERS", "CRIMINAL_OFFENCES"], 0, 1)];
    const hasPersonalData = personalData[0] !== "NONE";
    const acquisition = random.weighted({ PROCURED: 50, BUILT_IN_HOUSE: 25, OPEN_SOURCE: 10, COLLABORATION: 15 });
    const product = acquisition === "PROCURED" ? random.pick(ctx.products) : null;
    const hosting = random.weighted({ ON_PREMISES: 25, SWEDISH_CLOUD: 35, EU_EEA_CLOUD: 32, THIRD_COUNTRY_CLOUD: 8 });
    const outputUse = random.weighted({ INFORMATION_ONLY: 45, DECISION_SUPPORT: 40, PARTLY_AUTOMATED_DECISION: 10, FULLY_AUTOMATED_DECISION: 5 });
    const startedOn = stage === "IDEA" ? null : createdAt - random.int(0, 200) * DAY;
    const inUseSince = startedOn !== null && ["IN_USE", "PAUSED", "RETIRED"].includes(stage) ? Math.min(now - 2 * DAY, startedOn + random.int(30, 300) * DAY) : null;
    const retiredOn = stage === "RETIRED" && inUseSince !== null ? inUseSince + (now - inUseSince) * random.next() : null;
    const publish = random.chance(0.4);
    const useCase = {
      id: useCaseId,
      organisationId: org.id,
      reference: `AI-${year}-${String(number).padStart(3, "0")}`,
      title: `${random.pick(PURPOSES)} ${random.pick(OBJECTS)}`,
      publicSummary: random.pick(SUMMARIES),
      description: random.chance(0.6) ? `${random.pick(SUMMARIES)} ${random.pick(SUMMARIES)}` : null,
      tags: arrayLiteral(random.some(TAGS, 0, 2)),
      businessArea: random.pick(areas),
      affectedGroups: arrayLiteral(random.some(["CITIZENS", "BUSINESSES", "EMPLOYEES", "CHILDREN", "OTHER_VULNERABLE_GROUPS"], 1, 2)),
      outputUse,
      humanOversight: outputUse === "INFORMATION_ONLY" ? null : "En handläggare granskar varje förslag innan beslut.",
      techniques: arrayLiteral(techniques),
      acquisitionMethod: acquisition,
      supplierName: product?.supplierName ?? null,
      hosting,
      dataLeavesEea: hosting === "THIRD_COUNTRY_CLOUD",
      personalData: arrayLiteral(personalData),
      lifecycleStage: stage,
      startedOn: startedOn === null ? null : isoDay(startedOn),
      inUseSince: inUseSince === null ? null : isoDay(inUseSince),
      retiredOn: retiredOn === null ? null : isoDay(retiredOn),
      aiActRoles: arrayLiteral(["DEPLOYER"]),
      riskClass: stage === "IN_USE" || random.chance(0.3) ? random.weighted({ MINIMAL: 70, TRANSPARENCY: 30 }) : "UNDETERMINED",
      annexIIIArea: null as string | null,
      annexI: false,
      riskClassJustification: null as string | null,
      dpiaRequired: null as boolean | null,
      dpiaDone: false,
      friaRequired: null as boolean | null,
      friaDone: false,
      intendedForPublication: publish,
      publicContactEmail: publish ? `ai@${org.slug}.example` : null,
      archivedAt: random.chance(0.02) ? new Date(createdAt + (now - createdAt) * random.next()) : null,
      version: 1,
      createdById: editor.id,
      updatedById: editor.id,
      createdAt: new Date(createdAt),
      updatedAt: new Date(createdAt),
    };
    if (useCase.riskClass !== "UNDETERMINED") useCase.riskClassJustification = "Preliminär bedömning i registret i väntan på en godkänd klassificering.";
    let lastChange = createdAt;

    // Assessment series: which templates, how many versions, each version's status.
    const series: TemplateKind[] = [];
    if (random.chance(stage === "IDEA" ? 0.45 : 0.9)) series.push("AI_ACT_CLASSIFICATION");
    if (hasPersonalData && random.chance(0.85)) series.push("DPIA_SCREENING");
    if (techniques.includes("GENERATIVE_AI") && random.chance(0.85)) series.push("GENAI_GUIDELINE");
    if (random.chance(hasPersonalData ? 0.42 : 0.15)) series.push("TRUST_MODEL");
    if (outputUse !== "INFORMATION_ONLY" && random.chance(0.25)) series.push("FRIA");
    for (const kind of series) {
      const template = ctx.templates.get(kind)!;
      const seriesId = stableUuid(`${org.key}:series:${index}:${kind}`);
      const versions = random.weighted({ 1: 40, 2: 35, 3: 25 }) === "1" ? 1 : 0;
      const count = versions || random.int(2, 3);
      const lastStatus = random.weighted<AssessmentStatus>({ APPROVED: 55, DRAFT: 24, IN_REVIEW: 13, CHANGES_REQUESTED: 8 });
      const times = instants(random, count * 3, createdAt + DAY, now - DAY);
      const profiles = Array.from({ length: count }, () =>
        pickProfile(kind, kind === "DPIA_SCREENING" ? (p) => p.answers.length > 3 : kind === "AI_ACT_CLASSIFICATION" ? (p) => random.chance((p.result as { riskClass?: string }).riskClass === "HIGH_RISK" ? 0.25 : 1) : undefined),
      );
      for (let v = 1; v <= count; v += 1) {
        const last = v === count;
        const status: AssessmentStatus = last ? lastStatus : "APPROVED";
        const [createdT, submittedT, approvedT] = [times[(v - 1) * 3]!, times[(v - 1) * 3 + 1]!, times[(v - 1) * 3 + 2]!];
        const nextApproved = v + 1 < count || (v + 1 === count && lastStatus === "APPROVED") ? times[v * 3 + 2]! : null;
        const supersededT = v < count && nextApproved !== null ? nextApproved : null;
        const profile = profiles[v - 1]!;
        const answeredBy = random.pick(editors);
        const approver = random.pick(reviewers);
        const answered = status === "DRAFT" ? random.int(0, profile.answers.length) : profile.answers.length;
        const assessmentId = stableUuid(`${org.key}:assessment:${index}:${kind}:${v}`);
        const approved = status === "APPROVED";
        const result = approved
          ? kind === "FRIA"
            ? evaluateAssessment(template.definition, toAnswers(profile), { organisation: { name: org.name, contactEmail }, useCase: { reference: useCase.reference, title: useCase.title } })
            : profile.result
          : null;
        const lastAnswered = status === "DRAFT" ? createdT + (submittedT - createdT) * random.next() : submittedT;
        const updated = supersededT ?? (approved ? approvedT : status === "DRAFT" ? lastAnswered : submittedT);
        t.assessments.add({
          id: assessmentId,
          organisationId: org.id,
          useCaseId,
          templateId: template.id,
          templateKind: kind,
          templateVersion: template.version,
          seriesId,
          seriesVersion: v,
          status,
          phase: phaseOf(stage),
          ownerId: answeredBy.id,
          dueOn: isoDay(createdT + random.int(20, 120) * DAY),
          nextReviewOn: approved ? isoDay(new Date(approvedT).setUTCMonth(new Date(approvedT).getUTCMonth() + template.reviewIntervalMonths)) : null,
          submittedAt: status === "DRAFT" ? null : new Date(submittedT),
          submittedById: status === "DRAFT" ? null : answeredBy.id,
          approvedAt: approved ? new Date(approvedT) : null,
          approvedById: approved ? approver.id : null,
          supersededAt: supersededT === null ? null : new Date(supersededT),
          lastAnsweredById: answered > 0 ? answeredBy.id : null,
          lastAnsweredAt: answered > 0 ? new Date(lastAnswered) : null,
          approvedResult: result && kind === "FRIA" ? JSON.stringify(result) : null,
          resultProfile: result && kind !== "FRIA" ? profile.id : null,
          version: 1 + (status === "DRAFT" ? 0 : 1) + (approved ? 1 : 0) + (supersededT ? 1 : 0),
          createdById: answeredBy.id,
          createdAt: new Date(createdT),
          updatedAt: new Date(updated),
        });
        answerPlan.push({ id: assessmentId, profile: profile.id, count: answered, by: answeredBy.id, at: new Date(lastAnswered) });
        if (status === "CHANGES_REQUESTED") {
          t.comments.add({
            id: stableUuid(`${org.key}:comment:${assessmentId}`),
            organisationId: org.id,
            assessmentId,
            questionKey: profile.answers[0]?.questionKey ?? null,
            body: "Komplettera motiveringen och hänvisa till underlaget.",
            authorId: approver.id,
            authorName: approver.name,
            createdAt: new Date(submittedT + (now - submittedT) * 0.5),
          });
        }
        // The approved version in force sets the use case's fields, as approving it does in the app.
        if (approved && supersededT === null && result) {
          lastChange = Math.max(lastChange, approvedT);
          useCase.version += 1;
          if (result.kind === "AI_ACT_CLASSIFICATION") {
            useCase.riskClass = result.riskClass;
            useCase.annexIIIArea = result.riskClass === "HIGH_RISK" ? result.annexIIIArea : null;
            useCase.annexI = result.riskClass === "HIGH_RISK" && result.annexI;
            useCase.riskClassJustification = result.justification;
            useCase.friaRequired = result.friaRequired;
            if (result.roles.length > 0) useCase.aiActRoles = arrayLiteral(result.roles);
          } else if (result.kind === "DPIA_SCREENING") {
            useCase.dpiaRequired = result.dpiaRequired;
            if (profile.namesDpia) useCase.dpiaDone = true;
          } else if (result.kind === "FRIA") {
            useCase.friaDone = true;
          } else {
            useCase.version -= 1;
          }
        }
      }
    }

    // Responsibilities: the required roles mostly held, some recommended ones, some history.
    const from = (extraDays: number) => isoDay(Math.min(now, createdAt + extraDays * DAY));
    const assign = (role: string, person: Member | null, validFrom: string, validTo: string | null, key: string) => {
      const at = new Date(`${validFrom}T09:00:00.000Z`).getTime();
      t.responsibilities.add({
        id: stableUuid(`${org.key}:responsibility:${index}:${key}`),
        organisationId: org.id,
        useCaseId,
        role,
        userId: person?.id ?? null,
        externalName: person ? null : `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
        externalEmail: person ? null : `kontakt@${ascii(product?.supplierName ?? "leverantor")}.example`,
        externalRoleTitle: person ? null : "Kundansvarig",
        validFrom,
        validTo,
        needsReassignmentSince: person && validTo === null && random.chance(0.02) ? new Date(now - random.int(1, 60) * DAY) : null,
        createdById: editor.id,
        createdAt: new Date(Math.min(now, at)),
        updatedAt: new Date(Math.min(now, at)),
      });
    };
    if (stage !== "IDEA" || random.chance(0.2)) {
      if (random.chance(0.2)) {
        const start = from(1);
        const change = from(random.int(30, 200));
        if (change > start) {
          assign("ACCOUNTABLE_OWNER", random.pick(members), start, isoDay(new Date(`${change}T00:00:00Z`).getTime() - DAY), "owner-before");
          assign("ACCOUNTABLE_OWNER", random.pick(members), change, null, "owner");
        } else assign("ACCOUNTABLE_OWNER", random.pick(members), start, null, "owner");
      } else if (random.chance(0.88)) assign("ACCOUNTABLE_OWNER", random.pick(members), from(random.int(0, 20)), null, "owner");
      if (hasPersonalData && random.chance(0.8)) assign("DATA_PROTECTION_OFFICER", random.pick(reviewers), from(random.int(0, 30)), null, "dpo");
      if (outputUse !== "INFORMATION_ONLY" && random.chance(0.75)) assign("HUMAN_OVERSIGHT", random.pick(members), from(random.int(0, 30)), null, "oversight");
      if (acquisition === "PROCURED" && random.chance(0.7)) assign("SUPPLIER_CONTACT", null, from(random.int(0, 30)), null, "supplier");
      if (random.chance(0.6)) assign("SYSTEM_OWNER", random.pick(members), from(random.int(0, 30)), null, "system-owner");
      if (random.chance(0.3)) assign("INFORMATION_OWNER", random.pick(members), from(random.int(0, 30)), null, "information-owner");
      if (random.chance(0.3)) assign("TECHNICAL_CONTACT", random.pick(members), from(random.int(0, 30)), null, "technical");
    }

    // Procurement decisions: how the system was obtained.
    const routes: string[] = [];
    if (acquisition === "PROCURED") {
      routes.push(random.weighted({ LICENCE_CALL_OFF: 30, FRAMEWORK_CALL_OFF: 35, OPEN_PROCUREMENT: 20, DIRECT_AWARD: 15 }));
      if (random.chance(0.15)) routes.push("FRAMEWORK_CALL_OFF");
    } else if (acquisition === "BUILT_IN_HOUSE" && random.chance(0.4)) routes.push("OWN_DEVELOPMENT");
    else if (acquisition === "COLLABORATION" && random.chance(0.5)) routes.push("CO_DEVELOPMENT");
    else if (acquisition === "OPEN_SOURCE" && random.chance(0.3)) routes.push("CONSULTANCY");
    routes.forEach((route, d) => {
      const decidedT = Math.min(now - DAY, createdAt + random.int(10, 200) * DAY);
      const status = random.weighted({ APPROVED: 60, PLANNED: 30, REJECTED: 5, CANCELLED: 5 });
      const decided = status === "APPROVED" || status === "REJECTED";
      const start = decidedT + random.int(10, 60) * DAY;
      const supplied = ["LICENCE_CALL_OFF", "FRAMEWORK_CALL_OFF", "OPEN_PROCUREMENT", "DIRECT_AWARD"].includes(route) && product;
      t.decisions.add({
        id: stableUuid(`${org.key}:decision:${index}:${d}`),
        organisationId: org.id,
        useCaseId,
        route,
        supplierId: supplied ? product.supplierId : null,
        productId: supplied ? product.productId : null,
        frameworkAgreementKey: route === "FRAMEWORK_CALL_OFF" ? random.pick(frameworkAgreements.map((a) => a.key)) : null,
        estimatedValueSek: route === "DIRECT_AWARD" ? random.int(20, 95) * 1000 : random.int(2, 400) * 50_000,
        contractStartOn: isoDay(start),
        contractEndOn: isoDay(start + random.int(1, 4) * 365 * DAY),
        registryNumber: `Dnr ${stockholmYear(decidedT)}/${random.int(100, 9999)}`,
        status,
        decidedOn: decided ? isoDay(decidedT) : null,
        decisionMaker: decided ? random.pick(members.filter((m) => m.role === "ADMIN")).name : null,
        rationale: "Vald väg efter marknadsanalys och behovsbeskrivning.",
        checklistVersion: latestChecklistVersion,
        createdById: editor.id,
        updatedById: editor.id,
        createdAt: new Date(Math.max(createdAt, decidedT - 20 * DAY)),
        updatedAt: new Date(decidedT),
      });
    });
    useCase.updatedAt = new Date(lastChange);
    t.useCases.add(useCase);
  }
  for (const [year, lastNumber] of numbers) t.counters.add({ organisationId: org.id, year, lastNumber });
  return { t, members, answerPlan };
}

/**
 * Writes one organisation in one transaction; skips it when it is already there (a run is
 * finished organisation by organisation, so a second run, or one after an interruption,
 * only adds what is missing).
 */
export async function seedOrganisation(client: pg.ClientBase, org: PlannedOrganisation, ctx: SeedContext): Promise<OrganisationCounts | null> {
  const exists = await client.query(`SELECT 1 FROM "Organisation" WHERE id = $1`, [org.id]);
  if (exists.rowCount) return null;
  const timings: [string, number][] = [];
  let mark = Date.now();
  const { t, answerPlan } = generate(org, ctx);
  const orgCreated = new Date(ctx.now.getTime() - (HISTORY_DAYS + 30) * DAY);
  const lap = (label: string) => {
    timings.push([label, Date.now() - mark]);
    mark = Date.now();
  };
  lap("generate");
  await client.query("BEGIN");
  try {
    await client.query(`SELECT set_config('app.organisation_id', $1, true)`, [org.id]);
    await client.query(
      `INSERT INTO "Organisation" (id, slug, name, "organisationNumber", kind, sector, "contactEmail", "websiteUrl", "createdAt", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) ON CONFLICT DO NOTHING`,
      [org.id, org.slug, org.name, org.organisationNumber, org.kind, org.sector, `registrator@${org.slug}.example`, `https://www.${org.slug}.example`, orgCreated],
    );
    await t.users.insert(client);
    lap("users");
    await t.memberships.insert(client);
    lap("memberships");
    await t.useCases.insert(client);
    lap("useCases");
    await t.counters.insert(client);
    lap("counters");
    await t.assessments.insert(client);
    lap("assessments");
    await t.comments.insert(client);
    lap("comments");
    await t.responsibilities.insert(client);
    lap("responsibilities");
    await t.decisions.insert(client);
    lap("decisions");
    const answers = await client.query(
      `INSERT INTO "AssessmentAnswer" ("organisationId", "assessmentId", "questionKey", value, comment, reference, "updatedById", "updatedAt")
       SELECT $1::uuid, a.id, p.question_key, p.value, p.comment, p.reference, a.by, a.at
       FROM unnest($2::uuid[], $3::int[], $4::int[], $5::uuid[], $6::timestamptz[]) AS a(id, profile, n, by, at)
       JOIN scale_answer_profile p ON p.profile = a.profile AND p.ord < a.n
       ON CONFLICT DO NOTHING`,
      [org.id, answerPlan.map((a) => a.id), answerPlan.map((a) => a.profile), answerPlan.map((a) => a.count), answerPlan.map((a) => a.by), answerPlan.map((a) => a.at)],
    );
    await client.query(
      `INSERT INTO "ProcurementRequirement" ("organisationId", "decisionId", "itemKey", required, status, evidence, "updatedById", "updatedAt")
       SELECT d."organisationId", d.id, i.key, i.required,
         s.status::"RequirementStatus",
         CASE WHEN s.status IN ('MET', 'NOT_APPLICABLE', 'NOT_MET') THEN 'Se avtalets bilaga och leverantörens svar.' END,
         d."updatedById", d."updatedAt"
       FROM "ProcurementDecision" d
       CROSS JOIN unnest($1::text[], $2::bool[]) AS i(key, required)
       CROSS JOIN LATERAL (SELECT CASE
         WHEN d.status = 'APPROVED' THEN 'MET'
         ELSE (ARRAY['NOT_ASSESSED', 'MET', 'MET', 'NOT_MET', 'NOT_APPLICABLE'])[1 + abs(hashtext(d.id::text || i.key)) % 5]
       END AS status) s
       WHERE d."organisationId" = $3
       ON CONFLICT DO NOTHING`,
      [checklistTemplate(latestChecklistVersion).items.map((i) => i.key), checklistTemplate(latestChecklistVersion).items.map((i) => i.requiredByDefault), org.id],
    );
    lap("answers+requirements");
    const audit = await client.query(AUDIT_SQL, [org.id, orgCreated]);
    lap("audit");
    await client.query("COMMIT");
    lap("commit");
    if (process.env.SCALE_SEED_DEBUG) console.error(org.slug, org.useCases, JSON.stringify(timings));
    return {
      useCases: t.useCases.length,
      assessments: t.assessments.length,
      answers: answers.rowCount ?? 0,
      decisions: t.decisions.length,
      responsibilities: t.responsibilities.length,
      auditEvents: audit.rowCount ?? 0,
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

/** The audit history the app would have written for these rows, with ids derived from them. */
const AUDIT_SQL = `
WITH events ("entityType", "entityId", action, "actorId", "createdAt", changes) AS (
  SELECT 'Organisation', ($1::uuid)::text, 'organisation.created', NULL::uuid, $2::timestamptz, '{}'::jsonb
  UNION ALL
  SELECT 'Membership', m."userId"::text, 'membership.created', NULL, m."createdAt", jsonb_build_object('role', jsonb_build_object('before', NULL, 'after', m.role))
    FROM "Membership" m WHERE m."organisationId" = $1
  UNION ALL
  SELECT 'UseCase', u.id::text, 'useCase.created', u."createdById", u."createdAt",
    jsonb_build_object('reference', jsonb_build_object('before', NULL, 'after', u.reference), 'title', jsonb_build_object('before', NULL, 'after', u.title),
      'lifecycleStage', jsonb_build_object('before', NULL, 'after', u."lifecycleStage"))
    FROM "UseCase" u WHERE u."organisationId" = $1
  UNION ALL
  SELECT 'UseCase', u.id::text, 'useCase.archived', u."updatedById", u."archivedAt", jsonb_build_object('archivedAt', jsonb_build_object('before', NULL, 'after', u."archivedAt"))
    FROM "UseCase" u WHERE u."organisationId" = $1 AND u."archivedAt" IS NOT NULL
  UNION ALL
  SELECT 'Assessment', a.id::text, 'assessment.created', a."createdById", a."createdAt",
    jsonb_build_object('useCaseId', jsonb_build_object('before', NULL, 'after', a."useCaseId"), 'templateKind', jsonb_build_object('before', NULL, 'after', a."templateKind"),
      'seriesVersion', jsonb_build_object('before', NULL, 'after', a."seriesVersion"))
    FROM "Assessment" a WHERE a."organisationId" = $1
  UNION ALL
  SELECT 'Assessment', a.id::text, 'assessment.submitted', a."submittedById", a."submittedAt", jsonb_build_object('status', jsonb_build_object('before', 'DRAFT', 'after', 'IN_REVIEW'))
    FROM "Assessment" a WHERE a."organisationId" = $1 AND a."submittedAt" IS NOT NULL
  UNION ALL
  SELECT 'Assessment', a.id::text, 'assessment.changesRequested', c."authorId", c."createdAt", jsonb_build_object('status', jsonb_build_object('before', 'IN_REVIEW', 'after', 'CHANGES_REQUESTED'))
    FROM "Assessment" a JOIN "AssessmentComment" c ON c."organisationId" = a."organisationId" AND c."assessmentId" = a.id
    WHERE a."organisationId" = $1 AND a.status = 'CHANGES_REQUESTED'
  UNION ALL
  SELECT 'Assessment', a.id::text, 'assessment.approved', a."approvedById", a."approvedAt",
    jsonb_build_object('status', jsonb_build_object('before', 'IN_REVIEW', 'after', 'APPROVED'), 'nextReviewOn', jsonb_build_object('before', NULL, 'after', a."nextReviewOn"))
    FROM "Assessment" a WHERE a."organisationId" = $1 AND a."approvedAt" IS NOT NULL
  UNION ALL
  SELECT 'Assessment', a.id::text, 'assessment.superseded', n."approvedById", a."supersededAt", jsonb_build_object('supersededAt', jsonb_build_object('before', NULL, 'after', a."supersededAt"))
    FROM "Assessment" a JOIN "Assessment" n ON n."organisationId" = a."organisationId" AND n."seriesId" = a."seriesId" AND n."seriesVersion" = a."seriesVersion" + 1
    WHERE a."organisationId" = $1 AND a."supersededAt" IS NOT NULL
  UNION ALL
  SELECT 'Responsibility', r.id::text, 'responsibility.assigned', r."createdById", r."createdAt",
    jsonb_build_object('role', jsonb_build_object('before', NULL, 'after', r.role), 'useCaseId', jsonb_build_object('before', NULL, 'after', r."useCaseId"))
    FROM "Responsibility" r WHERE r."organisationId" = $1
  UNION ALL
  SELECT 'ProcurementDecision', d.id::text, 'procurementDecision.created', d."createdById", d."createdAt",
    jsonb_build_object('route', jsonb_build_object('before', NULL, 'after', d.route), 'useCaseId', jsonb_build_object('before', NULL, 'after', d."useCaseId"))
    FROM "ProcurementDecision" d WHERE d."organisationId" = $1
  UNION ALL
  SELECT 'ProcurementDecision', d.id::text, 'procurementDecision.statusChanged', d."updatedById", d."updatedAt", jsonb_build_object('status', jsonb_build_object('before', 'PLANNED', 'after', d.status))
    FROM "ProcurementDecision" d WHERE d."organisationId" = $1 AND d.status <> 'PLANNED'
)
INSERT INTO "AuditEvent" (id, "organisationId", "actorId", "actorLabel", "entityType", "entityId", action, changes, "requestId", "createdAt")
SELECT (substr(e.hash, 1, 12) || '3' || substr(e.hash, 14, 3) || '8' || substr(e.hash, 18))::uuid, $1, e."actorId",
  COALESCE(u.name || ' <' || u.email || '>', 'Tillit (skalningsdata)'), e."entityType", e."entityId", e.action, e.changes, 'scale-seed', e."createdAt"
FROM (SELECT *, md5('tillit-scale:audit:' || "entityType" || ':' || "entityId" || ':' || action) AS hash FROM events) e LEFT JOIN "User" u ON u.id = e."actorId"
ON CONFLICT DO NOTHING`;
