// Every migration, in order. Names sort by their ISO-date prefix.
import type { Migration } from 'kysely';
import * as foundation from './2026-11-23T00_foundation.ts';
import * as accountsAndUsers from './2026-11-23T01_accounts_and_users.ts';
import * as userListIndex from './2026-11-23T02_user_list_index.ts';
import * as providerIdentity from './2026-12-01T00_provider_identity.ts';
import * as salutationKeys from './2026-12-01T01_salutation_keys.ts';
import * as signInThrottles from './2026-12-01T02_sign_in_throttles.ts';
import * as auditNames from './2026-12-01T03_audit_names.ts';
import * as searchText from './2026-12-01T04_search_text.ts';
import * as memberPermissions from './2026-12-01T05_member_permissions.ts';
import * as activation from './2026-12-01T06_activation.ts';
import * as twoFactor from './2026-12-01T07_two_factor.ts';
import * as invitations from './2026-12-01T08_invitations.ts';
import * as personalIdentities from './2026-12-01T09_personal_identities.ts';
import * as coveringUserList from './2026-12-01T10_covering_user_list.ts';
import * as contactsAndNotifications from './2026-12-01T11_contacts_and_notifications.ts';
import * as domainContacts from './2026-12-01T12_domain_contacts.ts';
import * as supportRequests from './2026-12-01T13_support_requests.ts';
import * as credentialRequests from './2026-12-01T14_credential_requests.ts';
import * as supportMailThreads from './2026-12-02T15_support_mail_threads.ts';
import * as programApi from './2026-12-02T16_program_api.ts';
import * as servicesAndUsage from './2026-12-02T17_services_and_usage.ts';
import * as catalogue from './2026-12-02T18_catalogue.ts';
import * as gatewayRequests from './2026-12-02T18_gateway_requests.ts';
import * as invoices from './2026-12-02T19_invoices.ts';
import * as gatewayRequestRetention from './2026-12-02T20_gateway_request_retention.ts';
import * as invoicePdfStorage from './2026-12-03T21_invoice_pdf_storage.ts';
import * as remoteSupport from './2026-12-03T22_remote_support.ts';
import * as numbersAndProducts from './2026-12-04T23_numbers_and_products.ts';
import * as domains from './2026-12-04T24_domains.ts';
import * as expressSetup from './2026-12-04T25_express_setup.ts';
import * as payments from './2026-12-04T26_payments.ts';
import * as operatorRoles from './2026-12-06T27_operator_roles.ts';
import * as actingForCustomers from './2026-12-06T28_acting_for_customers.ts';
import * as auditActorKind from './2026-12-06T29_audit_actor_kind.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-23T00_foundation': foundation,
  '2026-11-23T01_accounts_and_users': accountsAndUsers,
  '2026-11-23T02_user_list_index': userListIndex,
  '2026-12-01T00_provider_identity': providerIdentity,
  '2026-12-01T01_salutation_keys': salutationKeys,
  '2026-12-01T02_sign_in_throttles': signInThrottles,
  '2026-12-01T03_audit_names': auditNames,
  '2026-12-01T04_search_text': searchText,
  '2026-12-01T05_member_permissions': memberPermissions,
  '2026-12-01T06_activation': activation,
  '2026-12-01T07_two_factor': twoFactor,
  '2026-12-01T08_invitations': invitations,
  '2026-12-01T09_personal_identities': personalIdentities,
  '2026-12-01T10_covering_user_list': coveringUserList,
  '2026-12-01T11_contacts_and_notifications': contactsAndNotifications,
  '2026-12-01T12_domain_contacts': domainContacts,
  '2026-12-01T13_support_requests': supportRequests,
  '2026-12-01T14_credential_requests': credentialRequests,
  '2026-12-02T15_support_mail_threads': supportMailThreads,
  '2026-12-02T16_program_api': programApi,
  '2026-12-02T17_services_and_usage': servicesAndUsage,
  '2026-12-02T18_catalogue': catalogue,
  '2026-12-02T18_gateway_requests': gatewayRequests,
  '2026-12-02T19_invoices': invoices,
  '2026-12-02T20_gateway_request_retention': gatewayRequestRetention,
  '2026-12-03T21_invoice_pdf_storage': invoicePdfStorage,
  '2026-12-03T22_remote_support': remoteSupport,
  '2026-12-04T23_numbers_and_products': numbersAndProducts,
  '2026-12-04T24_domains': domains,
  '2026-12-04T25_express_setup': expressSetup,
  '2026-12-04T26_payments': payments,
  '2026-12-06T27_operator_roles': operatorRoles,
  '2026-12-06T28_acting_for_customers': actingForCustomers,
  '2026-12-06T29_audit_actor_kind': auditActorKind,
};
