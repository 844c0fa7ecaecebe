/**
 * An assessment as a PDF report, for the record (diarium) and for the board: what was
 * assessed, by whom, what the rules computed and every shown question with its answer and
 * comments. Built with pdf-lib's standard fonts (Helvetica), so every text passes
 * `toWinAnsi` first; the layout is a small writer with a cursor that wraps lines and
 * starts a new page when the current one is full. Pure: a view in, bytes out.
 */
import { PageSizes, PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from "pdf-lib";
import type { Locale } from "../../i18n/config";
import { annexIIIAreaLabels, riskClassLabels } from "../use-cases/labels";
import { answerValueLabels, assessmentPhaseLabels, assessmentStatusLabels, templateKindLabels } from "./labels";
import { type AnswerValue, isShown } from "./answers";
import type { AssessmentResult, ChecklistResult, ClassificationResult, DpiaScreeningResult, FriaResult } from "./results";
import { extensionTrustAnswers, type QuestionDefinition, type SectionDefinition, type TemplateDefinition } from "./template-definition";
import type { AssessmentView, CommentView } from "./view";

// WinAnsi (Windows-1252) ------------------------------------------------------------

/** The characters of Windows-1252 between 0x80 and 0x9F (the rest is Latin-1). */
const WIN_ANSI_EXTRAS = new Set(Array.from("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ", (c) => c.codePointAt(0)));

const REPLACEMENTS: Record<string, string> = {
  "≥": ">=",
  "≤": "<=",
  "≠": "!=",
  "≈": "~",
  "→": "->",
  "←": "<-",
  "↔": "<->",
  "⇒": "=>",
  "⇐": "<=",
  "⇔": "<=>",
  "−": "-",
  "‐": "-",
  "‑": "-",
  "‒": "-",
  "―": "—",
  "⁃": "-",
  "′": "'",
  "″": '"',
  "‛": "'",
  "‟": '"',
  "⁄": "/",
  "∙": "·",
  "⋅": "·",
  "●": "•",
  "▪": "•",
  "◦": "•",
  "‣": "•",
  "○": "o",
  "✓": "v",
  "✔": "v",
  "✗": "x",
  "✘": "x",
  "☐": "[ ]",
  "☑": "[x]",
  "☒": "[x]",
  "№": "No.",
  "ﬁ": "fi",
  "ﬂ": "fl",
  "⁺": "+",
  "₊": "+",
  "⁻": "-",
  "₋": "-",
  "⁰": "0",
  "⁴": "4",
  "⁵": "5",
  "⁶": "6",
  "⁷": "7",
  "⁸": "8",
  "⁹": "9",
  "₀": "0",
  "₁": "1",
  "₂": "2",
  "₃": "3",
  "₄": "4",
  "₅": "5",
  "₆": "6",
  "₇": "7",
  "₈": "8",
  "₉": "9",
  "\u2028": "\n",
  "\u2029": "\n",
};

/** Spaces of other widths print as a plain space. */
const SPACES = /[\u2000-\u200A\u202F\u205F\u3000]/u;
/** Invisible characters that carry nothing in print (zero widths, BOM, emoji variation and skin tone). */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\uFE0E\uFE0F\u{1F3FB}-\u{1F3FF}]/u;
const COMBINING_MARK = /\p{M}/u;

function isWinAnsi(codePoint: number): boolean {
  return (codePoint >= 0x20 && codePoint <= 0x7e) || (codePoint >= 0xa0 && codePoint <= 0xff) || WIN_ANSI_EXTRAS.has(codePoint);
}

/** A letter outside WinAnsi printed without its accent ("ő" → "o"), or null when that does not help. */
function withoutAccents(char: string): string | null {
  const base = Array.from(char.normalize("NFD"))
    .filter((c) => !COMBINING_MARK.test(c))
    .join("");
  if (base === "" || base === char) return null;
  return Array.from(base).every((c) => isWinAnsi(c.codePointAt(0) ?? 0)) ? base : null;
}

