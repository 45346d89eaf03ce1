import { describeBackupRestore } from './testing/describe-backup-restore.js';

// The SQLite half is backup-restore-sqlite.int.spec.ts: a file each, so vitest runs them side by side.
describeBackupRestore('postgres');
