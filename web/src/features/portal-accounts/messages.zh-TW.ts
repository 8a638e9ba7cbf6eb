/** Texts of portal-accounts (portal). */
export default {
  title: 'portalAccounts',
}
