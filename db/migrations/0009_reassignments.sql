CREATE TABLE `reassignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`broker_code` text NOT NULL,
	`from_ubn` text,
	`to_ubn` text,
	`effective_date` text NOT NULL,
	`documents` text,
	`reason` text,
	`requested_by` integer NOT NULL,
	`requested_at` text NOT NULL,
	`decided_by` integer,
	`decided_at` text,
	`reject_reason` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`requested_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reassignments_broker_idx` ON `reassignments` (`broker_code`,`requested_at`);--> statement-breakpoint
CREATE INDEX `reassignments_status_idx` ON `reassignments` (`status`,`kind`);