CREATE TABLE `binding_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_ref` integer NOT NULL,
	`status` text NOT NULL,
	`card_kind` text NOT NULL,
	`form_path` text NOT NULL,
	`form_name` text NOT NULL,
	`form_mime` text NOT NULL,
	`form_size` integer NOT NULL,
	`code_hash` text,
	`code_expires_at` text,
	`decided_by` integer,
	`decided_at` text,
	`reject_reason` text,
	`bound_at` text,
	`created_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`account_ref`) REFERENCES `portal_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `binding_requests_status_idx` ON `binding_requests` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `binding_requests_account_idx` ON `binding_requests` (`account_ref`);--> statement-breakpoint
CREATE TABLE `portal_accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` text NOT NULL,
	`category` text NOT NULL,
	`attribute` text NOT NULL,
	`email` text NOT NULL,
	`contact_name` text NOT NULL,
	`id_number` text,
	`ubn` text,
	`birth_date` text,
	`phone` text NOT NULL,
	`address` text NOT NULL,
	`company_name` text,
	`representative` text,
	`company_phone` text,
	`company_address` text,
	`password_hash` text,
	`must_change_password` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`migrated` integer DEFAULT false NOT NULL,
	`last_login_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `portal_accounts_account_id_unique` ON `portal_accounts` (`account_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `portal_accounts_person_idx` ON `portal_accounts` (`id_number`) WHERE category = 'individual';--> statement-breakpoint
CREATE INDEX `portal_accounts_ubn_idx` ON `portal_accounts` (`ubn`);--> statement-breakpoint
CREATE INDEX `portal_accounts_email_idx` ON `portal_accounts` (`email`);--> statement-breakpoint
CREATE TABLE `portal_cards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_ref` integer NOT NULL,
	`fingerprint` text NOT NULL,
	`kind` text NOT NULL,
	`serial_hex` text NOT NULL,
	`issuer_dn` text NOT NULL,
	`subject_dn` text NOT NULL,
	`not_before` text NOT NULL,
	`not_after` text NOT NULL,
	`bound_via` text NOT NULL,
	`bound_at` text NOT NULL,
	FOREIGN KEY (`account_ref`) REFERENCES `portal_accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `portal_cards_fingerprint_unique` ON `portal_cards` (`fingerprint`);--> statement-breakpoint
CREATE INDEX `portal_cards_account_idx` ON `portal_cards` (`account_ref`);--> statement-breakpoint
CREATE TABLE `portal_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`account_ref` integer NOT NULL,
	`method` text NOT NULL,
	`csrf_token` text NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`ip` text,
	`user_agent` text,
	FOREIGN KEY (`account_ref`) REFERENCES `portal_accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `portal_sessions_account_idx` ON `portal_sessions` (`account_ref`);--> statement-breakpoint
CREATE TABLE `registrations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_ref` integer NOT NULL,
	`use_type` text NOT NULL,
	`form` text NOT NULL,
	`certificate_kind` text NOT NULL,
	`fingerprint` text NOT NULL,
	`serial_hex` text NOT NULL,
	`issuer_dn` text NOT NULL,
	`subject_dn` text NOT NULL,
	`ubn` text NOT NULL,
	`broker_code` text,
	`broker_id_number` text,
	`broker_name` text,
	`not_before` text NOT NULL,
	`not_after` text NOT NULL,
	`der` blob NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`certificate_status` text DEFAULT 'valid' NOT NULL,
	`registered_at` text NOT NULL,
	`deleted_at` text,
	`deleted_by` text,
	`deleted_reason` text,
	FOREIGN KEY (`account_ref`) REFERENCES `portal_accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_active_idx` ON `registrations` (`fingerprint`,`ubn`) WHERE status = 'active';--> statement-breakpoint
CREATE INDEX `registrations_account_idx` ON `registrations` (`account_ref`,`status`);--> statement-breakpoint
CREATE INDEX `registrations_ubn_idx` ON `registrations` (`ubn`,`status`);--> statement-breakpoint
CREATE INDEX `registrations_broker_idx` ON `registrations` (`broker_code`,`status`);--> statement-breakpoint
CREATE INDEX `registrations_serial_idx` ON `registrations` (`serial_hex`);