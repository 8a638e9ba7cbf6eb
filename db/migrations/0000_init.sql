CREATE TABLE `applications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_no` text NOT NULL,
	`channel` text NOT NULL,
	`service` text NOT NULL,
	`status` text NOT NULL,
	`office_code` text NOT NULL,
	`ubn` text NOT NULL,
	`company_name` text NOT NULL,
	`phone` text,
	`fax` text,
	`representative` text,
	`representative_phone` text,
	`contact_name` text NOT NULL,
	`contact_phone` text NOT NULL,
	`contact_mobile` text NOT NULL,
	`contact_email` text NOT NULL,
	`business_type` text NOT NULL,
	`kind` text NOT NULL,
	`box_no` text NOT NULL,
	`broker_code` text,
	`broker_national_id` text,
	`privacy_consent` integer NOT NULL,
	`target_certificate_id` integer,
	`keyed_by` integer,
	`reject_reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`decided_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`office_code`) REFERENCES `offices`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `applications_application_no_unique` ON `applications` (`application_no`);--> statement-breakpoint
CREATE INDEX `applications_office_status_idx` ON `applications` (`office_code`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `applications_status_idx` ON `applications` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `applications_ubn_idx` ON `applications` (`ubn`);--> statement-breakpoint
CREATE INDEX `applications_broker_idx` ON `applications` (`broker_code`);--> statement-breakpoint
CREATE INDEX `applications_created_idx` ON `applications` (`created_at`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor_id` integer,
	`actor_name` text,
	`office_code` text,
	`roles` text DEFAULT '' NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`summary` text,
	`request_id` text,
	`ip` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_action_idx` ON `audit_log` (`action`);--> statement-breakpoint
CREATE INDEX `audit_actor_idx` ON `audit_log` (`actor_id`);--> statement-breakpoint
CREATE INDEX `audit_office_idx` ON `audit_log` (`office_code`,`id`);--> statement-breakpoint
CREATE TABLE `appointments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`broker_code` text NOT NULL,
	`firm_ubn` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text,
	`status` text NOT NULL,
	FOREIGN KEY (`broker_code`) REFERENCES `brokers`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`firm_ubn`) REFERENCES `firms`(`ubn`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `appointments_broker_idx` ON `appointments` (`broker_code`);--> statement-breakpoint
CREATE INDEX `appointments_firm_idx` ON `appointments` (`firm_ubn`,`status`);--> statement-breakpoint
CREATE TABLE `brokers` (
	`code` text PRIMARY KEY NOT NULL,
	`national_id` text NOT NULL,
	`name` text NOT NULL,
	`qualification_status` text NOT NULL,
	`qualified_on` text NOT NULL,
	`disqualified_on` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `brokers_national_id_unique` ON `brokers` (`national_id`);--> statement-breakpoint
CREATE TABLE `firm_licences` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ubn` text NOT NULL,
	`business_type` text NOT NULL,
	`status` text NOT NULL,
	`licensed_on` text NOT NULL,
	`expires_on` text,
	FOREIGN KEY (`ubn`) REFERENCES `firms`(`ubn`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `firm_licences_uq` ON `firm_licences` (`ubn`,`business_type`);--> statement-breakpoint
CREATE TABLE `firms` (
	`ubn` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`representative` text,
	`address` text,
	`phone` text,
	`office_code` text NOT NULL,
	`box_no` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`office_code`) REFERENCES `offices`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `firms_office_box_uq` ON `firms` (`office_code`,`box_no`);--> statement-breakpoint
CREATE INDEX `firms_name_idx` ON `firms` (`name`);--> statement-breakpoint
CREATE TABLE `certificates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`serial_hex` text NOT NULL,
	`ca_name` text NOT NULL,
	`kind` text NOT NULL,
	`subject_dn` text NOT NULL,
	`ubn` text NOT NULL,
	`broker_code` text,
	`office_code` text NOT NULL,
	`status` text NOT NULL,
	`not_before` text NOT NULL,
	`not_after` text NOT NULL,
	`application_id` integer,
	`der` blob,
	`revoked_at` text,
	`revocation_reason` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_serial_hex_unique` ON `certificates` (`serial_hex`);--> statement-breakpoint
CREATE INDEX `certificates_ubn_idx` ON `certificates` (`ubn`);--> statement-breakpoint
CREATE INDEX `certificates_broker_idx` ON `certificates` (`broker_code`);--> statement-breakpoint
CREATE INDEX `certificates_office_status_idx` ON `certificates` (`office_code`,`status`,`not_after`);--> statement-breakpoint
CREATE INDEX `certificates_status_expiry_idx` ON `certificates` (`status`,`not_after`);--> statement-breakpoint
CREATE TABLE `offices` (
	`code` text PRIMARY KEY NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`key` text NOT NULL,
	`window_start` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`key`, `window_start`)
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`staff_id` integer NOT NULL,
	`csrf_token` text NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`ip` text,
	`user_agent` text,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_staff_idx` ON `sessions` (`staff_id`);--> statement-breakpoint
CREATE TABLE `staff` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`email` text,
	`office_code` text NOT NULL,
	`password_hash` text NOT NULL,
	`must_change_password` integer DEFAULT true NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`last_login_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`office_code`) REFERENCES `offices`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_username_unique` ON `staff` (`username`);--> statement-breakpoint
CREATE TABLE `staff_roles` (
	`staff_id` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`staff_id`, `role`),
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `staff_roles_role_idx` ON `staff_roles` (`role`);