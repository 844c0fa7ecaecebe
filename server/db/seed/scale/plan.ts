/**
 * Which organisations the scale seed creates and how many use cases each gets. At scale 1:
 * 650 organisations in the real proportions (339 central agencies, 290 municipalities, 21
 * regions) and 80 000 use cases skewed as in reality: the largest, a central agency, has
 * 8 000, the rest follow n_i ∝ 1 / i^0.9 by rank (a few thousand for the next ones, a few
 * dozen for most). Smaller scales take fewer organisations in the same proportions.
 */
import { organisationNumberCheckDigit } from "../../../domain/organisations/organisation-number";
import type { OrganisationKind, Sector } from "../../generated/enums";
import {
  ADMINISTRATIVE_COURTS,
  ADMINISTRATIVE_COURTS_OF_APPEAL,
  AGENCIES,
  COUNTIES,
  COURTS_OF_APPEAL,
  DISTRICT_COURTS,
  MUNICIPALITIES,
  municipalityName,
  MUSEUMS,
  UNIVERSITIES,
} from "./names";
import { Random, stableUuid } from "./random";

export const FULL = { centralAgencies: 339, municipalities: 290, regions: 21, useCases: 80_000, largest: 8_000 } as const;

export interface PlannedOrganisation {
  id: string;
  /** Stable key: ids and randomness of everything in the organisation derive from it. */
  key: string;
  slug: string;
  name: string;
  organisationNumber: string;
  kind: OrganisationKind;
  sector: Sector;
  /** 1 is the largest. */
  rank: number;
  useCases: number;
}

interface Candidate {
  name: string;
  kind: OrganisationKind;
  sector: Sector;
  /** Lower comes earlier in the size ranking (before the random part). */
  sizeBias: number;
}

const FILLER_TOPICS = `geodata;vattenförsörjning;arbetslivsfrågor;omställning;landsbygdsutveckling;bostadsförsörjning;kulturarv;friluftsliv;idrottsfrågor;barnrättsfrågor;civilt försvar;energiomställning;digital infrastruktur;social ekonomi;konsumentskydd;smittskydd;läkemedelsförsörjning;vägledning;integration;tillgänglighet;utvärdering av välfärd;statistik om arbetsmarknaden;havsplanering;klimatanpassning;cirkulär ekonomi;folkbildning;demokratifrågor;kommunikationsberedskap;ekonomisk brottslighet;spelreglering;skogsdata;livsmedelskontroll;djurskydd;kemikaliekontroll;bergsbruk;fiskefrågor;ungdomsfrågor;äldrefrågor;jämlik hälsa;kompetensförsörjning;forskningsinfrastruktur;trafiksäkerhet;luftkvalitet;sjösäkerhet;biologisk mångfald;dricksvatten;kärnavfallsfrågor;arkivfrågor;e-legitimation;mediefrågor;socialförsäkringsdata;upphandlingsstöd;regional tillväxt;rennäringsfrågor;minoritetsspråk;rättsinformation;yrkesintroduktion;lärarlegitimation;studie- och yrkesvägledning;medicinteknik;patientsäkerhet;hälsodata;företagsstöd;skatteinformation;tullsamarbete;fastighetsinformation;geoteknik;naturkatastrofer;översvämningsskydd;brandskydd;elförsörjning;bredbandsutbyggnad;järnvägsfrågor;kollektivtrafik;cykelfrågor;vägtrafikdata;miljöövervakning;vattenmiljö;skolutveckling;förskolefrågor;vuxenutbildning;föräldraskapsstöd;funktionshinderspolitik;hbtqi-frågor;nationella minoriteter;valfrågor;offentlig statistik;säkerhetsskydd;informationssäkerhet`.split(";");

