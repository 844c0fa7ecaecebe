import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { RouterOutputs } from "@/components/trpc/types";
import { dateFormat } from "@/components/ui/format";
import { RowHeader, Table, Td, Th, Tr } from "@/components/ui/table";
import { MemberRoleForm } from "./member-role-form";
import { RemoveMemberButton } from "./remove-member-button";

type Member = RouterOutputs["members"]["list"][number];

/** The organisation's members. Edit controls only for those whose role allows them. */
export async function MembersTable({
  organisationSlug,
  organisationName,
  members,
  canUpdate,
  canRemove,
  canReadAudit,
}: {
  organisationSlug: string;
  organisationName: string;
  members: Member[];
  canUpdate: boolean;
  canRemove: boolean;
  canReadAudit: boolean;
}) {
  const t = await getTranslations("Members");
  const roles = await getTranslations("Roles");
  const format = await getFormatter();
  const hasActions = canRemove || canReadAudit;
  return (
    <Table caption={t("tableCaption", { count: members.length, organisation: organisationName })}>
      <thead>
        <tr>
          <Th>{t("name")}</Th>
          <Th>{t("email")}</Th>
          <Th>{t("role")}</Th>
          <Th>{t("joined")}</Th>
          {hasActions ? <Th>{t("actions")}</Th> : null}
        </tr>
      </thead>
      <tbody>
        {members.map((member) => (
          <Tr key={member.userId}>
            <RowHeader>{member.name}</RowHeader>
            <Td className="break-all">{member.email}</Td>
            <Td>
              {canUpdate ? <MemberRoleForm organisationSlug={organisationSlug} member={member} /> : roles(member.role)}
            </Td>
            <Td>
              <time dateTime={member.joinedAt.toISOString()}>
                {format.dateTime(member.joinedAt, dateFormat)}
              </time>
            </Td>
            {hasActions ? (
              <Td>
                <div className="flex flex-wrap items-center gap-3">
                  {canRemove ? (
                    <RemoveMemberButton organisationSlug={organisationSlug} organisationName={organisationName} member={member} />
                  ) : null}
                  {canReadAudit ? (
                    <Link
                      href={`/${organisationSlug}/audit?entityType=Membership&entityId=${encodeURIComponent(member.userId)}`}
                      className="text-brand-700 underline"
                    >
                      {t("history")}
                      <span className="sr-only"> {t("forName", { name: member.name })}</span>
                    </Link>
                  ) : null}
                </div>
              </Td>
            ) : null}
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
