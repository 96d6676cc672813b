namespace ContactCenter.Data.Migrations;

/// <summary>
/// The ordered schema steps. Never edit a released step: add the next one. Times are unix milliseconds
/// (UTC) in INTEGER columns everywhere, named <c>*_at</c>; durations are milliseconds, named <c>*_ms</c>.
/// </summary>
internal static class SchemaMigrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "departments, extensions, devices, registrations, call records, settings", """
            CREATE TABLE settings (
                key   TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL
            );

            CREATE TABLE departments (
                id   INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0)
            );

            CREATE TABLE extensions (
                id            INTEGER PRIMARY KEY,
                number        TEXT NOT NULL UNIQUE CHECK (number NOT GLOB '*[^0-9]*' AND length(number) BETWEEN 2 AND 10),
                display_name  TEXT NOT NULL CHECK (length(trim(display_name)) > 0),
                email         TEXT,
                department_id INTEGER REFERENCES departments (id) ON DELETE SET NULL,
                role          TEXT NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'agent', 'supervisor', 'admin')),
                status        TEXT NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'away', 'dnd')),
                -- SIP credentials: HA1 = H(number:realm:password) only (RFC 7616 §3.4.2), never the password.
                ha1_md5       TEXT NOT NULL CHECK (length(ha1_md5) = 32),
                ha1_sha256    TEXT NOT NULL CHECK (length(ha1_sha256) = 64),
                ha1_realm     TEXT NOT NULL,
                created_at    INTEGER NOT NULL,
                updated_at    INTEGER NOT NULL
            );
            CREATE INDEX extensions_department ON extensions (department_id);

            CREATE TABLE devices (
                id           INTEGER PRIMARY KEY,
                mac          TEXT NOT NULL UNIQUE CHECK (length(mac) = 12 AND mac NOT GLOB '*[^0-9a-f]*'),
                vendor       TEXT NOT NULL,
                model        TEXT NOT NULL,
                extension_id INTEGER REFERENCES extensions (id) ON DELETE SET NULL,
                created_at   INTEGER NOT NULL
            );
            CREATE INDEX devices_extension ON devices (extension_id);

            CREATE TABLE registrations (
                id               INTEGER PRIMARY KEY,
                extension_id     INTEGER NOT NULL REFERENCES extensions (id) ON DELETE CASCADE,
                contact_uri      TEXT NOT NULL,
                received_address TEXT NOT NULL,
                received_port    INTEGER NOT NULL CHECK (received_port BETWEEN 0 AND 65535),
                transport        TEXT NOT NULL,
                instance_id      TEXT,
                expires_at       INTEGER NOT NULL,
                call_id          TEXT NOT NULL,
                cseq             INTEGER NOT NULL,
                user_agent       TEXT,
                path             TEXT,
                updated_at       INTEGER NOT NULL,
                UNIQUE (extension_id, contact_uri)
            );
            CREATE INDEX registrations_expires ON registrations (expires_at);

            CREATE TABLE call_records (
                id            INTEGER PRIMARY KEY,
                call_id       TEXT NOT NULL,
                linked_id     INTEGER REFERENCES call_records (id) ON DELETE SET NULL,
                started_at    INTEGER NOT NULL,
                answered_at   INTEGER,
                ended_at      INTEGER,
                caller        TEXT NOT NULL,
                callee        TEXT NOT NULL,
                direction     TEXT NOT NULL CHECK (direction IN ('internal', 'inbound', 'outbound')),
                status        TEXT CHECK (status IN ('answered', 'no answer', 'busy', 'cancelled', 'failed', 'interrupted')),
                ring_ms       INTEGER NOT NULL DEFAULT 0,
                talk_ms       INTEGER NOT NULL DEFAULT 0,
                hangup_by     TEXT CHECK (hangup_by IN ('caller', 'callee', 'system')),
                is_open       INTEGER NOT NULL DEFAULT 1 CHECK (is_open IN (0, 1)),
                CHECK (is_open = 1 OR (status IS NOT NULL AND ended_at IS NOT NULL))
            );
            CREATE INDEX call_records_started ON call_records (started_at);
            CREATE INDEX call_records_open ON call_records (is_open) WHERE is_open = 1;
            CREATE INDEX call_records_linked ON call_records (linked_id);

            INSERT INTO settings (key, value) VALUES ('sip_realm', 'contactcenter.local');
            """),
        new(2, "call records: end reason and relayed RTP packets per side", """
            ALTER TABLE call_records ADD COLUMN end_reason TEXT;
            ALTER TABLE call_records ADD COLUMN caller_packets INTEGER NOT NULL DEFAULT 0 CHECK (caller_packets >= 0);
            ALTER TABLE call_records ADD COLUMN callee_packets INTEGER NOT NULL DEFAULT 0 CHECK (callee_packets >= 0);
            """),
        new(3, "call records: media quality per side (loss, jitter, round trip, MOS)", """
            ALTER TABLE call_records ADD COLUMN caller_loss_percent REAL CHECK (caller_loss_percent BETWEEN 0 AND 100);
            ALTER TABLE call_records ADD COLUMN caller_jitter_ms REAL CHECK (caller_jitter_ms >= 0);
            ALTER TABLE call_records ADD COLUMN caller_rtt_ms REAL CHECK (caller_rtt_ms >= 0);
            ALTER TABLE call_records ADD COLUMN caller_mos REAL CHECK (caller_mos BETWEEN 1 AND 5);
            ALTER TABLE call_records ADD COLUMN callee_loss_percent REAL CHECK (callee_loss_percent BETWEEN 0 AND 100);
            ALTER TABLE call_records ADD COLUMN callee_jitter_ms REAL CHECK (callee_jitter_ms >= 0);
            ALTER TABLE call_records ADD COLUMN callee_rtt_ms REAL CHECK (callee_rtt_ms >= 0);
            ALTER TABLE call_records ADD COLUMN callee_mos REAL CHECK (callee_mos BETWEEN 1 AND 5);
            """),
        new(4, "front panel: key bindings, receptionist, night mode, queue login, presence watch policy", """
            -- A key of the board profile (by its id) bound to what it does for the receptionist. BLF and park name an
            -- extension or slot number (2 to 10 digits), speed dial a number to call (digits, * and #, an optional
            -- leading +); the toggles take no argument.
            CREATE TABLE panel_keys (
                key_id     TEXT PRIMARY KEY NOT NULL CHECK (length(key_id) BETWEEN 1 AND 32 AND key_id NOT GLOB '*[^A-Za-z0-9_-]*'),
                action     TEXT NOT NULL CHECK (action IN ('blf', 'park', 'dnd', 'night', 'queue', 'speed_dial')),
                argument   TEXT,
                updated_at INTEGER NOT NULL,
                CHECK ((action IN ('blf', 'park', 'speed_dial')) = (argument IS NOT NULL)),
                CHECK (action NOT IN ('blf', 'park') OR (length(argument) BETWEEN 2 AND 10 AND argument NOT GLOB '*[^0-9]*')),
                CHECK (action <> 'speed_dial' OR (length(argument) BETWEEN 1 AND 32 AND substr(argument, 2) NOT GLOB '*[^0-9*#]*'
                                                   AND substr(argument, 1, 1) GLOB '[0-9*#+]'))
            );

            -- Queue login per extension: the queues (a later issue) read this flag to decide whom to offer calls; no row
            -- means logged out.
            CREATE TABLE queue_logins (
                extension_id INTEGER PRIMARY KEY NOT NULL REFERENCES extensions (id) ON DELETE CASCADE,
                logged_in    INTEGER NOT NULL CHECK (logged_in IN (0, 1)),
                updated_at   INTEGER NOT NULL
            );

            -- Presence watch policy: a watched extension with a row here may be watched only by the extensions listed in
            -- presence_watchers (none: by nobody but itself); without a row the setting presence_all_may_watch decides.
            CREATE TABLE presence_watch_lists (
                extension_id INTEGER PRIMARY KEY NOT NULL REFERENCES extensions (id) ON DELETE CASCADE
            );
            CREATE TABLE presence_watchers (
                watched_id INTEGER NOT NULL REFERENCES presence_watch_lists (extension_id) ON DELETE CASCADE,
                watcher_id INTEGER NOT NULL REFERENCES extensions (id) ON DELETE CASCADE,
                PRIMARY KEY (watched_id, watcher_id),
                CHECK (watched_id <> watcher_id)
            );
            CREATE INDEX presence_watchers_watcher ON presence_watchers (watcher_id);

            INSERT INTO settings (key, value) VALUES ('night_mode', 'off');
            INSERT INTO settings (key, value) VALUES ('presence_all_may_watch', 'on');
            """),
    ];

    public static int LatestVersion => All[^1].Version;
}