function candidates(): Candidate[] {
  const agencies: Candidate[] = [
    ...AGENCIES.map(([name, sector], index) => ({ name, kind: "CENTRAL_AGENCY" as const, sector: sector as Sector, sizeBias: index < 30 ? 0.25 : 0.8 })),
    ...COUNTIES.map(({ county }) => ({ name: `Länsstyrelsen i ${county} län`, kind: "CENTRAL_AGENCY" as const, sector: "GENERAL_PUBLIC_SERVICES" as const, sizeBias: 1 })),
    ...DISTRICT_COURTS.map((city) => ({ name: `${city} tingsrätt`, kind: "CENTRAL_AGENCY" as const, sector: "JUSTICE_AND_SECURITY" as const, sizeBias: 1.4 })),
    ...[...COURTS_OF_APPEAL, ...ADMINISTRATIVE_COURTS, ...ADMINISTRATIVE_COURTS_OF_APPEAL].map((name) => ({ name, kind: "CENTRAL_AGENCY" as const, sector: "JUSTICE_AND_SECURITY" as const, sizeBias: 1.2 })),
    ...UNIVERSITIES.map((name) => ({ name, kind: "CENTRAL_AGENCY" as const, sector: "EDUCATION_AND_RESEARCH" as const, sizeBias: 0.7 })),
    ...MUSEUMS.map((name) => ({ name, kind: "CENTRAL_AGENCY" as const, sector: "CULTURE_AND_LEISURE" as const, sizeBias: 1.4 })),
    ...FILLER_TOPICS.map((topic) => ({ name: `Myndigheten för ${topic}`, kind: "CENTRAL_AGENCY" as const, sector: "GENERAL_PUBLIC_SERVICES" as const, sizeBias: 1.5 })),
  ].slice(0, FULL.centralAgencies);
  if (agencies.length < FULL.centralAgencies) throw new Error(`scale seed: only ${agencies.length} agency names`);
  const bigCities = new Set(["Stockholm", "Göteborg", "Malmö", "Uppsala", "Linköping", "Örebro", "Västerås", "Helsingborg", "Norrköping", "Jönköping", "Umeå", "Lund"]);
  const municipalities: Candidate[] = MUNICIPALITIES.map((name) => ({
    name: municipalityName(name),
    kind: "MUNICIPALITY" as const,
    sector: "GENERAL_PUBLIC_SERVICES" as const,
    sizeBias: bigCities.has(name) ? 0.3 : 1.2,
  }));
  const regions: Candidate[] = COUNTIES.map(({ region }) => ({ name: region, kind: "REGION" as const, sector: "HEALTH_AND_CARE" as const, sizeBias: 0.4 }));
  return [...agencies, ...municipalities, ...regions];
}

export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[åä]/g, "a")
    .replace(/ö/g, "o")
    .replace(/é/g, "e")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * Organisation numbers in series no real body and no demo organisation uses: 202198-NNNC for
 * agencies, 212098-NNNC for municipalities, 232098-NNNC for regions (the demo's are …99…).
 */
function organisationNumber(kind: OrganisationKind, index: number): string {
  const prefix = kind === "MUNICIPALITY" ? "212098" : kind === "REGION" ? "232098" : "202198";
  const nine = `${prefix}${String(index).padStart(3, "0")}`;
  return `${nine.slice(0, 6)}-${nine.slice(6)}${organisationNumberCheckDigit(nine)}`;
}

/** The organisations for a scale, largest first. */
export function planOrganisations(scale: number): PlannedOrganisation[] {
  if (!(scale > 0)) throw new Error("scale must be a positive number");
  const random = new Random("tillit-scale:ranking");
  const share = Math.min(scale, 1);
  const wanted: Record<OrganisationKind, number> = {
    CENTRAL_AGENCY: Math.max(1, Math.round(FULL.centralAgencies * share)),
    MUNICIPALITY: Math.max(1, Math.round(FULL.municipalities * share)),
    REGION: Math.max(1, Math.round(FULL.regions * share)),
    OTHER_PUBLIC: 0,
  };
  const all = candidates().map((candidate, index) => ({ ...candidate, index, order: candidate.sizeBias * (0.5 + random.next()) }));
  // Which organisations a smaller scale takes: the same ones at every run (the first by a seeded order).
  const chosen = (["CENTRAL_AGENCY", "MUNICIPALITY", "REGION"] as const).flatMap((kind) =>
    all
      .filter((candidate) => candidate.kind === kind)
      .map((candidate, kindIndex) => ({ ...candidate, kindIndex }))
      .sort((a, b) => (a.index === 0 ? -1 : b.index === 0 ? 1 : a.order - b.order))
      .slice(0, wanted[kind]),
  );
  // The largest is Försäkringskassan (the first agency); then by the biased random order.
  chosen.sort((a, b) => (a.index === 0 ? -1 : b.index === 0 ? 1 : a.order - b.order));
  const largest = Math.max(1, Math.round(FULL.largest * scale));
  const rest = Math.max(0, Math.round(FULL.useCases * scale) - largest);
  // n_i = largest / i^0.9 by rank, plus an even floor that brings the total to the scale's.
  const shapes = chosen.slice(1).map((_, i) => largest / (i + 2) ** 0.9);
  const shapeSum = shapes.reduce((sum, n) => sum + n, 0);
  const floor = shapes.length > 0 ? Math.max(0, (rest - shapeSum) / shapes.length) : 0;
  const shrink = shapeSum > rest ? rest / shapeSum : 1;
  const slugs = new Set<string>();
  return chosen.map((candidate, i) => {
    let slug = slugify(candidate.name);
    while (slugs.has(slug)) slug = `${slug}-2`;
    slugs.add(slug);
    const key = `tillit-scale:organisation:${candidate.kind}:${candidate.kindIndex}`;
    return {
      id: stableUuid(key),
      key,
      slug,
      name: candidate.name,
      organisationNumber: organisationNumber(candidate.kind, candidate.kindIndex),
      kind: candidate.kind,
      sector: candidate.sector,
      rank: i + 1,
      useCases: i === 0 ? largest : Math.max(1, Math.round((shapes[i - 1] ?? 0) * shrink + floor)),
    };
  });
}
