CREATE TYPE "public"."content_approval_status" AS ENUM('draft', 'in_review', 'changes_requested', 'approved', 'rejected', 'expired');--> statement-breakpoint
CREATE TYPE "public"."approval_decision_kind" AS ENUM('approved', 'rejected', 'changes_requested');--> statement-breakpoint
CREATE TYPE "public"."approval_request_status" AS ENUM('pending', 'changes_requested', 'approved', 'rejected', 'expired', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."approval_subject" AS ENUM('content_item', 'campaign');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'approval_waiting';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'approval_outcome';--> statement-breakpoint
CREATE TABLE "approval_approvers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"stage_index" integer NOT NULL,
	"round" integer NOT NULL,
	"user_id" uuid,
	"email" text,
	"token_nonce" text NOT NULL,
	"escalated" boolean DEFAULT false NOT NULL,
	"waiting" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approval_approvers_member" UNIQUE("request_id","round","user_id"),
	CONSTRAINT "approval_approvers_email" UNIQUE("request_id","round","email")
);
--> statement-breakpoint
CREATE TABLE "approval_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"stage_index" integer NOT NULL,
	"round" integer NOT NULL,
	"version" integer NOT NULL,
	"approver_id" uuid NOT NULL,
	"user_id" uuid,
	"by_name" text NOT NULL,
	"decision" "approval_decision_kind" NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"anchor" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approval_decisions_once" UNIQUE("approver_id")
);
--> statement-breakpoint
CREATE TABLE "approval_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"stages" jsonb NOT NULL,
	"allow_self_approval" boolean DEFAULT false NOT NULL,
	"require_checks" boolean DEFAULT false NOT NULL,
	"campaign_types" "campaign_type"[] DEFAULT '{}'::campaign_type[] NOT NULL,
	"channels" "channel"[] DEFAULT '{}'::channel[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approval_policies_workspaceId_name_unique" UNIQUE("workspace_id","name")
);
--> statement-breakpoint
CREATE TABLE "approval_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"subject" "approval_subject" NOT NULL,
	"content_item_id" uuid,
	"campaign_id" uuid NOT NULL,
	"channel" "channel",
	"policy_id" uuid,
	"policy_name" text NOT NULL,
	"stages" jsonb NOT NULL,
	"allow_self_approval" boolean NOT NULL,
	"version" integer NOT NULL,
	"fingerprint" text NOT NULL,
	"status" "approval_request_status" DEFAULT 'pending' NOT NULL,
	"stage_index" integer DEFAULT 0 NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"stage_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"stage_due_at" timestamp with time zone,
	"checks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"requested_by_id" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "brand_rules" jsonb DEFAULT '{"bannedPhrases":[],"disclaimers":{}}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "content_items" ADD COLUMN "approval_status" "content_approval_status" DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE "content_items" ADD COLUMN "approved_version" integer;--> statement-breakpoint
ALTER TABLE "approval_approvers" ADD CONSTRAINT "approval_approvers_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_approvers" ADD CONSTRAINT "approval_approvers_request_id_approval_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."approval_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_approvers" ADD CONSTRAINT "approval_approvers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_decisions" ADD CONSTRAINT "approval_decisions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_decisions" ADD CONSTRAINT "approval_decisions_request_id_approval_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."approval_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_decisions" ADD CONSTRAINT "approval_decisions_approver_id_approval_approvers_id_fk" FOREIGN KEY ("approver_id") REFERENCES "public"."approval_approvers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_decisions" ADD CONSTRAINT "approval_decisions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_policies" ADD CONSTRAINT "approval_policies_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_content_item_id_content_items_id_fk" FOREIGN KEY ("content_item_id") REFERENCES "public"."content_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_policy_id_approval_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."approval_policies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "approval_approvers_waiting_index" ON "approval_approvers" USING btree ("workspace_id","user_id","request_id") WHERE "approval_approvers"."waiting";--> statement-breakpoint
CREATE INDEX "approval_approvers_request_id_round_index" ON "approval_approvers" USING btree ("request_id","round");--> statement-breakpoint
CREATE INDEX "approval_decisions_request_id_created_at_index" ON "approval_decisions" USING btree ("request_id","created_at");--> statement-breakpoint
CREATE INDEX "approval_decisions_workspace_id_created_at_index" ON "approval_decisions" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "approval_requests_open_content" ON "approval_requests" USING btree ("content_item_id") WHERE "approval_requests"."status" in ('pending', 'changes_requested') and "approval_requests"."content_item_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "approval_requests_open_campaign" ON "approval_requests" USING btree ("campaign_id") WHERE "approval_requests"."status" in ('pending', 'changes_requested') and "approval_requests"."subject" = 'campaign';--> statement-breakpoint
CREATE INDEX "approval_requests_pending_index" ON "approval_requests" USING btree ("workspace_id","stage_due_at","requested_at","id") WHERE "approval_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "approval_requests_workspace_id_requested_by_id_requested_at_index" ON "approval_requests" USING btree ("workspace_id","requested_by_id","requested_at");--> statement-breakpoint
CREATE INDEX "approval_requests_workspace_id_decided_at_index" ON "approval_requests" USING btree ("workspace_id","decided_at");