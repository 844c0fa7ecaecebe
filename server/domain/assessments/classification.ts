/**
 * The AI Act classification rule: from the answers to the classification template, the
 * risk class, why, and the duties that follow for the organisation in its value-chain
 * roles, each with the date it applies from (ai-act-dates.json).
 *
 * Order of the rule: not an AI system; a prohibited practice; high-risk through Annex I
 * or through an Annex III area without a valid Art. 6(3) exemption (valid only when a
 * ground is chosen and the system does not profile people); transparency cases; minimal.
 * Every Tillit organisation is a public body, which matters for Art. 27 and Art. 49(3).
 */
import { AiActRole, AnnexIIIArea, type RiskClass } from "../../db/generated/enums";
import { milestoneDate, type Milestone } from "./ai-act-dates";
import { answerProblems, isShown, type Answers } from "./answers";
import type { ClassificationResult, Obligation } from "./results";
import type { LocalisedText, TemplateDefinition } from "./template-definition";

type Gpai = ClassificationResult["gpai"];
type YesNo = "YES" | "NO";

const roleValues = Object.values(AiActRole) as AiActRole[];
const areaValues = Object.values(AnnexIIIArea) as AnnexIIIArea[];
const gpaiValues: readonly Gpai[] = ["NONE", "USES_GPAI_MODEL", "PROVIDES_GPAI_MODEL"];

/** Annex III 5(b) and 5(c): FRIA for every deployer, public or private (Art. 27(1)). */
const friaRegardlessPoints = ["CREDITWORTHINESS", "INSURANCE_PRICING"];
/** Annex III areas whose registrations go in the non-public part of the EU database (Art. 49(4)). */
const nonPublicRegistrationAreas: readonly AnnexIIIArea[] = ["BIOMETRICS", "LAW_ENFORCEMENT", "MIGRATION_ASYLUM_BORDER"];

const riskClassLabels: Record<RiskClass, LocalisedText> = {
  PROHIBITED: { sv: "förbjuden", en: "prohibited" },
  HIGH_RISK: { sv: "hög risk", en: "high risk" },
  TRANSPARENCY: { sv: "krav på öppenhet", en: "transparency obligations" },
  MINIMAL: { sv: "minimal risk", en: "minimal risk" },
  NOT_AN_AI_SYSTEM: { sv: "inte ett AI-system", en: "not an AI system" },
  UNDETERMINED: { sv: "ej fastställd", en: "undetermined" },
};

/** The answers the rule reads, taken only from questions that are shown. */
interface ClassificationAnswers {
  isAiSystem: YesNo | null;
  notAiSystemReason: string | null;
  roles: AiActRole[];
  prohibitedPractices: string[];
  annexI: YesNo | null;
  annexIIIArea: AnnexIIIArea | null;
  essentialServicesPoint: string | null;
  profiling: YesNo | null;
  exemptionGround: string | null;
  exemptionJustification: string | null;
  transparencyCases: string[];
  gpai: Gpai | null;
  notes: string | null;
}

