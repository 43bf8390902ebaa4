//! The ledger's schema on PostgreSQL: versioned (`deskcoll.meta`), forward only, each
//! migration in the one transaction `team init` runs. Two roles: `deskcoll_agent` inserts
//! (never updates, deletes or truncates) and reads only its chain's receipts;
//! `deskcoll_supervisor` reads. A trigger witnesses each agent's chain as it grows.

/// The schema this deskcoll writes and reads.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// `MIGRATIONS[v]` takes the ledger from version `v` to `v + 1`. Append only.
pub const MIGRATIONS: &[&str] = &[V1];

/// Version 1. `results`: every version of every result a desk recorded (state or content
/// changed), keyed by the agent and the desk's own numbering `n` (a push retried after a lost
/// answer is the same row); `receipts`: each agent's chain, keyed by agent and `seq`;
/// `list_reads`: the evidence kept and broken promises are judged on.
const V1: &str = r#"
CREATE SCHEMA IF NOT EXISTS deskcoll;
REVOKE ALL ON SCHEMA deskcoll FROM PUBLIC;

CREATE TABLE deskcoll.meta (
    key   text PRIMARY KEY,
    value text NOT NULL
);

CREATE TABLE deskcoll.results (
    agent_id        text        NOT NULL,
    n               bigint      NOT NULL,
    result_id       bigint      NOT NULL,
    state           text        NOT NULL,
    account_no      text        NOT NULL,
    cust_name       text        NOT NULL,
    action_code     text        NOT NULL,
    result_code     text        NOT NULL,
    call_time       timestamp   NOT NULL,
    promise_date    date,
    total_due       text,
    promised_amount text,
    party           text        NOT NULL,
    callback_due    timestamptz,
    callback_zone   text,
    remark          text        NOT NULL,
    updated_at      text        NOT NULL,
    pushed_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agent_id, n)
);
CREATE INDEX results_call_time ON deskcoll.results (call_time);
CREATE INDEX results_latest ON deskcoll.results (agent_id, result_id, n DESC);

CREATE TABLE deskcoll.receipts (
    agent_id    text        NOT NULL,
    seq         bigint      NOT NULL,
    result_id   bigint      NOT NULL,
    tag         text        NOT NULL,
    prev_sha256 text        NOT NULL,
    sha256      text        NOT NULL,
    body        text        NOT NULL,
    call_time   timestamp   NOT NULL,
    pushed_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agent_id, seq)
);
CREATE INDEX receipts_call_time ON deskcoll.receipts (call_time);

CREATE TABLE deskcoll.list_reads (
    agent_id   text      NOT NULL,
    n          bigint    NOT NULL,
    account_no text      NOT NULL,
    read_at    timestamp NOT NULL,
    last_paid  date,
    overdue    bigint,
    PRIMARY KEY (agent_id, n)
);

-- The witness: a receipt joins an agent's chain only as its next link. The same receipt
-- again (a retry) is skipped; another one under a seq the ledger holds is refused.
CREATE FUNCTION deskcoll.witness_receipt() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    held deskcoll.receipts%ROWTYPE;
    head deskcoll.receipts%ROWTYPE;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('deskcoll.receipts'), hashtext(NEW.agent_id));
    IF encode(sha256(convert_to(NEW.body, 'UTF8')), 'hex') <> NEW.sha256 THEN
        RAISE EXCEPTION 'deskcoll: receipt % of agent % does not match its sha256', NEW.seq, NEW.agent_id
            USING ERRCODE = 'check_violation';
    END IF;
    IF (NEW.body::jsonb ->> 'prev_sha256') IS DISTINCT FROM NEW.prev_sha256
       OR (NEW.body::jsonb ->> 'seq')::bigint IS DISTINCT FROM NEW.seq THEN
        RAISE EXCEPTION 'deskcoll: receipt % of agent % states another seq or prev_sha256 than it is filed under', NEW.seq, NEW.agent_id
            USING ERRCODE = 'check_violation';
    END IF;
    SELECT * INTO held FROM deskcoll.receipts WHERE agent_id = NEW.agent_id AND seq = NEW.seq;
    IF FOUND THEN
        IF held.sha256 = NEW.sha256 THEN
            RETURN NULL;
        END IF;
        RAISE EXCEPTION 'deskcoll: the ledger holds another receipt % of agent % (sha256 %)', NEW.seq, NEW.agent_id, held.sha256
            USING ERRCODE = 'check_violation';
    END IF;
    SELECT * INTO head FROM deskcoll.receipts WHERE agent_id = NEW.agent_id ORDER BY seq DESC LIMIT 1;
    IF FOUND THEN
        IF NEW.seq <> head.seq + 1 THEN
            RAISE EXCEPTION 'deskcoll: receipt % of agent % is not the next (the ledger holds up to %)', NEW.seq, NEW.agent_id, head.seq
                USING ERRCODE = 'check_violation';
        END IF;
        IF NEW.prev_sha256 <> head.sha256 THEN
            RAISE EXCEPTION 'deskcoll: receipt % of agent % does not chain to receipt % (prev_sha256 % is not %)', NEW.seq, NEW.agent_id, head.seq, NEW.prev_sha256, head.sha256
                USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER witness BEFORE INSERT ON deskcoll.receipts
    FOR EACH ROW EXECUTE FUNCTION deskcoll.witness_receipt();
REVOKE ALL ON FUNCTION deskcoll.witness_receipt() FROM PUBLIC;

DO $roles$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'deskcoll_agent') THEN
        CREATE ROLE deskcoll_agent NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'deskcoll_supervisor') THEN
        CREATE ROLE deskcoll_supervisor NOLOGIN;
    END IF;
END
$roles$;

GRANT USAGE ON SCHEMA deskcoll TO deskcoll_agent, deskcoll_supervisor;
GRANT SELECT ON deskcoll.meta TO deskcoll_agent, deskcoll_supervisor;
GRANT INSERT ON deskcoll.results, deskcoll.receipts, deskcoll.list_reads TO deskcoll_agent;
-- Its own chain's receipts (audit --verify --against-team) and the keys its pushes conflict on.
GRANT SELECT ON deskcoll.receipts TO deskcoll_agent;
GRANT SELECT (agent_id, n) ON deskcoll.results, deskcoll.list_reads TO deskcoll_agent;
GRANT SELECT ON deskcoll.results, deskcoll.receipts, deskcoll.list_reads TO deskcoll_supervisor;
"#;
