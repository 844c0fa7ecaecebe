"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { apiProblem, useProblemMessage } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/provider";
import { useAnnounce } from "@/components/ui/announcer";
import { Button } from "@/components/ui/button";
import { Field, inputClasses } from "@/components/ui/field";
import { commentInput } from "@/server/domain/assessments/schemas";

/** A comment on the whole assessment (not on one question). */
export function AddGeneralComment({ organisationSlug, assessmentId }: { organisationSlug: string; assessmentId: string }) {
  const t = useTranslations("Assessment.comments");
  const trpc = useTRPC();
  const router = useRouter();
  const announce = useAnnounce();
  const problemMessage = useProblemMessage();
  const add = useMutation(trpc.assessments.comment.mutationOptions());
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | undefined>();

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(undefined);
    const parsed = commentInput.safeParse({ organisationSlug, id: assessmentId, questionKey: null, body });
    if (!parsed.success) {
      setError(t("bodyRequired"));
      document.getElementById("general-comment-body")?.focus();
      return;
    }
    try {
      await add.mutateAsync(parsed.data);
      setBody("");
      announce(t("added"));
      router.refresh();
    } catch (caught) {
      setError(problemMessage(apiProblem(caught)));
      document.getElementById("general-comment-body")?.focus();
    }
  }

  return (
    <form onSubmit={send} noValidate className="flex flex-col gap-2 print:hidden">
      <Field id="general-comment-body" label={t("add")} hint={t("addHint")} error={error}>
        {(control) => (
          <textarea {...control} rows={3} maxLength={4000} value={body} onChange={(event) => setBody(event.target.value)} className={inputClasses} />
        )}
      </Field>
      <div>
        <Button type="submit" variant="secondary" disabled={add.isPending}>
          {add.isPending ? t("adding") : t("addButton")}
        </Button>
      </div>
    </form>
  );
}
