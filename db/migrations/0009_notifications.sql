CREATE TYPE "public"."notification_channel" AS ENUM('in_app', 'email', 'both', 'none');--> statement-breakpoint
CREATE TYPE "public"."notification_email_state" AS ENUM('none', 'pending', 'sent');--> statement-breakpoint
CREATE TYPE "public"."notification_kind" AS ENUM('assigned', 'mentioned', 'due_soon', 'overdue', 'escalated', 'dependency_done');--> statement-breakpoint
CREATE TABLE "notification_email_schedules" (
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"event_id" text,
	"send_after" timestamp with time zone,
	"last_sent_at" timestamp with time zone,
	CONSTRAINT "notification_email_schedules_workspace_id_user_id_pk" PRIMARY KEY("workspace_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "notification_kind" NOT NULL,
	"channel" "notification_channel" NOT NULL,
	CONSTRAINT "notification_preferences_workspace_id_user_id_kind_pk" PRIMARY KEY("workspace_id","user_id","kind")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "notification_kind" NOT NULL,
	"actor_id" uuid,
	"task_id" uuid,
	"campaign_id" uuid,
	"title" text NOT NULL,
	"link" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"in_app" boolean NOT NULL,
	"email_state" "notification_email_state" DEFAULT 'none' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"emailed_at" timestamp with time zone,
	CONSTRAINT "notifications_dedupeKey_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "quiet_hours_start" text;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "quiet_hours_end" text;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "digest_hour" integer DEFAULT 8 NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_email_schedules" ADD CONSTRAINT "notification_email_schedules_workspace_id_user_id_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_workspace_id_user_id_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_inbox_index" ON "notifications" USING btree ("user_id","workspace_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "notifications"."in_app";--> statement-breakpoint
CREATE INDEX "notifications_unread_index" ON "notifications" USING btree ("user_id","workspace_id") WHERE "notifications"."in_app" and "notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX "notifications_email_pending_index" ON "notifications" USING btree ("user_id","workspace_id","created_at") WHERE "notifications"."email_state" = 'pending';--> statement-breakpoint
CREATE INDEX "notifications_task_id_index" ON "notifications" USING btree ("task_id");--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_quiet_hours_both" CHECK (("memberships"."quiet_hours_start" is null) = ("memberships"."quiet_hours_end" is null));--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_digest_hour" CHECK ("memberships"."digest_hour" between 0 and 23);