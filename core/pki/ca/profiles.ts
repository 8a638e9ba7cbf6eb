import type { KeyUsage } from '../extension-decoders'
import { OID } from '../oids'
import { oid as oidValue, printableString, utf8String, type Der } from '../x509-builder/der-encode'
import type { DnEntry } from '../x509-builder/distinguished-name'
import type { IssuerFacts } from './ca-certificate'
import {
  citizenSubject,
  companySubject,
  customsCorporateSubject,
  customsPersonalSubject,
  type CitizenCardSubject,
  type CompanyCardSubject,
  type CustomsCorporateSubject,
  type CustomsPersonalSubject,
} from './profile-subjects'

/**
 * What each profile puts in a certificate besides AKI, SKI, the policy and the CRL pointer:
 *
 * | profile              | keyUsage (critical)                     | EKU                       | subjectDirectoryAttributes (2.5.29.9) |
 * | customs-corporate    | digitalSignature, nonRepudiation        | clientAuth, emailProtection | –                                   |
 * | customs-personal     | digitalSignature, nonRepudiation        | clientAuth, emailProtection | –                                   |
 * | citizen-card-sign    | digitalSignature                        | –                         | subjectClass, cardType, idLast4 (.51) |
 * | citizen-card-encrypt | keyEncipherment, dataEncipherment       | –                         | same                                  |
 * | company-card-sign    | digitalSignature                        | –                         | subjectClass, cardType, UBN (.101)    |
 * | company-card-encrypt | keyEncipherment, dataEncipherment       | –                         | same                                  |
 *
 * Customs EKU: the certificate signs customs messages (nonRepudiation: the declarant cannot deny
 * them) and logs in to the Single Window. id-kp-clientAuth (1.3.6.1.5.5.7.3.2) covers the login;
 * id-kp-emailProtection (1.3.6.1.5.5.7.3.4) is the purpose that CMS/S-MIME toolkits, including
 * Windows CryptoAPI and Java, accept for signed messages. id-kp-documentSigning (RFC 9336) would be
 * more exact but is unknown to the older toolkits customs software runs on. Not critical, so a
 * relying party that checks no EKU is unaffected. GPKI cards carry no EKU, as the samples show.
 *
 * SDA values follow the samples (pki/README.md): subjectClass as an OID (2.16.886.1.100.3.1.9 on
 * MOICA citizen certificates, 2.16.886.1.100.3.2.2.1.1 on the company-style one), cardType as
 * PrintableString, idLast4 and UBN as UTF8String.
 */
export type ProfileName = 'customs-corporate' | 'customs-personal' | 'citizen-card-sign' | 'citizen-card-encrypt' | 'company-card-sign' | 'company-card-encrypt'

export type ProfileRequest =
  | { profile: 'customs-corporate'; subject: CustomsCorporateSubject }
  | { profile: 'customs-personal'; subject: CustomsPersonalSubject }
  | { profile: 'citizen-card-sign' | 'citizen-card-encrypt'; subject: CitizenCardSubject }
  | { profile: 'company-card-sign' | 'company-card-encrypt'; subject: CompanyCardSubject }

export interface ProfileContent {
  subject: DnEntry[]
  keyUsage: KeyUsage[]
  extendedKeyUsage?: string[]
  directoryAttributes?: [type: string, value: Der][]
}

export const SUBJECT_CLASS = { citizen: '2.16.886.1.100.3.1.9', company: '2.16.886.1.100.3.2.2.1.1' } as const
const CUSTOMS_EKU = ['1.3.6.1.5.5.7.3.2', '1.3.6.1.5.5.7.3.4']
const SIGN: KeyUsage[] = ['digitalSignature']
const ENCRYPT: KeyUsage[] = ['keyEncipherment', 'dataEncipherment']

export function profileContent(request: ProfileRequest, issuer: IssuerFacts): ProfileContent {
  switch (request.profile) {
    case 'customs-corporate':
      return { subject: customsCorporateSubject(request.subject, issuer), keyUsage: ['digitalSignature', 'nonRepudiation'], extendedKeyUsage: CUSTOMS_EKU }
    case 'customs-personal':
      return { subject: customsPersonalSubject(request.subject, issuer), keyUsage: ['digitalSignature', 'nonRepudiation'], extendedKeyUsage: CUSTOMS_EKU }
    case 'citizen-card-sign':
    case 'citizen-card-encrypt':
      return {
        subject: citizenSubject(request.subject),
        keyUsage: request.profile === 'citizen-card-sign' ? SIGN : ENCRYPT,
        directoryAttributes: [
          [OID.gpkiSubjectClass, oidValue(SUBJECT_CLASS.citizen)],
          [OID.gpkiCardType, printableString(request.subject.cardType ?? 'primary')],
          [OID.gpkiIdLast4, utf8String(request.subject.idLast4)],
        ],
      }
    case 'company-card-sign':
    case 'company-card-encrypt':
      return {
        subject: companySubject(request.subject),
        keyUsage: request.profile === 'company-card-sign' ? SIGN : ENCRYPT,
        directoryAttributes: [
          [OID.gpkiSubjectClass, oidValue(SUBJECT_CLASS.company)],
          [OID.gpkiCardType, printableString(request.subject.cardType ?? 'primary')],
          [OID.gpkiUbn, utf8String(request.subject.ubn)],
        ],
      }
  }
}
