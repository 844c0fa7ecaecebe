/**
 * The scale seed: all of Sweden's public sector, generated deterministically (seeded
 * randomness, ids derived from stable keys) and loaded organisation by organisation, each
 * in one transaction scoped to it as the app's transactions are. A run skips organisations
 * that are already there, so a second run changes nothing and an interrupted run resumes.
 * See README "Scale data".
 */
import pg from "pg";
import { hashPassword } from "../../../auth/password";
import { type TemplateDefinition, type TemplateKind, templateDefinition } from "../../../domain/assessments/template-definition";
import { SUPPLIERS } from "./content";
import { organisationNumberCheckDigit } from "../../../domain/organisations/organisation-number";
import { type CatalogueProduct, membersOf, type OrganisationCounts, type SeedContext, type SeedTemplate, seedOrganisation } from "./organisation";
import { planOrganisations, type PlannedOrganisation } from "./plan";
import { type AnswerProfile, buildProfiles } from "./profiles";
import { stableUuid } from "./random";

/** Everyone in the scale data signs in with this password. */
export const SCALE_PASSWORD = "Tillit-skala-2026!";

export interface ScaleSeedOptions {
  connectionString: string;
  scale: number;
  /** Parallel connections (default 2: the machine has two cores). */
  workers?: number;
  /** Called after each organisation (done of total, use cases so far). */
  onProgress?: (progress: ScaleProgress) => void;
  now?: Date;
}

export interface ScaleProgress {
  done: number;
  total: number;
  useCasesDone: number;
  useCasesTotal: number;
}

export interface ScaleSummary {
  organisations: number;
  created: number;
  skipped: number;
  totals: OrganisationCounts;
  seconds: number;
  signIn: { email: string; password: string; organisation: string; slug: string; useCases: number };
}

async function readTemplates(client: pg.ClientBase): Promise<SeedTemplate[]> {
  const { rows } = await client.query<{ id: string; kind: TemplateKind; version: number; reviewIntervalMonths: number; definition: unknown }>(
    `SELECT DISTINCT ON (kind) id, kind, version, "reviewIntervalMonths", definition FROM "AssessmentTemplate" ORDER BY kind, version DESC`,
  );
  if (rows.length === 0) throw new Error("no assessment templates in the database: run the migrations and load the templates first");
  return rows.map((row) => ({ ...row, definition: templateDefinition.parse(row.definition) as TemplateDefinition }));
}

async function prepareConnection(client: pg.ClientBase, profiles: AnswerProfile[]): Promise<void> {
  await client.query(`CREATE TEMP TABLE IF NOT EXISTS scale_answer_profile (profile int, ord int, question_key text, value jsonb, comment text, reference text, PRIMARY KEY (profile, ord))`);
  await client.query(`TRUNCATE scale_answer_profile`);
  const rows = profiles.flatMap((profile) => profile.answers.map((answer, ord) => ({ profile: profile.id, ord, ...answer })));
  await client.query(
    `INSERT INTO scale_answer_profile SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::jsonb[], $5::text[], $6::text[])`,
    [rows.map((r) => r.profile), rows.map((r) => r.ord), rows.map((r) => r.questionKey), rows.map((r) => JSON.stringify(r.value)), rows.map((r) => r.comment), rows.map((r) => r.reference)],
  );
  await client.query(`CREATE TEMP TABLE IF NOT EXISTS scale_profile_result (profile int PRIMARY KEY, result jsonb)`);
  await client.query(`TRUNCATE scale_profile_result`);
  await client.query(`INSERT INTO scale_profile_result SELECT * FROM unnest($1::int[], $2::jsonb[])`, [
    profiles.map((p) => p.id),
    profiles.map((p) => JSON.stringify(p.result)),
  ]);
  // Large transactions: keep them off the disk's sync path (only this session's commits).
  await client.query(`SET synchronous_commit = off`);
}

