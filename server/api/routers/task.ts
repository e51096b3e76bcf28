import { addDependency, removeDependency } from "@/server/services/tasks/change-dependencies";
import { commentOnTask } from "@/server/services/tasks/comment-on-task";
import { createTask } from "@/server/services/tasks/create-task";
import { deleteTask } from "@/server/services/tasks/delete-task";
import { getTask } from "@/server/services/tasks/get-task";
import { listBoard, listColumn } from "@/server/services/tasks/list-board";
import { listTaskOptions } from "@/server/services/tasks/list-task-options";
import { listTasks } from "@/server/services/tasks/list-tasks";
import { listTodaysWork } from "@/server/services/tasks/list-todays-work";
import { moveTask } from "@/server/services/tasks/move-task";
import { updateTask } from "@/server/services/tasks/update-task";
import { hasRole } from "@/server/auth/roles";
import {
  boardInput,
  columnInput,
  commentInput,
  createTaskInput,
  dependencyInput,
  listTasksInput,
  taskIdInput,
  todaysWorkInput,
  updateTaskInput,
  moveTaskInput,
} from "@/server/services/tasks/task.schema";
import { actorScope, createTRPCRouter, memberProcedure, workspaceProcedure } from "../trpc";

export const taskRouter = createTRPCRouter({
  board: workspaceProcedure.input(boardInput).query(({ ctx, input }) => listBoard(ctx.db, { ...input, ...actorScope(ctx) })),
  column: workspaceProcedure.input(columnInput).query(({ ctx, input }) => listColumn(ctx.db, { ...input, ...actorScope(ctx) })),
  list: workspaceProcedure.input(listTasksInput).query(({ ctx, input }) => listTasks(ctx.db, { ...input, ...actorScope(ctx) })),
  get: workspaceProcedure.input(taskIdInput).query(({ ctx, input }) => getTask(ctx.db, { ...input, workspaceId: ctx.workspace.id })),
  options: workspaceProcedure.query(({ ctx }) => listTaskOptions(ctx.db, { workspaceId: ctx.workspace.id })),
  today: workspaceProcedure
    .input(todaysWorkInput)
    .query(({ ctx, input }) => listTodaysWork(ctx.db, { ...input, ...actorScope(ctx), teamOverdue: hasRole(ctx.workspace.role, "manager") })),
  create: memberProcedure.input(createTaskInput).mutation(({ ctx, input }) => createTask(ctx.db, { ...input, ...actorScope(ctx) })),
  update: memberProcedure.input(updateTaskInput).mutation(({ ctx, input }) => updateTask(ctx.db, { ...input, ...actorScope(ctx) })),
  move: memberProcedure.input(moveTaskInput).mutation(({ ctx, input }) => moveTask(ctx.db, { ...input, ...actorScope(ctx) })),
  delete: memberProcedure.input(taskIdInput).mutation(({ ctx, input }) => deleteTask(ctx.db, { ...input, ...actorScope(ctx) })),
  addDependency: memberProcedure.input(dependencyInput).mutation(({ ctx, input }) => addDependency(ctx.db, { ...input, ...actorScope(ctx) })),
  removeDependency: memberProcedure.input(dependencyInput).mutation(({ ctx, input }) => removeDependency(ctx.db, { ...input, ...actorScope(ctx) })),
  comment: memberProcedure.input(commentInput).mutation(({ ctx, input }) => commentOnTask(ctx.db, { ...input, ...actorScope(ctx) })),
});
