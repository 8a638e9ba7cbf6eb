/** Texts of applications/portal (portal). */
export default {
  title: 'portalApplications',
}
