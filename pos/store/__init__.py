"""The local SQLite store: connections, migrations, repositories, outbox, journal. No Qt."""
