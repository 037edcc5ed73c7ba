-- Groups of persons in the notice (issue 22): a relationship kind may declare its own data
-- categories and its own direct-marketing channel modes (JSON; NULL = the register's own, as
-- before), and a custom field may be kept for some kinds only (JSON array of kind keys; '[]' =
-- every kind, as before). Existing registers therefore print and market exactly as they did.
ALTER TABLE `relationship_kinds` ADD `data_categories` text;--> statement-breakpoint
ALTER TABLE `relationship_kinds` ADD `marketing_channels` text;--> statement-breakpoint
ALTER TABLE `custom_fields` ADD `kind_keys` text DEFAULT '[]' NOT NULL;
