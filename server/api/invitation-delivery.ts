import { env } from "../env";
import type { OrganisationRole } from "../db/generated/enums";
import { invitationPath } from "../domain/access/invitations";
import { invitationMail, sendMail } from "../mail/mailer";

/** The absolute invitation link, on this installation's public URL. */
export function invitationUrl(organisationSlug: string, token: string): string {
  const { NEXTAUTH_URL, HOSTNAME, PORT } = env();
  const base = NEXTAUTH_URL ?? `http://${HOSTNAME}:${PORT}`;
  return new URL(invitationPath(organisationSlug, token), base).toString();
}

/**
 * Mails the invitation when SMTP is configured. Otherwise (or when sending fails) the
 * link is returned, and the inviting admin passes it on. The link itself is a password
 * (whoever holds it joins the organisation), so in production the log names only the
 * invitation's id; in development, where nobody else reads the log, the whole link.
 */
export async function sendInvitation(
  invitation: {
    id: string;
    to: string;
    organisationName: string;
    role: OrganisationRole;
    link: string;
    expiresAt: Date;
  },
  options: { production?: boolean } = {},
): Promise<{ mailed: boolean }> {
  try {
    const { sent } = await sendMail({ to: invitation.to, ...invitationMail({ ...invitation, locale: "sv" }) });
    if (sent) return { mailed: true };
  } catch (error) {
    console.error(`invitation mail to ${invitation.to} failed:`, error instanceof Error ? error.message : error);
  }
  const production = options.production ?? env().NODE_ENV === "production";
  const shown = production ? `invitation ${invitation.id} (link returned to the inviting admin, not logged)` : invitation.link;
  console.info(`invitation for ${invitation.to} to ${invitation.organisationName}: ${shown}`);
  return { mailed: false };
}
