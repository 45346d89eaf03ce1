export * from './money.js';
export * from './journal-db.js';
export * from './create-journal-database.js';
export * from './migrate-journal-database.js';
export * from './journal-database-target.js';
export * from './open-journal-database.js';
export * from './journal-database.module.js';
export * from './unique-violation.js';
