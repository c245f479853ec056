// Builds the whole application from a Config; never listens (main/CLI does), so tests inject requests.
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { createDatabase, type Db } from './db/kysely.ts';
import { type DeclaredRoute, enforceAccess } from './http/access.ts';
import { memberGuard, operatorGuard } from './http/auth.ts';
import { registerErrorHandling } from './http/error-handler.ts';
import { registerSecurity } from './http/security.ts';
import { registerSerialization } from './http/serialization.ts';
import { registerValidation } from './http/validation.ts';
import { registerWebApp } from './http/web-app.ts';
import {
  accountProvisioningRoutes,
  accountsRoutes,
  createAccountProvisioning,
  createAccountsService,
} from './modules/accounts/index.ts';
import { actingRoutes, createActingForCustomers } from './modules/acting/index.ts';
import {
  accountActivationRoutes,
  activationRoutes,
  createActivationService,
  operatorActivationRoutes,
} from './modules/activation/index.ts';
import { auditRoutes, createAuditService } from './modules/audit/index.ts';
import {
  accountSwitchRoutes,
  authRoutes,
  createAccountSwitch,
  createAuthService,
} from './modules/auth/index.ts';
import {
  callerIdentificationRoutes,
  createCallerIdentification,
  ownIdentificationRoutes,
} from './modules/caller-identification/index.ts';
import {
  catalogueRoutes,
  createCatalogueService,
  createSubscriptionsService,
  createUsageReportService,
  subscriptionsRoutes,
  usageReportRoutes,
} from './modules/catalogue/index.ts';
import {
  contactsRoutes,
  createContactsService,
  createNotifications,
  unsubscribeRoutes,
} from './modules/contacts/index.ts';
import {
  createCredentialRequestsService,
  credentialRequestsRoutes,
} from './modules/credential-requests/index.ts';
import { createDomainContactsService, domainContactsRoutes } from './modules/domain-contacts/index.ts';
import {
  createDnsProvider,
  createDomainsService,
  domainsRoutes,
  isDomainRegistrant,
} from './modules/domains/index.ts';
import { createExpressSetupService, expressSetupRoutes } from './modules/express-setup/index.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { createHostedProductsService, hostedProductsRoutes } from './modules/hosted-products/index.ts';
import { createInvitationsService, invitationsRoutes } from './modules/invitations/index.ts';
import {
  createCreditNotes,
  createInvoiceRenderer,
  createInvoiceRun,
  createInvoiceSchedule,
  createInvoicesService,
  invoicesRoutes,
} from './modules/invoices/index.ts';
import { createLinksService } from './modules/links/index.ts';
import {
  createMailService,
  createMailWorker,
  type MailTransport,
  mailRoutes,
  smtpTransport,
} from './modules/mail/index.ts';
import { createNumbersService, numbersRoutes } from './modules/numbers/index.ts';
import {
  createOperatorStaff,
  createOperatorsService,
  operatorRoutes,
  operatorStaffRoutes,
} from './modules/operators/index.ts';
import { createPayments, paymentsRoutes } from './modules/payments/index.ts';
import {
  createProgramRepository,
  createProgramService,
  programGuard,
  programRoutes,
} from './modules/program-api/index.ts';
import { createProviderService, providerRoutes } from './modules/provider/index.ts';
import {
  createRemoteSupportHub,
  createRemoteSupportRetention,
  createRemoteSupportService,
  remoteSupportRoutes,
} from './modules/remote-support/index.ts';
import { maxFrameBytes } from './modules/remote-support/remote-support.protocol.ts';
import { createSessionsService } from './modules/sessions/index.ts';
import { createSignInThrottle } from './modules/sign-in-throttle/index.ts';
import { createSupportMailIn, createSupportService, supportRoutes } from './modules/support/index.ts';
import { createTwoFactorService, twoFactorRoutes } from './modules/two-factor/index.ts';
import {
  createBatchService,
  createGatewayRetention,
  createGatewayService,
  usageRoutes,
} from './modules/usage/index.ts';
import {
  createMemberPermissions,
  createOwnership,
  createOwnProfile,
  createUserAdministration,
  createUsersService,
  memberPermissionsRoutes,
  meRoutes,
  userAdministrationRoutes,
  usersRoutes,
} from './modules/users/index.ts';
import { type Clock, systemClock } from './shared/clock.ts';
import { resolveLocale, translator } from './shared/i18n.ts';
import './http/request-context.ts';

export interface AppDependencies {
  /** An open database; when given, the caller owns it and closes it. */
  db?: Db;
  clock?: Clock;
  /** Replaces the SMTP transport built from SMTP_URL (tests). */
  mailTransport?: MailTransport | null;
}

