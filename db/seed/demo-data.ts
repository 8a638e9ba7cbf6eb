import type { BusinessType } from '../../core/contracts/broker-records'
import type { OfficeCode } from '../../core/contracts/offices'
import type { Role } from '../../core/contracts/roles'

/**
 * The demo world: fixed, so that every fresh database, test and screenshot shows the same people and firms.
 * Names are invented; UBNs and ID numbers carry valid check digits (a test checks them with core/tw).
 */
export const DEMO_PASSWORD = 'Certdesk-demo-1'

export const demoStaff: { username: string; displayName: string; officeCode: OfficeCode; roles: Role[]; email: string }[] = [
  { username: 'admin', displayName: '周文彬', officeCode: 'I', roles: ['admin'], email: 'admin@certdesk.example' },
  { username: 'clerk.keelung', displayName: '陳怡安', officeCode: 'AA', roles: ['clerk'], email: 'clerk.keelung@certdesk.example' },
  { username: 'supervisor.keelung', displayName: '林志豪', officeCode: 'AA', roles: ['supervisor'], email: 'supervisor.keelung@certdesk.example' },
  { username: 'clerk.taipei', displayName: '黃淑惠', officeCode: 'CA', roles: ['clerk'], email: 'clerk.taipei@certdesk.example' },
  { username: 'supervisor.taipei', displayName: '張家銘', officeCode: 'CA', roles: ['supervisor'], email: 'supervisor.taipei@certdesk.example' },
  { username: 'helpdesk', displayName: '李佳蓉', officeCode: 'I', roles: ['helpdesk'], email: 'helpdesk@certdesk.example' },
  { username: 'auditor', displayName: '吳承翰', officeCode: 'I', roles: ['auditor'], email: 'auditor@certdesk.example' },
]

export interface DemoFirm {
  ubn: string
  name: string
  representative: string
  address: string
  phone: string
  officeCode: OfficeCode
  boxNo: string
  licences: { businessType: BusinessType; status: 'active' | 'suspended' | 'revoked'; licensedOn: string }[]
}

export const demoFirms: DemoFirm[] = [
  { ubn: '52111891', name: '基隆港通報關股份有限公司', representative: '許文雄', address: '基隆市中正區中正路 123 號 5 樓', phone: '02-24201234', officeCode: 'AA', boxNo: 'K01', licences: [{ businessType: 'customs-broker', status: 'active', licensedOn: '2008-03-14' }] },
  { ubn: '77457884', name: '和平島海運報關有限公司', representative: '鄭麗華', address: '基隆市中正區和一路 45 號', phone: '02-24628899', officeCode: 'AA', boxNo: 'K07', licences: [{ businessType: 'customs-broker', status: 'active', licensedOn: '2012-07-02' }, { businessType: 'forwarder', status: 'active', licensedOn: '2015-01-20' }] },
  { ubn: '61611290', name: '北辰報關股份有限公司', representative: '謝明德', address: '桃園市大園區航站南路 9 號', phone: '03-3983456', officeCode: 'CA', boxNo: 'T12', licences: [{ businessType: 'customs-broker', status: 'active', licensedOn: '2005-11-30' }] },
  { ubn: '94204782', name: '雲翔航空貨運承攬股份有限公司', representative: '洪淑貞', address: '臺北市中山區南京東路三段 88 號 10 樓', phone: '02-25505500', officeCode: 'CA', boxNo: 'T35', licences: [{ businessType: 'forwarder', status: 'active', licensedOn: '2010-05-18' }, { businessType: 'customs-broker', status: 'suspended', licensedOn: '2011-02-01' }] },
  { ubn: '90344890', name: '大肚山報關有限公司', representative: '賴國華', address: '臺中市梧棲區臨港路四段 200 號', phone: '04-26581234', officeCode: 'DA', boxNo: 'C03', licences: [{ businessType: 'customs-broker', status: 'active', licensedOn: '2009-09-09' }] },
  { ubn: '77435691', name: '中港倉儲股份有限公司', representative: '蘇怡君', address: '臺中市梧棲區中橫十路 6 號', phone: '04-26393939', officeCode: 'DA', boxNo: 'C21', licences: [{ businessType: 'warehouse', status: 'active', licensedOn: '2014-04-01' }] },
  { ubn: '82656552', name: '高雄港興報關股份有限公司', representative: '蔡宗憲', address: '高雄市前鎮區成功二路 25 號 8 樓', phone: '07-3315678', officeCode: 'BA', boxNo: 'H08', licences: [{ businessType: 'customs-broker', status: 'active', licensedOn: '2003-06-16' }, { businessType: 'inspection', status: 'active', licensedOn: '2016-08-08' }] },
  { ubn: '43979122', name: '南星自由貿易港區物流股份有限公司', representative: '方志遠', address: '高雄市小港區南星路 1 號', phone: '07-8061122', officeCode: 'BA', boxNo: 'H40', licences: [{ businessType: 'free-trade-zone', status: 'active', licensedOn: '2018-10-10' }] },
]

