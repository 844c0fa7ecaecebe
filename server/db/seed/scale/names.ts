/**
 * Names for the scale seed: Sweden's 290 municipalities and 21 regions as they are, and
 * 340 central agencies from real names and the patterns government uses (county
 * administrative boards, courts, universities). Staff names are common Swedish names.
 */

/** The 21 counties: their region and the county administrative board's name. */
export const COUNTIES = [
  { region: "Region Stockholm", county: "Stockholms", seat: "Stockholm" },
  { region: "Region Uppsala", county: "Uppsala", seat: "Uppsala" },
  { region: "Region Sörmland", county: "Södermanlands", seat: "Nyköping" },
  { region: "Region Östergötland", county: "Östergötlands", seat: "Linköping" },
  { region: "Region Jönköpings län", county: "Jönköpings", seat: "Jönköping" },
  { region: "Region Kronoberg", county: "Kronobergs", seat: "Växjö" },
  { region: "Region Kalmar län", county: "Kalmar", seat: "Kalmar" },
  { region: "Region Gotland", county: "Gotlands", seat: "Visby" },
  { region: "Region Blekinge", county: "Blekinge", seat: "Karlskrona" },
  { region: "Region Skåne", county: "Skåne", seat: "Malmö" },
  { region: "Region Halland", county: "Hallands", seat: "Halmstad" },
  { region: "Västra Götalandsregionen", county: "Västra Götalands", seat: "Göteborg" },
  { region: "Region Värmland", county: "Värmlands", seat: "Karlstad" },
  { region: "Region Örebro län", county: "Örebro", seat: "Örebro" },
  { region: "Region Västmanland", county: "Västmanlands", seat: "Västerås" },
  { region: "Region Dalarna", county: "Dalarnas", seat: "Falun" },
  { region: "Region Gävleborg", county: "Gävleborgs", seat: "Gävle" },
  { region: "Region Västernorrland", county: "Västernorrlands", seat: "Härnösand" },
  { region: "Region Jämtland Härjedalen", county: "Jämtlands", seat: "Östersund" },
  { region: "Region Västerbotten", county: "Västerbottens", seat: "Umeå" },
  { region: "Region Norrbotten", county: "Norrbottens", seat: "Luleå" },
] as const;

/** The 290 municipalities, by county (as above). Gotland is a region that is also a municipality. */
export const MUNICIPALITIES: readonly string[] = `
Botkyrka Danderyd Ekerö Haninge Huddinge Järfälla Lidingö Nacka Norrtälje Nykvarn Nynäshamn Salem Sigtuna Sollentuna Solna Stockholm Sundbyberg Södertälje Tyresö Täby Upplands-Bro Upplands_Väsby Vallentuna Vaxholm Värmdö Österåker
Enköping Heby Håbo Knivsta Tierp Uppsala Älvkarleby Östhammar
Eskilstuna Flen Gnesta Katrineholm Nyköping Oxelösund Strängnäs Trosa Vingåker
Boxholm Finspång Kinda Linköping Mjölby Motala Norrköping Söderköping Vadstena Valdemarsvik Ydre Åtvidaberg Ödeshög
Aneby Eksjö Gislaved Gnosjö Habo Jönköping Mullsjö Nässjö Sävsjö Tranås Vaggeryd Vetlanda Värnamo
Alvesta Lessebo Ljungby Markaryd Tingsryd Uppvidinge Växjö Älmhult
Borgholm Emmaboda Hultsfred Högsby Kalmar Mönsterås Mörbylånga Nybro Oskarshamn Torsås Vimmerby Västervik
Gotland
Karlshamn Karlskrona Olofström Ronneby Sölvesborg
Bjuv Bromölla Burlöv Båstad Eslöv Helsingborg Hässleholm Höganäs Hörby Höör Klippan Kristianstad Kävlinge Landskrona Lomma Lund Malmö Osby Perstorp Simrishamn Sjöbo Skurup Staffanstorp Svalöv Svedala Tomelilla Trelleborg Vellinge Ystad Åstorp Ängelholm Örkelljunga Östra_Göinge
Falkenberg Halmstad Hylte Kungsbacka Laholm Varberg
Ale Alingsås Bengtsfors Bollebygd Borås Dals-Ed Essunga Falköping Färgelanda Grästorp Gullspång Göteborg Götene Herrljunga Hjo Härryda Karlsborg Kungälv Lerum Lidköping Lilla_Edet Lysekil Mariestad Mark Mellerud Munkedal Mölndal Orust Partille Skara Skövde Sotenäs Stenungsund Strömstad Svenljunga Tanum Tibro Tidaholm Tjörn Tranemo Trollhättan Töreboda Uddevalla Ulricehamn Vara Vårgårda Vänersborg Åmål Öckerö
Arvika Eda Filipstad Forshaga Grums Hagfors Hammarö Karlstad Kil Kristinehamn Munkfors Storfors Sunne Säffle Torsby Årjäng
Askersund Degerfors Hallsberg Hällefors Karlskoga Kumla Laxå Lekeberg Lindesberg Ljusnarsberg Nora Örebro
Arboga Fagersta Hallstahammar Kungsör Köping Norberg Sala Skinnskatteberg Surahammar Västerås
Avesta Borlänge Falun Gagnef Hedemora Leksand Ludvika Malung-Sälen Mora Orsa Rättvik Smedjebacken Säter Vansbro Älvdalen
Bollnäs Gävle Hofors Hudiksvall Ljusdal Nordanstig Ockelbo Ovanåker Sandviken Söderhamn
Härnösand Kramfors Sollefteå Sundsvall Timrå Ånge Örnsköldsvik
Berg Bräcke Härjedalen Krokom Ragunda Strömsund Åre Östersund
Bjurholm Dorotea Lycksele Malå Nordmaling Norsjö Robertsfors Skellefteå Sorsele Storuman Umeå Vilhelmina Vindeln Vännäs Åsele
Arjeplog Arvidsjaur Boden Gällivare Haparanda Jokkmokk Kalix Kiruna Luleå Pajala Piteå Älvsbyn Överkalix Övertorneå
`
  .trim()
  .split(/\s+/)
  .map((name) => name.replace(/_/g, " "));