/** The shared supplier catalogue the decisions name (not tenant data). */
async function seedCatalogue(client: pg.ClientBase, now: Date): Promise<CatalogueProduct[]> {
  const products: CatalogueProduct[] = [];
  for (const [index, supplier] of SUPPLIERS.entries()) {
    const supplierId = stableUuid(`tillit-scale:supplier:${index}`);
    const nine = `559998${String(index).padStart(3, "0")}`;
    await client.query(
      `INSERT INTO "Supplier" (id, name, "organisationNumber", country, "createdAt", "updatedAt") VALUES ($1, $2, $3, 'SE', $4, $4) ON CONFLICT DO NOTHING`,
      [supplierId, supplier.name, `${nine.slice(0, 6)}-${nine.slice(6)}${organisationNumberCheckDigit(nine)}`, now],
    );
    for (const name of supplier.products) {
      const productId = stableUuid(`tillit-scale:product:${index}:${name}`);
      await client.query(
        `INSERT INTO "SupplierProduct" (id, "supplierId", name, "modelProvider", "hostingLocations", certifications, "createdAt", "updatedAt")
         VALUES ($1, $2, $3, $4, ARRAY['SE'], ARRAY['ISO/IEC 27001'], $5, $5) ON CONFLICT DO NOTHING`,
        [productId, supplierId, name, supplier.name, now],
      );
      products.push({ supplierId, supplierName: supplier.name, productId });
    }
  }
  return products;
}

export function largestOrganisation(scale: number): PlannedOrganisation & { adminEmail: string } {
  const largest = planOrganisations(scale)[0]!;
  const admin = membersOf(largest).find((member) => member.role === "ADMIN")!;
  return { ...largest, adminEmail: admin.email };
}

export async function seedScale(options: ScaleSeedOptions): Promise<ScaleSummary> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const plan = planOrganisations(options.scale);
  const workers = Math.max(1, options.workers ?? 2);
  const clients = Array.from({ length: workers }, () => new pg.Client({ connectionString: options.connectionString }));
  const totals: OrganisationCounts = { useCases: 0, assessments: 0, answers: 0, decisions: 0, responsibilities: 0, auditEvents: 0 };
  let created = 0;
  let skipped = 0;
  try {
    for (const client of clients) {
      client.on("error", () => undefined);
      await client.connect();
    }
    const first = clients[0]!;
    const templates = await readTemplates(first);
    const profiles = buildProfiles(templates.map((t) => t.definition));
    for (const client of clients) await prepareConnection(client, profiles);
    const ctx: SeedContext = {
      now,
      passwordHash: await hashPassword(SCALE_PASSWORD),
      templates: new Map(templates.map((t) => [t.kind, t])),
      profiles: new Map(templates.map((t) => [t.kind, profiles.filter((p) => p.kind === t.kind)])),
      products: await seedCatalogue(first, now),
    };
    const progress: ScaleProgress = { done: 0, total: plan.length, useCasesDone: 0, useCasesTotal: plan.reduce((sum, o) => sum + o.useCases, 0) };
    const queue = [...plan]; // largest first: the big ones start early and the small ones fill in
    await Promise.all(
      clients.map(async (client) => {
        for (let org = queue.shift(); org; org = queue.shift()) {
          const counts = await seedOrganisation(client, org, ctx);
          if (counts) {
            created += 1;
            for (const key of Object.keys(totals) as (keyof OrganisationCounts)[]) totals[key] += counts[key];
          } else skipped += 1;
          progress.done += 1;
          progress.useCasesDone += org.useCases;
          options.onProgress?.({ ...progress });
        }
      }),
    );
  } finally {
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
  }
  const largest = largestOrganisation(options.scale);
  return {
    organisations: plan.length,
    created,
    skipped,
    totals,
    seconds: (Date.now() - started) / 1000,
    signIn: { email: largest.adminEmail, password: SCALE_PASSWORD, organisation: largest.name, slug: largest.slug, useCases: largest.useCases },
  };
}
