CREATE TABLE `application_names` (
	`ubn` text NOT NULL,
	`company_name` text NOT NULL,
	PRIMARY KEY(`ubn`, `company_name`)
);
--> statement-breakpoint
DROP INDEX `applications_office_status_idx`;--> statement-breakpoint
DROP INDEX `applications_status_idx`;--> statement-breakpoint
DROP INDEX `applications_ubn_idx`;--> statement-breakpoint
DROP INDEX `applications_broker_idx`;--> statement-breakpoint
DROP INDEX `applications_created_idx`;--> statement-breakpoint
ALTER TABLE `applications` ADD `received_at` text GENERATED ALWAYS AS (coalesce(submitted_at, created_at)) VIRTUAL;--> statement-breakpoint
CREATE INDEX `applications_received_idx` ON `applications` (`received_at`);--> statement-breakpoint
CREATE INDEX `applications_office_received_idx` ON `applications` (`office_code`,`received_at`);--> statement-breakpoint
CREATE INDEX `applications_status_received_idx` ON `applications` (`status`,`received_at`);--> statement-breakpoint
CREATE INDEX `applications_office_status_received_idx` ON `applications` (`office_code`,`status`,`received_at`);--> statement-breakpoint
CREATE INDEX `applications_service_received_idx` ON `applications` (`service`,`received_at`);--> statement-breakpoint
CREATE INDEX `applications_ubn_received_idx` ON `applications` (`ubn`,`received_at`);--> statement-breakpoint
CREATE INDEX `applications_broker_received_idx` ON `applications` (`broker_code`,`received_at`);--> statement-breakpoint
CREATE INDEX `applications_status_number_idx` ON `applications` (`status`,`application_no`);--> statement-breakpoint
DROP INDEX `audit_entity_idx`;--> statement-breakpoint
CREATE INDEX `audit_entity_kind_idx` ON `audit_log` (`entity`,`id`);--> statement-breakpoint
CREATE INDEX `audit_entity_id_idx` ON `audit_log` (`entity_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_actor_name_idx` ON `audit_log` (`actor_name`,`id`);--> statement-breakpoint
DROP INDEX `certificates_ubn_idx`;--> statement-breakpoint
DROP INDEX `certificates_broker_idx`;--> statement-breakpoint
CREATE INDEX `certificates_ubn_expiry_idx` ON `certificates` (`ubn`,`not_after`);--> statement-breakpoint
CREATE INDEX `certificates_broker_expiry_idx` ON `certificates` (`broker_code`,`not_after`);--> statement-breakpoint
DROP INDEX `firms_name_idx`;--> statement-breakpoint
CREATE INDEX `firms_office_idx` ON `firms` (`office_code`,`ubn`);--> statement-breakpoint
CREATE INDEX `firms_updated_idx` ON `firms` (`updated_at`,`ubn`);--> statement-breakpoint
CREATE INDEX `firms_name_idx` ON `firms` (`name`,`ubn`);--> statement-breakpoint
DROP INDEX `binding_requests_status_idx`;--> statement-breakpoint
CREATE INDEX `binding_requests_status_idx` ON `binding_requests` (`status`,`id`);--> statement-breakpoint
DROP INDEX `email_changes_status_idx`;--> statement-breakpoint
CREATE INDEX `email_changes_status_idx` ON `email_changes` (`status`,`id`);--> statement-breakpoint
DROP INDEX `reassignments_status_idx`;--> statement-breakpoint
CREATE INDEX `reassignments_from_idx` ON `reassignments` (`from_ubn`);--> statement-breakpoint
CREATE INDEX `reassignments_to_idx` ON `reassignments` (`to_ubn`);--> statement-breakpoint
CREATE INDEX `reassignments_status_idx` ON `reassignments` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `appointments_from_idx` ON `appointments` (`from_date`);--> statement-breakpoint
CREATE INDEX `brokers_name_idx` ON `brokers` (`name`,`code`);--> statement-breakpoint
CREATE INDEX `brokers_qualified_idx` ON `brokers` (`qualified_on`,`code`);--> statement-breakpoint
CREATE INDEX `fee_slips_payer_idx` ON `fee_slips` (`payer_ubn`);--> statement-breakpoint
CREATE INDEX `mail_outbox_status_idx` ON `mail_outbox` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `registrations_broker_id_idx` ON `registrations` (`broker_id_number`);--> statement-breakpoint
-- The company names the queue's search reads (docs/decisions/0016): every (UBN, name) pair once, kept by triggers.
INSERT OR IGNORE INTO `application_names` (`ubn`, `company_name`) SELECT `ubn`, `company_name` FROM `applications`;
--> statement-breakpoint
CREATE TRIGGER `application_names_insert` AFTER INSERT ON `applications`
BEGIN
  INSERT OR IGNORE INTO `application_names` (`ubn`, `company_name`) VALUES (new.`ubn`, new.`company_name`);
END;
--> statement-breakpoint
CREATE TRIGGER `application_names_update` AFTER UPDATE OF `ubn`, `company_name` ON `applications`
BEGIN
  INSERT OR IGNORE INTO `application_names` (`ubn`, `company_name`) VALUES (new.`ubn`, new.`company_name`);
END;
