import nodemailer, { type Transporter } from "nodemailer";
import type { OrganisationRole } from "../db/generated/enums";
import { env } from "../env";
import type { Locale } from "../i18n/config";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Resolves `{ sent: false }` when no mail server is configured; rejects when the server refuses. */
  send(message: MailMessage): Promise<{ sent: boolean }>;
}

/**
 * A mailer over a nodemailer transport, or one that only logs when there is none (the
 * embedded and demo setups, which have no mail server). The log names the recipient and
 * subject, never the text: it may hold a single-use link.
 */
export function createMailer(options: {
  transport: Transporter | null;
  from: string;
  log?: (line: string) => void;
}): Mailer {
  const { transport, from, log = console.info } = options;
  return {
    async send(message) {
      if (!transport) {
        log(`mail not sent (SMTP_URL is not set): "${message.subject}" to ${message.to}`);
        return { sent: false };
      }
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
      return { sent: true };
    },
  };
}

let defaultMailer: Mailer | undefined;

/** Sends through SMTP_URL as MAIL_FROM; without SMTP_URL, logs a line and answers `{ sent: false }`. */
export async function sendMail(message: MailMessage): Promise<{ sent: boolean }> {
  defaultMailer ??= mailerFromEnvironment();
  return defaultMailer.send(message);
}

function mailerFromEnvironment(): Mailer {
  const { SMTP_URL, MAIL_FROM } = env();
  return createMailer({ transport: SMTP_URL ? nodemailer.createTransport(SMTP_URL) : null, from: MAIL_FROM });
}

// Invitation mail ----------------------------------------------------------------

export interface InvitationMailInput {
  organisationName: string;
  role: OrganisationRole;
  link: string;
  locale: Locale;
  /** When the link stops working; mentioned in the mail when given. */
  expiresAt?: Date;
}

const ROLE_NAMES: Record<Locale, Record<OrganisationRole, string>> = {
  sv: { ADMIN: "administratör", EDITOR: "redaktör", REVIEWER: "granskare", VIEWER: "läsare" },
  en: { ADMIN: "administrator", EDITOR: "editor", REVIEWER: "reviewer", VIEWER: "viewer" },
};

/** The dates in the mail are Swedish dates, whoever reads them. */
const TIME_ZONE = "Europe/Stockholm";
const DATE_LOCALES: Record<Locale, string> = { sv: "sv-SE", en: "en-GB" };

/** The subject and plain text of an invitation to join an organisation in Tillit. */
export function invitationMail(input: InvitationMailInput): { subject: string; text: string } {
  const organisation = singleLine(input.organisationName);
  const role = ROLE_NAMES[input.locale][input.role];
  const until = input.expiresAt ? formatDate(input.expiresAt, input.locale) : null;
  return input.locale === "sv"
    ? swedishInvitation(organisation, role, input.link, until)
    : englishInvitation(organisation, role, input.link, until);
}

function swedishInvitation(organisation: string, role: string, link: string, until: string | null) {
  return {
    subject: `Inbjudan till ${organisation} i Tillit`,
    text: [
      "Hej!",
      "",
      `Du är inbjuden till ${organisation} i Tillit, med rollen ${role}.`,
      "Tillit är tjänsten där offentlig sektor håller ordning på sina AI-system.",
      "",
      "Öppna länken för att gå med:",
      link,
      "",
      until ? `Länken fungerar en gång och gäller till och med ${until}.` : "Länken fungerar en gång.",
      "Väntade du dig inte den här inbjudan kan du strunta i meddelandet.",
      "",
      "Meddelandet skickades automatiskt från Tillit.",
    ].join("\n"),
  };
}

function englishInvitation(organisation: string, role: string, link: string, until: string | null) {
  return {
    subject: `Invitation to ${organisation} in Tillit`,
    text: [
      "Hello,",
      "",
      `You are invited to join ${organisation} in Tillit, as ${role}.`,
      "Tillit is where the public sector keeps track of its AI systems.",
      "",
      "Open the link to join:",
      link,
      "",
      until ? `The link works once and is valid until ${until}.` : "The link works once.",
      "If you did not expect this invitation, you can ignore this message.",
      "",
      "This message was sent automatically by Tillit.",
    ].join("\n"),
  };
}

function formatDate(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(DATE_LOCALES[locale], { dateStyle: "long", timeZone: TIME_ZONE }).format(date);
}

/** A name in a subject line must not break the header onto a new line. */
function singleLine(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}
