import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The expansion resource library and what follows from it: which registries hold a unit,
 * comparison runs, compliance cases (one per unit and finding, with their transitions and
 * escalation steps), evidence, exposure proposals, inspection teams and their cases, and the
 * inspectors' log of enforcement actions.
 */
export class Compliance1764700000000 implements MigrationInterface {
  name = 'Compliance1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE units ADD COLUMN registrations jsonb NOT NULL DEFAULT '{}'`);

    // Labour-inspection teams are registry units like departments: their inspectors belong to them.
    await db.query(`ALTER TABLE departments DROP CONSTRAINT departments_kind_check`);
    await db.query(`ALTER TABLE departments ADD CONSTRAINT departments_kind_check CHECK (kind IN ('department', 'district', 'inspection_team'))`);
    // An inspector belongs to a team (their department_id); an officer still must have a department.
    await db.query(`ALTER TABLE users DROP CONSTRAINT users_check`);
    await db.query(`ALTER TABLE users ADD CONSTRAINT users_check CHECK (
      CASE role WHEN 'department_officer' THEN department_id IS NOT NULL WHEN 'inspector' THEN true ELSE department_id IS NULL END)`);
    await db.query(`
      CREATE TABLE inspection_team_districts (
        -- One team answers for a district; districts no team names go to a city-wide team.
        district_id uuid PRIMARY KEY REFERENCES departments(id),
        team_id uuid NOT NULL REFERENCES departments(id)
      )`);

    await db.query(`
      CREATE TABLE compliance_runs (
        id uuid PRIMARY KEY,
        campaign_id uuid NOT NULL REFERENCES campaigns(id),
        status varchar(16) NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
        requested_by uuid NOT NULL REFERENCES users(id),
        requester_username varchar(64) NOT NULL,
        reason text,
        requested_at timestamptz NOT NULL,
        finished_at timestamptz,
        units_compared integer,
        findings_new integer,
        findings_open_already integer,
        error text
      )`);

    await db.query(`CREATE SEQUENCE compliance_notice_seq`);
    await db.query(`
      CREATE TABLE compliance_cases (
        id uuid PRIMARY KEY,
        credit_code varchar(18) NOT NULL REFERENCES units(credit_code),
        finding varchar(32) NOT NULL CHECK (finding IN ('not_registered', 'under_insured', 'in_arrears')),
        -- What the comparison saw (registries, head counts, arrears) when it found the case.
        evidence_of_finding jsonb NOT NULL,
        campaign_id uuid NOT NULL REFERENCES campaigns(id),
        run_id uuid NOT NULL REFERENCES compliance_runs(id),
        department_id uuid NOT NULL REFERENCES departments(id),
        route_kind varchar(16) NOT NULL,
        route_key varchar(64) NOT NULL,
        sector_key varchar(64),
        district_id uuid REFERENCES departments(id),
        state varchar(16) NOT NULL CHECK (state IN ('identified', 'notified', 'escalated', 'closed')),
        outcome varchar(16) CHECK (outcome IN ('rectified', 'dismissed')),
        notice_number varchar(64) UNIQUE,
        notice_issued_at timestamptz,
        notice_deadline timestamptz,
        last_seq integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        closed_at timestamptz,
        CHECK ((state = 'closed') = (outcome IS NOT NULL))
      )`);
    // One open case per unit and finding: a second comparison finds the open one.
    await db.query(`CREATE UNIQUE INDEX compliance_cases_open ON compliance_cases (credit_code, finding) WHERE state <> 'closed'`);
    await db.query(`CREATE INDEX compliance_cases_department ON compliance_cases (department_id, state)`);
    // A unit's cases, closed ones included: the comparison asks for each unit's rectified findings.
    await db.query(`CREATE INDEX compliance_cases_unit ON compliance_cases (credit_code, outcome)`);
    await db.query(`CREATE INDEX compliance_cases_campaign ON compliance_cases (campaign_id, state)`);

    await db.query(`
      CREATE TABLE compliance_case_transitions (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES compliance_cases(id),
        seq integer NOT NULL,
        action varchar(32) NOT NULL,
        from_state varchar(16),
        to_state varchar(16) NOT NULL,
        actor_user_id uuid NOT NULL,
        actor_username varchar(64) NOT NULL,
        actor_role varchar(32) NOT NULL,
        actor_department_id uuid,
        reason text,
        details jsonb NOT NULL DEFAULT '{}',
        occurred_at timestamptz NOT NULL,
        UNIQUE (case_id, seq)
      )`);