export const demoBrokers: { code: string; nationalId: string; name: string; qualificationStatus: 'qualified' | 'disqualified'; qualifiedOn: string; disqualifiedOn?: string }[] = [
  { code: 'A00001', nationalId: 'A115881394', name: '王建民', qualificationStatus: 'qualified', qualifiedOn: '2006-05-10' },
  { code: 'A00002', nationalId: 'A298698799', name: '林美玲', qualificationStatus: 'qualified', qualifiedOn: '2011-08-22' },
  { code: 'A00003', nationalId: 'F173091144', name: '黃建國', qualificationStatus: 'qualified', qualifiedOn: '2014-03-03' },
  { code: 'C00001', nationalId: 'F217075364', name: '張淑芬', qualificationStatus: 'qualified', qualifiedOn: '2004-12-01' },
  { code: 'C00002', nationalId: 'B145568154', name: '李俊傑', qualificationStatus: 'qualified', qualifiedOn: '2013-06-17' },
  { code: 'C00003', nationalId: 'B218844725', name: '王怡君', qualificationStatus: 'disqualified', qualifiedOn: '2009-01-05', disqualifiedOn: '2024-02-29' },
  { code: 'D00001', nationalId: 'E194055763', name: '吳宗翰', qualificationStatus: 'qualified', qualifiedOn: '2010-10-10' },
  { code: 'D00002', nationalId: 'E216987168', name: '劉雅婷', qualificationStatus: 'qualified', qualifiedOn: '2019-04-12' },
  { code: 'B00051', nationalId: 'C189768466', name: '蔡明哲', qualificationStatus: 'qualified', qualifiedOn: '2002-07-07' },
  { code: 'B00052', nationalId: 'H297880932', name: '楊佩珊', qualificationStatus: 'qualified', qualifiedOn: '2017-11-11' },
  { code: 'B00053', nationalId: 'S120819672', name: '郭志偉', qualificationStatus: 'qualified', qualifiedOn: '2021-09-01' },
]

/** Appointments (委任): who works for which firm, with one ended appointment kept as history. */
export const demoAppointments: { brokerCode: string; firmUbn: string; fromDate: string; toDate?: string }[] = [
  { brokerCode: 'A00001', firmUbn: '52111891', fromDate: '2008-03-14' },
  { brokerCode: 'A00002', firmUbn: '52111891', fromDate: '2012-01-02' },
  { brokerCode: 'A00003', firmUbn: '77457884', fromDate: '2015-02-01' },
  { brokerCode: 'C00001', firmUbn: '61611290', fromDate: '2005-11-30' },
  { brokerCode: 'C00002', firmUbn: '77457884', fromDate: '2013-07-01', toDate: '2019-12-31' },
  { brokerCode: 'C00002', firmUbn: '61611290', fromDate: '2020-01-02' },
  { brokerCode: 'C00003', firmUbn: '61611290', fromDate: '2010-03-01', toDate: '2024-02-29' },
  { brokerCode: 'D00001', firmUbn: '90344890', fromDate: '2010-10-10' },
  { brokerCode: 'B00051', firmUbn: '82656552', fromDate: '2003-06-16' },
  { brokerCode: 'B00052', firmUbn: '82656552', fromDate: '2018-01-15' },
]
// D00002 and B00053 are qualified but appointed nowhere: the record checks must catch an application naming them.

/** Holders of the demo smart cards (data/demo-cards/*.p12), all opened with DEMO_CARD_PIN. */
export const DEMO_CARD_PIN = '123456'
export const demoCardPeople = [
  { name: '王建民', nationalId: 'A115881394' },
  { name: '蔡明哲', nationalId: 'C189768466' },
  { name: '林雅琪', nationalId: 'K227317784' },
]
export const demoCardCompanies = [
  { name: '基隆港通報關股份有限公司', ubn: '52111891' },
  { name: '北辰報關股份有限公司', ubn: '61611290' },
  { name: '高雄港興報關股份有限公司', ubn: '82656552' },
]

/**
 * Portal accounts migrated from the old customs system (registered before 2013-08-17): they have no password,
 * so their holders call the helpdesk (issue 7). No cards are bound, so they show the helpdesk's reset path.
 */
export const demoMigratedAccounts = [
  { accountId: 'chen.chihming@example.tw', category: 'individual', attribute: 'broker', email: 'chen.chihming@example.tw', contactName: '陳志明', idNumber: 'F123456784', birthDate: '1975-03-08', phone: '0922123456', address: '新北市板橋區文化路一段 100 號', createdAt: '2011-06-01T01:00:00.000Z' },
  { accountId: '77435691', category: 'company', attribute: 'warehouse', email: 'it@zhonggang.example.tw', contactName: '蘇怡君', ubn: '77435691', companyName: '中港倉儲股份有限公司', representative: '蘇怡君', companyPhone: '04-26393939', companyAddress: '臺中市梧棲區中橫十路 6 號', phone: '04-26393939', address: '臺中市梧棲區中橫十路 6 號', createdAt: '2012-09-15T01:00:00.000Z' },
] as const
