DROP INDEX "application_attachments_app_idx";--> statement-breakpoint
DROP INDEX "applications_received_idx";--> statement-breakpoint
DROP INDEX "applications_office_received_idx";--> statement-breakpoint
DROP INDEX "applications_status_received_idx";--> statement-breakpoint
DROP INDEX "applications_office_status_received_idx";--> statement-breakpoint
DROP INDEX "applications_service_received_idx";--> statement-breakpoint
DROP INDEX "applications_ubn_received_idx";--> statement-breakpoint
DROP INDEX "applications_broker_received_idx";--> statement-breakpoint
DROP INDEX "applications_status_number_idx";--> statement-breakpoint
DROP INDEX "applications_submitted_idx";--> statement-breakpoint
DROP INDEX "applications_decided_idx";--> statement-breakpoint
DROP INDEX "applications_target_serial_idx";--> statement-breakpoint
DROP INDEX "appointments_broker_idx";--> statement-breakpoint
DROP INDEX "appointments_firm_idx";--> statement-breakpoint
DROP INDEX "appointments_from_idx";--> statement-breakpoint
DROP INDEX "audit_at_idx";--> statement-breakpoint
DROP INDEX "audit_action_idx";--> statement-breakpoint
DROP INDEX "audit_actor_idx";--> statement-breakpoint
DROP INDEX "binding_requests_account_idx";--> statement-breakpoint
DROP INDEX "certificates_ubn_expiry_idx";--> statement-breakpoint
DROP INDEX "certificates_broker_expiry_idx";--> statement-breakpoint
DROP INDEX "certificates_office_status_idx";--> statement-breakpoint
DROP INDEX "certificates_status_expiry_idx";--> statement-breakpoint
DROP INDEX "fee_slips_application_idx";--> statement-breakpoint
DROP INDEX "fee_slips_payer_idx";--> statement-breakpoint
DROP INDEX "fee_slips_status_due_idx";--> statement-breakpoint
DROP INDEX "fee_slips_issued_idx";--> statement-breakpoint
DROP INDEX "fee_slips_paid_idx";--> statement-breakpoint
DROP INDEX "mail_outbox_due_idx";--> statement-breakpoint
DROP INDEX "mail_outbox_application_idx";--> statement-breakpoint
DROP INDEX "password_resets_account_idx";--> statement-breakpoint
DROP INDEX "payments_paid_on_idx";--> statement-breakpoint
DROP INDEX "portal_accounts_ubn_idx";--> statement-breakpoint
DROP INDEX "portal_accounts_email_idx";--> statement-breakpoint
DROP INDEX "portal_cards_account_idx";--> statement-breakpoint
DROP INDEX "reassignments_broker_idx";--> statement-breakpoint
DROP INDEX "reassignments_from_idx";--> statement-breakpoint
DROP INDEX "reassignments_to_idx";--> statement-breakpoint
DROP INDEX "registrations_account_idx";--> statement-breakpoint
DROP INDEX "registrations_ubn_idx";--> statement-breakpoint
DROP INDEX "registrations_broker_idx";--> statement-breakpoint
DROP INDEX "registrations_serial_idx";--> statement-breakpoint
DROP INDEX "registrations_broker_id_idx";--> statement-breakpoint
CREATE INDEX "application_attachments_app_idx" ON "application_attachments" USING btree ("application_id","id");--> statement-breakpoint
CREATE INDEX "applications_received_idx" ON "applications" USING btree ("received_at","id");--> statement-breakpoint
CREATE INDEX "applications_office_received_idx" ON "applications" USING btree ("office_code","received_at","id");--> statement-breakpoint
CREATE INDEX "applications_status_received_idx" ON "applications" USING btree ("status","received_at","id");--> statement-breakpoint
CREATE INDEX "applications_office_status_received_idx" ON "applications" USING btree ("office_code","status","received_at","id");--> statement-breakpoint
CREATE INDEX "applications_service_received_idx" ON "applications" USING btree ("service","received_at","id");--> statement-breakpoint
CREATE INDEX "applications_ubn_received_idx" ON "applications" USING btree ("ubn","received_at","id");--> statement-breakpoint
CREATE INDEX "applications_broker_received_idx" ON "applications" USING btree ("broker_code","received_at","id");--> statement-breakpoint
CREATE INDEX "applications_status_number_idx" ON "applications" USING btree ("status","application_no","id");--> statement-breakpoint
CREATE INDEX "applications_submitted_idx" ON "applications" USING btree ("submitted_at","office_code","status","id");--> statement-breakpoint
CREATE INDEX "applications_decided_idx" ON "applications" USING btree ("decided_at","office_code","submitted_at","id");--> statement-breakpoint
CREATE INDEX "applications_target_serial_idx" ON "applications" USING btree ("target_serial","id");--> statement-breakpoint
CREATE INDEX "appointments_broker_idx" ON "appointments" USING btree ("broker_code","id");--> statement-breakpoint
CREATE INDEX "appointments_firm_idx" ON "appointments" USING btree ("firm_ubn","status","id");--> statement-breakpoint
CREATE INDEX "appointments_from_idx" ON "appointments" USING btree ("from_date","id");--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_log" USING btree ("at","id");--> statement-breakpoint
CREATE INDEX "audit_action_idx" ON "audit_log" USING btree ("action","id");--> statement-breakpoint
CREATE INDEX "audit_actor_idx" ON "audit_log" USING btree ("actor_id","id");--> statement-breakpoint
CREATE INDEX "binding_requests_account_idx" ON "binding_requests" USING btree ("account_ref","id");--> statement-breakpoint
CREATE INDEX "certificates_ubn_expiry_idx" ON "certificates" USING btree ("ubn","not_after","id");--> statement-breakpoint
CREATE INDEX "certificates_broker_expiry_idx" ON "certificates" USING btree ("broker_code","not_after","id");--> statement-breakpoint
CREATE INDEX "certificates_office_status_idx" ON "certificates" USING btree ("office_code","status","not_after","id");--> statement-breakpoint
CREATE INDEX "certificates_status_expiry_idx" ON "certificates" USING btree ("status","not_after","id");--> statement-breakpoint
CREATE INDEX "fee_slips_application_idx" ON "fee_slips" USING btree ("application_id","id");--> statement-breakpoint
CREATE INDEX "fee_slips_payer_idx" ON "fee_slips" USING btree ("payer_ubn","id");--> statement-breakpoint
CREATE INDEX "fee_slips_status_due_idx" ON "fee_slips" USING btree ("status","due_on","id");--> statement-breakpoint
CREATE INDEX "fee_slips_issued_idx" ON "fee_slips" USING btree ("issued_on","office_code","id");--> statement-breakpoint
CREATE INDEX "fee_slips_paid_idx" ON "fee_slips" USING btree ("paid_at","office_code","amount","id");--> statement-breakpoint
CREATE INDEX "mail_outbox_due_idx" ON "mail_outbox" USING btree ("status","next_attempt_at","id");--> statement-breakpoint
CREATE INDEX "mail_outbox_application_idx" ON "mail_outbox" USING btree ("application_id","id");--> statement-breakpoint
CREATE INDEX "password_resets_account_idx" ON "password_resets" USING btree ("account_ref","id");--> statement-breakpoint
CREATE INDEX "payments_paid_on_idx" ON "payments" USING btree ("paid_on","id");--> statement-breakpoint
CREATE INDEX "portal_accounts_ubn_idx" ON "portal_accounts" USING btree ("ubn","id");--> statement-breakpoint
CREATE INDEX "portal_accounts_email_idx" ON "portal_accounts" USING btree ("email","id");--> statement-breakpoint
CREATE INDEX "portal_cards_account_idx" ON "portal_cards" USING btree ("account_ref","id");--> statement-breakpoint
CREATE INDEX "reassignments_broker_idx" ON "reassignments" USING btree ("broker_code","requested_at","id");--> statement-breakpoint
CREATE INDEX "reassignments_from_idx" ON "reassignments" USING btree ("from_ubn","id");--> statement-breakpoint
CREATE INDEX "reassignments_to_idx" ON "reassignments" USING btree ("to_ubn","id");--> statement-breakpoint
CREATE INDEX "registrations_account_idx" ON "registrations" USING btree ("account_ref","status","id");--> statement-breakpoint
CREATE INDEX "registrations_ubn_idx" ON "registrations" USING btree ("ubn","status","id");--> statement-breakpoint
CREATE INDEX "registrations_broker_idx" ON "registrations" USING btree ("broker_code","status","id");--> statement-breakpoint
CREATE INDEX "registrations_serial_idx" ON "registrations" USING btree ("serial_hex","id");--> statement-breakpoint
CREATE INDEX "registrations_broker_id_idx" ON "registrations" USING btree ("broker_id_number","id");