/** A municipality's official name: "X kommun", with the few that call themselves "stad". */
const CITIES = new Set(["Stockholm", "Göteborg", "Malmö", "Solna", "Sundbyberg", "Lidingö", "Vaxholm", "Borås", "Mölndal", "Trollhättan", "Västerås", "Haparanda", "Landskrona"]);
export function municipalityName(name: string): string {
  if (name === "Gotland") return "Region Gotland (kommun)";
  // The genitive most of them use: "Linköpings kommun", "Kalmar kommun", "Falu kommun".
  const genitive = name === "Falun" ? "Falu" : /[^aeiouyåäöéSsxzr]$/i.test(name) && !/[sxz]$/.test(name) ? `${name}s` : name;
  return `${genitive} ${CITIES.has(name) ? "stad" : "kommun"}`;
}

/** Central agencies by their real names, with the sector each belongs to. */
export const AGENCIES: readonly [string, string][] = [
  ["Försäkringskassan", "SOCIAL_INSURANCE_AND_WELFARE"],
  ["Skatteverket", "TAX_AND_CUSTOMS"],
  ["Arbetsförmedlingen", "LABOUR_MARKET"],
  ["Migrationsverket", "MIGRATION"],
  ["Polismyndigheten", "JUSTICE_AND_SECURITY"],
  ["Kriminalvården", "JUSTICE_AND_SECURITY"],
  ["Trafikverket", "INFRASTRUCTURE_AND_TRANSPORT"],
  ["Transportstyrelsen", "INFRASTRUCTURE_AND_TRANSPORT"],
  ["Pensionsmyndigheten", "SOCIAL_INSURANCE_AND_WELFARE"],
  ["Centrala studiestödsnämnden", "EDUCATION_AND_RESEARCH"],
  ["Tullverket", "TAX_AND_CUSTOMS"],
  ["Lantmäteriet", "HOUSING_AND_PLANNING"],
  ["Bolagsverket", "BUSINESS_AND_AGRICULTURE"],
  ["Myndigheten för digital förvaltning", "DIGITAL_GOVERNMENT"],
  ["Statistiska centralbyrån", "ECONOMY_AND_FINANCE"],
  ["Ekonomistyrningsverket", "ECONOMY_AND_FINANCE"],
  ["Kronofogdemyndigheten", "ECONOMY_AND_FINANCE"],
  ["Socialstyrelsen", "HEALTH_AND_CARE"],
  ["Folkhälsomyndigheten", "HEALTH_AND_CARE"],
  ["Läkemedelsverket", "HEALTH_AND_CARE"],
  ["Inspektionen för vård och omsorg", "HEALTH_AND_CARE"],
  ["E-hälsomyndigheten", "HEALTH_AND_CARE"],
  ["Tandvårds- och läkemedelsförmånsverket", "HEALTH_AND_CARE"],
  ["Statens beredning för medicinsk och social utvärdering", "HEALTH_AND_CARE"],
  ["Skolverket", "EDUCATION_AND_RESEARCH"],
  ["Skolinspektionen", "EDUCATION_AND_RESEARCH"],
  ["Specialpedagogiska skolmyndigheten", "EDUCATION_AND_RESEARCH"],
  ["Universitets- och högskolerådet", "EDUCATION_AND_RESEARCH"],
  ["Universitetskanslersämbetet", "EDUCATION_AND_RESEARCH"],
  ["Vetenskapsrådet", "EDUCATION_AND_RESEARCH"],
  ["Vinnova", "BUSINESS_AND_AGRICULTURE"],
  ["Tillväxtverket", "BUSINESS_AND_AGRICULTURE"],
  ["Jordbruksverket", "BUSINESS_AND_AGRICULTURE"],
  ["Livsmedelsverket", "BUSINESS_AND_AGRICULTURE"],
  ["Skogsstyrelsen", "ENVIRONMENT_AND_ENERGY"],
  ["Naturvårdsverket", "ENVIRONMENT_AND_ENERGY"],
  ["Havs- och vattenmyndigheten", "ENVIRONMENT_AND_ENERGY"],
  ["Energimyndigheten", "ENVIRONMENT_AND_ENERGY"],
  ["Kemikalieinspektionen", "ENVIRONMENT_AND_ENERGY"],
  ["Sveriges meteorologiska och hydrologiska institut", "ENVIRONMENT_AND_ENERGY"],
  ["Sveriges geologiska undersökning", "ENVIRONMENT_AND_ENERGY"],
  ["Strålsäkerhetsmyndigheten", "ENVIRONMENT_AND_ENERGY"],
  ["Boverket", "HOUSING_AND_PLANNING"],
  ["Myndigheten för samhällsskydd och beredskap", "DEFENCE_AND_CRISIS_PREPAREDNESS"],
  ["Försvarsmakten", "DEFENCE_AND_CRISIS_PREPAREDNESS"],
  ["Försvarets materielverk", "DEFENCE_AND_CRISIS_PREPAREDNESS"],
  ["Totalförsvarets forskningsinstitut", "DEFENCE_AND_CRISIS_PREPAREDNESS"],
  ["Försvarets radioanstalt", "DEFENCE_AND_CRISIS_PREPAREDNESS"],
  ["Myndigheten för psykologiskt försvar", "DEFENCE_AND_CRISIS_PREPAREDNESS"],
  ["Plikt- och prövningsverket", "DEFENCE_AND_CRISIS_PREPAREDNESS"],
  ["Kustbevakningen", "DEFENCE_AND_CRISIS_PREPAREDNESS"],
  ["Säkerhetspolisen", "JUSTICE_AND_SECURITY"],
  ["Åklagarmyndigheten", "JUSTICE_AND_SECURITY"],
  ["Ekobrottsmyndigheten", "JUSTICE_AND_SECURITY"],
  ["Domstolsverket", "JUSTICE_AND_SECURITY"],
  ["Brottsförebyggande rådet", "JUSTICE_AND_SECURITY"],
  ["Brottsoffermyndigheten", "JUSTICE_AND_SECURITY"],
  ["Rättsmedicinalverket", "JUSTICE_AND_SECURITY"],
  ["Statens institutionsstyrelse", "SOCIAL_INSURANCE_AND_WELFARE"],
  ["Integritetsskyddsmyndigheten", "DIGITAL_GOVERNMENT"],
  ["Post- och telestyrelsen", "DIGITAL_GOVERNMENT"],
  ["Riksarkivet", "CULTURE_AND_LEISURE"],
  ["Kungliga biblioteket", "CULTURE_AND_LEISURE"],
  ["Riksantikvarieämbetet", "CULTURE_AND_LEISURE"],
  ["Statens kulturråd", "CULTURE_AND_LEISURE"],
  ["Myndigheten för tillgängliga medier", "CULTURE_AND_LEISURE"],
  ["Institutet för språk och folkminnen", "CULTURE_AND_LEISURE"],
  ["Statens fastighetsverk", "HOUSING_AND_PLANNING"],
  ["Fortifikationsverket", "DEFENCE_AND_CRISIS_PREPAREDNESS"],
  ["Kammarkollegiet", "GENERAL_PUBLIC_SERVICES"],
  ["Statens servicecenter", "GENERAL_PUBLIC_SERVICES"],
  ["Arbetsgivarverket", "GENERAL_PUBLIC_SERVICES"],
  ["Statskontoret", "GENERAL_PUBLIC_SERVICES"],
  ["Riksgälden", "ECONOMY_AND_FINANCE"],
  ["Finansinspektionen", "ECONOMY_AND_FINANCE"],
  ["Konjunkturinstitutet", "ECONOMY_AND_FINANCE"],
  ["Konkurrensverket", "BUSINESS_AND_AGRICULTURE"],
  ["Konsumentverket", "BUSINESS_AND_AGRICULTURE"],
  ["Upphandlingsmyndigheten", "GENERAL_PUBLIC_SERVICES"],
  ["Patent- och registreringsverket", "BUSINESS_AND_AGRICULTURE"],
  ["Arbetsmiljöverket", "LABOUR_MARKET"],
  ["Inspektionen för socialförsäkringen", "SOCIAL_INSURANCE_AND_WELFARE"],
  ["Inspektionen för arbetslöshetsförsäkringen", "LABOUR_MARKET"],
  ["Institutet för arbetsmarknads- och utbildningspolitisk utvärdering", "LABOUR_MARKET"],
  ["Myndigheten för yrkeshögskolan", "EDUCATION_AND_RESEARCH"],
  ["Sjöfartsverket", "INFRASTRUCTURE_AND_TRANSPORT"],
  ["Luftfartsverket", "INFRASTRUCTURE_AND_TRANSPORT"],
  ["Trafikanalys", "INFRASTRUCTURE_AND_TRANSPORT"],
  ["Statens haverikommission", "INFRASTRUCTURE_AND_TRANSPORT"],
  ["Elsäkerhetsverket", "ENVIRONMENT_AND_ENERGY"],
  ["Energimarknadsinspektionen", "ENVIRONMENT_AND_ENERGY"],
  ["Myndigheten för delaktighet", "SOCIAL_INSURANCE_AND_WELFARE"],
  ["Jämställdhetsmyndigheten", "GENERAL_PUBLIC_SERVICES"],
  ["Diskrimineringsombudsmannen", "JUSTICE_AND_SECURITY"],
  ["Barnombudsmannen", "SOCIAL_INSURANCE_AND_WELFARE"],
  ["Myndigheten för familjerätt och föräldraskapsstöd", "SOCIAL_INSURANCE_AND_WELFARE"],
  ["Myndigheten för stöd till trossamfund", "CULTURE_AND_LEISURE"],
  ["Myndigheten för ungdoms- och civilsamhällesfrågor", "CULTURE_AND_LEISURE"],
  ["Valmyndigheten", "GENERAL_PUBLIC_SERVICES"],
  ["Justitiekanslern", "JUSTICE_AND_SECURITY"],
  ["Sametinget", "CULTURE_AND_LEISURE"],
  ["Svenska institutet", "GENERAL_PUBLIC_SERVICES"],
  ["Styrelsen för internationellt utvecklingssamarbete", "GENERAL_PUBLIC_SERVICES"],
  ["Exportkreditnämnden", "BUSINESS_AND_AGRICULTURE"],
  ["Verket för innovationssystem", "BUSINESS_AND_AGRICULTURE"],
  ["Statens veterinärmedicinska anstalt", "BUSINESS_AND_AGRICULTURE"],
  ["Svenska ESF-rådet", "LABOUR_MARKET"],
  ["Allmänna reklamationsnämnden", "BUSINESS_AND_AGRICULTURE"],
  ["Spelinspektionen", "BUSINESS_AND_AGRICULTURE"],
  ["Revisorsinspektionen", "ECONOMY_AND_FINANCE"],
  ["Riksrevisionen", "ECONOMY_AND_FINANCE"],
  ["Skolväsendets överklagandenämnd", "EDUCATION_AND_RESEARCH"],
  ["Sameskolstyrelsen", "EDUCATION_AND_RESEARCH"],
  ["Mediemyndigheten", "CULTURE_AND_LEISURE"],
  ["Nationellt centrum för cybersäkerhet", "DEFENCE_AND_CRISIS_PREPAREDNESS"],
  ["Polarforskningssekretariatet", "EDUCATION_AND_RESEARCH"],
  ["Rymdstyrelsen", "EDUCATION_AND_RESEARCH"],
  ["Forte", "EDUCATION_AND_RESEARCH"],
  ["Formas", "EDUCATION_AND_RESEARCH"],
];

