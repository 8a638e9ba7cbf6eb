/** The portal's shared texts: layout, home page, card loading. */
export default {
  title: '通關專屬憑證服務',
  subtitle: '通關專屬憑證之申請、繳費、金鑰產製、下載與註冊，一站辦理。',
  staffLogin: '關員作業系統登入',
  skipToContent: '跳至主要內容',
  signedInAs: '{name}（{account}）已登入',
  logout: '登出',
  nav: {
    label: '服務選單',
    home: '首頁',
    login: '憑證登入／帳號登入',
    register: '註冊',
    applications: '線上申請',
    registrationsNew: '通關憑證註冊',
    registrations: '通關憑證查詢',
    bindings: '申請憑證登入', // card binding
    bindingsBind: '啟用憑證（綁定）', // card binding
  },
  services: {
    register: { title: '憑證註冊帳號', body: '以自然人憑證或工商憑證註冊單一窗口帳號。', action: '開始註冊' },
    signIn: { title: '憑證登入', body: '插入憑證卡片，以憑證安全登入，免記密碼。', action: '登入' },
    apply: { title: '線上申請', body: '以工商憑證簽章線上填寫通關專屬憑證申請（DC02），免用印。', action: '線上申請' },
    certRegister: { title: '通關憑證註冊', body: '註冊簽章用憑證，供通關訊息簽章比對使用。', action: '註冊憑證' },
  },
  card: {
    moica: '自然人憑證',
    moeaca: '工商憑證',
    hint: '請選擇{card}卡片檔（.p12）並輸入 PIN 碼。卡片檔只在您的瀏覽器中開啟，不會上傳。',
    file: '憑證卡片檔（.p12）',
    pin: 'PIN 碼',
    load: '載入{card}',
    loaded: '卡片已載入',
    validTo: '有效期限至 {date}',
    change: '更換卡片',
    noFile: '請選擇憑證卡片檔',
    noPin: '請輸入 PIN 碼',
    wrongKind: '這不是{card}，請改用{card}卡片',
    expired: '此憑證已於 {date} 到期，請改用有效的憑證',
    unreadable: '無法讀取此卡片檔',
  },
  footer: '財政部關務署 關港貿單一窗口',
  helpdesk: "單一窗口服務中心　電話 0800-299-889　信箱 cpt_helpdesk{'@'}mail.sw.nat.gov.tw",
}
