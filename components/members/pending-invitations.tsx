import { getFormatter, getTranslations } from "next-intl/server";
import type { RouterOutputs } from "@/components/trpc/types";
import { dateTimeFormat } from "@/components/ui/format";
import { RowHeader, Table, Td, Th, Tr } from "@/components/ui/table";
import { RevokeInvitationButton } from "./revoke-invitation-button";

type PendingInvitation = RouterOutputs["invitations"]["list"][number];

export async function PendingInvitations({
  organisationSlug,
  invitations,
}: {
  organisationSlug: string;
  invitations: PendingInvitation[];
}) {
  const t = await getTranslations("Members.invitations");
  const roles = await getTranslations("Roles");
  const format = await getFormatter();
  if (invitations.length === 0) return <p className="text-muted">{t("empty")}</p>;
  return (
    <Table caption={t("tableCaption", { count: invitations.length })}>
      <thead>
        <tr>
          <Th>{t("email")}</Th>
          <Th>{t("role")}</Th>
          <Th>{t("invitedBy")}</Th>
          <Th>{t("expires")}</Th>
          <Th>{t("actions")}</Th>
        </tr>
      </thead>
      <tbody>
        {invitations.map((invitation) => (
          <Tr key={invitation.id}>
            <RowHeader className="break-all">{invitation.email}</RowHeader>
            <Td>{roles(invitation.role)}</Td>
            <Td>{invitation.invitedBy ?? <span className="text-muted">{t("unknownInviter")}</span>}</Td>
            <Td>
              <time dateTime={invitation.expiresAt.toISOString()}>{format.dateTime(invitation.expiresAt, dateTimeFormat)}</time>
            </Td>
            <Td>
              <RevokeInvitationButton organisationSlug={organisationSlug} invitation={invitation} />
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
