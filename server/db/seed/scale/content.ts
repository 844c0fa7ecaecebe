/** Swedish texts for generated use cases: titles, summaries, business areas. */
import type { OrganisationKind } from "../../generated/enums";

export const PURPOSES = [
  "Chattbot för", "Automatisk sortering av", "Prognos av", "Tal till text för", "Textanalys av", "Översättning av",
  "Sammanfattning av", "Riskbedömning av", "Bildanalys för", "Beslutsstöd för", "Avvikelsedetektering i", "Schemaoptimering för",
  "Sökstöd för", "Klassificering av", "Generativ AI för utkast till", "Kvalitetsgranskning av",
];
export const OBJECTS = [
  "inkommande e-post", "ansökningar om bidrag", "ärenden i kundtjänsten", "invånarfrågor", "fakturor", "bygglovsansökningar",
  "journalanteckningar", "remissvar", "protokoll", "upphandlingsunderlag", "skolplacering", "trafikflöden", "energiförbrukning",
  "felanmälningar", "diarieförda handlingar", "beslut om ersättning", "tillsynsärenden", "kontroller av livsmedel",
  "tolkbeställningar", "personalrekrytering", "lönehantering", "IT-incidenter", "avfallshantering", "vägunderhåll",
  "besöksprognoser", "vårdplatser", "hemtjänstplanering", "skrivelser till medborgare", "myndighetens webbplats", "statistikproduktion",
];
export const SUMMARIES = [
  "Verktyget hjälper handläggare att hitta rätt underlag snabbare; en människa fattar alltid beslutet.",
  "Systemet sorterar och prioriterar inkommande ärenden så att de når rätt funktion.",
  "Tjänsten svarar på vanliga frågor dygnet runt utifrån organisationens egna texter.",
  "Modellen gör prognoser som används i planeringen av verksamheten.",
  "AI används för att sammanfatta långa dokument inför handläggning.",
  "Verktyget föreslår formuleringar som handläggaren granskar och ändrar innan utskick.",
];
export const AREAS: Record<OrganisationKind, string[]> = {
  CENTRAL_AGENCY: ["Handläggning", "Kundtjänst", "Analys och statistik", "IT och digitalisering", "HR", "Ekonomi", "Juridik", "Kommunikation", "Tillsyn", "Registrering"],
  MUNICIPALITY: ["Socialtjänst", "Äldreomsorg", "Skola och förskola", "Samhällsbyggnad", "Kontaktcenter", "Miljö och hälsa", "Teknisk förvaltning", "HR", "Ekonomi", "Kultur och fritid"],
  REGION: ["Hälso- och sjukvård", "Primärvård", "Tandvård", "Kollektivtrafik", "Regional utveckling", "Vårdadministration", "IT och digitalisering", "HR", "Ekonomi", "Kultur"],
  OTHER_PUBLIC: ["Verksamhet", "Administration"],
};
export const TAGS = ["pilot", "språkmodell", "samverkan", "e-tjänst", "intern", "medborgarnära", "molntjänst", "öppen källkod"];
export const SUPPLIERS = [
  { name: "Nordisk Språkteknik AB", products: ["Språkassistenten", "Talskrivaren"] },
  { name: "Vårdanalys Sverige AB", products: ["Triage Insikt", "Beläggningsprognos"] },
  { name: "Dokumentflöde i Norden AB", products: ["Sorteraren", "Diarieassistent"] },
  { name: "Öppna Data Konsult AB", products: ["Sökmotorn Öppen", "Statistikrobot"] },
  { name: "Kontaktcenter AI AB", products: ["Invånarchatt", "Svarsförslag"] },
  { name: "Geoinsikt AB", products: ["Bildtolkning flyg", "Förändringsanalys"] },
  { name: "Trafikmodeller Sverige AB", products: ["Flödesprognos"] },
  { name: "Översättningstjänster i Sverige AB", products: ["Tolkassistent", "Översättaren"] },
  { name: "Schemalagt AB", products: ["Bemanningsoptimering"] },
  { name: "Säker Moln Sverige AB", products: ["Privat språkmodell", "Sammanfattaren"] },
];
