/** Texts of registrations (portal). */
export default {
  title: 'registrations',
}
