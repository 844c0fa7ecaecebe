"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiProblem, useProblemMessage, type ApiProblem } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/provider";
import { useAnnounce } from "@/components/ui/announcer";
import { Button } from "@/components/ui/button";

/** Marks a comment as dealt with; a refusal is said next to the button. */
export function ResolveCommentButton({ organisationSlug, assessmentId, commentId, author }: { organisationSlug: string; assessmentId: string; commentId: string; author: string }) {
  const t = useTranslations("Assessment.comments");
  const trpc = useTRPC();
  const router = useRouter();
  const announce = useAnnounce();
  const problemMessage = useProblemMessage();
  const resolve = useMutation(trpc.assessments.resolveComment.mutationOptions());
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  async function run() {
    setProblem(null);
    try {
      await resolve.mutateAsync({ organisationSlug, id: assessmentId, commentId });
      announce(t("resolved"));
      router.refresh();
    } catch (error) {
      setProblem(apiProblem(error));
    }
  }

  return (
    <div className="flex flex-col items-start gap-1 print:hidden">
      <Button variant="secondary" className="py-1" onClick={run} disabled={resolve.isPending}>
        {resolve.isPending ? t("resolving") : t("resolve")}
        <span className="sr-only"> {t("resolveWhose", { author })}</span>
      </Button>
      {problem ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          {problemMessage(problem)}
        </p>
      ) : null}
    </div>
  );
}
