import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE departments (
        id uuid PRIMARY KEY,
        code varchar(32) NOT NULL UNIQUE,
        name varchar(200) NOT NULL,
        liaison_email varchar(320) NOT NULL,
        head_email varchar(320) NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        username varchar(64) NOT NULL UNIQUE,
        display_name varchar(200) NOT NULL,
        email varchar(320),
        password_hash varchar(255) NOT NULL,
        role varchar(32) NOT NULL CHECK (role IN ('office', 'department_officer', 'inspector', 'viewer')),
        department_id uuid REFERENCES departments(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((role = 'department_officer') = (department_id IS NOT NULL))
      )`);
    await db.query(`
      CREATE TABLE duties (
        id uuid PRIMARY KEY,
        department_id uuid NOT NULL REFERENCES departments(id),
        title varchar(200) NOT NULL,
        description text NOT NULL,
        state varchar(20) NOT NULL CHECK (state IN
          ('assigned', 'acknowledged', 'in_progress', 'submitted', 'returned', 'accepted', 'cancelled')),
        due_at timestamptz NOT NULL,
        assigned_at timestamptz NOT NULL,
        assigned_by uuid NOT NULL REFERENCES users(id),
        workflow_id varchar(100) NOT NULL UNIQUE,
        last_seq integer NOT NULL,
        result text,
        return_count integer NOT NULL DEFAULT 0,
        reminded_at timestamptz,
        overdue_since timestamptz,
        closed_at timestamptz,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX duties_department_state_idx ON duties (department_id, state)`);
    await db.query(`CREATE INDEX duties_due_at_idx ON duties (due_at) WHERE closed_at IS NULL`);
    await db.query(`
      CREATE TABLE duty_transitions (
        id bigserial PRIMARY KEY,
        duty_id uuid NOT NULL REFERENCES duties(id),
        seq integer NOT NULL,
        action varchar(32) NOT NULL,
        from_state varchar(20),
        to_state varchar(20) NOT NULL,
        actor_user_id uuid NOT NULL,
        actor_username varchar(64) NOT NULL,
        actor_role varchar(32) NOT NULL,
        reason text,
        result text,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (duty_id, seq)
      )`);
    await db.query(`
      CREATE TABLE duty_escalations (
        id bigserial PRIMARY KEY,
        duty_id uuid NOT NULL REFERENCES duties(id),
        step varchar(64) NOT NULL,
        due_at timestamptz NOT NULL,
        fired_at timestamptz NOT NULL,
        notified text[] NOT NULL,
        UNIQUE (duty_id, step, due_at)
      )`);
    await db.query(`
      CREATE TABLE emails (
        id bigserial PRIMARY KEY,
        idempotency_key varchar(200) NOT NULL UNIQUE,
        duty_id uuid REFERENCES duties(id),
        recipients text[] NOT NULL,
        subject varchar(300) NOT NULL,
        body text NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('pending', 'sent')),
        message_id varchar(300) NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await db.query(`CREATE INDEX emails_duty_idx ON emails (duty_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE emails`);
    await db.query(`DROP TABLE duty_escalations`);
    await db.query(`DROP TABLE duty_transitions`);
    await db.query(`DROP TABLE duties`);
    await db.query(`DROP TABLE users`);
    await db.query(`DROP TABLE departments`);
  }
}
