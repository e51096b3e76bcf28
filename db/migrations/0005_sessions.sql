-- One row per sign-in: the session cookie names its row, and a revoked or expired row ends the session.
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
-- A person's own display preferences (null: not chosen, use the browser's zone and Accept-Language):
-- time_zone is an IANA zone ("Europe/Berlin"), locale a BCP 47 tag ("de-DE").
ALTER TABLE "users" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_live_per_user" ON "sessions" USING btree ("user_id") WHERE "sessions"."revoked_at" is null;