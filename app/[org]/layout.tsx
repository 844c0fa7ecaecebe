import type { ReactNode } from "react";
import { WorkspaceHeader } from "@/components/workspace/workspace-header";
import { loadWorkspace } from "@/components/workspace/load";

export default async function WorkspaceLayout({ children, params }: { children: ReactNode; params: Promise<{ org: string }> }) {
  const { org } = await params;
  const workspace = await loadWorkspace(org, `/${org}`);
  return (
    <>
      <WorkspaceHeader workspace={workspace} />
      {children}
    </>
  );
}
