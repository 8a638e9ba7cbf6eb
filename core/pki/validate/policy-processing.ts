import type { PathCertificate } from './certificate'
import { ANY_POLICY } from './policy-information'
import { PolicyTree } from './policy-tree'
import type { ValidationCode } from './reasons'
import type { Settings } from './settings'

/**
 * The policy half of RFC 5280 §6.1: the three counters (explicit_policy, policy_mapping,
 * inhibit_anyPolicy), the valid_policy_tree, and the checks that end a path:
 * §6.1.3 (f) and §6.1.5 (g) POLICY_REQUIRED, §6.1.4 (a) a mapping to or from anyPolicy.
 */
export interface PolicyFailure {
  code: ValidationCode
  detail: string
}

export class PolicyProcessor {
  private tree: PolicyTree | null = new PolicyTree()
  private explicitPolicy: number
  private policyMapping: number
  private inhibitAnyPolicy: number

  /** `n`: the number of certificates in the path, anchor excluded (RFC 5280 §6.1.2). */
  constructor(
    n: number,
    private readonly settings: Settings,
  ) {
    this.explicitPolicy = settings.explicitPolicy ? 0 : n + 1
    this.policyMapping = settings.inhibitPolicyMapping ? 0 : n + 1
    this.inhibitAnyPolicy = settings.inhibitAnyPolicy ? 0 : n + 1
  }

  /** Certificate i of the path (§6.1.3 d–f, then §6.1.4 a–b, h–j unless it is the leaf). */
  process(cert: PathCertificate, isLeaf: boolean): PolicyFailure | undefined {
    const policies = cert.ext.policies?.map((p) => p.oid)
    if (this.tree && policies) {
      this.tree.grow(policies, this.inhibitAnyPolicy > 0 || (!isLeaf && cert.selfIssued))
      if (this.tree.isEmpty) this.tree = null
    } else this.tree = null
    if (this.explicitPolicy <= 0 && !this.tree) return { code: 'POLICY_REQUIRED', detail: 'no valid policy while an explicit policy is required' }
    if (isLeaf) return undefined
    const mappings = cert.ext.policyMappings
    if (mappings?.some(([from, to]) => from === ANY_POLICY || to === ANY_POLICY)) return { code: 'POLICY_REQUIRED', detail: 'policy mapped to or from anyPolicy' }
    if (mappings && this.tree) {
      this.tree.map(mappings, this.policyMapping > 0)
      if (this.tree.isEmpty) this.tree = null
    }
    if (!cert.selfIssued) {
      if (this.explicitPolicy > 0) this.explicitPolicy--
      if (this.policyMapping > 0) this.policyMapping--
      if (this.inhibitAnyPolicy > 0) this.inhibitAnyPolicy--
    }
    const constraints = cert.ext.policyConstraints
    if (constraints?.requireExplicitPolicy !== undefined) this.explicitPolicy = Math.min(this.explicitPolicy, constraints.requireExplicitPolicy)
    if (constraints?.inhibitPolicyMapping !== undefined) this.policyMapping = Math.min(this.policyMapping, constraints.inhibitPolicyMapping)
    if (cert.ext.inhibitAnyPolicy !== undefined) this.inhibitAnyPolicy = Math.min(this.inhibitAnyPolicy, cert.ext.inhibitAnyPolicy)
    return undefined
  }

  /** §6.1.5 (a), (b), (g): the final explicit_policy and the user's initial policy set. */
  finish(leaf: PathCertificate): PolicyFailure | undefined {
    if (this.explicitPolicy > 0) this.explicitPolicy--
    if (leaf.ext.policyConstraints?.requireExplicitPolicy === 0) this.explicitPolicy = 0
    if (this.tree) {
      this.tree.intersect(this.settings.initialPolicySet)
      if (this.tree.isEmpty) this.tree = null
    }
    if (this.explicitPolicy > 0 || this.tree) return undefined
    return { code: 'POLICY_REQUIRED', detail: 'no acceptable certificate policy' }
  }
}
