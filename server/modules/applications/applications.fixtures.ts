/** A DC02 paper form as a clerk keys it for the demo firm 52111891 and its broker A00001 (tests only). */
export const paperForm = {
  ubn: '52111891', companyName: '基隆港通報關股份有限公司', phone: '02-24201234', representative: '許文雄',
  contactName: '陳小姐', contactPhone: '02-24201234#12', contactMobile: '0912345678', contactEmail: 'contact@keelung-broker.example',
  service: 'new', officeCode: 'AA', businessType: 'customs-broker', kind: 'personal', boxNo: 'K01', brokerCode: 'A00001', brokerNationalId: 'A115881394', privacyConsent: true,
}
