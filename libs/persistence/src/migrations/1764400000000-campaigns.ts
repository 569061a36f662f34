import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaigns: jurisdiction, targets, leading group, a copy of the duty matrix, the phase plan
 * with its duty templates, the fan-out of a launched phase, and the campaign's own log of who
 * did what. Duties learn which campaign, phase and district they belong to.
 */
export class Campaigns1764400000000 implements MigrationInterface {
  name = 'Campaigns1764400000000';

  async up(db: QueryRunner): Promise<void> {
    // A district or county government (or a city, in a province's campaign) receives duties
    // like a department does, through its liaison.
    await db.query(`ALTER TABLE departments ADD COLUMN kind varchar(16) NOT NULL DEFAULT 'department'
                      CHECK (kind IN ('department', 'district'))`);
    await db.query(`
      CREATE TABLE campaigns (
        id uuid PRIMARY KEY,
        name varchar(200) NOT NULL,
        jurisdiction_name varchar(200) NOT NULL,
        jurisdiction_level varchar(16) NOT NULL CHECK (jurisdiction_level IN ('city', 'province')),
        period_start date NOT NULL,
        period_end date NOT NULL CHECK (period_end >= period_start),
        legal_basis_title text NOT NULL,
        legal_basis_number varchar(100) NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('planned', 'active', 'completed')),
        leading_group jsonb NOT NULL,
        targets jsonb NOT NULL,
        clock_policy jsonb NOT NULL,
        workflow_id varchar(100) NOT NULL UNIQUE,
        version integer NOT NULL DEFAULT 1,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE campaign_districts (
        campaign_id uuid NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        district_id uuid NOT NULL REFERENCES departments(id),
        seq integer NOT NULL,
        PRIMARY KEY (campaign_id, district_id)
      )`);
    await db.query(`
      CREATE TABLE campaign_duty_routes (
        campaign_id uuid NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        kind varchar(16) NOT NULL CHECK (kind IN ('sector', 'function')),
        key varchar(64) NOT NULL,
        label varchar(200) NOT NULL,
        department_id uuid NOT NULL REFERENCES departments(id),
        PRIMARY KEY (campaign_id, kind, key)
      )`);
    await db.query(`
      CREATE TABLE campaign_phases (
        id uuid PRIMARY KEY,
        campaign_id uuid NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        seq integer NOT NULL,
        kind varchar(24) NOT NULL CHECK (kind IN ('mobilisation', 'special_operation', 'acceptance')),
        round integer,
        name varchar(200) NOT NULL,
        window_start date NOT NULL,
        window_end date NOT NULL CHECK (window_end >= window_start),
        focus_sectors text[] NOT NULL DEFAULT '{}',
        status varchar(16) NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'open', 'closed')),
        workflow_id varchar(100) NOT NULL UNIQUE,
        launched_at timestamptz,
        launched_by uuid REFERENCES users(id),
        launch_forced boolean,
        launch_reason text,
        window_ends_at timestamptz,
        duty_count integer,
        closed_at timestamptz,
        close_reason varchar(32),
        summary jsonb,
        UNIQUE (campaign_id, seq)
      )`);
    await db.query(`
      CREATE TABLE phase_duty_templates (
        id uuid PRIMARY KEY,
        phase_id uuid NOT NULL REFERENCES campaign_phases(id) ON DELETE CASCADE,
        seq integer NOT NULL,
        title varchar(200) NOT NULL,
        description text NOT NULL,
        route_kind varchar(16) NOT NULL CHECK (route_kind IN ('function', 'sector', 'focus_sectors', 'district')),
        route_key varchar(64),
        scope varchar(16) NOT NULL CHECK (scope IN ('once', 'per_district')),
        due_at timestamptz,
        due_working_days integer,
        CHECK ((due_at IS NULL) <> (due_working_days IS NULL)),
        UNIQUE (phase_id, seq)
      )`);
    // What a launch decided: one row per duty, written once (deterministic duty ids), read in
    // batches by the phase's workflows.
    await db.query(`
      CREATE TABLE phase_fanout (
        phase_id uuid NOT NULL REFERENCES campaign_phases(id),
        ordinal integer NOT NULL,
        duty_id uuid NOT NULL UNIQUE,
        template_id uuid NOT NULL REFERENCES phase_duty_templates(id),
        department_id uuid NOT NULL REFERENCES departments(id),
        district_id uuid REFERENCES departments(id),
        sector_key varchar(64),
        title varchar(200) NOT NULL,
        description text NOT NULL,
        due_at timestamptz NOT NULL,
        PRIMARY KEY (phase_id, ordinal)
      )`);
    await db.query(`
      CREATE TABLE campaign_events (
        id bigserial PRIMARY KEY,
        event_key varchar(200) NOT NULL UNIQUE,
        campaign_id uuid NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        phase_id uuid REFERENCES campaign_phases(id) ON DELETE CASCADE,
        action varchar(40) NOT NULL,
        actor_user_id uuid NOT NULL,
        actor_username varchar(100) NOT NULL,
        actor_role varchar(32) NOT NULL,
        reason text,
        details jsonb,
        occurred_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX campaign_events_campaign ON campaign_events (campaign_id, id)`);
    await db.query(`
      ALTER TABLE duties
        ADD COLUMN campaign_id uuid REFERENCES campaigns(id),
        ADD COLUMN phase_id uuid REFERENCES campaign_phases(id),
        ADD COLUMN district_id uuid REFERENCES departments(id),
        ADD COLUMN template_id uuid REFERENCES phase_duty_templates(id),
        ADD COLUMN sector_key varchar(64),
        ADD COLUMN late boolean NOT NULL DEFAULT false`);
    await db.query(`CREATE INDEX duties_campaign_phase ON duties (campaign_id, phase_id)`);
    await db.query(`CREATE INDEX duties_department_state ON duties (department_id, state)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX duties_department_state`);
    await db.query(`DROP INDEX duties_campaign_phase`);
    await db.query(`ALTER TABLE duties DROP COLUMN late, DROP COLUMN sector_key, DROP COLUMN template_id,
                      DROP COLUMN district_id, DROP COLUMN phase_id, DROP COLUMN campaign_id`);
    await db.query(`DROP TABLE campaign_events`);
    await db.query(`DROP TABLE phase_fanout`);
    await db.query(`DROP TABLE phase_duty_templates`);
    await db.query(`DROP TABLE campaign_phases`);
    await db.query(`DROP TABLE campaign_duty_routes`);
    await db.query(`DROP TABLE campaign_districts`);
    await db.query(`DROP TABLE campaigns`);
    await db.query(`ALTER TABLE departments DROP COLUMN kind`);
  }
}
