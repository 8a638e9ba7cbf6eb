import type { Shape } from '@web/app/i18n/shape'
import type zhTW from './messages.zh-TW'

export default {
  loginTitle: 'Sign in',
  loginLead: 'Sign in to the Single Window with your citizen or business certificate card, or with your account and password.',
  tabs: { label: 'How to sign in', card: 'Certificate sign-in', password: 'Account sign-in' },
  card: {
    kindLabel: 'Kind of card',
    moica: 'Citizen certificate (individuals)',
    moeaca: 'Business certificate (companies)',
    ready: 'The card is loaded; press “Sign in”.',
    submit: 'Sign in with this card',
  },
  password: {
    accountId: 'Account',
    accountIdHint: "An individual's account is the e-mail given at registration; a company's is its UBN.",
    password: 'Password',
    submit: 'Sign in',
    migratedHint: 'Accounts registered in the old customs system before 17 August 2013 have no password here: sign in with your card, or ask the service centre to set one.',
  },
  noAccount: 'No account yet?',
  registerLink: 'Register with your card',
  problems: {
    notRegistered: { title: 'This card is not registered', hint: 'Register an account with this card first, then sign in.', action: 'Register now' },
    certificateInvalid: { title: 'The certificate was not accepted', hint: 'Use a citizen or business certificate that is within its validity and not revoked.' },
    locked: { title: 'The account is locked for now', hint: 'Try again later or sign in with your card; the service centre can help.' },
    invalidCredentials: { title: 'Wrong account or password', hint: 'Check the account and the password (passwords are case-sensitive) and try again.' },
    challengeUsed: { title: 'The sign-in check expired or was already used', hint: 'Your card is still loaded: press “Sign in with this card” again.' },
  },
  change: {
    title: 'Change password',
    current: 'Current password',
    new: 'New password',
    confirm: 'Confirm the new password',
    rule: 'Passwords are case-sensitive: at least 8 characters, with at least one digit, one upper-case and one lower-case letter.',
    mismatch: 'The two new passwords differ',
    forced: 'The service centre has reset your password: set a new one before you continue.',
    changed: 'Your password has been changed',
    submit: 'Change password',
  },
} satisfies Shape<typeof zhTW>
