import { loadConfigOrExit, mailService, openMigratedDatabase } from './context.ts';

export async function mailList(options: { limit: number; show?: string }): Promise<void> {
  const config = loadConfigOrExit();
  const db = await openMigratedDatabase(config);
  try {
    const mail = mailService(db, config);
    if (options.show) {
      const message = await mail.getMailboxMessage(options.show);
      console.log(
        `To: ${message.to}\nSubject: ${message.subject}\nDate: ${message.createdAt}\n\n${message.text}`,
      );
      return;
    }
    const { items, total } = await mail.listMailbox({ page: 1, pageSize: options.limit });
    if (items.length === 0) console.log('No e-mails yet.');
    for (const item of items) {
      console.log(`${item.createdAt}  ${item.status.padEnd(7)}  ${item.id}  ${item.to}  ${item.subject}`);
    }
    if (total > items.length) console.log(`… ${total - items.length} older; use --limit to see more.`);
    if (items.length > 0) console.log('Show one with: kontor mail list --show <id>');
  } finally {
    await db.destroy();
  }
}
