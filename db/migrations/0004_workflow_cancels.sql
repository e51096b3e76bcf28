CREATE TABLE "workflow_cancels" (
	"run_id" uuid NOT NULL,
	"rule" integer NOT NULL,
	"event_name" text NOT NULL,
	"expression" text,
	"expires_at" timestamp with time zone,
	CONSTRAINT "workflow_cancels_run_id_rule_pk" PRIMARY KEY("run_id","rule")
);
--> statement-breakpoint
ALTER TABLE "workflow_cancels" ADD CONSTRAINT "workflow_cancels_run_id_workflow_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."workflow_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workflow_cancels_event_name_index" ON "workflow_cancels" USING btree ("event_name");--> statement-breakpoint
-- Runs live at this migration get their function's cancelOn rules, as runs now do when they start
-- (a timeout the interval type cannot read leaves the rule without an end).
INSERT INTO "workflow_cancels" ("run_id", "rule", "event_name", "expression", "expires_at")
SELECT r."id", (c."ordinality" - 1)::int, c."value"->>'event', nullif(c."value"->>'if', ''),
  CASE WHEN c."value"->>'timeout' ~ '^([0-9]+[wdhms])+$' THEN r."created_at" + (c."value"->>'timeout')::interval END
FROM "workflow_runs" r
JOIN "workflow_functions" f ON f."id" = r."function_id"
CROSS JOIN LATERAL jsonb_array_elements(coalesce(f."config"->'cancel', '[]'::jsonb)) WITH ORDINALITY AS c("value", "ordinality")
WHERE r."status" NOT IN ('completed', 'failed', 'cancelled') AND c."value"->>'event' IS NOT NULL;
