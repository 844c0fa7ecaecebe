/**
 * The assessment workflow through the API, against PostgreSQL: illegal transitions are
 * refused, four eyes hold, approved versions are locked, a new version keeps the old one,
 * two people answering at once lose nothing, and an approved classification sets the use
 * case's risk class.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inScope } from "@/server/db/scope";
import { createTestDatabase } from "../../support/database";
import { addMember, callerFor, createTenancyWorld, createUser, type TenancyWorld, type TestUser } from "../../support/tenancy";
import { createTestUseCase } from "../../support/use-cases";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let world: TenancyWorld;
let secondReviewer: TestUser;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createTenancyWorld(db.prisma);
  secondReviewer = await createUser(db.prisma);
  await addMember(db.prisma, world.orgA, secondReviewer, "REVIEWER");
});
afterAll(async () => db?.close());

const as = (user: TestUser) => callerFor(db.prisma, user);
const slug = () => world.orgA.slug;

async function startDpiaScreening(by: TestUser = world.users.editor) {
  const useCase = await createTestUseCase(db.prisma, world.orgA, world.users.admin);
  const { id } = await (await as(by)).assessments.start({
    organisationSlug: slug(),
    useCaseId: useCase.id,
    templateKind: "DPIA_SCREENING",
    plan: { phase: "DEVELOPMENT", ownerId: by.id, dueOn: null },
  });
  return { id, useCaseId: useCase.id };
}

async function answer(user: TestUser, id: string, questionKey: string, value: string | string[] | null, extra: { comment?: string; reference?: string } = {}) {
  const caller = await as(user);
  const current = await caller.assessments.get({ organisationSlug: slug(), id });
  return caller.assessments.saveAnswer({
    organisationSlug: slug(),
    id,
    questionKey,
    answerVersion: current.answers[questionKey]?.version ?? null,
    answer: { value, comment: extra.comment ?? null, reference: extra.reference ?? null },
  });
}

async function version(id: string) {
  return (await (await as(world.users.admin)).assessments.get({ organisationSlug: slug(), id })).version;
}

async function submitted(id: string, by: TestUser = world.users.editor) {
  await (await as(by)).assessments.submit({ organisationSlug: slug(), id, version: await version(id) });
}

describe("assessment workflow", () => {
  it("refuses illegal transitions with a clear problem and changes nothing", async () => {
    const { id } = await startDpiaScreening();
    const reviewer = await as(world.users.reviewer);
    const v = await version(id);
    await expect(reviewer.assessments.approve({ organisationSlug: slug(), id, version: v, nextReviewOn: null })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { problems: [expect.objectContaining({ code: "assessment.invalidTransition" })] },
    });
    await expect(reviewer.assessments.requestChanges({ organisationSlug: slug(), id, version: v, message: "Nej" })).rejects.toMatchObject({
      cause: { problems: [expect.objectContaining({ code: "assessment.invalidTransition" })] },
    });
    await expect((await as(world.users.editor)).assessments.startNextVersion({ organisationSlug: slug(), id, version: v })).rejects.toMatchObject({
      cause: { problems: [expect.objectContaining({ code: "assessment.invalidTransition" })] },
    });
    const view = await reviewer.assessments.get({ organisationSlug: slug(), id });
    expect(view).toMatchObject({ status: "DRAFT", version: v });
  });

  it("refuses a submission with unanswered required questions, naming each", async () => {
    const { id } = await startDpiaScreening();
    await answer(world.users.editor, id, "processes_personal_data", "YES");
    const failure = (await as(world.users.editor)).assessments.submit({ organisationSlug: slug(), id, version: await version(id) });
    await expect(failure).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { problems: expect.arrayContaining([{ field: "answers.criterion_evaluation_scoring", code: "assessment.answerRequired", message: expect.any(String) }]) },
    });
  });

  it("enforces four eyes: whoever last answered or submitted cannot approve; another reviewer can", async () => {
    const { id } = await startDpiaScreening();
    await answer(world.users.reviewer, id, "processes_personal_data", "NO");
    await submitted(id);
    const refusal = (await as(world.users.reviewer)).assessments.approve({ organisationSlug: slug(), id, version: await version(id), nextReviewOn: null });
    await expect(refusal).rejects.toMatchObject({ cause: { problems: [expect.objectContaining({ code: "assessment.fourEyes" })] } });

    const byAdminSubmitter = await startDpiaScreening(world.users.admin);
    await answer(world.users.editor, byAdminSubmitter.id, "processes_personal_data", "NO");
    await submitted(byAdminSubmitter.id, world.users.admin);
    await expect(
      (await as(world.users.admin)).assessments.approve({ organisationSlug: slug(), id: byAdminSubmitter.id, version: await version(byAdminSubmitter.id), nextReviewOn: null }),
    ).rejects.toMatchObject({ cause: { problems: [expect.objectContaining({ code: "assessment.fourEyes" })] } });

    await (await as(secondReviewer)).assessments.approve({ organisationSlug: slug(), id, version: await version(id), nextReviewOn: null });
    const view = await (await as(world.users.viewer)).assessments.get({ organisationSlug: slug(), id });
    expect(view.status).toBe("APPROVED");
    expect(view.approvedBy?.id).toBe(secondReviewer.id);
    expect(view.approvedResult).toMatchObject({ kind: "DPIA_SCREENING", dpiaRequired: false });
  });

  it("runs a change request round: comment, request changes, fix, resolve, resubmit, approve", async () => {
    const { id, useCaseId } = await startDpiaScreening();
    await answer(world.users.editor, id, "processes_personal_data", "NO");
    await submitted(id);
    const reviewer = await as(world.users.reviewer);
    await reviewer.assessments.comment({ organisationSlug: slug(), id, questionKey: "processes_personal_data", body: "Handläggarnas namn loggas väl?" });
    await reviewer.assessments.requestChanges({ organisationSlug: slug(), id, version: await version(id), message: "Se kommentaren." });
    let view = await reviewer.assessments.get({ organisationSlug: slug(), id });
    expect(view.status).toBe("CHANGES_REQUESTED");
    expect(view.comments.filter((c) => c.resolvedAt === null)).toHaveLength(2);

    await answer(world.users.editor, id, "processes_personal_data", "YES");
    for (const key of [
      "criterion_evaluation_scoring", "criterion_automated_decision", "criterion_systematic_monitoring", "criterion_sensitive_data",
      "criterion_large_scale", "criterion_matching_datasets", "criterion_vulnerable_subjects", "criterion_innovative_technology",
      "criterion_prevents_rights", "mandatory_profiling_significant_effects", "mandatory_large_scale_special_categories",
      "mandatory_public_area_monitoring", "imy_list",
    ]) {
      await answer(world.users.editor, id, key, "NO");
    }
    await answer(world.users.editor, id, "dpia_registry_number", "SN 2026/481");
    await submitted(id);
    await expect(
      (await as(secondReviewer)).assessments.approve({ organisationSlug: slug(), id, version: await version(id), nextReviewOn: null }),
    ).rejects.toMatchObject({ cause: { problems: [expect.objectContaining({ code: "assessment.unresolvedComments" })] } });

    view = await reviewer.assessments.get({ organisationSlug: slug(), id });
    for (const comment of view.comments) {
      await (await as(world.users.editor)).assessments.resolveComment({ organisationSlug: slug(), id, commentId: comment.id });
    }
    await expect(
      (await as(world.users.editor)).assessments.resolveComment({ organisationSlug: slug(), id, commentId: view.comments[0]!.id }),
    ).rejects.toMatchObject({ cause: { problems: [expect.objectContaining({ code: "assessment.commentResolved" })] } });
    await (await as(secondReviewer)).assessments.approve({ organisationSlug: slug(), id, version: await version(id), nextReviewOn: null });
    view = await reviewer.assessments.get({ organisationSlug: slug(), id });
    expect(view.comments.every((c) => c.resolvedByName !== null)).toBe(true);
    expect(view.history.map((e) => e.action)).toEqual(expect.arrayContaining(["assessment.changesRequested", "assessment.approved"]));
    const useCase = await reviewer.useCases.get({ organisationSlug: slug(), id: useCaseId });
    expect(useCase).toMatchObject({ dpiaRequired: false, dpiaDone: true });
  });

  it("locks an approved version; a new version copies the answers and keeps the old one", async () => {
    const { id, useCaseId } = await startDpiaScreening();
    await answer(world.users.editor, id, "processes_personal_data", "NO");
    await answer(world.users.editor, id, "screening_notes", "Inga personuppgifter i flödet.");
    await submitted(id);
    await (await as(world.users.reviewer)).assessments.approve({ organisationSlug: slug(), id, version: await version(id), nextReviewOn: "2027-06-30" });

    await expect(answer(world.users.editor, id, "screening_notes", "Ändrad")).rejects.toMatchObject({
      cause: { problems: [expect.objectContaining({ code: "assessment.locked" })] },
    });

    const editor = await as(world.users.editor);
    const next = await editor.assessments.startNextVersion({ organisationSlug: slug(), id, version: await version(id) });
    await expect(editor.assessments.startNextVersion({ organisationSlug: slug(), id, version: await version(id) })).rejects.toMatchObject({
      cause: { problems: [expect.objectContaining({ code: "assessment.openVersionExists" })] },
    });
    let draft = await editor.assessments.get({ organisationSlug: slug(), id: next.id });
    expect(draft).toMatchObject({ status: "DRAFT", seriesVersion: 2 });
    expect(draft.answers.screening_notes?.value).toBe("Inga personuppgifter i flödet.");
    await answer(world.users.editor, next.id, "screening_notes", "Nytt flöde utan personuppgifter.");
    await submitted(next.id);
    await (await as(world.users.reviewer)).assessments.approve({ organisationSlug: slug(), id: next.id, version: await version(next.id), nextReviewOn: null });

    const old = await editor.assessments.get({ organisationSlug: slug(), id });
    expect(old.status).toBe("APPROVED");
    expect(old.supersededAt).not.toBeNull();
    expect(old.answers.screening_notes?.value).toBe("Inga personuppgifter i flödet.");
    expect(old.overdue).toBe(false);
    draft = await editor.assessments.get({ organisationSlug: slug(), id: next.id });
    expect(draft.versions.map((v) => v.seriesVersion)).toEqual([2, 1]);
    const tab = await editor.assessments.forUseCase({ organisationSlug: slug(), useCaseId });
    expect(tab.needs.find((n) => n.kind === "DPIA_SCREENING")?.approved?.id).toBe(next.id);
  });

  it("keeps an assessment on the template version it was started on", async () => {
    const { id } = await startDpiaScreening();
    const before = await (await as(world.users.editor)).assessments.get({ organisationSlug: slug(), id });
    // A new template version arrives (as the loader would insert it).
    const definition = { ...before.template.definition, version: 2 };
    definition.questions = definition.questions.map((q) => (q.key === "processes_personal_data" ? { ...q, text: { sv: "Ny text?", en: "New text?" } } : q));
    await db.owner.assessmentTemplate.create({
      data: { kind: "DPIA_SCREENING", version: 2, definition, checksum: "test", reviewIntervalMonths: 12 },
    });
    const after = await (await as(world.users.editor)).assessments.get({ organisationSlug: slug(), id });
    expect(after.template.version).toBe(1);
    expect(after.template.definition.questions[0]?.text).toEqual(before.template.definition.questions[0]?.text);
    const fresh = await startDpiaScreening();
    const newer = await (await as(world.users.editor)).assessments.get({ organisationSlug: slug(), id: fresh.id });
    expect(newer.template.version).toBe(2);
    await db.owner.$executeRaw`DELETE FROM "Assessment" WHERE "templateVersion" = 2`.catch(() => undefined);
  });
});

describe("answering at the same time", () => {
  it("keeps both answers when two reviewers answer different questions at once", async () => {
    const { id } = await startDpiaScreening();
    await answer(world.users.editor, id, "processes_personal_data", "YES");
    const [a, b] = await Promise.all([as(world.users.reviewer), as(secondReviewer)]);
    await Promise.all([
      a.assessments.saveAnswer({ organisationSlug: slug(), id, questionKey: "criterion_large_scale", answerVersion: null, answer: { value: "NO", comment: null, reference: null } }),
      b.assessments.saveAnswer({ organisationSlug: slug(), id, questionKey: "criterion_sensitive_data", answerVersion: null, answer: { value: "YES", comment: "Hälsouppgifter.", reference: null } }),
    ]);
    const view = await a.assessments.get({ organisationSlug: slug(), id });
    expect(view.answers.criterion_large_scale?.value).toBe("NO");
    expect(view.answers.criterion_sensitive_data).toMatchObject({ value: "YES", comment: "Hälsouppgifter." });
  });

  it("refuses the second of two edits of the same answer from stale pages, keeping the first", async () => {
    const { id } = await startDpiaScreening();
    await answer(world.users.editor, id, "screening_notes", "Första");
    const read = await (await as(world.users.reviewer)).assessments.get({ organisationSlug: slug(), id });
    const seen = read.answers.screening_notes!.version;
    await (await as(world.users.reviewer)).assessments.saveAnswer({ organisationSlug: slug(), id, questionKey: "screening_notes", answerVersion: seen, answer: { value: "Granskarens", comment: null, reference: null } });
    const stale = (await as(secondReviewer)).assessments.saveAnswer({ organisationSlug: slug(), id, questionKey: "screening_notes", answerVersion: seen, answer: { value: "Den andras", comment: null, reference: null } });
    await expect(stale).rejects.toMatchObject({ code: "CONFLICT" });
    const view = await (await as(world.users.viewer)).assessments.get({ organisationSlug: slug(), id });
    expect(view.answers.screening_notes?.value).toBe("Granskarens");
  });

  it("refuses an answer that does not fit its question", async () => {
    const { id } = await startDpiaScreening();
    await expect(answer(world.users.editor, id, "processes_personal_data", "KANSKE")).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { problems: [expect.objectContaining({ field: "answers.processes_personal_data.value", code: "assessment.answerInvalid" })] },
    });
    await expect(answer(world.users.editor, id, "no_such_question", "YES")).rejects.toMatchObject({
      cause: { problems: [expect.objectContaining({ code: "assessment.unknownQuestion" })] },
    });
  });
});

describe("classification", () => {
  it("sets the use case's risk class, area and justification when approved", async () => {
    const useCase = await createTestUseCase(db.prisma, world.orgA, world.users.admin);
    const editor = await as(world.users.editor);
    const { id } = await editor.assessments.start({
      organisationSlug: slug(),
      useCaseId: useCase.id,
      templateKind: "AI_ACT_CLASSIFICATION",
      plan: { phase: "DEVELOPMENT", ownerId: null, dueOn: null },
    });
    await answer(world.users.editor, id, "is_ai_system", "YES");
    await answer(world.users.editor, id, "value_chain_roles", ["DEPLOYER"]);
    await answer(world.users.editor, id, "prohibited_practices", ["NONE"]);
    await answer(world.users.editor, id, "annex_i_product", "NO");
    await answer(world.users.editor, id, "annex_iii_area", "EMPLOYMENT");
    await answer(world.users.editor, id, "profiling", "YES");
    await answer(world.users.editor, id, "exemption_6_3", "NONE");
    await answer(world.users.editor, id, "transparency_cases", ["NONE"]);
    await answer(world.users.editor, id, "gpai", "NONE");
    const view = await editor.assessments.get({ organisationSlug: slug(), id });
    expect(view.problems).toEqual([]);
    expect(view.result).toMatchObject({ kind: "AI_ACT_CLASSIFICATION", riskClass: "HIGH_RISK", annexIIIArea: "EMPLOYMENT", friaRequired: true });
    await submitted(id);
    await (await as(world.users.reviewer)).assessments.approve({ organisationSlug: slug(), id, version: await version(id), nextReviewOn: null });
    const record = await editor.useCases.get({ organisationSlug: slug(), id: useCase.id });
    expect(record).toMatchObject({ riskClass: "HIGH_RISK", annexIIIArea: "EMPLOYMENT", friaRequired: true, aiActRoles: ["DEPLOYER"] });
    expect(record.riskClassJustification).toBeTruthy();
    const tab = await editor.assessments.forUseCase({ organisationSlug: slug(), useCaseId: useCase.id });
    expect(tab.needs.find((n) => n.kind === "FRIA")).toMatchObject({ requirement: "REQUIRED", reason: "friaByClassification" });
    const history = await editor.useCases.history({ organisationSlug: slug(), id: useCase.id });
    expect(history.items[0]).toMatchObject({ action: "useCase.riskClassified", changes: { riskClass: { before: "UNDETERMINED", after: "HIGH_RISK" } } });
  });
});

describe("starting and deleting", () => {
  it("offers only the templates that apply, and one open assessment per template", async () => {
    const useCase = await createTestUseCase(db.prisma, world.orgA, world.users.admin);
    const editor = await as(world.users.editor);
    const start = (templateKind: "GENAI_GUIDELINE" | "DPIA_SCREENING") =>
      editor.assessments.start({ organisationSlug: slug(), useCaseId: useCase.id, templateKind, plan: { phase: "DEVELOPMENT", ownerId: null, dueOn: null } });
    await expect(start("GENAI_GUIDELINE")).rejects.toMatchObject({ cause: { problems: [expect.objectContaining({ code: "assessment.templateNotOffered" })] } });
    await start("DPIA_SCREENING");
    await expect(start("DPIA_SCREENING")).rejects.toMatchObject({ cause: { problems: [expect.objectContaining({ code: "assessment.openVersionExists" })] } });
  });

  it("refuses an owner who is not a member", async () => {
    const useCase = await createTestUseCase(db.prisma, world.orgA, world.users.admin);
    await expect(
      (await as(world.users.editor)).assessments.start({
        organisationSlug: slug(),
        useCaseId: useCase.id,
        templateKind: "TRUST_MODEL",
        plan: { phase: "DEVELOPMENT", ownerId: world.users.outsider.id, dueOn: null },
      }),
    ).rejects.toMatchObject({ cause: { problems: [expect.objectContaining({ field: "plan.ownerId", code: "assessment.ownerNotMember" })] } });
  });

  it("deletes a never-submitted draft only, and keeps a use case that has assessments", async () => {
    const { id, useCaseId } = await startDpiaScreening();
    const admin = await as(world.users.admin);
    const useCase = await admin.useCases.get({ organisationSlug: slug(), id: useCaseId });
    await expect(admin.useCases.delete({ organisationSlug: slug(), id: useCaseId, version: useCase.version })).rejects.toMatchObject({
      cause: { problems: [expect.objectContaining({ code: "useCase.hasAssessments" })] },
    });
    await answer(world.users.editor, id, "processes_personal_data", "NO");
    await submitted(id);
    await expect(admin.assessments.delete({ organisationSlug: slug(), id, version: await version(id) })).rejects.toMatchObject({
      cause: { problems: [expect.objectContaining({ code: "assessment.onlyFirstDraftDeletable" })] },
    });
    const other = await startDpiaScreening();
    await admin.assessments.delete({ organisationSlug: slug(), id: other.id, version: await version(other.id) });
    await expect(admin.assessments.get({ organisationSlug: slug(), id: other.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const remaining = await inScope(db.prisma, { organisationId: world.orgA.id }, (tx) => tx.assessmentAnswer.count({ where: { organisationId: world.orgA.id, assessmentId: other.id } }));
    expect(remaining).toBe(0);
  });

  it("answers NOT_FOUND for another organisation's assessment", async () => {
    const { id } = await startDpiaScreening();
    await expect((await as(world.users.outsider)).assessments.get({ organisationSlug: world.orgB.slug, id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("in review", () => {
  it("freezes the answers until a reviewer requests changes", async () => {
    const { id } = await startDpiaScreening();
    await answer(world.users.editor, id, "processes_personal_data", "NO");
    await submitted(id);
    await expect(answer(world.users.editor, id, "screening_notes", "Sent tillägg")).rejects.toMatchObject({
      cause: { problems: [expect.objectContaining({ code: "assessment.inReview" })] },
    });
    await (await as(world.users.reviewer)).assessments.requestChanges({ organisationSlug: slug(), id, version: await version(id), message: "Lägg till en anteckning." });
    await answer(world.users.editor, id, "screening_notes", "Sent tillägg");
  });
});
