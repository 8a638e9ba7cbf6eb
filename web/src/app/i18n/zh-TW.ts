import applications from '@web/features/applications/messages.zh-TW'
import audit from '@web/features/audit/messages.zh-TW'
import bindings from '@web/features/bindings/messages.zh-TW' // card binding
import brokerRecords from '@web/features/broker-records/messages.zh-TW'
import dashboard from '@web/features/dashboard/messages.zh-TW'
import certificates from '@web/features/certificates/messages.zh-TW'
import feeSlips from '@web/features/fee-slips/messages.zh-TW'
import mail from '@web/features/mail/messages.zh-TW'
import payments from '@web/features/payments/messages.zh-TW'
import helpdesk from '@web/features/helpdesk/messages.zh-TW'
import lookup from '@web/features/lookup/messages.zh-TW'
import staff from '@web/features/staff/messages.zh-TW'
import portalApplications from '@web/features/applications/portal/messages.zh-TW'
import portal from '@web/features/portal/messages.zh-TW'
import portalAccounts from '@web/features/portal-accounts/messages.zh-TW'
import portalAuth from '@web/features/portal-auth/messages.zh-TW'
import registrations from '@web/features/registrations/messages.zh-TW'
import reassignments from '@web/features/reassignments/messages.zh-TW' // reassignments
import exports from '@web/components/export-messages.zh-TW' // exports
import lists from '@web/components/list-messages.zh-TW' // list totals

/** UI texts in Traditional Chinese (the default). Keep `en.ts` in step: it must satisfy this shape. */
export default {
  app: {
    product: '通關專屬憑證管理系統',
    productShort: 'Certdesk',
    singleWindow: '關港貿單一窗口',
  },
  common: {
    search: '查詢',
    reset: '清除條件',
    cancel: '取消',
    save: '儲存',
    close: '關閉',
    copy: '複製',
    copied: '已複製',
    actions: '操作',
    all: '全部',
    refresh: '重新整理',
    previous: '上一頁',
    next: '下一頁',
    back: '返回',
    edit: '編輯',
    detail: '明細',
    none: '（無）',
    loadFailed: '資料載入失敗',
    retry: '重試',
  },
  lang: { label: '語言', zhTW: '繁體中文', en: 'English' },
  nav: {
    menu: '功能選單',
    dashboard: '儀表板',
    applications: '申請案件', // applications
    applicationNew: '紙本登打', // applications
    applicationDetail: '案件明細', // applications
    applicationEdit: '編輯草稿', // applications
    certificates: '憑證管理', // certificates
    certificateDetail: '憑證明細', // certificates
    payments: '繳費紀錄', // payments
    paymentsImport: '匯入銀行對帳檔', // payments
    feeSlipPrint: '列印繳款單', // fee slips
    staff: '人員帳號',
    audit: '稽核軌跡',
    auditDetail: '稽核明細',
    mail: '寄件匣', // mail outbox
    brokerRecords: '業者資料', // broker records
    firms: '業者', // broker records
    firmDetail: '業者明細', // broker records
    brokers: '專責報關人員', // broker records
    brokerDetail: '人員明細', // broker records
    appointments: '委任關係', // broker records
    brokerRecordsImport: '匯入 CSV', // broker records
    password: '變更密碼',
    lookup: '綜合查詢',
    lookupProfile: '查詢結果',
    helpdesk: '客服作業',
    helpdeskEmailChanges: '電子郵件變更核准',
    forbidden: '無權限',
    notFound: '找不到頁面',
    home: '首頁',
    logout: '登出',
    roles: '角色',
    bindings: '憑證綁定申請', // card binding
    reassignments: '專責報關人員異動', // reassignments
    office: '所屬關別',
  },
  // portal (features/portal and the portal pages of each workflow)
  portal,
  portalAuth,
  portalAccounts,
  registrations,
  portalApplications,
  auth: {
    loginTitle: '關員登入',
    username: '帳號',
    password: '密碼',
    submit: '登入',
    sessionExpired: '登入逾時，請重新登入',
    passwordTitle: '變更密碼',
    currentPassword: '目前密碼',
    newPassword: '新密碼',
    confirmPassword: '確認新密碼',
    passwordMismatch: '兩次輸入的新密碼不一致',
    passwordRuleHint: '至少 8 個字元，須包含數字、大寫與小寫英文字母。',
    forcedNotice: '首次登入或密碼經重設，請先變更密碼後再繼續使用系統。',
    changed: '密碼已變更',
    submitPassword: '變更密碼',
  },
  dashboard,
  staff,
  audit,
  // --- mail outbox (features/mail) ---
  mail,
  // --- end mail outbox ---
  // --- broker records (features/broker-records) ---
  brokerRecords,
  // --- end broker records ---
  // --- applications (features/applications) ---
  applications,
  // --- end applications ---
  // fee slips
  feeSlips,
  // payments
  payments,
  // certificates
  certificates,
  // helpdesk
  helpdesk,
  // lookup
  lookup,
  // card binding
  bindings,
  // reassignments
  reassignments,
  // exports (components/ExportButton)
  exports,
  // list totals (components/ListTotal)
  lists,
  errors: {
    forbiddenTitle: '您沒有檢視此頁面的權限',
    forbiddenBody: '如需使用此功能，請洽系統管理者調整角色。',
    notFoundTitle: '找不到此頁面',
    notFoundBody: '網址可能有誤，或頁面已移除。',
    backHome: '回首頁',
  },
}