function shownValues(definition: TemplateDefinition, answers: Answers, key: string): string[] {
  const question = definition.questions.find((q) => q.key === key);
  if (!question || !isShown(question, answers, definition)) return [];
  const value = answers[key]?.value;
  if (value === null || value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter((v) => v !== "");
}

function shownValue(definition: TemplateDefinition, answers: Answers, key: string): string | null {
  return shownValues(definition, answers, key)[0] ?? null;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

function readAnswers(definition: TemplateDefinition, answers: Answers): ClassificationAnswers {
  const value = (key: string) => shownValue(definition, answers, key);
  const values = (key: string) => shownValues(definition, answers, key);
  const yesNo = (key: string) => oneOf<YesNo>(value(key), ["YES", "NO"]);
  const ground = value("exemption_6_3");
  return {
    isAiSystem: yesNo("is_ai_system"),
    notAiSystemReason: value("not_ai_system_reason"),
    roles: values("value_chain_roles").filter((v): v is AiActRole => (roleValues as string[]).includes(v)),
    prohibitedPractices: values("prohibited_practices").filter((v) => v !== "NONE"),
    annexI: yesNo("annex_i_product"),
    annexIIIArea: oneOf(value("annex_iii_area"), areaValues),
    essentialServicesPoint: value("essential_services_point"),
    profiling: yesNo("profiling"),
    exemptionGround: ground === "NONE" ? null : ground,
    exemptionJustification: value("exemption_justification"),
    transparencyCases: values("transparency_cases").filter((v) => v !== "NONE"),
    gpai: oneOf(value("gpai"), gpaiValues),
    notes: value("classification_notes"),
  };
}

/** The label of an option as the template words it (the value itself if the template lacks it). */
function optionLabel(definition: TemplateDefinition, questionKey: string, value: string): LocalisedText {
  const option = definition.questions.find((q) => q.key === questionKey)?.options?.find((o) => o.value === value);
  return option?.label ?? { sv: value, en: value };
}

function listOf(labels: LocalisedText[]): LocalisedText {
  return { sv: labels.map((l) => l.sv).join("; "), en: labels.map((l) => l.en).join("; ") };
}

function obligation(
  key: string,
  article: string,
  title: LocalisedText,
  milestone: Milestone,
  role: Obligation["role"],
): Obligation {
  const { date, source } = milestoneDate(milestone);
  return { key, article, title, appliesFrom: date, dateSource: source, role };
}

export function classify(definition: TemplateDefinition, answers: Answers): ClassificationResult {
  const given = readAnswers(definition, answers);
  const unanswered = answerProblems(definition, answers).filter((p) => p.code === "assessment.answerRequired");
  const complete = unanswered.length === 0;

  const reasons: LocalisedText[] = [];
  const obligations: Obligation[] = [];
  const has = (role: AiActRole) => given.roles.includes(role);
  let provisional: RiskClass = "UNDETERMINED";
  let exemption: ClassificationResult["exemption"] = null;
  let highRiskAnnexIII = false;
  let highRiskAnnexI = false;
  let friaRequired = false;
  let registrationRequired = false;

  if (given.isAiSystem === null) {
    reasons.push({
      sv: "Det är ännu inte besvarat om lösningen är ett AI-system.",
      en: "Whether the solution is an AI system has not been answered yet.",
    });
  } else if (given.isAiSystem === "NO") {
    provisional = "NOT_AN_AI_SYSTEM";
    reasons.push({
      sv: "Lösningen är enligt bedömningen inte ett AI-system (art. 3.1), så AI-förordningen gäller inte för den.",
      en: "According to the assessment the solution is not an AI system (Art. 3(1)), so the AI Act does not apply to it.",
    });
    if (given.notAiSystemReason)
      reasons.push({ sv: `Motivering: ${given.notAiSystemReason}`, en: `Reasoning: ${given.notAiSystemReason}` });
  } else {
    obligations.push(
      obligation(
        "ai_literacy",
        "Art. 4",
        {
          sv: "Se till att personal som arbetar med systemet har tillräcklig AI-kunnighet",
          en: "Ensure that staff working with the system have sufficient AI literacy",
        },
        "ai_literacy",
        "ALL",
      ),
    );
    if (given.roles.length === 0)
      reasons.push({
        sv: "Organisationens roll är inte angiven, så skyldigheter som beror på rollen kan inte visas ännu.",
        en: "The organisation's role is not given, so duties that depend on the role cannot be shown yet.",
      });

    if (given.prohibitedPractices.length > 0) {
      provisional = "PROHIBITED";
      const practices = listOf(given.prohibitedPractices.map((p) => optionLabel(definition, "prohibited_practices", p)));
      reasons.push({
        sv: `Systemet används på ett sätt som är förbjudet enligt art. 5: ${practices.sv}.`,
        en: `The system is used in a way prohibited by Art. 5: ${practices.en}.`,
      });
      obligations.push(
        obligation(
          "stop_prohibited_practice",
          "Art. 5",
          {
            sv: "Systemet får inte användas på detta sätt: avbryt eller ändra användningen",
            en: "The system may not be used in this way: stop or change the use",
          },
          "prohibitions",
          "ALL",
        ),
      );
    } else {
      // High risk through Annex I (a regulated product).
      if (given.annexI === "YES") {
        highRiskAnnexI = true;
        reasons.push({
          sv: "Systemet är en säkerhetskomponent i, eller självt, en produkt enligt bilaga I som kräver bedömning av tredje part, och är därför högrisk (art. 6.1).",
          en: "The system is a safety component of, or itself, an Annex I product requiring third-party conformity assessment, and is therefore high-risk (Art. 6(1)).",
        });
      }

      // High risk through Annex III, unless the Art. 6(3) exemption is valid.
      const area = given.annexIIIArea;
      if (area) {
        const areaLabel = optionLabel(definition, "annex_iii_area", area);
        const groundLabel = given.exemptionGround ? optionLabel(definition, "exemption_6_3", given.exemptionGround) : null;
        if (groundLabel && given.profiling === "NO") {
          exemption = { ground: given.exemptionGround ?? "", justification: given.exemptionJustification ?? "" };
          reasons.push({
            sv: `Systemet används inom bilaga III (${areaLabel.sv}) men är inte högrisk, eftersom undantaget i art. 6.3 gäller: ${groundLabel.sv}. Systemet profilerar inte personer.`,
            en: `The system is used in Annex III (${areaLabel.en}) but is not high-risk, because the Art. 6(3) exemption applies: ${groundLabel.en}. The system does not profile people.`,
          });
          if (given.exemptionJustification)
            reasons.push({
              sv: `Motivering till undantaget: ${given.exemptionJustification}`,
              en: `Reasoning for the exemption: ${given.exemptionJustification}`,
            });
        } else {
          highRiskAnnexIII = true;
          reasons.push({
            sv: `Systemet används inom ett område i bilaga III (${areaLabel.sv}) och är därför högrisk (art. 6.2).`,
            en: `The system is used in an Annex III area (${areaLabel.en}) and is therefore high-risk (Art. 6(2)).`,
          });
          if (groundLabel && given.profiling === "YES")
            reasons.push({
              sv: "Undantaget i art. 6.3 kan inte användas, eftersom systemet profilerar fysiska personer.",
              en: "The Art. 6(3) exemption cannot be used, because the system profiles natural persons.",
            });
        }
      }

      const highRisk = highRiskAnnexIII || highRiskAnnexI;
      if (highRisk) provisional = "HIGH_RISK";
      else if (given.transparencyCases.length > 0) provisional = "TRANSPARENCY";
      else provisional = "MINIMAL";

      if (provisional === "MINIMAL")
        reasons.push({
          sv: "Systemet omfattas varken av förbuden, högriskreglerna eller kraven på öppenhet, och har därför minimal risk.",
          en: "The system is covered by neither the prohibitions, the high-risk rules nor the transparency duties, and is therefore minimal risk.",
        });

      if (highRisk) {
        // Annex III dates apply when the system is high-risk through Annex III (they come first).
        const milestone: Milestone = highRiskAnnexIII ? "high_risk_annex_iii" : "high_risk_annex_i";
        const highRiskObligations = highRiskDuties(given, area, highRiskAnnexIII, milestone);
        obligations.push(...highRiskObligations.obligations);
        reasons.push(...highRiskObligations.reasons);
        friaRequired = highRiskObligations.friaRequired;
        registrationRequired = highRiskObligations.registrationRequired;
        const legacy = milestoneDate("public_authority_legacy_high_risk");
        reasons.push({
          sv: `Om systemet fanns på marknaden redan innan högriskreglerna började gälla och inte ändras väsentligt, ska offentliga myndigheter som leverantörer och tillhandahållare uppfylla kraven senast ${legacy.date} (art. 111.2).`,
          en: `If the system was already on the market before the high-risk rules started to apply and is not significantly changed, public authorities as providers and deployers must comply by ${legacy.date} at the latest (Art. 111(2)).`,
        });
      }

      if (exemption) {
        obligations.push(...exemptionObligations(given));
        if (has("PROVIDER")) registrationRequired = true;
      }

      const transparency = transparencyDuties(definition, given);
      obligations.push(...transparency.obligations);
      reasons.push(...transparency.reasons);

      if (given.gpai === "PROVIDES_GPAI_MODEL") {
        reasons.push({
          sv: "Organisationen tillhandahåller en AI-modell för allmänna ändamål och har skyldigheter enligt kapitel V (art. 53, och art. 55 om modellen har systemrisk).",
          en: "The organisation provides a general-purpose AI model and has duties under Chapter V (Art. 53, and Art. 55 if the model has systemic risk).",
        });
        obligations.push(
          obligation(
            "gpai_provider_duties",
            "Art. 53",
            {
              sv: "Ta fram teknisk dokumentation och information till den som bygger vidare på modellen, ha en policy för upphovsrätt och publicera en sammanfattning av träningsdata",
              en: "Draw up technical documentation and information for those building on the model, have a copyright policy and publish a summary of the training content",
            },
            "gpai",
            "PROVIDER",
          ),
        );
      } else if (given.gpai === "USES_GPAI_MODEL") {
        reasons.push({
          sv: "Systemet bygger på en AI-modell för allmänna ändamål från någon annan. Modellens leverantör har egna skyldigheter (art. 53) och ska ge information som behövs för att förstå modellens förmågor och begränsningar; begär den.",
          en: "The system is built on a general-purpose AI model from someone else. The model's provider has its own duties (Art. 53) and must give the information needed to understand the model's capabilities and limitations; ask for it.",
        });
      }
    }
  }

  const riskClass: RiskClass = complete ? provisional : "UNDETERMINED";
  if (!complete) {
    const soFar = provisional === "UNDETERMINED" ? null : riskClassLabels[provisional];
    reasons.unshift({
      sv: `Klassningen är inte klar: ${unanswered.length} obligatoriska frågor är obesvarade.${soFar ? ` Utifrån svaren hittills blir riskklassen ${soFar.sv}.` : ""}`,
      en: `The classification is not finished: ${unanswered.length} required questions are unanswered.${soFar ? ` From the answers so far the risk class is ${soFar.en}.` : ""}`,
    });
  }

  return {
    kind: "AI_ACT_CLASSIFICATION",
    complete,
    riskClass,
    // Only a high-risk finding names the area (as the use case's register fields do).
    annexIIIArea: highRiskAnnexIII ? given.annexIIIArea : null,
    annexI: highRiskAnnexI,
    exemption,
    transparencyCases: given.transparencyCases,
    gpai: given.gpai ?? "NONE",
    roles: given.roles,
    reasons,
    obligations,
    friaRequired,
    registrationRequired,
    justification: justificationText(riskClass, reasons, given.notes),
  };
}

interface HighRiskDuties {
  obligations: Obligation[];
  reasons: LocalisedText[];
  friaRequired: boolean;
  registrationRequired: boolean;
}

function highRiskDuties(
  given: ClassificationAnswers,
  area: AnnexIIIArea | null,
  annexIII: boolean,
  milestone: Milestone,
): HighRiskDuties {
  const has = (role: AiActRole) => given.roles.includes(role);
  const obligations: Obligation[] = [];
  const reasons: LocalisedText[] = [];
  let friaRequired = false;
  let registrationRequired = false;
  const annexIIIArea = annexIII ? area : null;

  if (has("PROVIDER")) {
    obligations.push(
      obligation(
        "provider_duties",
        "Art. 16",
        {
          sv: "Uppfyll leverantörens krav för högrisksystem: riskhantering, datastyrning, teknisk dokumentation, loggning, bruksanvisning, mänsklig tillsyn, noggrannhet och robusthet, kvalitetsledningssystem och CE-märkning",
          en: "Meet the provider's requirements for high-risk systems: risk management, data governance, technical documentation, logging, instructions for use, human oversight, accuracy and robustness, a quality management system and CE marking",
        },
        milestone,
        "PROVIDER",
      ),
      obligation(
        "conformity_assessment",
        "Art. 43",
        {
          sv: "Genomför en bedömning av överensstämmelse innan systemet släpps ut eller tas i bruk",
          en: "Carry out a conformity assessment before the system is placed on the market or put into service",
        },
        milestone,
        "PROVIDER",
      ),
    );
    if (annexIIIArea === "CRITICAL_INFRASTRUCTURE") {
      obligations.push(
        obligation(
          "provider_national_registration",
          "Art. 49(5)",
          { sv: "Registrera systemet på nationell nivå", en: "Register the system at national level" },
          milestone,
          "PROVIDER",
        ),
      );
    } else if (annexIIIArea) {
      registrationRequired = true;
      obligations.push(
        obligation(
          "provider_registration",
          "Art. 49(1)",
          {
            sv: "Registrera systemet i EU:s databas innan det släpps ut eller tas i bruk",
            en: "Register the system in the EU database before it is placed on the market or put into service",
          },
          milestone,
          "PROVIDER",
        ),
      );
    }
  }

  if (has("DEPLOYER")) {
    obligations.push(
      obligation(
        "deployer_duties",
        "Art. 26",
        {
          sv: "Använd systemet enligt bruksanvisningen med mänsklig tillsyn av kunnig personal, kontrollera indata, övervaka driften och rapportera allvarliga incidenter, spara loggar i minst sex månader och informera arbetstagare; använd inte ett högrisksystem som inte är registrerat i EU:s databas",
          en: "Use the system according to the instructions for use with human oversight by competent staff, check input data, monitor operation and report serious incidents, keep logs for at least six months and inform workers; do not use a high-risk system that is not registered in the EU database",
        },
        milestone,
        "DEPLOYER",
      ),
    );
    if (annexIIIArea) {
      obligations.push(
        obligation(
          "inform_affected_persons",
          "Art. 26(11)",
          {
            sv: "Informera de personer som berörs av beslut som systemet fattar eller hjälper till att fatta om att systemet används",
            en: "Inform the people subject to decisions the system makes or assists with that the system is used",
          },
          milestone,
          "DEPLOYER",
        ),
      );
      const regardless = area === "ESSENTIAL_SERVICES" && friaRegardlessPoints.includes(given.essentialServicesPoint ?? "");
      if (annexIIIArea !== "CRITICAL_INFRASTRUCTURE" || regardless) {
        friaRequired = true;
        obligations.push(
          obligation(
            "fundamental_rights_impact_assessment",
            "Art. 27",
            {
              sv: "Gör en konsekvensbedömning avseende grundläggande rättigheter före första användningen och anmäl resultatet till marknadskontrollmyndigheten",
              en: "Carry out a fundamental rights impact assessment before first use and notify the results to the market surveillance authority",
            },
            milestone,
            "DEPLOYER",
          ),
        );
        reasons.push(
          regardless
            ? {
                sv: "En konsekvensbedömning avseende grundläggande rättigheter krävs alltid för system enligt bilaga III punkt 5 b och 5 c (art. 27.1).",
                en: "A fundamental rights impact assessment is always required for systems under Annex III points 5(b) and 5(c) (Art. 27(1)).",
              }
            : {
                sv: "Som offentligt organ som använder ett högrisksystem enligt bilaga III ska organisationen göra en konsekvensbedömning avseende grundläggande rättigheter (art. 27).",
                en: "As a public body using a high-risk system under Annex III, the organisation must carry out a fundamental rights impact assessment (Art. 27).",
              },
        );
      }
      if (annexIIIArea !== "CRITICAL_INFRASTRUCTURE") {
        registrationRequired = true;
        obligations.push(
          obligation(
            "deployer_registration",
            "Art. 49(3)",
            {
              sv: "Registrera organisationen och användningen av systemet i EU:s databas före användning (bilaga VIII, avsnitt C)",
              en: "Register the organisation and its use of the system in the EU database before use (Annex VIII, section C)",
            },
            milestone,
            "DEPLOYER",
          ),
        );
        if (nonPublicRegistrationAreas.includes(annexIIIArea))
          reasons.push({
            sv: "Registreringen görs i den icke-offentliga delen av EU:s databas när systemet används för brottsbekämpning, migration, asyl eller gränskontroll (art. 49.4).",
            en: "The registration goes in the non-public part of the EU database when the system is used for law enforcement, migration, asylum or border control (Art. 49(4)).",
          });
      }
    }
  }

  if (has("IMPORTER"))
    obligations.push(
      obligation(
        "importer_duties",
        "Art. 23",
        {
          sv: "Kontrollera före utsläppandet att leverantören har gjort bedömningen av överensstämmelse, tagit fram dokumentationen och CE-märkt systemet",
          en: "Before placing on the market, verify that the provider has carried out the conformity assessment, drawn up the documentation and CE-marked the system",
        },
        milestone,
        "IMPORTER",
      ),
    );
  if (has("DISTRIBUTOR"))
    obligations.push(
      obligation(
        "distributor_duties",
        "Art. 24",
        {
          sv: "Kontrollera att systemet är CE-märkt och har EU-försäkran om överensstämmelse och bruksanvisning innan det tillhandahålls vidare",
          en: "Verify that the system bears the CE marking and has the EU declaration of conformity and instructions for use before making it available",
        },
        milestone,
        "DISTRIBUTOR",
      ),
    );
  if (has("AUTHORISED_REPRESENTATIVE"))
    obligations.push(
      obligation(
        "authorised_representative_duties",
        "Art. 22",
        {
          sv: "Utför de uppgifter som anges i fullmakten från leverantören, bland annat att hålla dokumentationen tillgänglig för myndigheterna",
          en: "Carry out the tasks in the provider's mandate, including keeping the documentation available to the authorities",
        },
        milestone,
        "AUTHORISED_REPRESENTATIVE",
      ),
    );
  if (has("PRODUCT_MANUFACTURER") && given.annexI === "YES")
    obligations.push(
      obligation(
        "product_manufacturer_as_provider",
        "Art. 25(3)",
        {
          sv: "Som produkttillverkare räknas organisationen som leverantör av AI-systemet och har leverantörens skyldigheter",
          en: "As product manufacturer the organisation counts as provider of the AI system and has the provider's duties",
        },
        "high_risk_annex_i",
        "PRODUCT_MANUFACTURER",
      ),
    );

  return { obligations, reasons, friaRequired, registrationRequired };
}

/** Duties when an Annex III system is not high-risk through the Art. 6(3) exemption. */
function exemptionObligations(given: ClassificationAnswers): Obligation[] {
  if (given.roles.includes("PROVIDER"))
    return [
      obligation(
        "document_exemption_assessment",
        "Art. 6(4)",
        {
          sv: "Dokumentera bedömningen att systemet inte är högrisk innan det släpps ut eller tas i bruk, och visa den för myndigheten på begäran",
          en: "Document the assessment that the system is not high-risk before it is placed on the market or put into service, and show it to the authority on request",
        },
        "high_risk_annex_iii",
        "PROVIDER",
      ),
      obligation(
        "register_exemption",
        "Art. 49(2)",
        {
          sv: "Registrera systemet och undantaget i EU:s databas",
          en: "Register the system and the exemption in the EU database",
        },
        "high_risk_annex_iii",
        "PROVIDER",
      ),
    ];
  if (given.roles.includes("DEPLOYER"))
    return [
      obligation(
        "check_provider_exemption",
        "Art. 6(4), Art. 49(2)",
        {
          sv: "Begär leverantörens dokumenterade bedömning att systemet inte är högrisk och kontrollera att undantaget är registrerat i EU:s databas",
          en: "Ask for the provider's documented assessment that the system is not high-risk and check that the exemption is registered in the EU database",
        },
        "high_risk_annex_iii",
        "DEPLOYER",
      ),
    ];
  return [];
}

interface TransparencyRule {
  caseValue: string;
  key: string;
  article: string;
  role: "PROVIDER" | "DEPLOYER";
  title: LocalisedText;
}

const transparencyRules: readonly TransparencyRule[] = [
  {
    caseValue: "INTERACTS_WITH_PEOPLE",
    key: "transparency_interaction",
    article: "Art. 50(1)",
    role: "PROVIDER",
    title: {
      sv: "Utforma systemet så att personer får veta att de har kontakt med ett AI-system",
      en: "Design the system so that people are told they are interacting with an AI system",
    },
  },
  {
    caseValue: "GENERATES_SYNTHETIC_CONTENT",
    key: "transparency_synthetic_content",
    article: "Art. 50(2)",
    role: "PROVIDER",
    title: {
      sv: "Märk genererat ljud, bild, video och text maskinläsbart som AI-genererat",
      en: "Mark generated audio, image, video and text in a machine-readable way as AI-generated",
    },
  },
  {
    caseValue: "EMOTION_RECOGNITION_OR_BIOMETRIC_CATEGORISATION",
    key: "transparency_emotion_biometric",
    article: "Art. 50(3)",
    role: "DEPLOYER",
    title: {
      sv: "Informera de personer som utsätts för känsloigenkänning eller biometrisk kategorisering",
      en: "Inform the people exposed to emotion recognition or biometric categorisation",
    },
  },
  {
    caseValue: "DEEP_FAKE",
    key: "transparency_deep_fake",
    article: "Art. 50(4)",
    role: "DEPLOYER",
    title: {
      sv: "Upplys om att bild, ljud eller video är konstgjord eller manipulerad",
      en: "Disclose that image, audio or video is artificially generated or manipulated",
    },
  },
  {
    caseValue: "PUBLIC_INTEREST_TEXT",
    key: "transparency_public_interest_text",
    article: "Art. 50(4)",
    role: "DEPLOYER",
    title: {
      sv: "Upplys om att text som publiceras för att informera allmänheten är AI-genererad, om ingen människa har granskat den och ansvarar för publiceringen",
      en: "Disclose that text published to inform the public is AI-generated, unless a person has reviewed it and holds editorial responsibility",
    },
  },
];

const roleNames: Record<"PROVIDER" | "DEPLOYER", LocalisedText> = {
  PROVIDER: { sv: "leverantören", en: "the provider" },
  DEPLOYER: { sv: "tillhandahållaren", en: "the deployer" },
};

function transparencyDuties(
  definition: TemplateDefinition,
  given: ClassificationAnswers,
): { obligations: Obligation[]; reasons: LocalisedText[] } {
  const obligations: Obligation[] = [];
  const reasons: LocalisedText[] = [];
  for (const rule of transparencyRules) {
    if (!given.transparencyCases.includes(rule.caseValue)) continue;
    const label = optionLabel(definition, "transparency_cases", rule.caseValue);
    const ours = given.roles.includes(rule.role);
    reasons.push({
      sv: `${label.sv}: krav på öppenhet för ${roleNames[rule.role].sv} (${rule.article.replace("Art. ", "art. ").replace(/\((\d+)\)/, ".$1")})${ours ? "" : ", inte för organisationen i dess roll"}.`,
      en: `${label.en}: transparency duty for ${roleNames[rule.role].en} (${rule.article})${ours ? "" : ", not for the organisation in its role"}.`,
    });
    if (ours) obligations.push(obligation(rule.key, rule.article, rule.title, "transparency", rule.role));
  }
  return { obligations, reasons };
}

function justificationText(riskClass: RiskClass, reasons: LocalisedText[], notes: string | null): string {
  const lines = [`Riskklass enligt AI-förordningen: ${riskClassLabels[riskClass].sv}.`, ...reasons.map((r) => r.sv)];
  if (notes) lines.push(`Kommentar: ${notes}`);
  return lines.join("\n");
}