/** Cities with a district court (tingsrätt). */
export const DISTRICT_COURTS = `Alingsås Attunda Blekinge Borås Eksjö Eskilstuna Falu Gotlands Gällivare Gävle Göteborgs Halmstads Haparanda Helsingborgs Hudiksvalls Hässleholms Jönköpings Kalmar Kristianstads Linköpings Luleå Lunds Lycksele Malmö Mora Nacka Norrköpings Norrtälje Nyköpings Solna Stockholms Sundsvalls Södertälje Södertörns Uddevalla Umeå Uppsala Vänersborgs Värmlands Varbergs Västmanlands Växjö Ystads Ångermanlands Örebro Östersunds Skaraborgs Hallands`.split(" ");
export const COURTS_OF_APPEAL = ["Svea hovrätt", "Göta hovrätt", "Hovrätten över Skåne och Blekinge", "Hovrätten för Västra Sverige", "Hovrätten för Nedre Norrland", "Hovrätten för Övre Norrland"];
export const ADMINISTRATIVE_COURTS = `Stockholm Uppsala Linköping Jönköping Växjö Malmö Göteborg Karlstad Falun Härnösand Umeå Luleå`.split(" ").map((city) => `Förvaltningsrätten i ${city}`);
export const ADMINISTRATIVE_COURTS_OF_APPEAL = ["Kammarrätten i Stockholm", "Kammarrätten i Göteborg", "Kammarrätten i Sundsvall", "Kammarrätten i Jönköping"];
export const UNIVERSITIES = [
  "Uppsala universitet", "Lunds universitet", "Göteborgs universitet", "Stockholms universitet", "Umeå universitet",
  "Linköpings universitet", "Karolinska institutet", "Kungliga Tekniska högskolan", "Luleå tekniska universitet",
  "Karlstads universitet", "Linnéuniversitetet", "Örebro universitet", "Mittuniversitetet", "Mälardalens universitet",
  "Sveriges lantbruksuniversitet", "Malmö universitet", "Högskolan i Borås", "Högskolan Dalarna", "Högskolan i Gävle",
  "Högskolan i Halmstad", "Högskolan Kristianstad", "Högskolan i Skövde", "Högskolan Väst", "Blekinge tekniska högskola",
  "Södertörns högskola", "Gymnastik- och idrottshögskolan", "Konstfack", "Kungliga Musikhögskolan", "Försvarshögskolan",
  "Stockholms konstnärliga högskola", "Kungliga Konsthögskolan", "Göteborgs universitet, Högskolan för scen och musik",
];
export const MUSEUMS = [
  "Statens historiska museer", "Nationalmuseum", "Naturhistoriska riksmuseet", "Nordiska museet", "Statens maritima och transporthistoriska museer",
  "Moderna museet", "Statens museer för världskultur", "Statens centrum för arkitektur och design", "Statens musikverk", "Livrustkammaren",
];

