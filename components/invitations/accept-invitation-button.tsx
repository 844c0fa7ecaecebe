"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiProblem, useProblemMessage } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Join the organisation as the signed-in invitee, then open its workspace. */
export function AcceptInvitationButton({ organisationSlug, token }: { organisationSlug: string; token: string }) {
  const t = useTranslations("Invitations");
  const trpc = useTRPC();
  const problemMessage = useProblemMessage();
  const [error, setError] = useState<string | null>(null);
  const [joined, setJoined] = useState(false);
  const accept = useMutation(trpc.invitations.accept.mutationOptions());

  async function join() {
    setError(null);
    try {
      const result = await accept.mutateAsync({ organisationSlug, token });
      setJoined(true);
      // A full page load (not a client-side push), so the root layout's header is
      // rendered again and lists the organisation just joined.
      window.location.assign(new URL(`/${result.organisationSlug}`, window.location.href));
    } catch (caught) {
      setError(problemMessage(apiProblem(caught)));
    }
  }

  return (
    <div className="flex flex-col items-start gap-4">
      <Button onClick={join} disabled={accept.isPending || joined}>
        {accept.isPending || joined ? t("joining") : t("join")}
      </Button>
      <div aria-live="assertive" className="w-full">
        {error ? <Alert tone="error" title={t("joinFailed")}>{error}</Alert> : null}
      </div>
    </div>
  );
}