export async function buildApp(config: Config, dependencies: AppDependencies = {}) {
  const db = dependencies.db ?? createDatabase(config.database);
  const clock = dependencies.clock ?? systemClock;

  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
    },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
  }).withTypeProvider<TypeBoxTypeProvider>();
  registerValidation(app);
  registerSerialization(app);

  app.decorateRequest('locale', 'de');
  app.decorateRequest('t', translator('de'));
  app.addHook('onRequest', async (request) => {
    request.locale = resolveLocale({
      acceptLanguage: request.headers['accept-language'],
      fallback: config.defaultLocale,
    });
    request.t = translator(request.locale);
  });
  registerErrorHandling(app);
  await app.register(cookie);
  // Before the security hooks: its own onRequest hook marks upgrades, so a refused one's socket is closed.
  await app.register(websocket, { options: { maxPayload: maxFrameBytes } });
  await registerSecurity(app, config);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kontor API',
        version: '1',
        description:
          'Customer account portal. Errors are { code, message, details? } with the message in the language ' +
          'chosen from the user, the account, Accept-Language, then German. Cookie-authenticated state ' +
          'changes need the X-CSRF-Token header equal to the kontor_csrf cookie.',
      },
      servers: [{ url: config.publicUrl.origin }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const sessions = createSessionsService({ db, clock });
  const audit = createAuditService({ db, clock });
  const provider = createProviderService({ db, clock, config, audit });
  const mail = createMailService({ db, clock, config, provider });
  const throttle = createSignInThrottle({ db, clock });
  const links = createLinksService({ db, clock, config });
  const twoFactor = createTwoFactorService({ db, clock, audit, provider, throttle });
  const operators = createOperatorsService({ db, clock, config, mail, sessions, throttle, links, twoFactor });
  const operatorStaff = createOperatorStaff({ db, clock, mail, links, sessions, audit });
  const users = createUsersService({ db, clock, links, mail });
  const accounts = createAccountsService({ db, clock, config, mail, links, audit, users });
  const auth = createAuthService({
    db,
    clock,
    config,
    mail,
    links,
    audit,
    users,
    sessions,
    throttle,
    twoFactor,
  });
  const provisioning = createAccountProvisioning({ db, clock, mail, links, audit, users });
  const administration = createUserAdministration({ db, clock, config, mail, links, audit, users, sessions });
  const ownProfile = createOwnProfile({ db, clock, audit, users, administration });
  const memberPermissions = createMemberPermissions({ db, users, audit });
  const ownership = createOwnership({ db, config, mail, users, audit });
  const invitations = createInvitationsService({ db, clock, config, mail, audit, users, sessions });
  const domainContacts = createDomainContactsService({ db, clock, audit, isRegistrant: isDomainRegistrant });
  const expressSetup = createExpressSetupService({ db, clock, audit });
  const numbers = createNumbersService({ db, clock, audit });
  const hostedProducts = createHostedProductsService({ db, clock, audit });
  const accountSwitch = createAccountSwitch({ db, users, sessions, audit });
  const activation = createActivationService({ db, clock, links, users, audit, sessions });
  const acting = createActingForCustomers({ db, config, mail, audit, users, administration, activation });
  const identification = createCallerIdentification({ db, clock, audit, users });
  const contacts = createContactsService({ db, clock, audit });
  const notifications = createNotifications({ db, clock, config, mail, audit });
  const dnsProvider = createDnsProvider(config.dns);
  const domains = createDomainsService({ db, clock, config, audit, notifications, dns: dnsProvider });
  const support = createSupportService({ db, clock, config, mail, audit, notifications });
  const credentialRequests = createCredentialRequestsService({ db, clock, mail, audit, users });
  /** Files the support mail the SMTP listener accepts (`INBOUND_SMTP_PORT`). */
  const supportMailIn = createSupportMailIn({ db, config, mail, support, credentialRequests });
  const requireOperator = operatorGuard(config, sessions.resolveOperatorSession);
  const requireMember = memberGuard(config, sessions.resolveUserSession);
  const catalogue = createCatalogueService({ db, clock, audit });
  const subscriptions = createSubscriptionsService({ db, clock, audit });
  const usageReport = createUsageReportService({ db, defaultTimeZone: config.defaultTimezone });
  const program = createProgramService({
    db,
    clock,
    audit,
    links,
    users,
    sessions,
    twoFactor,
  });
  const requireProgram = programGuard({ config, clock, repository: createProgramRepository(db) });
  const gateway = createGatewayService({ db, clock, config, log: app.log });
  const gatewayRetention = createGatewayRetention({ db, clock, config, log: app.log });
  const usageBatch = createBatchService({ db, clock });
  const transport =
    dependencies.mailTransport !== undefined
      ? dependencies.mailTransport
      : config.smtpUrl
        ? smtpTransport(config.smtpUrl, config.publicUrl)
        : null;
  const mailWorker = createMailWorker({ db, clock, config, transport, log: app.log });
  const payments = createPayments({ db, clock, config, audit, notifications, provider, log: app.log });
  const invoices = createInvoicesService({ db, clock, config, ledger: payments.ledger });
  const invoiceRenderer = createInvoiceRenderer({ threads: config.invoiceRenderThreads });
  const invoiceRun = createInvoiceRun({
    db,
    clock,
    config,
    audit,
    provider,
    notifications,
    renderer: invoiceRenderer,
  });
  const creditNotes = createCreditNotes({
    db,
    clock,
    config,
    audit,
    notifications,
    renderer: invoiceRenderer,
  });
  const remoteSupport = createRemoteSupportService({ db, clock, config, audit });
  const remoteSupportHub = createRemoteSupportHub({ config, clock, service: remoteSupport, log: app.log });
  const remoteSupportRetention = createRemoteSupportRetention({ db, clock, config, log: app.log });
  /** The daily invoice run; `kontor serve` starts it. */
  const invoiceSchedule = createInvoiceSchedule({ db, clock, config, run: invoiceRun, log: app.log });

  // Every route in here declares who may call it (http/access.ts); the web app and API docs are outside.
  let declaredRoutes: DeclaredRoute[] = [];
  await app.register(async (api) => {
    declaredRoutes = enforceAccess(api, { requireOperator, requireMember, requireProgram });
    await api.register(healthRoutes, { db });
    await api.register(operatorRoutes, { config, operators, sessions });
    await api.register(operatorStaffRoutes, { config, staff: operatorStaff });
    await api.register(mailRoutes, { mail });
    await api.register(providerRoutes, { provider });
    await api.register(accountsRoutes, { config, accounts });
    await api.register(authRoutes, { config, auth, sessions });
    await api.register(accountSwitchRoutes, { config, auth, accountSwitch });
    await api.register(invitationsRoutes, { config, auth, sessions, invitations });
    await api.register(domainContactsRoutes, { domainContacts });
    await api.register(domainsRoutes, { domains });
    await api.register(expressSetupRoutes, { expressSetup });
    await api.register(numbersRoutes, { numbers });
    await api.register(hostedProductsRoutes, { hostedProducts });
    await api.register(usersRoutes, { users, links });
    await api.register(userAdministrationRoutes, { administration });
    await api.register(meRoutes, { ownProfile });
    await api.register(memberPermissionsRoutes, { memberPermissions, ownership });
    await api.register(auditRoutes, {
      audit,
      defaultTimeZone: config.defaultTimezone,
    });
    await api.register(accountProvisioningRoutes, { provisioning });
    await api.register(twoFactorRoutes, { config, twoFactor });
    await api.register(activationRoutes, { config, activation, auth, sessions });
    await api.register(accountActivationRoutes, { activation });
    await api.register(operatorActivationRoutes, { activation });
    await api.register(actingRoutes, { acting });
    await api.register(callerIdentificationRoutes, { identification });
    await api.register(ownIdentificationRoutes, { config, identification });
    await api.register(contactsRoutes, { contacts, notifications });
    await api.register(unsubscribeRoutes, { contacts });
    await api.register(supportRoutes, { support });
    await api.register(credentialRequestsRoutes, { config, credentialRequests });
    await api.register(programRoutes, { config, program, auth, sessions });
    await api.register(catalogueRoutes, { catalogue });
    await api.register(subscriptionsRoutes, { subscriptions });
    await api.register(usageReportRoutes, { usage: usageReport });
    await api.register(usageRoutes, { gateway, batch: usageBatch });
    await api.register(invoicesRoutes, { invoices, run: invoiceRun, creditNotes });
    await api.register(paymentsRoutes, { payments });
    await api.register(remoteSupportRoutes, { config, clock, service: remoteSupport, hub: remoteSupportHub });
  });
  await registerWebApp(app, config.webRoot);

  app.addHook('preClose', () => remoteSupportHub.close());
  app.addHook('onClose', async () => {
    await mailWorker.stop();
    await invoiceSchedule.stop();
    await payments.reminderJob.stop();
    await gatewayRetention.stop();
    await remoteSupportRetention.stop();
    await invoiceRenderer.close();
    if (!dependencies.db) await db.destroy();
  });

  const kontor = {
    config,
    db,
    clock,
    services: {
      sessions,
      provider,
      mail,
      operators,
      links,
      audit,
      users,
      administration,
      accounts,
      provisioning,
      auth,
      twoFactor,
      activation,
      identification,
      contacts,
      notifications,
      support,
      credentialRequests,
      supportMailIn,
      program,
      catalogue,
      subscriptions,
      usageReport,
      gateway,
      usageBatch,
      invoices,
      invoiceRun,
      creditNotes,
      payments,
      remoteSupport,
      remoteSupportHub,
      domains,
      dnsProvider,
    },
    mailWorker,
    invoiceSchedule,
    gatewayRetention,
    remoteSupportRetention,
    declaredRoutes,
  };
  return Object.assign(app as unknown as FastifyInstance, { kontor });
}

export type KontorApp = Awaited<ReturnType<typeof buildApp>>;
