namespace LlmSpell.Orchestrations.Storage.Sqlite;

/// <summary>
/// The task hub in one SQLite file. Every checkpoint is one transaction, so the outbound messages,
/// the history and the consumed messages can never disagree after a crash.
/// </summary>
internal static class SqliteSchema
{
    public const string Create = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS Instances (
            InstanceId TEXT NOT NULL PRIMARY KEY,
            Name TEXT NOT NULL,
            ExecutionId TEXT NOT NULL,
            Status TEXT NOT NULL,
            Input TEXT,
            Output TEXT,
            CustomStatus TEXT,
            Failure TEXT,
            ParentInstanceId TEXT,
            CreatedAt INTEGER NOT NULL,
            LastUpdatedAt INTEGER NOT NULL,
            CompletedAt INTEGER,
            LockedBy TEXT,
            LockExpiresAt INTEGER
        );
        CREATE INDEX IF NOT EXISTS IX_Instances_Created ON Instances (CreatedAt, InstanceId);
        CREATE TABLE IF NOT EXISTS History (
            InstanceId TEXT NOT NULL,
            Sequence INTEGER NOT NULL,
            ExecutionId TEXT NOT NULL,
            EventType TEXT NOT NULL,
            Payload TEXT NOT NULL,
            PRIMARY KEY (InstanceId, Sequence)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS Messages (
            Id INTEGER PRIMARY KEY AUTOINCREMENT,
            InstanceId TEXT NOT NULL,
            ExecutionId TEXT,
            Payload TEXT NOT NULL,
            VisibleAt INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS IX_Messages_Visible ON Messages (VisibleAt);
        CREATE INDEX IF NOT EXISTS IX_Messages_Instance ON Messages (InstanceId, Id);
        CREATE TABLE IF NOT EXISTS Activities (
            Id INTEGER PRIMARY KEY AUTOINCREMENT,
            InstanceId TEXT NOT NULL,
            ExecutionId TEXT NOT NULL,
            Payload TEXT NOT NULL,
            VisibleAt INTEGER NOT NULL,
            LockedBy TEXT,
            DequeueCount INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX IF NOT EXISTS IX_Activities_Visible ON Activities (VisibleAt);
        """;
}
