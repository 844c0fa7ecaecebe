"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { apiProblem, useProblemMessage } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { dateTimeFormat } from "@/components/ui/format";
import { resolveCommentInput } from "@/server/domain/assessments/schemas";
import type { CommentView } from "@/server/domain/assessments/view";
import { CommentForm } from "./comment-form";

function When({ date }: { date: Date }) {
  const format = useFormatter();
  return <time dateTime={new Date(date).toISOString()}>{format.dateTime(date, dateTimeFormat)}</time>;
}

function CommentBody({ comment }: { comment: CommentView }) {
  const t = useTranslations("AssessmentQuestions.comments");
  return (
    <>
      <p className="text-sm">
        <span className="font-semibold">{comment.authorName}</span>
        <span className="text-muted">
          {" "}
          {t("wrote")} <When date={comment.createdAt} />
        </span>
      </p>
      <p className="mt-1 whitespace-pre-wrap">{comment.body}</p>
    </>
  );
}

function UnresolvedComment({
  comment,
  canResolve,
  organisationSlug,
  assessmentId,
  onResolved,
}: {
  comment: CommentView;
  canResolve: boolean;
  organisationSlug: string;
  assessmentId: string;
  onResolved: (message: string) => void;
}) {
  const t = useTranslations("AssessmentQuestions.comments");
  const trpc = useTRPC();
  const router = useRouter();
  const problemMessage = useProblemMessage();
  const resolve = useMutation(trpc.assessments.resolveComment.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  const markResolved = async () => {
    if (resolve.isPending) return;
    setError(null);
    const input = resolveCommentInput.safeParse({ organisationSlug, id: assessmentId, commentId: comment.id });
    if (!input.success) return;
    try {
      await resolve.mutateAsync(input.data);
      onResolved(t("resolvedMessage", { author: comment.authorName }));
      router.refresh();
    } catch (failed) {
      setError(problemMessage(apiProblem(failed)));
    }
  };

  return (
    <li className="rounded border-l-4 border-amber-600 bg-amber-50 p-3">
      <p className="mb-1 text-xs font-semibold tracking-wide text-amber-900 uppercase">{t("unresolved")}</p>
      <CommentBody comment={comment} />
      {canResolve ? (
        <div className="mt-2 flex flex-col gap-1">
          <div>
            <Button variant="secondary" className="py-1" aria-disabled={resolve.isPending || undefined} onClick={markResolved}>
              {resolve.isPending ? t("resolving") : t("resolve")}
              <span className="sr-only"> {t("resolveWhose", { author: comment.authorName })}</span>
            </Button>
          </div>
          {error ? (
            <p role="alert" className="text-sm font-medium text-red-700">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

/**
 * The review comments on one question: unresolved ones first and highlighted (so an
 * editor sees what a reviewer asked to change), resolved ones folded away; a button to
 * mark a comment resolved and a box to add one, as the person's role allows.
 */
export function QuestionComments({
  organisationSlug,
  assessmentId,
  questionKey,
  number,
  comments,
  canComment,
  canResolve,
}: {
  organisationSlug: string;
  assessmentId: string;
  questionKey: string;
  number: string;
  comments: CommentView[];
  canComment: boolean;
  canResolve: boolean;
}) {
  const t = useTranslations("AssessmentQuestions.comments");
  const [message, setMessage] = useState("");
  const open = comments.filter((comment) => comment.resolvedAt === null);
  const resolved = comments.filter((comment) => comment.resolvedAt !== null);
  if (comments.length === 0 && !canComment) return null;

  return (
    <div className="flex flex-col gap-2 border-t border-gray-200 pt-3">
      {open.length > 0 ? (
        <>
          <p className="text-sm font-semibold">{t("openTitle", { count: open.length })}</p>
          <ul className="flex flex-col gap-2">
            {open.map((comment) => (
              <UnresolvedComment
                key={comment.id}
                comment={comment}
                canResolve={canResolve}
                organisationSlug={organisationSlug}
                assessmentId={assessmentId}
                onResolved={setMessage}
              />
            ))}
          </ul>
        </>
      ) : null}
      {resolved.length > 0 ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-brand-700 underline underline-offset-2">{t("resolvedTitle", { count: resolved.length })}</summary>
          <ul className="mt-2 flex flex-col gap-2">
            {resolved.map((comment) => (
              <li key={comment.id} className="rounded border border-gray-300 p-3">
                <CommentBody comment={comment} />
                <p className="mt-1 text-sm text-muted">
                  {t("resolvedBy", { who: comment.resolvedByName ?? t("someone") })}{" "}
                  {comment.resolvedAt ? <When date={comment.resolvedAt} /> : null}
                </p>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <p role="status" className={message ? "text-sm font-medium text-green-800" : "sr-only"}>
        {message}
      </p>
      {canComment ? (
        <CommentForm organisationSlug={organisationSlug} assessmentId={assessmentId} questionKey={questionKey} number={number} onSent={setMessage} />
      ) : null}
    </div>
  );
}
