// Tests only: the provider's payment settings with a valid IBAN, BIC and SEPA creditor identifier.
export const testPaymentSettings = {
  bankAccountHolder: 'Kontor Online-Dienste GmbH',
  iban: 'de02 1203 0000 0000 2020 51',
  bic: 'BYLADEM1001',
  creditorId: 'DE98ZZZ09999999999',
  firstReminderDays: 7,
  secondReminderDays: 14,
  directDebitNoticeDays: 5,
};
