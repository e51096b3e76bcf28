// The one tRPC setup: context, transformer, error shape, and the procedure ladder
// public -> protected (signed in) -> workspace (a member) -> role (marketer, manager, admin).
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";
import type { Database } from "@/db";
import type { MemberRole } from "@/db/schema/workspaces";
import { hasRole } from "@/server/auth/roles";
import { AppError, type AppErrorCode, asAppError } from "@/server/errors";
import { transformer } from "./transformer";
import type { WorkspaceMembership } from "@/server/services/workspaces/list-my-workspaces";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
}

export interface TRPCContext {
  db: Database;
  session: { user: SessionUser } | null;
  workspace: WorkspaceMembership | null;
}

const t = initTRPC.context<TRPCContext>().create({
  transformer,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const fieldErrors =
      cause instanceof ZodError
        ? (z.flattenError(cause).fieldErrors as Record<string, string[]>)
        : cause instanceof AppError
          ? (cause.fieldErrors ?? null)
          : null;
    const hideInternals = error.code === "INTERNAL_SERVER_ERROR" && process.env.NODE_ENV === "production";
    return {
      ...shape,
      message: hideInternals ? "Something went wrong on our side. Please try again." : shape.message,
      data: { ...shape.data, fieldErrors, stack: hideInternals ? undefined : shape.data.stack },
    };
  },
});

const trpcCodes: Record<AppErrorCode, TRPCError["code"]> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
};

/** Services throw AppError; this is the one place it becomes a tRPC error. */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  const cause = result.ok ? undefined : asAppError(result.error.cause);
  if (cause instanceof AppError) {
    throw new TRPCError({ code: trpcCodes[cause.code], message: cause.message, cause });
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(mapAppErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { session: ctx.session } });
});

export const workspaceProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (!ctx.workspace) {
    throw new TRPCError({ code: "FORBIDDEN", message: "You are not a member of this workspace." });
  }
  return next({ ctx: { workspace: ctx.workspace } });
});

function requireRole(atLeast: MemberRole, what: string) {
  return workspaceProcedure.use(({ ctx, next }) => {
    if (!hasRole(ctx.workspace.role, atLeast)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `Only ${what} can do this.` });
    }
    return next();
  });
}

/** Anyone who may change things: viewers only read. */
export const memberProcedure = requireRole("marketer", "marketers, managers and admins");
export const managerProcedure = requireRole("manager", "managers and admins");
export const adminProcedure = requireRole("admin", "workspace admins");

/** Who is acting, and where: the two parameters every write service takes. */
export function actorScope(ctx: { workspace: { id: string }; session: { user: { id: string } } }) {
  return { workspaceId: ctx.workspace.id, actorId: ctx.session.user.id };
}
