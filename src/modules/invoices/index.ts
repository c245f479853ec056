export { type CreditNotes, createCreditNotes } from './credit-notes.ts';
export type { InvoiceDocument } from './invoice-document.ts';
export { createInvoiceRenderer, type InvoiceRenderer } from './invoice-renderer.ts';
export { createInvoiceRun, type InvoiceRun, type RunResult } from './invoice-run.ts';
export { createInvoiceSchedule, type InvoiceSchedule } from './invoice-schedule.ts';
export { invoiceErrors } from './invoices.errors.ts';
export { invoicesRoutes } from './invoices.routes.ts';
export { createInvoicesService, type InvoicesService } from './invoices.service.ts';
