/**
 * The demo's public AI register: several published use cases per organisation, one with
 * earlier versions, some published before a newer internal edit (so "changed since
 * publication" shows), one with a withheld field, one retracted, and an open question
 * from the public. Snapshots are built by the same builder the workflow publishes with.
 * A use case that already has a snapshot is left as it is.
 */
import type { Prisma } from "../generated/client";
import type { PublicReportKind, WithholdingReason } from "../generated/enums";
import type { Transaction } from "../client";
import { addDays, today } from "../../domain/assessments/dates";
import { loadSnapshotSources, snapshotFrom } from "../../domain/public-register/build";
import { missingRequiredFields } from "../../domain/public-register/review";
import { completenessOf, type WithholdableField } from "../../domain/public-register/snapshot";
import type { UseCaseRecord } from "../../domain/use-cases/record";

interface DemoPublication {
  useCaseTitle: string;
  /** Days ago the first version was published. */
  firstPublishedDaysAgo: number;
  /** Earlier versions, oldest first: the record as it was then (changes to today's record). */
  earlierVersions?: Partial<UseCaseRecord>[];
  /** The newest version was published from the record as it was before a later internal edit. */
  publishedBeforeEdit?: Partial<UseCaseRecord>;
  withholdingReasons?: Partial<Record<WithholdableField, WithholdingReason>>;
  retraction?: { daysAgo: number; reason: string };
  openReport?: { kind: PublicReportKind; message: string; senderName: string | null; daysAgo: number };
}

export const DEMO_PUBLICATIONS: Record<string, DemoPublication[]> = {
  exempeltjanster: [
    {
      useCaseTitle: "Automatisk sortering av inkommande post",
      firstPublishedDaysAgo: 200,
      earlierVersions: [
        {
          lifecycleStage: "PILOT",
          publicSummary: "Vi prövar att sortera inkommande brev och e-post automatiskt till rätt enhet.",
        },
      ],
    },
    {
      useCaseTitle: "Språkmodell som skrivstöd för handläggare",
      firstPublishedDaysAgo: 30,
      withholdingReasons: { modelsAndVersions: "SECURITY" },
    },
  ],
  exempelby: [
    {
      useCaseTitle: "Chattbot för invånarfrågor",
      firstPublishedDaysAgo: 300,
      openReport: {
        kind: "QUESTION",
        message: "Sparas det jag skriver till chattboten, och i så fall hur länge?",
        senderName: "Kim",
        daysAgo: 2,
      },
    },
    {
      useCaseTitle: "Tal till text för dokumentation i socialtjänsten",
      firstPublishedDaysAgo: 25,
      publishedBeforeEdit: {
        publicSummary: "Socialsekreterare prövar att diktera journalanteckningar som blir text.",
      },
    },
  ],
  "region-exempelland": [
    {
      useCaseTitle: "Triagestöd i 1177-rådgivningen",
      firstPublishedDaysAgo: 100,
      publishedBeforeEdit: {
        humanOversight: "Sjuksköterskan gör den slutliga bedömningen.",
      },
    },
    {
      useCaseTitle: "Schemaoptimering för vårdavdelningar",
      firstPublishedDaysAgo: 50,
      retraction: {
        daysAgo: 10,
        reason: "Utvecklingen har pausats i väntan på en ny upphandling. Uppgifterna publiceras igen när arbetet återupptas.",
      },
    },
  ],
  "raddningstjansten-exempelbygd": [
    {
      useCaseTitle: "Prognos av brandrisk i skog och mark",
      firstPublishedDaysAgo: 15,
    },
  ],
};

const at = (daysAgo: number, hour = 10) => {
  const date = new Date(`${addDays(today(), -daysAgo)}T00:00:00.000Z`);
  date.setUTCHours(hour);
  return date;
};