export const FIRST_NAMES = `Anna Eva Maria Karin Sara Lena Emma Kerstin Ingrid Marie Malin Jenny Hanna Linda Elin Sofia Ida Johanna Fatima Amira Leila Helena Annika Camilla Erik Lars Karl Anders Johan Per Mikael Nils Jan Peter Hans Fredrik Daniel Mohammed Ali Oskar Gustav Magnus Henrik Jonas Stefan Andreas Mattias Ahmed Björn Olof`.split(" ");
export const LAST_NAMES = `Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson Pettersson Jonsson Jansson Hansson Bengtsson Jönsson Lindberg Jakobsson Magnusson Olofsson Lindström Lindqvist Lindgren Axelsson Berg Bergström Lundberg Lind Lundgren Lundqvist Mattsson Berglund Fredriksson Sandberg Henriksson Forsberg Sjöberg Wallin Engström Eklund Danielsson Lundin Håkansson Björk Bergman Gunnarsson Holm Wikström Samuelsson Isaksson Fransson Bergqvist Nyström Holmberg Arvidsson Löfgren Söderberg Nyberg Blomqvist Claesson Nordström Mårtensson Lundström Viklund Björklund Eliasson Pålsson Berggren Sandström Lund Nordin Ström Åberg Hermansson Ekström Falk Holmgren Dahlberg Hellström Hedlund Sundberg Sjögren Ek Blom Abrahamsson Martinsson Öberg Andreasson Strömberg Månsson Åkesson Hansen Norberg Lindholm Dahl Jonasson Hassan Yilmaz Ali Mohammed Ahmed`.split(" ");
