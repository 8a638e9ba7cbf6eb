CREATE TABLE `expiry_notices` (
	`certificate_id` integer NOT NULL,
	`cycle` text NOT NULL,
	`sent_at` text NOT NULL,
	PRIMARY KEY(`certificate_id`, `cycle`)
);
--> statement-breakpoint
CREATE TABLE `job_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`status` text NOT NULL,
	`summary` text,
	`error` text
);
--> statement-breakpoint
CREATE INDEX `job_runs_job_idx` ON `job_runs` (`job`,`id`);--> statement-breakpoint
CREATE TABLE `bank_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`rows` integer NOT NULL,
	`applied` integer NOT NULL,
	`imported_by` integer,
	`imported_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bank_imports_sha256_unique` ON `bank_imports` (`sha256`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fee_slip_id` integer NOT NULL,
	`slip_no` text NOT NULL,
	`amount` integer NOT NULL,
	`paid_on` text NOT NULL,
	`channel` text NOT NULL,
	`reference` text,
	`source` text NOT NULL,
	`recorded_by` integer,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`fee_slip_id`) REFERENCES `fee_slips`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payments_fee_slip_uq` ON `payments` (`fee_slip_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `payments_reference_uq` ON `payments` (`reference`);--> statement-breakpoint
CREATE INDEX `payments_paid_on_idx` ON `payments` (`paid_on`);