function winAnsiChar(char: string): string {
  const codePoint = char.codePointAt(0) ?? 0;
  if (char === "\n") return "\n";
  if (char === "\t") return " ";
  if (isWinAnsi(codePoint)) return char;
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) return "";
  const replacement = REPLACEMENTS[char];
  if (replacement !== undefined) return replacement;
  if (SPACES.test(char)) return " ";
  if (INVISIBLE.test(char) || COMBINING_MARK.test(char)) return "";
  return withoutAccents(char) ?? "?";
}

/**
 * Text that the standard PDF fonts can encode (Windows-1252): common characters outside it
 * are spelled out ("≥" → ">=", "→" → "->", "₂" → "2"), accents it lacks are dropped, control
 * characters are removed (tabs become spaces, line breaks are kept as "\n") and anything
 * else becomes "?".
 */
export function toWinAnsi(text: string): string {
  const normalised = text.normalize("NFC").replace(/\r\n?/g, "\n");
  let out = "";
  for (const char of normalised) out += winAnsiChar(char);
  return out;
}

// Labels ------------------------------------------------------------------------------

/** The workflow events the report lists, with their labels. */
const workflowEventLabels: Record<string, Record<Locale, string>> = {
  "assessment.submitted": { sv: "Skickad för granskning", en: "Submitted for review" },
  "assessment.changesRequested": { sv: "Ändringar begärda", en: "Changes requested" },
  "assessment.approved": { sv: "Godkänd", en: "Approved" },
};

const extension = { sv: " (Tillits tillägg)", en: " (Tillit's extension)" };
const isExtension = (value: string) => (extensionTrustAnswers as readonly string[]).includes(value);

const words = {
  sv: {
    useCase: "AI-användning",
    template: "Mall",
    version: "version",
    status: "Status",
    phase: "Fas",
    owner: "Ansvarig",
    dueOn: "Ska vara klar",
    nextReviewOn: "Nästa granskning",
    seriesVersion: "Bedömningsversion",
    approvals: "Godkännanden och granskning",
    submittedBy: "Inskickad av",
    submittedAt: "Inskickad",
    approvedBy: "Godkänd av",
    approvedAt: "Godkänd",
    events: "Händelser",
    noEvents: "Inga granskningshändelser ännu.",
    generalComments: "Kommentarer på bedömningen",
    resultApproved: "Resultat (som godkänt)",
    resultComputed: "Resultat (beräknat från nuvarande svar)",
    incomplete: "Preliminärt: alla frågor som resultatet bygger på är inte besvarade.",
    riskClass: "Riskklass",
    annexIII: "Område i bilaga III",
    reasons: "Skäl",
    obligations: "Skyldigheter",
    appliesFrom: "gäller från",
    friaRequired: "FRIA krävs",
    registrationRequired: "Registrering i EU-databasen krävs",
    dpiaRequired: "Konsekvensbedömning (DPIA) krävs",
    registrationSummary: "Sammanfattning för registrering i EU-databasen",
    openItems: "Öppna punkter",
    noOpenItems: "Inga öppna punkter.",
    answers: "Frågor och svar",
    answer: "Svar",
    comment: "Kommentar",
    reference: "Diarienummer",
    discussion: "Kommentarer",
    resolvedBy: "Löst av",
    noAnswer: "Inget svar",
    yes: "Ja",
    no: "Nej",
    none: "–",
    page: (page: number, total: number) => `Sida ${page} av ${total}`,
    generated: (when: string) => `Genererad ${when} av Tillit`,
  },
  en: {
    useCase: "AI use case",
    template: "Template",
    version: "version",
    status: "Status",
    phase: "Phase",
    owner: "Owner",
    dueOn: "Due",
    nextReviewOn: "Next review",
    seriesVersion: "Assessment version",
    approvals: "Approvals and review",
    submittedBy: "Submitted by",
    submittedAt: "Submitted",
    approvedBy: "Approved by",
    approvedAt: "Approved",
    events: "Events",
    noEvents: "No review events yet.",
    generalComments: "Comments on the assessment",
    resultApproved: "Result (as approved)",
    resultComputed: "Result (computed from the current answers)",
    incomplete: "Preliminary: not every question the result depends on is answered.",
    riskClass: "Risk class",
    annexIII: "Annex III area",
    reasons: "Reasons",
    obligations: "Obligations",
    appliesFrom: "applies from",
    friaRequired: "FRIA required",
    registrationRequired: "Registration in the EU database required",
    dpiaRequired: "DPIA required",
    registrationSummary: "Summary for the EU-database registration",
    openItems: "Open items",
    noOpenItems: "No open items.",
    answers: "Questions and answers",
    answer: "Answer",
    comment: "Comment",
    reference: "Registry number",
    discussion: "Comments",
    resolvedBy: "Resolved by",
    noAnswer: "No answer",
    yes: "Yes",
    no: "No",
    none: "–",
    page: (page: number, total: number) => `Page ${page} of ${total}`,
    generated: (when: string) => `Generated ${when} by Tillit`,
  },
} satisfies Record<Locale, Record<string, string | ((...args: never[]) => string)>>;

