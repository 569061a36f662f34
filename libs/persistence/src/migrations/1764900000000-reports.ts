import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Periodic reports and what is made of them: a campaign's report plan and assessment rules,
 * the rounds its reporting workflow opens (one per period and kind), one report per unit that
 * owes it (each carried by a duty, so lateness climbs the duties' ladder), the filings of a
 * report (append-only versions, with what disagreed with the resource library), the
 * acceptance assessment with a scorecard per district and department, and the circulars.
 */
export class Reports1764900000000 implements MigrationInterface {
  name = 'Reports1764900000000';

  async up(db: QueryRunner): Promise<void> {
    // Null means the domain defaults (DEFAULT_REPORT_PLAN, DEFAULT_ASSESSMENT_RULES).
    await db.query(`ALTER TABLE campaigns ADD COLUMN report_plan jsonb, ADD COLUMN assessment_rules jsonb,
                      ADD COLUMN reporting_workflow_id varchar(120) UNIQUE`);
    await db.query(`
      CREATE TABLE report_rounds (
        id uuid PRIMARY KEY,
        campaign_id uuid NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        kind varchar(16) NOT NULL CHECK (kind IN ('ten_day', 'monthly', 'quarterly', 'year_end')),
        -- e.g. ten_day:2026-06-2, monthly:2026-06, quarterly:2026-Q2, year_end:2026
        round_key varchar(40) NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL CHECK (period_end >= period_start),
        due_date date NOT NULL,
        due_at timestamptz NOT NULL,
        opened_at timestamptz NOT NULL,
        report_count integer NOT NULL,
        -- Set once every report's duty workflow has started; until then the round is pending.
        duties_started_at timestamptz,
        UNIQUE (campaign_id, round_key)
      )`);
    await db.query(`CREATE INDEX report_rounds_due ON report_rounds (campaign_id, due_at)`);
    await db.query(`
      CREATE TABLE reports (
        id uuid PRIMARY KEY,
        round_id uuid NOT NULL REFERENCES report_rounds(id) ON DELETE CASCADE,
        campaign_id uuid NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        unit_id uuid NOT NULL REFERENCES departments(id),
        unit_kind varchar(16) NOT NULL CHECK (unit_kind IN ('department', 'district')),
        duty_id uuid NOT NULL UNIQUE REFERENCES duties(id),
        -- The first time the report reached the office (submitted), for "reports on time".
        first_filed_at timestamptz,
        UNIQUE (round_id, unit_id)
      )`);
    await db.query(`CREATE INDEX reports_unit ON reports (campaign_id, unit_id)`);
    await db.query(`
      CREATE TABLE report_filings (
        id uuid PRIMARY KEY,
        report_id uuid NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        version integer NOT NULL,
        figures jsonb NOT NULL,
        problems text NOT NULL DEFAULT '',
        proposals text NOT NULL DEFAULT '',
        correction_note text,
        -- What disagreed with the resource library when filed: [{ field, message, reported, library }].
        flags jsonb NOT NULL DEFAULT '[]',
        filed_by uuid NOT NULL REFERENCES users(id),
        filed_by_username varchar(100) NOT NULL,
        filed_at timestamptz NOT NULL,
        UNIQUE (report_id, version)
      )`);
    await db.query(`CREATE INDEX report_filings_flagged ON report_filings (report_id) WHERE flags <> '[]'::jsonb`);
    await db.query(`
      CREATE TABLE assessments (
        id uuid PRIMARY KEY,
        campaign_id uuid NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        status varchar(16) NOT NULL CHECK (status IN ('draft', 'finalised')),
        -- The rules as they were applied, so a later change of the campaign's settings does not
        -- rewrite a finalised assessment.
        rules jsonb NOT NULL,
        as_of date NOT NULL,
        computed_at timestamptz NOT NULL,
        created_by uuid NOT NULL REFERENCES users(id),
        finalised_by uuid REFERENCES users(id),
        finalised_at timestamptz,
        workflow_id varchar(120) NOT NULL UNIQUE
      )`);
    // One assessment per campaign at a time; a finalised one stays.
    await db.query(`CREATE UNIQUE INDEX assessments_one_per_campaign ON assessments (campaign_id)`);
    await db.query(`
      CREATE TABLE assessment_scores (
        assessment_id uuid NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
        unit_id uuid NOT NULL REFERENCES departments(id),
        unit_kind varchar(16) NOT NULL CHECK (unit_kind IN ('department', 'district')),
        scorecard jsonb NOT NULL,
        proposed_outcomes jsonb NOT NULL,
        outcomes jsonb NOT NULL,
        subsidy_base_yuan numeric(18, 2),
        subsidy_adjustment_yuan numeric(18, 2),
        reviewed_by uuid REFERENCES users(id),
        reviewed_at timestamptz,
        review_reason text,
        PRIMARY KEY (assessment_id, unit_id)
      )`);
    await db.query(`
      CREATE TABLE circulars (
        id uuid PRIMARY KEY,
        campaign_id uuid NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        kind varchar(16) NOT NULL CHECK (kind IN ('quarterly', 'final')),
        -- 2026-Q3 for a quarter, final for the assessment's circular.
        period_key varchar(16) NOT NULL,
        serial_number varchar(40),
        title varchar(300) NOT NULL,
        body text NOT NULL,
        data jsonb NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('draft', 'published')),
        drafted_by uuid NOT NULL REFERENCES users(id),
        drafted_at timestamptz NOT NULL,
        revised_by uuid REFERENCES users(id),
        revised_at timestamptz,
        published_by uuid REFERENCES users(id),
        published_at timestamptz,
        UNIQUE (campaign_id, period_key)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE circulars`);
    await db.query(`DROP TABLE assessment_scores`);
    await db.query(`DROP TABLE assessments`);
    await db.query(`DROP TABLE report_filings`);
    await db.query(`DROP TABLE reports`);
    await db.query(`DROP TABLE report_rounds`);
    await db.query(`ALTER TABLE campaigns DROP COLUMN reporting_workflow_id, DROP COLUMN assessment_rules, DROP COLUMN report_plan`);
  }
}