    await db.query(`
      CREATE TABLE compliance_case_steps (
        case_id uuid NOT NULL REFERENCES compliance_cases(id),
        step varchar(32) NOT NULL CHECK (step IN ('inspection', 'exposure', 'bidding_ban', 'court_referral')),
        status varchar(16) NOT NULL CHECK (status IN ('taken', 'cancelled')),
        due_at timestamptz NOT NULL,
        taken_at timestamptz,
        cancelled_at timestamptz,
        -- The duty a step gives a department; its row is written when its workflow starts.
        duty_id uuid,
        details jsonb NOT NULL DEFAULT '{}',
        PRIMARY KEY (case_id, step)
      )`);

    await db.query(`
      CREATE TABLE compliance_evidence (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES compliance_cases(id),
        sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        kind varchar(16) NOT NULL,
        content_type varchar(200) NOT NULL,
        file_name varchar(255) NOT NULL,
        content bytea NOT NULL,
        uploaded_by uuid NOT NULL REFERENCES users(id),
        uploader_username varchar(64) NOT NULL,
        uploader_role varchar(32) NOT NULL,
        uploader_department_id uuid REFERENCES departments(id),
        uploaded_at timestamptz NOT NULL,
        UNIQUE (case_id, sha256)
      )`);

    await db.query(`
      CREATE TABLE exposure_proposals (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL UNIQUE REFERENCES compliance_cases(id),
        credit_code varchar(18) NOT NULL REFERENCES units(credit_code),
        status varchar(16) NOT NULL CHECK (status IN ('proposed', 'approved', 'rejected', 'withdrawn')),
        proposed_at timestamptz NOT NULL,
        decided_by uuid REFERENCES users(id),
        decider_username varchar(64),
        decided_at timestamptz,
        decision_reason text,
        media_duty_id uuid
      )`);

    await db.query(`
      CREATE TABLE inspection_cases (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL UNIQUE REFERENCES compliance_cases(id),
        credit_code varchar(18) NOT NULL REFERENCES units(credit_code),
        -- NULL while no inspection team is registered to take it (the office sees it unassigned).
        team_id uuid REFERENCES departments(id),
        status varchar(16) NOT NULL CHECK (status IN ('open', 'closed')),
        opened_at timestamptz NOT NULL,
        closed_at timestamptz,
        close_reason text
      )`);
    await db.query(`CREATE INDEX inspection_cases_team ON inspection_cases (team_id, status)`);

    await db.query(`
      CREATE TABLE enforcement_actions (
        id uuid PRIMARY KEY,
        inspection_case_id uuid NOT NULL REFERENCES inspection_cases(id),
        credit_code varchar(18) NOT NULL REFERENCES units(credit_code),
        type varchar(32) NOT NULL CHECK (type IN ('on_site_inspection', 'rectification_order', 'penalty', 'exposure', 'court_referral', 'credit_record')),
        action_date date NOT NULL,
        findings text NOT NULL,
        outcome text,
        penalty_yuan numeric(16, 2) CHECK (penalty_yuan > 0),
        evidence_ids uuid[] NOT NULL DEFAULT '{}',
        recorded_by uuid NOT NULL REFERENCES users(id),
        recorder_username varchar(64) NOT NULL,
        recorder_team_id uuid REFERENCES departments(id),
        recorded_at timestamptz NOT NULL,
        CHECK ((type = 'penalty') = (penalty_yuan IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX enforcement_actions_unit ON enforcement_actions (credit_code, action_date)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'enforcement_actions',
      'inspection_cases',
      'exposure_proposals',
      'compliance_evidence',
      'compliance_case_steps',
      'compliance_case_transitions',
      'compliance_cases',
      'compliance_runs',
      'inspection_team_districts',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`DROP SEQUENCE compliance_notice_seq`);
    await db.query(`UPDATE users SET department_id = NULL WHERE role = 'inspector'`);
    await db.query(`ALTER TABLE users DROP CONSTRAINT users_check`);
    await db.query(`ALTER TABLE users ADD CONSTRAINT users_check CHECK ((role = 'department_officer') = (department_id IS NOT NULL))`);
    await db.query(`ALTER TABLE departments DROP CONSTRAINT departments_kind_check`);
    await db.query(`ALTER TABLE departments ADD CONSTRAINT departments_kind_check CHECK (kind IN ('department', 'district'))`);
    await db.query(`ALTER TABLE units DROP COLUMN registrations`);
  }
}
