import type { Shape } from '@web/app/i18n/shape'
import type zhTW from './messages.zh-TW'

export default {
  title: 'Customs-Dedicated Certificate Services',
  subtitle: 'Apply, pay, generate keys, download and register customs-dedicated certificates in one place.',
  staffLogin: 'Staff console sign-in',
  skipToContent: 'Skip to the main content',
  signedInAs: 'Signed in: {name} ({account})',
  logout: 'Sign out',
  nav: {
    label: 'Services',
    home: 'Home',
    login: 'Sign in',
    register: 'Register',
    applications: 'Online applications',
    registrationsNew: 'Register a signing certificate',
    registrations: 'Certificate query',
  },
  services: {
    register: { title: 'Register with a card', body: 'Open a Single Window account with your citizen or business certificate card.', action: 'Register' },
    signIn: { title: 'Certificate sign-in', body: 'Sign in securely with your certificate card, no password to remember.', action: 'Sign in' },
    apply: { title: 'Online application', body: 'Fill in the DC02 application online and sign it with your business certificate instead of a seal.', action: 'Apply online' },
    certRegister: { title: 'Certificate registration', body: 'Register the signing certificate that customs checks your messages against.', action: 'Register a certificate' },
  },
  card: {
    moica: 'citizen certificate',
    moeaca: 'business certificate',
    hint: 'Choose your {card} card file (.p12) and enter its PIN. The file is opened in your browser only and never uploaded.',
    file: 'Card file (.p12)',
    pin: 'PIN',
    load: 'Load the {card}',
    loaded: 'Card loaded',
    validTo: 'Valid until {date}',
    change: 'Use another card',
    noFile: 'Choose the card file',
    noPin: 'Enter the PIN',
    wrongKind: 'This is not a {card}; use your {card} card',
    expired: 'This certificate expired on {date}; use a valid one',
    unreadable: 'This card file cannot be read',
  },
  footer: 'Customs Administration, Ministry of Finance · Customs-Port-Trade Single Window',
  helpdesk: "Single Window service centre · 0800-299-889 · cpt_helpdesk{'@'}mail.sw.nat.gov.tw",
} satisfies Shape<typeof zhTW>