/** Publishes the organisation's demo use cases that have no snapshot yet; returns how many records it wrote. */
export async function syncDemoPublications(
  tx: Transaction,
  organisationId: string,
  demos: DemoPublication[],
  people: { admin: string; editor: string },
): Promise<number> {
  let changes = 0;
  for (const demo of demos) {
    const useCase = await tx.useCase.findFirst({ where: { organisationId, title: demo.useCaseTitle }, select: { id: true } });
    if (!useCase) throw new Error(`demo data: no use case "${demo.useCaseTitle}"`);
    const useCaseId = useCase.id;
    const published = await tx.publishedUseCaseSnapshot.count({ where: { organisationId, useCaseId } });
    if (published > 0) continue;

    await tx.useCasePublication.upsert({
      where: { organisationId_useCaseId: { organisationId, useCaseId } },
      create: { organisationId, useCaseId, withholdingReasons: (demo.withholdingReasons ?? {}) as Prisma.InputJsonValue },
      update: { withholdingReasons: (demo.withholdingReasons ?? {}) as Prisma.InputJsonValue },
    });
    const sources = await loadSnapshotSources(tx, organisationId, useCaseId);
    const records = [...(demo.earlierVersions ?? []), demo.publishedBeforeEdit ?? {}].map((changesThen) => ({ ...sources.useCase, ...changesThen }));
    const firstPublishedAt = at(demo.firstPublishedDaysAgo);
    let publishedAt = firstPublishedAt;
    for (const [index, record] of records.entries()) {
      const snapshot = snapshotFrom({ ...sources, useCase: record });
      const missing = missingRequiredFields(snapshot, record.personalData.length > 0);
      if (missing.length > 0) throw new Error(`demo data: "${demo.useCaseTitle}" lacks ${missing.map((m) => m.field).join(", ")}`);
      const version = index + 1;
      publishedAt = index === 0 ? firstPublishedAt : at(Math.max(1, Math.round(demo.firstPublishedDaysAgo / (index + 1))));
      if (index > 0) {
        await tx.publishedUseCaseSnapshot.update({
          where: { organisationId_useCaseId_version: { organisationId, useCaseId, version: index } },
          data: { supersededAt: publishedAt },
        });
      }
      await tx.publishedUseCaseSnapshot.create({
        data: {
          organisationId,
          useCaseId,
          version,
          snapshot: snapshot as unknown as Prisma.InputJsonValue,
          title: snapshot.title,
          organisationKind: snapshot.organisation.kind,
          sector: snapshot.organisation.sector,
          lifecycleStage: snapshot.lifecycleStage,
          riskClass: snapshot.riskClass,
          techniques: snapshot.techniques,
          generativeAi: snapshot.generativeAi,
          processesPersonalData: snapshot.processesPersonalData,
          completeness: completenessOf(snapshot),
          firstPublishedAt,
          publishedAt,
          publishedById: people.admin,
        },
      });
      changes += 1;
    }
    // Published from today's record: its fingerprint now. Published before an edit: none that matches.
    const [row] = demo.publishedBeforeEdit
      ? [{ fingerprint: null }]
      : await tx.$queryRaw<{ fingerprint: string | null }[]>`
          SELECT use_case_public_fingerprint(${organisationId}::uuid, ${useCaseId}::uuid) AS "fingerprint"`;
    const retractedAt = demo.retraction ? at(demo.retraction.daysAgo) : null;
    if (demo.retraction && retractedAt) {
      await tx.publishedUseCaseSnapshot.update({
        where: { organisationId_useCaseId_version: { organisationId, useCaseId, version: records.length } },
        data: { retractedAt, retractionReason: demo.retraction.reason },
      });
    }
    await tx.useCasePublication.update({
      where: { organisationId_useCaseId: { organisationId, useCaseId } },
      data: {
        state: demo.retraction ? "RETRACTED" : "PUBLISHED",
        proposalNote: "Genomgången av enheten och klar för publicering.",
        proposedById: people.editor,
        proposedAt: publishedAt,
        publishedVersion: records.length,
        publishedAt,
        publishedById: people.admin,
        publishedFingerprint: row?.fingerprint ?? null,
        retractedAt,
        retractedById: demo.retraction ? people.admin : null,
        retractionReason: demo.retraction?.reason ?? null,
        version: records.length * 2 + (demo.retraction ? 1 : 0),
      },
    });
    changes += 1;
    if (demo.openReport) {
      await tx.publicReport.create({
        data: {
          organisationId,
          useCaseId,
          snapshotVersion: records.length,
          kind: demo.openReport.kind,
          message: demo.openReport.message,
          senderName: demo.openReport.senderName,
          createdAt: at(demo.openReport.daysAgo, 14),
        },
      });
      changes += 1;
    }
  }
  return changes;
}
