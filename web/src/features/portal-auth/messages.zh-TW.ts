/** Texts of portal-auth (portal). */
export default {
  title: 'portalAuth',
}
