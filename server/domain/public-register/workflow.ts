/**
 * The publication workflow, beside the use case's lifecycle and its assessments:
 *
 *   NONE ──propose──► PROPOSED ──publish──► PUBLISHED ──retract──► RETRACTED
 *                        │  ▲                   │                      │
 *                withdraw│  └──────propose──────┘◄─────────────────────┘ (propose again)
 *                        ▼
 *      back to where it was (NONE, PUBLISHED or RETRACTED)
 *
 * An EDITOR (or ADMIN) proposes with a note; an ADMIN publishes a snapshot (version 1, 2,
 * …), withdraws a proposal, or retracts a published use case with a public reason. While
 * a new version is proposed, the published one stays public. The service refuses with
 * allowedActions and the page renders its buttons from it.
 */
import type { OrganisationRole, PublicationState } from "../../db/generated/enums";
import { roleHasPermission } from "../access/permissions";

export const publicationActions = ["propose", "withdraw", "publish", "retract", "setWithholdingReasons"] as const;
export type PublicationAction = (typeof publicationActions)[number];

export interface PublicationSituation {
  state: PublicationState;
  /** The use case is archived: nothing new is proposed or published (a retraction still is). */
  archived: boolean;
  /** A published snapshot is public now (PUBLISHED, or PROPOSED while a version is public). */
  publicNow: boolean;
}

export interface PublicationActor {
  role: OrganisationRole;
}

export function allowedActions(situation: PublicationSituation, actor: PublicationActor): PublicationAction[] {
  const may = (permission: Parameters<typeof roleHasPermission>[1]) => roleHasPermission(actor.role, permission);
  const actions: PublicationAction[] = [];
  const { state, archived, publicNow } = situation;
  if (may("publication.propose") && !archived && state !== "PROPOSED") actions.push("propose");
  if (may("publication.publish") && state === "PROPOSED") {
    if (!archived) actions.push("publish");
    actions.push("withdraw");
  }
  if (may("publication.retract") && publicNow) actions.push("retract");
  if (may("publication.propose") && !archived) actions.push("setWithholdingReasons");
  return actions;
}

/** The state a withdrawn proposal returns to. */
export function stateAfterWithdrawal(publication: { publishedVersion: number | null; retractedAt: Date | null }): PublicationState {
  if (publication.publishedVersion === null) return "NONE";
  return publication.retractedAt ? "RETRACTED" : "PUBLISHED";
}
