CREATE TABLE `application_attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`storage_key` text NOT NULL,
	`uploaded_by` integer,
	`uploaded_at` text NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `application_attachments_app_idx` ON `application_attachments` (`application_id`);--> statement-breakpoint
CREATE TABLE `application_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`at` text NOT NULL,
	`actor_id` integer,
	`actor_name` text,
	`action` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`note` text,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `application_events_app_idx` ON `application_events` (`application_id`,`id`);--> statement-breakpoint
CREATE TABLE `fee_slips` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slip_no` text NOT NULL,
	`application_id` integer NOT NULL,
	`office_code` text NOT NULL,
	`payer_ubn` text NOT NULL,
	`payer_name` text NOT NULL,
	`amount` integer NOT NULL,
	`issued_on` text NOT NULL,
	`due_on` text NOT NULL,
	`status` text NOT NULL,
	`paid_at` text,
	`created_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fee_slips_slip_no_unique` ON `fee_slips` (`slip_no`);--> statement-breakpoint
CREATE INDEX `fee_slips_application_idx` ON `fee_slips` (`application_id`);--> statement-breakpoint
CREATE INDEX `fee_slips_status_due_idx` ON `fee_slips` (`status`,`due_on`);--> statement-breakpoint
CREATE TABLE `mail_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`to_address` text NOT NULL,
	`subject` text NOT NULL,
	`body_text` text NOT NULL,
	`template` text NOT NULL,
	`application_id` integer,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`last_error` text,
	`created_at` text NOT NULL,
	`sent_at` text
);
--> statement-breakpoint
CREATE INDEX `mail_outbox_due_idx` ON `mail_outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `mail_outbox_application_idx` ON `mail_outbox` (`application_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` integer
);
--> statement-breakpoint
ALTER TABLE `applications` ADD `prepared_by` integer;--> statement-breakpoint
ALTER TABLE `applications` ADD `prepared_at` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `prepare_notes` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `decided_by` integer;--> statement-breakpoint
ALTER TABLE `applications` ADD `reject_reason_code` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `submitted_at` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `signed_document` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `signature` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `signer_certificate` blob;