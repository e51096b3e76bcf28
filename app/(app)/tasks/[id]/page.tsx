import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { safeRedirectPath } from "@/components/forms/form-state";
import { createTRPCContext } from "@/server/api/context";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { hasRole } from "@/server/auth/roles";
import { TaskDetail } from "./_components/task-detail";

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ from?: string | string[] }>;
}

/** The task, or the not-found page: another workspace's task is indistinguishable from none. */
async function loadTask(id: string) {
  if (!z.uuid().safeParse(id).success) notFound();
  return getQueryClient()
    .fetchQuery(trpc.task.get.queryOptions({ taskId: id }))
    .catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
      throw error;
    });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const task = await loadTask((await params).id);
  return { title: task.title };
}

export default async function TaskPage({ params, searchParams }: Props) {
  const { session, workspace } = await createTRPCContext();
  if (!session || !workspace) redirect("/sign-in");
  const { id } = await params;
  await loadTask(id);
  void getQueryClient().prefetchQuery(trpc.task.options.queryOptions());
  // Back to the board as it was left (its filters live in the address), never to another site.
  const from = (await searchParams).from;
  const back = safeRedirectPath(typeof from === "string" && from.startsWith("/tasks") ? from : undefined, "/tasks");

  return (
    <HydrateClient>
      <TaskDetail taskId={id} canEdit={hasRole(workspace.role, "marketer")} backHref={back} />
    </HydrateClient>
  );
}
