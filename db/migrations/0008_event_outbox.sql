CREATE TABLE "event_outbox" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"data" jsonb NOT NULL,
	"ts" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "reminder_lead_hours" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "escalation_business_days" integer DEFAULT 2 NOT NULL;--> statement-breakpoint
CREATE INDEX "event_outbox_pending" ON "event_outbox" USING btree ("next_attempt_at") WHERE "event_outbox"."delivered_at" is null;--> statement-breakpoint
CREATE INDEX "event_outbox_delivered" ON "event_outbox" USING btree ("delivered_at") WHERE "event_outbox"."delivered_at" is not null;