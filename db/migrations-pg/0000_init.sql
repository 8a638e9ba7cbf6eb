CREATE TABLE "application_attachments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" bigint NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" bigint,
	"uploaded_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" bigint NOT NULL,
	"at" text NOT NULL,
	"actor_id" bigint,
	"actor_name" text,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "application_names" (
	"ubn" text NOT NULL,
	"company_name" text NOT NULL,
	CONSTRAINT "application_names_ubn_company_name_pk" PRIMARY KEY("ubn","company_name")
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_no" text NOT NULL,
	"channel" text NOT NULL,
	"service" text NOT NULL,
	"status" text NOT NULL,
	"office_code" text NOT NULL,
	"ubn" text NOT NULL,
	"company_name" text NOT NULL,
	"phone" text,
	"fax" text,
	"representative" text,
	"representative_phone" text,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"contact_mobile" text NOT NULL,
	"contact_email" text NOT NULL,
	"business_type" text NOT NULL,
	"kind" text NOT NULL,
	"box_no" text NOT NULL,
	"broker_code" text,
	"broker_national_id" text,
	"privacy_consent" bigint NOT NULL,
	"target_certificate_id" bigint,
	"target_serial" text,
	"keyed_by" bigint,
	"prepared_by" bigint,
	"prepared_at" text,
	"prepare_notes" text,
	"decided_by" bigint,
	"reject_reason_code" text,
	"reject_reason" text,
	"submitted_at" text,
	"signed_document" text,
	"signature" text,
	"signer_certificate" "bytea",
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	"decided_at" text,
	"version" bigint DEFAULT 1 NOT NULL,
	"received_at" text GENERATED ALWAYS AS (coalesce(submitted_at, created_at)) STORED,
	CONSTRAINT "applications_application_no_unique" UNIQUE("application_no")
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"broker_code" text NOT NULL,
	"firm_ubn" text NOT NULL,
	"from_date" text NOT NULL,
	"to_date" text,
	"status" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" text NOT NULL,
	"actor_id" bigint,
	"actor_name" text,
	"office_code" text,
	"roles" text DEFAULT '' NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"summary" text,
	"request_id" text,
	"ip" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bank_imports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"rows" bigint NOT NULL,
	"applied" bigint NOT NULL,
	"imported_by" bigint,
	"imported_at" text NOT NULL,
	CONSTRAINT "bank_imports_sha256_unique" UNIQUE("sha256")
);
--> statement-breakpoint
CREATE TABLE "binding_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_ref" bigint NOT NULL,
	"status" text NOT NULL,
	"card_kind" text NOT NULL,
	"form_path" text NOT NULL,
	"form_name" text NOT NULL,
	"form_mime" text NOT NULL,
	"form_size" bigint NOT NULL,
	"code_hash" text,
	"code_expires_at" text,
	"decided_by" bigint,
	"decided_at" text,
	"reject_reason" text,
	"bound_at" text,
	"created_at" text NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "brokers" (
	"code" text PRIMARY KEY NOT NULL,
	"national_id" text NOT NULL,
	"name" text NOT NULL,
	"qualification_status" text NOT NULL,
	"qualified_on" text NOT NULL,
	"disqualified_on" text,
	CONSTRAINT "brokers_national_id_unique" UNIQUE("national_id")
);
--> statement-breakpoint
CREATE TABLE "ca_issued" (
	"ca_name" text NOT NULL,
	"serial_hex" text NOT NULL,
	"profile" text NOT NULL,
	"subject_dn" text NOT NULL,
	"not_before" text NOT NULL,
	"not_after" text NOT NULL,
	"der" "bytea" NOT NULL,
	"issued_at" text NOT NULL,
	"revoked_at" text,
	"revocation_reason" text,
	CONSTRAINT "ca_issued_ca_name_serial_hex_pk" PRIMARY KEY("ca_name","serial_hex")
);
--> statement-breakpoint
CREATE TABLE "certificate_authorities" (
	"name" text PRIMARY KEY NOT NULL,
	"parent_name" text,
	"subject_dn" text NOT NULL,
	"certificate" "bytea" NOT NULL,
	"wrapped_key" text NOT NULL,
	"crl_number" bigint DEFAULT 0 NOT NULL,
	"revocation_seq" bigint DEFAULT 0 NOT NULL,
	"created_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"serial_hex" text NOT NULL,
	"ca_name" text NOT NULL,
	"kind" text NOT NULL,
	"subject_dn" text NOT NULL,
	"ubn" text NOT NULL,
	"broker_code" text,
	"office_code" text NOT NULL,
	"status" text NOT NULL,
	"not_before" text NOT NULL,
	"not_after" text NOT NULL,
	"application_id" bigint,
	"der" "bytea",
	"revoked_at" text,
	"revocation_reason" text,
	"created_at" text NOT NULL,
	CONSTRAINT "certificates_serial_hex_unique" UNIQUE("serial_hex")
);
--> statement-breakpoint
CREATE TABLE "crls" (
	"ca_name" text NOT NULL,
	"crl_number" bigint NOT NULL,
	"this_update" text NOT NULL,
	"next_update" text NOT NULL,
	"revocation_seq" bigint DEFAULT 0 NOT NULL,
	"der" "bytea" NOT NULL,
	CONSTRAINT "crls_ca_name_crl_number_pk" PRIMARY KEY("ca_name","crl_number")
);
--> statement-breakpoint
CREATE TABLE "email_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_ref" bigint NOT NULL,
	"old_email" text NOT NULL,
	"new_email" text NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"requested_by" bigint NOT NULL,
	"requested_at" text NOT NULL,
	"decided_by" bigint,
	"decided_at" text,
	"version" bigint DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expiry_notices" (
	"certificate_id" bigint NOT NULL,
	"cycle" text NOT NULL,
	"sent_at" text NOT NULL,
	CONSTRAINT "expiry_notices_certificate_id_cycle_pk" PRIMARY KEY("certificate_id","cycle")
);
--> statement-breakpoint
CREATE TABLE "fee_slips" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"slip_no" text NOT NULL,
	"application_id" bigint NOT NULL,
	"office_code" text NOT NULL,
	"payer_ubn" text NOT NULL,
	"payer_name" text NOT NULL,
	"amount" bigint NOT NULL,
	"issued_on" text NOT NULL,
	"due_on" text NOT NULL,
	"status" text NOT NULL,
	"paid_at" text,
	"created_at" text NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL,
	CONSTRAINT "fee_slips_slip_no_unique" UNIQUE("slip_no")
);
--> statement-breakpoint
CREATE TABLE "firm_licences" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ubn" text NOT NULL,
	"business_type" text NOT NULL,
	"status" text NOT NULL,
	"licensed_on" text NOT NULL,
	"expires_on" text
);
--> statement-breakpoint
CREATE TABLE "firms" (
	"ubn" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"representative" text,
	"address" text,
	"phone" text,
	"office_code" text NOT NULL,
	"box_no" text,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"job" text NOT NULL,
	"started_at" text NOT NULL,
	"finished_at" text,
	"status" text NOT NULL,
	"summary" text,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "login_challenges" (
	"nonce" text PRIMARY KEY NOT NULL,
	"audience" text NOT NULL,
	"issued_at" text NOT NULL,
	"used_at" text
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body_text" text NOT NULL,
	"template" text NOT NULL,
	"application_id" bigint,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" bigint DEFAULT 0 NOT NULL,
	"next_attempt_at" text NOT NULL,
	"last_error" text,
	"created_at" text NOT NULL,
	"sent_at" text
);
--> statement-breakpoint
CREATE TABLE "offices" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "password_resets" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_ref" bigint NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" text NOT NULL,
	"used_at" text,
	"created_by" bigint NOT NULL,
	"created_at" text NOT NULL,
	CONSTRAINT "password_resets_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"fee_slip_id" bigint NOT NULL,
	"slip_no" text NOT NULL,
	"amount" bigint NOT NULL,
	"paid_on" text NOT NULL,
	"channel" text NOT NULL,
	"reference" text,
	"source" text NOT NULL,
	"recorded_by" bigint,
	"recorded_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal_accounts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"category" text NOT NULL,
	"attribute" text NOT NULL,
	"email" text NOT NULL,
	"contact_name" text NOT NULL,
	"id_number" text,
	"ubn" text,
	"birth_date" text,
	"phone" text NOT NULL,
	"address" text NOT NULL,
	"company_name" text,
	"representative" text,
	"company_phone" text,
	"company_address" text,
	"password_hash" text,
	"must_change_password" bigint DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"failed_attempts" bigint DEFAULT 0 NOT NULL,
	"locked_until" text,
	"migrated" bigint DEFAULT 0 NOT NULL,
	"last_login_at" text,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL,
	CONSTRAINT "portal_accounts_account_id_unique" UNIQUE("account_id")
);
--> statement-breakpoint
CREATE TABLE "portal_cards" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_ref" bigint NOT NULL,
	"fingerprint" text NOT NULL,
	"kind" text NOT NULL,
	"serial_hex" text NOT NULL,
	"issuer_dn" text NOT NULL,
	"subject_dn" text NOT NULL,
	"not_before" text NOT NULL,
	"not_after" text NOT NULL,
	"bound_via" text NOT NULL,
	"bound_at" text NOT NULL,
	CONSTRAINT "portal_cards_fingerprint_unique" UNIQUE("fingerprint")
);
--> statement-breakpoint
CREATE TABLE "portal_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"account_ref" bigint NOT NULL,
	"method" text NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" text NOT NULL,
	"last_seen_at" text NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text NOT NULL,
	"window_start" bigint NOT NULL,
	"count" bigint NOT NULL,
	CONSTRAINT "rate_limits_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "reassignments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"broker_code" text NOT NULL,
	"from_ubn" text,
	"to_ubn" text,
	"effective_date" text NOT NULL,
	"documents" text,
	"reason" text,
	"requested_by" bigint NOT NULL,
	"requested_at" text NOT NULL,
	"decided_by" bigint,
	"decided_at" text,
	"reject_reason" text,
	"version" bigint DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_ref" bigint NOT NULL,
	"use_type" text NOT NULL,
	"form" text NOT NULL,
	"certificate_kind" text NOT NULL,
	"fingerprint" text NOT NULL,
	"serial_hex" text NOT NULL,
	"issuer_dn" text NOT NULL,
	"subject_dn" text NOT NULL,
	"ubn" text NOT NULL,
	"broker_code" text,
	"broker_id_number" text,
	"broker_name" text,
	"not_before" text NOT NULL,
	"not_after" text NOT NULL,
	"der" "bytea" NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"certificate_status" text DEFAULT 'valid' NOT NULL,
	"registered_at" text NOT NULL,
	"deleted_at" text,
	"deleted_by" text,
	"deleted_reason" text
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"staff_id" bigint NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" text NOT NULL,
	"last_seen_at" text NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" text NOT NULL,
	"updated_by" bigint
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"email" text,
	"office_code" text NOT NULL,
	"password_hash" text NOT NULL,
	"must_change_password" bigint DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"failed_attempts" bigint DEFAULT 0 NOT NULL,
	"locked_until" text,
	"last_login_at" text,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL,
	CONSTRAINT "staff_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "staff_roles" (
	"staff_id" bigint NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "staff_roles_staff_id_role_pk" PRIMARY KEY("staff_id","role")
);
--> statement-breakpoint
ALTER TABLE "application_attachments" ADD CONSTRAINT "application_attachments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_broker_code_brokers_code_fk" FOREIGN KEY ("broker_code") REFERENCES "public"."brokers"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_firm_ubn_firms_ubn_fk" FOREIGN KEY ("firm_ubn") REFERENCES "public"."firms"("ubn") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "binding_requests" ADD CONSTRAINT "binding_requests_account_ref_portal_accounts_id_fk" FOREIGN KEY ("account_ref") REFERENCES "public"."portal_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "binding_requests" ADD CONSTRAINT "binding_requests_decided_by_staff_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ca_issued" ADD CONSTRAINT "ca_issued_ca_name_certificate_authorities_name_fk" FOREIGN KEY ("ca_name") REFERENCES "public"."certificate_authorities"("name") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crls" ADD CONSTRAINT "crls_ca_name_certificate_authorities_name_fk" FOREIGN KEY ("ca_name") REFERENCES "public"."certificate_authorities"("name") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_changes" ADD CONSTRAINT "email_changes_account_ref_portal_accounts_id_fk" FOREIGN KEY ("account_ref") REFERENCES "public"."portal_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_changes" ADD CONSTRAINT "email_changes_requested_by_staff_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_changes" ADD CONSTRAINT "email_changes_decided_by_staff_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_slips" ADD CONSTRAINT "fee_slips_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firm_licences" ADD CONSTRAINT "firm_licences_ubn_firms_ubn_fk" FOREIGN KEY ("ubn") REFERENCES "public"."firms"("ubn") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firms" ADD CONSTRAINT "firms_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_account_ref_portal_accounts_id_fk" FOREIGN KEY ("account_ref") REFERENCES "public"."portal_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_fee_slip_id_fee_slips_id_fk" FOREIGN KEY ("fee_slip_id") REFERENCES "public"."fee_slips"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_cards" ADD CONSTRAINT "portal_cards_account_ref_portal_accounts_id_fk" FOREIGN KEY ("account_ref") REFERENCES "public"."portal_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_sessions" ADD CONSTRAINT "portal_sessions_account_ref_portal_accounts_id_fk" FOREIGN KEY ("account_ref") REFERENCES "public"."portal_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reassignments" ADD CONSTRAINT "reassignments_requested_by_staff_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reassignments" ADD CONSTRAINT "reassignments_decided_by_staff_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_account_ref_portal_accounts_id_fk" FOREIGN KEY ("account_ref") REFERENCES "public"."portal_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_roles" ADD CONSTRAINT "staff_roles_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_attachments_app_idx" ON "application_attachments" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "application_events_app_idx" ON "application_events" USING btree ("application_id","id");--> statement-breakpoint
CREATE INDEX "applications_received_idx" ON "applications" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "applications_office_received_idx" ON "applications" USING btree ("office_code","received_at");--> statement-breakpoint
CREATE INDEX "applications_status_received_idx" ON "applications" USING btree ("status","received_at");--> statement-breakpoint
CREATE INDEX "applications_office_status_received_idx" ON "applications" USING btree ("office_code","status","received_at");--> statement-breakpoint
CREATE INDEX "applications_service_received_idx" ON "applications" USING btree ("service","received_at");--> statement-breakpoint
CREATE INDEX "applications_ubn_received_idx" ON "applications" USING btree ("ubn","received_at");--> statement-breakpoint
CREATE INDEX "applications_broker_received_idx" ON "applications" USING btree ("broker_code","received_at");--> statement-breakpoint
CREATE INDEX "applications_status_number_idx" ON "applications" USING btree ("status","application_no");--> statement-breakpoint
CREATE INDEX "applications_submitted_idx" ON "applications" USING btree ("submitted_at","office_code","status");--> statement-breakpoint
CREATE INDEX "applications_decided_idx" ON "applications" USING btree ("decided_at","office_code","submitted_at");--> statement-breakpoint
CREATE INDEX "applications_target_serial_idx" ON "applications" USING btree ("target_serial");--> statement-breakpoint
CREATE INDEX "appointments_broker_idx" ON "appointments" USING btree ("broker_code");--> statement-breakpoint
CREATE INDEX "appointments_firm_idx" ON "appointments" USING btree ("firm_ubn","status");--> statement-breakpoint
CREATE INDEX "appointments_from_idx" ON "appointments" USING btree ("from_date");--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_entity_kind_idx" ON "audit_log" USING btree ("entity","id");--> statement-breakpoint
CREATE INDEX "audit_entity_id_idx" ON "audit_log" USING btree ("entity_id","id");--> statement-breakpoint
CREATE INDEX "audit_action_idx" ON "audit_log" USING btree ("action");--> statement-breakpoint
CREATE INDEX "audit_actor_idx" ON "audit_log" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "audit_actor_name_idx" ON "audit_log" USING btree ("actor_name","id");--> statement-breakpoint
CREATE INDEX "audit_office_idx" ON "audit_log" USING btree ("office_code","id");--> statement-breakpoint
CREATE INDEX "binding_requests_status_idx" ON "binding_requests" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "binding_requests_account_idx" ON "binding_requests" USING btree ("account_ref");--> statement-breakpoint
CREATE INDEX "brokers_name_idx" ON "brokers" USING btree ("name","code");--> statement-breakpoint
CREATE INDEX "brokers_qualified_idx" ON "brokers" USING btree ("qualified_on","code");--> statement-breakpoint
CREATE INDEX "ca_issued_revoked_idx" ON "ca_issued" USING btree ("ca_name","revoked_at");--> statement-breakpoint
CREATE INDEX "certificates_ubn_expiry_idx" ON "certificates" USING btree ("ubn","not_after");--> statement-breakpoint
CREATE INDEX "certificates_broker_expiry_idx" ON "certificates" USING btree ("broker_code","not_after");--> statement-breakpoint
CREATE INDEX "certificates_office_status_idx" ON "certificates" USING btree ("office_code","status","not_after");--> statement-breakpoint
CREATE INDEX "certificates_status_expiry_idx" ON "certificates" USING btree ("status","not_after");--> statement-breakpoint
CREATE INDEX "email_changes_status_idx" ON "email_changes" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "fee_slips_application_idx" ON "fee_slips" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "fee_slips_payer_idx" ON "fee_slips" USING btree ("payer_ubn");--> statement-breakpoint
CREATE INDEX "fee_slips_status_due_idx" ON "fee_slips" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "fee_slips_issued_idx" ON "fee_slips" USING btree ("issued_on","office_code");--> statement-breakpoint
CREATE INDEX "fee_slips_paid_idx" ON "fee_slips" USING btree ("paid_at","office_code","amount");--> statement-breakpoint
CREATE UNIQUE INDEX "firm_licences_uq" ON "firm_licences" USING btree ("ubn","business_type");--> statement-breakpoint
CREATE UNIQUE INDEX "firms_office_box_uq" ON "firms" USING btree ("office_code","box_no");--> statement-breakpoint
CREATE INDEX "firms_name_idx" ON "firms" USING btree ("name","ubn");--> statement-breakpoint
CREATE INDEX "firms_office_idx" ON "firms" USING btree ("office_code","ubn");--> statement-breakpoint
CREATE INDEX "firms_updated_idx" ON "firms" USING btree ("updated_at","ubn");--> statement-breakpoint
CREATE INDEX "job_runs_job_idx" ON "job_runs" USING btree ("job","id");--> statement-breakpoint
CREATE INDEX "login_challenges_issued_idx" ON "login_challenges" USING btree ("issued_at");--> statement-breakpoint
CREATE INDEX "mail_outbox_due_idx" ON "mail_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "mail_outbox_application_idx" ON "mail_outbox" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "mail_outbox_status_idx" ON "mail_outbox" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "password_resets_account_idx" ON "password_resets" USING btree ("account_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_fee_slip_uq" ON "payments" USING btree ("fee_slip_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_reference_uq" ON "payments" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "payments_paid_on_idx" ON "payments" USING btree ("paid_on");--> statement-breakpoint
CREATE UNIQUE INDEX "portal_accounts_person_idx" ON "portal_accounts" USING btree ("id_number") WHERE category = 'individual';--> statement-breakpoint
CREATE INDEX "portal_accounts_ubn_idx" ON "portal_accounts" USING btree ("ubn");--> statement-breakpoint
CREATE INDEX "portal_accounts_email_idx" ON "portal_accounts" USING btree ("email");--> statement-breakpoint
CREATE INDEX "portal_cards_account_idx" ON "portal_cards" USING btree ("account_ref");--> statement-breakpoint
CREATE INDEX "portal_sessions_account_idx" ON "portal_sessions" USING btree ("account_ref");--> statement-breakpoint
CREATE INDEX "reassignments_broker_idx" ON "reassignments" USING btree ("broker_code","requested_at");--> statement-breakpoint
CREATE INDEX "reassignments_status_idx" ON "reassignments" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "reassignments_from_idx" ON "reassignments" USING btree ("from_ubn");--> statement-breakpoint
CREATE INDEX "reassignments_to_idx" ON "reassignments" USING btree ("to_ubn");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_active_idx" ON "registrations" USING btree ("fingerprint","ubn") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "registrations_account_idx" ON "registrations" USING btree ("account_ref","status");--> statement-breakpoint
CREATE INDEX "registrations_ubn_idx" ON "registrations" USING btree ("ubn","status");--> statement-breakpoint
CREATE INDEX "registrations_broker_idx" ON "registrations" USING btree ("broker_code","status");--> statement-breakpoint
CREATE INDEX "registrations_serial_idx" ON "registrations" USING btree ("serial_hex");--> statement-breakpoint
CREATE INDEX "registrations_broker_id_idx" ON "registrations" USING btree ("broker_id_number");--> statement-breakpoint
CREATE INDEX "sessions_staff_idx" ON "sessions" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "staff_roles_role_idx" ON "staff_roles" USING btree ("role");