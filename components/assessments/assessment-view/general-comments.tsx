import { getFormatter, getTranslations } from "next-intl/server";
import { dateTimeFormat } from "@/components/ui/format";
import type { CommentView } from "@/server/domain/assessments/view";
import { AddGeneralComment } from "./add-general-comment";
import { ResolveCommentButton } from "./resolve-comment-button";

/**
 * Comments on the whole assessment (a change request's message among them), open ones
 * first; each says whether it is resolved, in words.
 */
export async function GeneralComments({
  organisationSlug,
  assessmentId,
  comments,
  canResolve,
  canComment,
  headingLevel = 2,
}: {
  organisationSlug: string;
  assessmentId: string;
  comments: CommentView[];
  canResolve: boolean;
  canComment: boolean;
  headingLevel?: 2 | 3;
}) {
  const t = await getTranslations("Assessment.comments");
  const format = await getFormatter();
  const general = comments
    .filter((comment) => comment.questionKey === null)
    .sort((a, b) => Number(a.resolvedAt !== null) - Number(b.resolvedAt !== null) || b.createdAt.getTime() - a.createdAt.getTime());
  const open = general.filter((comment) => comment.resolvedAt === null).length;
  if (general.length === 0 && !canComment) return null;
  const Heading = headingLevel === 2 ? "h2" : "h3";

  return (
    <section aria-labelledby="general-comments-heading" className="rounded border border-gray-300 p-4">
      <Heading id="general-comments-heading" className="text-xl font-semibold text-brand-900">
        {t("heading")}
      </Heading>
      <p className="mt-1 text-sm text-muted">{general.length === 0 ? t("none") : t("openCount", { open, total: general.length })}</p>
      {general.length > 0 ? (
        <ul className="mt-3 flex flex-col gap-3">
          {general.map((comment) => (
            <li
              key={comment.id}
              className={`break-inside-avoid-page rounded border-l-4 p-3 ${comment.resolvedAt ? "border-gray-400 bg-gray-50" : "border-amber-600 bg-amber-50"}`}
            >
              <p className="text-sm">
                <span className="font-semibold">{comment.authorName}</span>, {format.dateTime(comment.createdAt, dateTimeFormat)}
                {" · "}
                <span className="font-semibold">
                  {comment.resolvedAt
                    ? t("resolvedBy", {
                        who: comment.resolvedByName ?? t("unknownPerson"),
                        when: format.dateTime(comment.resolvedAt, dateTimeFormat),
                      })
                    : t("open")}
                </span>
              </p>
              <p className="mt-1 whitespace-pre-line break-words">{comment.body}</p>
              {canResolve && comment.resolvedAt === null ? (
                <div className="mt-2">
                  <ResolveCommentButton organisationSlug={organisationSlug} assessmentId={assessmentId} commentId={comment.id} author={comment.authorName} />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {canComment ? (
        <div className="mt-4">
          <AddGeneralComment organisationSlug={organisationSlug} assessmentId={assessmentId} />
        </div>
      ) : null}
    </section>
  );
}
