DROP INDEX "campaigns_workspace_id_status_index";--> statement-breakpoint
DROP INDEX "milestones_workspace_id_due_date_index";--> statement-breakpoint
DROP INDEX "content_items_workspace_id_scheduled_at_index";--> statement-breakpoint
CREATE INDEX "campaigns_workspace_length_index" ON "campaigns" USING btree ("workspace_id",("end_date" - "start_date"));--> statement-breakpoint
CREATE INDEX "campaigns_workspace_id_status_id_index" ON "campaigns" USING btree ("workspace_id","status","id");--> statement-breakpoint
CREATE INDEX "milestones_workspace_due_index" ON "milestones" USING btree ("workspace_id","due_date","position","id","campaign_id");--> statement-breakpoint
CREATE INDEX "content_items_workspace_schedule_index" ON "content_items" USING btree ("workspace_id","scheduled_at","id","campaign_id","channel");