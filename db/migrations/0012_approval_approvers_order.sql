DROP INDEX "approval_approvers_waiting_index";--> statement-breakpoint
ALTER TABLE "approval_approvers" ADD COLUMN "due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "approval_approvers" ADD COLUMN "requested_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "approval_approvers_waiting_age_index" ON "approval_approvers" USING btree ("workspace_id","user_id","requested_at","request_id") WHERE "approval_approvers"."waiting";--> statement-breakpoint
CREATE INDEX "approval_approvers_waiting_index" ON "approval_approvers" USING btree ("workspace_id","user_id","due_at","requested_at","request_id") WHERE "approval_approvers"."waiting";