CREATE INDEX `applications_submitted_idx` ON `applications` (`submitted_at`,`office_code`,`status`);--> statement-breakpoint
CREATE INDEX `applications_decided_idx` ON `applications` (`decided_at`,`office_code`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `fee_slips_issued_idx` ON `fee_slips` (`issued_on`,`office_code`);--> statement-breakpoint
CREATE INDEX `fee_slips_paid_idx` ON `fee_slips` (`paid_at`,`office_code`,`amount`);