type Words = (typeof words)[Locale];

// Dates -------------------------------------------------------------------------------

const stockholm = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** YYYY-MM-DD HH:mm in Swedish time. */
export function formatStockholmTime(date: Date): string {
  const parts = stockholm.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}`;
}

// The writer ---------------------------------------------------------------------------

const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4;
const MARGIN = { top: 70, bottom: 60, left: 56, right: 56 };
const CONTENT_WIDTH = PAGE_WIDTH - MARGIN.left - MARGIN.right;
const BODY_SIZE = 10;
const LINE_FACTOR = 1.35;
const GREY = rgb(0.35, 0.35, 0.35);
const BLACK = rgb(0, 0, 0);

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

interface TextStyle {
  bold?: boolean;
  size?: number;
  grey?: boolean;
  /** Points from the left margin. */
  indent?: number;
}

function breakWord(word: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const pieces: string[] = [];
  let piece = "";
  for (const char of word) {
    if (piece !== "" && font.widthOfTextAtSize(piece + char, size) > maxWidth) {
      pieces.push(piece);
      piece = "";
    }
    piece += char;
  }
  pieces.push(piece);
  return pieces;
}

function wrapParagraph(paragraph: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of paragraph.split(/ +/).filter((w) => w !== "")) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (font.widthOfTextAtSize(candidate, size) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line !== "") lines.push(line);
    const pieces = font.widthOfTextAtSize(word, size) <= maxWidth ? [word] : breakWord(word, font, size, maxWidth);
    lines.push(...pieces.slice(0, -1));
    line = pieces.at(-1) ?? "";
  }
  lines.push(line);
  return lines;
}

/** Lines of at most `maxWidth` points; text must already be WinAnsi. Line breaks in the text are kept. */
function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  return text.split("\n").flatMap((paragraph) => wrapParagraph(paragraph, font, size, maxWidth));
}

/** Cuts a single line to `maxWidth`, ending it with "…". */
function truncate(text: string, font: PDFFont, size: number, maxWidth: number): string {
  if (font.widthOfTextAtSize(text, size) <= maxWidth) return text;
  let cut = text;
  while (cut.length > 0 && font.widthOfTextAtSize(`${cut}…`, size) > maxWidth) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** Writes top to bottom with a cursor, wrapping lines and adding pages as needed. */
class ReportWriter {
  private page!: PDFPage;
  private y = 0;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
    private readonly header: string,
  ) {
    this.newPage();
  }

  private font(style: TextStyle): PDFFont {
    return style.bold ? this.fonts.bold : this.fonts.regular;
  }

  newPage(): void {
    this.page = this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    const size = 8;
    const line = truncate(toWinAnsi(this.header).replace(/\n/g, " "), this.fonts.regular, size, CONTENT_WIDTH);
    const top = PAGE_HEIGHT - 36;
    this.page.drawText(line, { x: MARGIN.left, y: top, size, font: this.fonts.regular, color: GREY });
    this.page.drawLine({
      start: { x: MARGIN.left, y: top - 6 },
      end: { x: PAGE_WIDTH - MARGIN.right, y: top - 6 },
      thickness: 0.5,
      color: GREY,
    });
    this.y = PAGE_HEIGHT - MARGIN.top;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensureSpace(height: number): void {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  gap(points: number): void {
    this.y -= points;
  }

  private drawLine(text: string, x: number, style: TextStyle): void {
    const size = style.size ?? BODY_SIZE;
    this.page.drawText(text, { x, y: this.y - size, size, font: this.font(style), color: style.grey ? GREY : BLACK });
  }

  /** A wrapped paragraph. */
  text(text: string, style: TextStyle = {}): void {
    const size = style.size ?? BODY_SIZE;
    const indent = style.indent ?? 0;
    const lineHeight = size * LINE_FACTOR;
    for (const line of wrapText(toWinAnsi(text), this.font(style), size, CONTENT_WIDTH - indent)) {
      this.ensureSpace(lineHeight);
      if (line !== "") this.drawLine(line, MARGIN.left + indent, style);
      this.y -= lineHeight;
    }
  }

  /** A heading, kept on the page with at least two lines after it. */
  heading(text: string, level: 1 | 2 | 3): void {
    const size = level === 1 ? 18 : level === 2 ? 13 : 11;
    this.gap(level === 1 ? 0 : level === 2 ? 12 : 6);
    this.ensureSpace(size * LINE_FACTOR + BODY_SIZE * LINE_FACTOR * 2);
    this.text(text, { bold: true, size });
    this.gap(2);
  }

  /** A label in bold on the left and its (wrapped) value beside it. */
  field(label: string, value: string, options: { labelWidth?: number; indent?: number } = {}): void {
    const indent = options.indent ?? 0;
    const labelWidth = options.labelWidth ?? 130;
    const lineHeight = BODY_SIZE * LINE_FACTOR;
    const labelLines = wrapText(toWinAnsi(label), this.fonts.bold, BODY_SIZE, labelWidth - 8);
    const valueLines = wrapText(toWinAnsi(value), this.fonts.regular, BODY_SIZE, CONTENT_WIDTH - indent - labelWidth);
    const rows = Math.max(labelLines.length, valueLines.length);
    for (let row = 0; row < rows; row += 1) {
      this.ensureSpace(lineHeight);
      const labelLine = labelLines[row];
      const valueLine = valueLines[row];
      if (labelLine) this.drawLine(labelLine, MARGIN.left + indent, { bold: true });
      if (valueLine) this.drawLine(valueLine, MARGIN.left + indent + labelWidth, {});
      this.y -= lineHeight;
    }
  }

  /** A bulleted, wrapped item. */
  bullet(text: string, indent = 0): void {
    const lineHeight = BODY_SIZE * LINE_FACTOR;
    const lines = wrapText(toWinAnsi(text), this.fonts.regular, BODY_SIZE, CONTENT_WIDTH - indent - 12);
    lines.forEach((line, index) => {
      this.ensureSpace(lineHeight);
      if (index === 0) this.drawLine("•", MARGIN.left + indent, {});
      if (line !== "") this.drawLine(line, MARGIN.left + indent + 12, {});
      this.y -= lineHeight;
    });
  }

  /** "Sida n av N" at the foot of every page; call once, when everything is written. */
  numberPages(label: (page: number, total: number) => string): void {
    const pages = this.doc.getPages();
    const size = 8;
    pages.forEach((page, index) => {
      const text = toWinAnsi(label(index + 1, pages.length));
      const width = this.fonts.regular.widthOfTextAtSize(text, size);
      page.drawText(text, { x: PAGE_WIDTH - MARGIN.right - width, y: 32, size, font: this.fonts.regular, color: GREY });
    });
  }
}

// Content -----------------------------------------------------------------------------

interface Context {
  view: AssessmentView;
  locale: Locale;
  w: Words;
  out: ReportWriter;
}

const time = (date: Date | null, w: Words): string => (date ? formatStockholmTime(date) : w.none);
const yesNo = (value: boolean, w: Words): string => (value ? w.yes : w.no);

function questionText(definition: TemplateDefinition, key: string, locale: Locale): string {
  return definition.questions.find((q) => q.key === key)?.text[locale] ?? key;
}

/** An answer in words: option labels, Ja/Nej/Delvis…, or the text as given. */
export function answerInWords(question: QuestionDefinition, value: AnswerValue | undefined, locale: Locale): string {
  const given = value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
  const nonEmpty = given.filter((v) => v.trim() !== "");
  if (nonEmpty.length === 0) return words[locale].noAnswer;
  const wordFor = (v: string): string => {
    if (question.answerType === "TRUST_ANSWER" || question.answerType === "YES_NO") {
      const label = answerValueLabels[v as keyof typeof answerValueLabels]?.[locale] ?? v;
      return isExtension(v) ? `${label}${extension[locale]}` : label;
    }
    const option = question.options?.find((o) => o.value === v);
    return option ? option.label[locale] : v;
  };
  return nonEmpty.map(wordFor).join("; ");
}

function writeTitle({ view, locale, w, out }: Context): void {
  out.heading(view.template.definition.title[locale], 1);
  out.text(`${view.useCase.reference} ${view.useCase.title}`, { bold: true, size: 12 });
  out.gap(8);
  out.field(w.template, `${templateKindLabels[view.template.kind][locale]}, ${w.version} ${view.template.version}`);
  out.field(w.status, assessmentStatusLabels[view.status][locale]);
  out.field(w.phase, assessmentPhaseLabels[view.phase][locale]);
  out.field(w.owner, view.owner?.name ?? w.none);
  out.field(w.dueOn, view.dueOn ?? w.none);
  out.field(w.nextReviewOn, view.nextReviewOn ?? w.none);
  out.field(w.seriesVersion, String(view.seriesVersion));
}

function writeComment(comment: CommentView, { w, out }: Context, indent: number): void {
  out.text(`${comment.authorName}, ${formatStockholmTime(comment.createdAt)}`, { bold: true, indent, size: 9 });
  out.text(comment.body, { indent, size: 9 });
  if (comment.resolvedAt) {
    const by = comment.resolvedByName ? `${comment.resolvedByName}, ` : "";
    out.text(`${w.resolvedBy} ${by}${formatStockholmTime(comment.resolvedAt)}`, { indent, size: 9, grey: true });
  }
  out.gap(3);
}

function writeApprovals(context: Context): void {
  const { view, locale, w, out } = context;
  out.heading(w.approvals, 2);
  out.field(w.submittedBy, view.submittedBy?.name ?? w.none);
  out.field(w.submittedAt, time(view.submittedAt, w));
  out.field(w.approvedBy, view.approvedBy?.name ?? w.none);
  out.field(w.approvedAt, time(view.approvedAt, w));
  out.heading(w.events, 3);
  const events = view.history
    .filter((event) => event.action in workflowEventLabels)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  if (events.length === 0) out.text(w.noEvents, { grey: true });
  for (const event of events) {
    out.bullet(`${formatStockholmTime(event.createdAt)}  ${workflowEventLabels[event.action]?.[locale] ?? event.action} – ${event.actorLabel}`);
  }
  const general = view.comments.filter((comment) => comment.questionKey === null);
  if (general.length === 0) return;
  out.heading(w.generalComments, 3);
  for (const comment of general) writeComment(comment, context, 0);
}

function writeClassification(result: ClassificationResult, { locale, w, out }: Context): void {
  out.field(w.riskClass, riskClassLabels[result.riskClass][locale]);
  out.field(w.annexIII, result.annexIIIArea ? annexIIIAreaLabels[result.annexIIIArea][locale] : w.none);
  out.field(w.friaRequired, yesNo(result.friaRequired, w));
  out.field(w.registrationRequired, yesNo(result.registrationRequired, w));
  if (result.reasons.length > 0) {
    out.heading(w.reasons, 3);
    for (const reason of result.reasons) out.bullet(reason[locale]);
  }
  if (result.obligations.length > 0) {
    out.heading(w.obligations, 3);
    for (const duty of result.obligations) out.bullet(`${duty.article}: ${duty.title[locale]} (${w.appliesFrom} ${duty.appliesFrom})`);
  }
}

function writeDpia(result: DpiaScreeningResult, { locale, w, out }: Context): void {
  out.field(w.dpiaRequired, yesNo(result.dpiaRequired, w));
  if (result.reasons.length === 0) return;
  out.heading(w.reasons, 3);
  for (const reason of result.reasons) out.bullet(reason[locale]);
}

function writeFria(result: FriaResult, { locale, w, out }: Context): void {
  out.heading(w.registrationSummary, 3);
  out.text(result.registrationSummary[locale]);
}

function writeChecklist(result: ChecklistResult, { view, locale, w, out }: Context): void {
  out.heading(w.openItems, 3);
  if (result.openItems.length === 0) out.text(w.noOpenItems);
  const definition = view.template.definition;
  for (const key of result.openItems) {
    const question = definition.questions.find((q) => q.key === key);
    const answer = question ? answerInWords(question, view.answers[key]?.value, locale) : "";
    out.bullet(`${questionText(definition, key, locale)}${answer ? ` – ${answer}` : ""}`);
  }
}

function writeResult(context: Context): void {
  const { view, w, out } = context;
  const result: AssessmentResult = view.approvedResult ?? view.result;
  out.heading(view.approvedResult ? w.resultApproved : w.resultComputed, 2);
  if (!result.complete) out.text(w.incomplete, { grey: true });
  switch (result.kind) {
    case "AI_ACT_CLASSIFICATION":
      return writeClassification(result, context);
    case "DPIA_SCREENING":
      return writeDpia(result, context);
    case "FRIA":
      return writeFria(result, context);
    case "TRUST_MODEL":
    case "GENAI_GUIDELINE":
      return writeChecklist(result, context);
  }
}

function writeQuestion(question: QuestionDefinition, number: string, context: Context): void {
  const { view, locale, w, out } = context;
  const answer = view.answers[question.key];
  out.gap(4);
  out.ensureSpace(BODY_SIZE * LINE_FACTOR * 3);
  out.text(`${number} ${question.text[locale]}`, { bold: true });
  out.field(w.answer, answerInWords(question, answer?.value, locale), { labelWidth: 90, indent: 12 });
  if (answer?.comment?.trim()) out.field(w.comment, answer.comment, { labelWidth: 90, indent: 12 });
  if (answer?.reference?.trim()) out.field(w.reference, answer.reference, { labelWidth: 90, indent: 12 });
  const comments = view.comments.filter((comment) => comment.questionKey === question.key);
  if (comments.length === 0) return;
  out.text(w.discussion, { bold: true, indent: 12, size: 9 });
  for (const comment of comments) writeComment(comment, context, 24);
}

function writeSection(section: SectionDefinition, sectionNumber: number, context: Context): void {
  const definition = context.view.template.definition;
  const shown = definition.questions.filter(
    (q) => q.section === section.key && isShown(q, context.view.answers, definition),
  );
  if (shown.length === 0) return;
  context.out.heading(`${sectionNumber}. ${section.title[context.locale]}`, 2);
  shown.forEach((question, index) => writeQuestion(question, `${sectionNumber}.${index + 1}`, context));
}

function writeAnswers(context: Context): void {
  context.out.heading(context.w.answers, 2);
  context.view.template.definition.sections.forEach((section, index) => writeSection(section, index + 1, context));
}

function setMetadata(doc: PDFDocument, view: AssessmentView, locale: Locale, generatedAt: Date): void {
  const title = view.template.definition.title[locale];
  doc.setTitle(`${title}: ${view.useCase.reference} ${view.useCase.title}`);
  doc.setAuthor(view.organisation.name);
  doc.setSubject(`${templateKindLabels[view.template.kind][locale]}, ${view.useCase.reference} ${view.useCase.title}`);
  doc.setLanguage(locale === "sv" ? "sv-SE" : "en-GB");
  doc.setCreator("Tillit");
  doc.setProducer("Tillit");
  doc.setCreationDate(generatedAt);
  doc.setModificationDate(generatedAt);
}

/** The assessment as a PDF report in the chosen language. */
export async function assessmentReportPdf(
  view: AssessmentView,
  locale: Locale,
  options: { generatedAt?: Date } = {},
): Promise<Uint8Array> {
  const generatedAt = options.generatedAt ?? new Date();
  const doc = await PDFDocument.create();
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  const w = words[locale];
  const header = `${view.organisation.name} · ${view.useCase.reference} ${view.useCase.title}`;
  const context: Context = { view, locale, w, out: new ReportWriter(doc, fonts, header) };
  writeTitle(context);
  writeApprovals(context);
  writeResult(context);
  writeAnswers(context);
  context.out.gap(16);
  context.out.text(w.generated(formatStockholmTime(generatedAt)), { grey: true, size: 9 });
  context.out.numberPages(w.page);
  setMetadata(doc, view, locale, generatedAt);
  return doc.save();
}
