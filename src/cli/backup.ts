// `kontor backup <file>` and `kontor restore <file>`. SQLite goes through its online backup API, which
// copies a consistent snapshot while Kontor keeps serving; PostgreSQL through pg_dump and pg_restore in
// their custom format. A restore refuses to overwrite a database that holds data unless told to, and
// migrates what it restored, so a backup of an older Kontor comes back in the current shape.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { DatabaseConfig } from '../config.ts';
import { createDatabase } from '../db/kysely.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { loadConfigOrExit } from './context.ts';

class BackupError extends Error {}

/** pg_dump and pg_restore on PATH, or in Debian's versioned directories. */
function postgresTool(name: string): string {
  const versions = fs.existsSync('/usr/lib/postgresql') ? fs.readdirSync('/usr/lib/postgresql').sort() : [];
  const found = [
    ...(process.env.PATH ?? '').split(':').map((dir) => path.join(dir, name)),
    ...versions.reverse().map((version) => `/usr/lib/postgresql/${version}/bin/${name}`),
  ].find((candidate) => fs.existsSync(candidate));
  if (!found) throw new BackupError(`${name} was not found; install PostgreSQL's client tools`);
  return found;
}

function runTool(name: string, args: string[]) {
  try {
    execFileSync(postgresTool(name), args, { stdio: ['ignore', 'inherit', 'pipe'] });
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim();
    throw new BackupError(`${name} failed: ${stderr || (error as Error).message}`);
  }
}

/** Whether the configured database already holds a Kontor (it has applied migrations). */
async function holdsKontor(database: DatabaseConfig): Promise<boolean> {
  if (database.dialect === 'sqlite' && !fs.existsSync(database.filename)) return false;
  const db = createDatabase(database);
  try {
    const { rows } = await sql<{
      count: number | string;
    }>`select count(*) as count from kysely_migration`.execute(db);
    return Number(rows[0]?.count ?? 0) > 0;
  } catch {
    return false; // no migration table: an empty database
  } finally {
    await db.destroy();
  }
}

/** A SQLite file that is whole and was written by Kontor, or a named refusal. */
function assertSqliteBackup(file: string) {
  const backup = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    if (backup.pragma('integrity_check', { simple: true }) !== 'ok') {
      throw new BackupError(`${file} is damaged (integrity check failed)`);
    }
    const migrations = backup
      .prepare("select name from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .get();
    if (!migrations) throw new BackupError(`${file} is not a Kontor backup`);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} is not a SQLite backup: ${(error as Error).message}`);
  } finally {
    backup.close();
  }
}

async function runBackup(database: DatabaseConfig, file: string) {
  if (fs.existsSync(file)) throw new BackupError(`${file} exists already; choose a new file`);
  if (database.dialect === 'sqlite') {
    if (!fs.existsSync(database.filename)) throw new BackupError(`${database.filename} does not exist`);
    const source = new SQLite(database.filename, { fileMustExist: true });
    try {
      await source.backup(file);
    } finally {
      source.close();
    }
    return;
  }
  runTool('pg_dump', [
    '--format=custom',
    '--no-owner',
    '--no-privileges',
    `--file=${file}`,
    database.connectionString,
  ]);
}

async function runRestore(database: DatabaseConfig, file: string, replace: boolean) {
  if (!fs.existsSync(file)) throw new BackupError(`${file} does not exist`);
  if (!replace && (await holdsKontor(database))) {
    throw new BackupError('the database holds a Kontor already; stop Kontor, then restore with --replace');
  }
  if (database.dialect === 'sqlite') {
    assertSqliteBackup(file);
    fs.mkdirSync(path.dirname(database.filename), { recursive: true });
    const backup = new SQLite(file, { readonly: true });
    try {
      await backup.backup(database.filename);
    } finally {
      backup.close();
    }
  } else {
    const clean = replace ? ['--clean', '--if-exists'] : [];
    const args = [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      ...clean,
      `--dbname=${database.connectionString}`,
    ];
    runTool('pg_restore', [...args, file]);
  }
  const db = createDatabase(database);
  try {
    return await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
}

export async function backup(file: string): Promise<void> {
  const target = path.resolve(file);
  try {
    await runBackup(loadConfigOrExit().database, target);
    console.log(`Backed up to ${target}`);
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    console.error(`Backup failed: ${error.message}`);
    process.exitCode = 1;
  }
}

export async function restore(file: string, options: { replace?: boolean }): Promise<void> {
  const source = path.resolve(file);
  try {
    const applied = await runRestore(loadConfigOrExit().database, source, options.replace === true);
    console.log(`Restored ${source}${applied.length ? `; then applied ${applied.join(', ')}` : ''}`);
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    console.error(`Restore failed: ${error.message}`);
    process.exitCode = 1;
  }
}
