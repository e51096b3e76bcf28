CREATE TYPE "public"."workflow_job_kind" AS ENUM('call', 'wake', 'timeout', 'cron');--> statement-breakpoint
CREATE TYPE "public"."workflow_run_status" AS ENUM('queued', 'running', 'sleeping', 'waiting', 'completed', 'failed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."workflow_step_status" AS ENUM('planned', 'running', 'retrying', 'sleeping', 'waiting', 'completed', 'failed', 'cancelled');--> statement-breakpoint
CREATE TABLE "workflow_events" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"data" jsonb NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workflow_functions" (
	"id" text PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"config" jsonb NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "workflow_jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" "workflow_job_kind" NOT NULL,
	"function_id" text NOT NULL,
	"run_id" uuid,
	"step_id" text,
	"attempt" integer DEFAULT 0 NOT NULL,
	"due_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_by" text,
	"claimed_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "workflow_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"function_id" text NOT NULL,
	"event_id" text NOT NULL,
	"event" jsonb NOT NULL,
	"workspace_id" uuid,
	"status" "workflow_run_status" DEFAULT 'queued' NOT NULL,
	"attempt" integer DEFAULT 0 NOT NULL,
	"step_count" integer DEFAULT 0 NOT NULL,
	"parallel" boolean DEFAULT false NOT NULL,
	"output" jsonb,
	"error" jsonb,
	"parent_run_id" uuid,
	"parent_step_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "workflow_steps" (
	"run_id" uuid NOT NULL,
	"step_id" text NOT NULL,
	"name" text NOT NULL,
	"op" text NOT NULL,
	"status" "workflow_step_status" NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"memo" jsonb,
	"stored" boolean DEFAULT false NOT NULL,
	"seq" integer,
	"error" jsonb,
	"due_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	CONSTRAINT "workflow_steps_run_id_step_id_pk" PRIMARY KEY("run_id","step_id")
);
--> statement-breakpoint
CREATE TABLE "workflow_waits" (
	"run_id" uuid NOT NULL,
	"step_id" text NOT NULL,
	"event_name" text NOT NULL,
	"expression" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workflow_waits_run_id_step_id_pk" PRIMARY KEY("run_id","step_id")
);
--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "token_nonce" text;--> statement-breakpoint
ALTER TABLE "workflow_jobs" ADD CONSTRAINT "workflow_jobs_run_id_workflow_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."workflow_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_runs" ADD CONSTRAINT "workflow_runs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_steps" ADD CONSTRAINT "workflow_steps_run_id_workflow_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."workflow_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_waits" ADD CONSTRAINT "workflow_waits_run_id_workflow_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."workflow_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workflow_events_name_received_at_index" ON "workflow_events" USING btree ("name","received_at");--> statement-breakpoint
CREATE INDEX "workflow_jobs_due_at_index" ON "workflow_jobs" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "workflow_jobs_run_id_index" ON "workflow_jobs" USING btree ("run_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_jobs_one_discovery" ON "workflow_jobs" USING btree ("run_id") WHERE "workflow_jobs"."kind" = 'call' and "workflow_jobs"."step_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_jobs_one_per_step" ON "workflow_jobs" USING btree ("run_id","step_id") WHERE "workflow_jobs"."step_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_jobs_one_cron" ON "workflow_jobs" USING btree ("function_id") WHERE "workflow_jobs"."kind" = 'cron';--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_runs_function_id_event_id_index" ON "workflow_runs" USING btree ("function_id","event_id");--> statement-breakpoint
CREATE INDEX "workflow_runs_workspace_id_created_at_index" ON "workflow_runs" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "workflow_runs_function_id_status_index" ON "workflow_runs" USING btree ("function_id","status");--> statement-breakpoint
CREATE INDEX "workflow_runs_parent_run_id_index" ON "workflow_runs" USING btree ("parent_run_id");--> statement-breakpoint
CREATE INDEX "workflow_waits_event_name_index" ON "workflow_waits" USING btree ("event_name");