// The `kontor` command. Each subcommand uses services directly, never HTTP.
import { Command, InvalidArgumentError } from 'commander';
import { backup, restore } from './backup.ts';
import { catalogueSeedDemo } from './catalogue-seed-demo.ts';
import { invoicesRun } from './invoices-run.ts';
import { mailList } from './mail-list.ts';
import { migrate } from './migrate.ts';
import { operatorCreate } from './operator-create.ts';
import { serve } from './serve.ts';

const program = new Command('kontor')
  .description(
    'Kontor, the self-hosted customer account portal. Configuration comes from environment variables (see README).',
  )
  .showHelpAfterError();

program
  .command('serve')
  .description('migrate the database, then serve the API and the web app')
  .option('--build-missing', 'build the web app first if it has not been built')
  .action(serve);

program.command('migrate').description('apply every pending database migration').action(migrate);

program
  .command('operator')
  .description("manage operators (the provider's staff)")
  .command('create')
  .description('print a single-use link that creates an operator')
  .action(operatorCreate);

program
  .command('catalogue')
  .description('the catalogue of online services')
  .command('seed-demo')
  .description('fill an empty catalogue with demo services (demo adapter, 19 % VAT), for development')
  .action(catalogueSeedDemo);

program
  .command('mail')
  .description('e-mails Kontor has written')
  .command('list')
  .description('list the built-in mailbox (or the SMTP outbox), newest first')
  .option('--limit <count>', 'how many to list', parsePositiveInteger, 20)
  .option('--show <id>', 'print one e-mail in full')
  .action(mailList);

program
  .command('invoices')
  .description('monthly invoices')
  .command('run')
  .description('bill a month that has ended: one invoice per account with usage not yet invoiced')
  .requiredOption('--month <YYYY-MM>', 'the month to bill, in grace or closed')
  .action(invoicesRun);

program
  .command('backup')
  .description('copy the database into a new file: SQLite online while serving, PostgreSQL with pg_dump')
  .argument('<file>', 'the backup file to write (must not exist)')
  .action(backup);

program
  .command('restore')
  .description('put a backup into the configured database (stop Kontor first), then migrate it')
  .argument('<file>', 'a file written by kontor backup')
  .option('--replace', 'overwrite a database that already holds a Kontor')
  .action(restore);

function parsePositiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('expected a positive integer');
  return parsed;
}

await program.parseAsync();
