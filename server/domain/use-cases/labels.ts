/**
 * Swedish and English labels of the register's enumerations, kept once, here: the UI,
 * the import (which accepts either language) and the export read them.
 */
import type {
  AcquisitionMethod,
  AffectedGroup,
  AiActRole,
  AiTechnique,
  AnnexIIIArea,
  Hosting,
  LifecycleStage,
  OutputUse,
  PersonalDataCategory,
  RiskClass,
} from "../../db/generated/enums";
import type { Locale } from "../../i18n/config";

export type Labels<T extends string> = Record<T, Record<Locale, string>>;

export const lifecycleStageLabels = {
  IDEA: { sv: "Idé", en: "Idea" },
  ANALYSIS: { sv: "Analys", en: "Analysis" },
  PILOT: { sv: "Pilot", en: "Pilot" },
  DEVELOPMENT: { sv: "Utveckling", en: "Development" },
  IN_USE: { sv: "I drift", en: "In use" },
  PAUSED: { sv: "Pausad", en: "Paused" },
  RETIRED: { sv: "Avvecklad", en: "Retired" },
} satisfies Labels<LifecycleStage>;

export const outputUseLabels = {
  INFORMATION_ONLY: { sv: "Endast information", en: "Information only" },
  DECISION_SUPPORT: { sv: "Beslutsstöd", en: "Decision support" },
  PARTLY_AUTOMATED_DECISION: { sv: "Delvis automatiserat beslut", en: "Partly automated decision" },
  FULLY_AUTOMATED_DECISION: { sv: "Helt automatiserat beslut", en: "Fully automated decision" },
} satisfies Labels<OutputUse>;

export const aiTechniqueLabels = {
  CLASSIFICATION_OR_PREDICTION: { sv: "Klassificering eller prediktion", en: "Classification or prediction" },
  LANGUAGE_PROCESSING: { sv: "Språkteknologi", en: "Language processing" },
  GENERATIVE_AI: { sv: "Generativ AI eller stor språkmodell", en: "Generative AI or large language model" },
  SPEECH_TO_TEXT: { sv: "Tal till text", en: "Speech to text" },
  TRANSLATION: { sv: "Översättning", en: "Translation" },
  IMAGE_OR_VIDEO_ANALYSIS: { sv: "Bild- eller videoanalys", en: "Image or video analysis" },
  RECOMMENDATION: { sv: "Rekommendation", en: "Recommendation" },
  OPTIMISATION: { sv: "Optimering", en: "Optimisation" },
  ANOMALY_DETECTION: { sv: "Avvikelsedetektering", en: "Anomaly detection" },
  RULE_BASED_WITH_LEARNED_COMPONENTS: { sv: "Regelbaserat med inlärda delar", en: "Rule-based with learned components" },
  OTHER: { sv: "Annan teknik", en: "Other" },
} satisfies Labels<AiTechnique>;

export const affectedGroupLabels = {
  CITIZENS: { sv: "Invånare", en: "Citizens" },
  BUSINESSES: { sv: "Företag", en: "Businesses" },
  EMPLOYEES: { sv: "Medarbetare", en: "Employees" },
  CHILDREN: { sv: "Barn", en: "Children" },
  OTHER_VULNERABLE_GROUPS: { sv: "Andra sårbara grupper", en: "Other vulnerable groups" },
} satisfies Labels<AffectedGroup>;

export const acquisitionMethodLabels = {
  BUILT_IN_HOUSE: { sv: "Egen utveckling", en: "Built in-house" },
  PROCURED: { sv: "Upphandlad", en: "Procured" },
  OPEN_SOURCE: { sv: "Öppen källkod", en: "Open source" },
  COLLABORATION: { sv: "Utveckling i samverkan", en: "Collaboration" },
} satisfies Labels<AcquisitionMethod>;

export const hostingLabels = {
  ON_PREMISES: { sv: "Egen drift (on-premises)", en: "On premises" },
  SWEDISH_CLOUD: { sv: "Svenskt moln", en: "Swedish cloud" },
  EU_EEA_CLOUD: { sv: "Moln inom EU/EES", en: "EU/EEA cloud" },
  THIRD_COUNTRY_CLOUD: { sv: "Moln i tredjeland", en: "Third-country cloud" },
} satisfies Labels<Hosting>;

export const personalDataLabels = {
  NONE: { sv: "Inga personuppgifter", en: "No personal data" },
  ORDINARY: { sv: "Vanliga personuppgifter", en: "Ordinary personal data" },
  SPECIAL_CATEGORIES: { sv: "Känsliga personuppgifter (art. 9)", en: "Special categories (Art. 9)" },
  CRIMINAL_OFFENCES: { sv: "Uppgifter om lagöverträdelser (art. 10)", en: "Criminal-offence data (Art. 10)" },
  PERSONAL_IDENTITY_NUMBERS: { sv: "Personnummer", en: "Personal identity numbers" },
} satisfies Labels<PersonalDataCategory>;

export const aiActRoleLabels = {
  PROVIDER: { sv: "Leverantör", en: "Provider" },
  DEPLOYER: { sv: "Tillhandahållare (användare)", en: "Deployer" },
  IMPORTER: { sv: "Importör", en: "Importer" },
  DISTRIBUTOR: { sv: "Distributör", en: "Distributor" },
  PRODUCT_MANUFACTURER: { sv: "Produkttillverkare", en: "Product manufacturer" },
  AUTHORISED_REPRESENTATIVE: { sv: "Ombud", en: "Authorised representative" },
} satisfies Labels<AiActRole>;

export const riskClassLabels = {
  PROHIBITED: { sv: "Förbjuden AI-tillämpning", en: "Prohibited practice" },
  HIGH_RISK: { sv: "Hög risk", en: "High risk" },
  TRANSPARENCY: { sv: "Transparenskrav", en: "Transparency obligations" },
  MINIMAL: { sv: "Minimal risk", en: "Minimal risk" },
  NOT_AN_AI_SYSTEM: { sv: "Inte ett AI-system", en: "Not an AI system" },
  UNDETERMINED: { sv: "Ej fastställd", en: "Undetermined" },
} satisfies Labels<RiskClass>;

export const annexIIIAreaLabels = {
  BIOMETRICS: { sv: "Biometri", en: "Biometrics" },
  CRITICAL_INFRASTRUCTURE: { sv: "Kritisk infrastruktur", en: "Critical infrastructure" },
  EDUCATION: { sv: "Utbildning och yrkesutbildning", en: "Education and vocational training" },
  EMPLOYMENT: { sv: "Anställning och arbetsledning", en: "Employment and workers' management" },
  ESSENTIAL_SERVICES: { sv: "Grundläggande privata och offentliga tjänster och förmåner", en: "Essential private and public services and benefits" },
  LAW_ENFORCEMENT: { sv: "Brottsbekämpning", en: "Law enforcement" },
  MIGRATION_ASYLUM_BORDER: { sv: "Migration, asyl och gränskontroll", en: "Migration, asylum and border control" },
  JUSTICE_AND_DEMOCRACY: { sv: "Rättskipning och demokratiska processer", en: "Administration of justice and democratic processes" },
} satisfies Labels<AnnexIIIArea>;

export function label<T extends string>(labels: Labels<T>, value: T, locale: Locale): string {
  return labels[value][locale];
}
