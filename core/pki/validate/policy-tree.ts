import { ANY_POLICY } from './policy-information'

/**
 * The valid_policy_tree of RFC 5280 §6.1 (6.1.2 a, 6.1.3 d–e, 6.1.4 b, 6.1.5 g), kept as one array
 * of nodes per depth. Node i of depth d is a policy that certificate d asserts and that certificates
 * 1…d-1 allowed (directly, via anyPolicy, or via a mapping). A tree that grows past MAX_NODES is
 * treated as failed: crafted mappings can make it grow exponentially.
 */
export interface PolicyNode {
  policy: string
  expected: Set<string>
  parent: PolicyNode | null
  children: PolicyNode[]
  deleted: boolean
}

export const MAX_NODES = 2000

export class PolicyTree {
  levels: PolicyNode[][]
  private count = 1
  overflow = false

  constructor() {
    this.levels = [[{ policy: ANY_POLICY, expected: new Set([ANY_POLICY]), parent: null, children: [], deleted: false }]]
  }

  get depth(): number {
    return this.levels.length - 1
  }

  add(parent: PolicyNode, policy: string, expected: Set<string>, depth: number): void {
    if (++this.count > MAX_NODES) {
      this.overflow = true
      return
    }
    const node: PolicyNode = { policy, expected, parent, children: [], deleted: false }
    parent.children.push(node)
    ;(this.levels[depth] ??= []).push(node)
  }

  /** §6.1.3 (d)(1)–(2): grow depth i from the policies certificate i asserts. */
  grow(policies: string[], anyPolicyAllowed: boolean): void {
    const depth = this.levels.length
    const parents = this.levels[depth - 1]
    this.levels.push([])
    for (const policy of policies) {
      if (policy === ANY_POLICY) continue
      const matches = parents.filter((node) => node.expected.has(policy))
      if (matches.length) matches.forEach((node) => this.add(node, policy, new Set([policy]), depth))
      else {
        const any = parents.find((node) => node.policy === ANY_POLICY)
        if (any) this.add(any, policy, new Set([policy]), depth)
      }
    }
    if (policies.includes(ANY_POLICY) && anyPolicyAllowed) {
      for (const node of parents) {
        const present = new Set(node.children.map((child) => child.policy))
        for (const policy of node.expected) if (!present.has(policy)) this.add(node, policy, new Set([policy]), depth)
      }
    }
    this.prune()
  }

  /** §6.1.4 (b): apply one certificate's mappings to depth i, or delete mapped nodes when mapping is inhibited. */
  map(mappings: [string, string][], mappingAllowed: boolean): void {
    const depth = this.depth
    const bySource = new Map<string, Set<string>>()
    for (const [from, to] of mappings) (bySource.get(from) ?? bySource.set(from, new Set()).get(from)!).add(to)
    for (const [from, targets] of bySource) {
      const nodes = this.levels[depth].filter((node) => node.policy === from)
      if (!mappingAllowed) nodes.forEach((node) => this.remove(node))
      else if (nodes.length) nodes.forEach((node) => (node.expected = new Set(targets)))
      else {
        const any = this.levels[depth].find((node) => node.policy === ANY_POLICY)
        if (any?.parent) this.add(any.parent, from, new Set(targets), depth)
      }
    }
    this.prune()
  }

  /** Deletes a node with everything below it. */
  remove(node: PolicyNode): void {
    node.deleted = true
    node.children.forEach((child) => this.remove(child))
    if (node.parent) node.parent.children = node.parent.children.filter((child) => child !== node)
  }

  /** Deletes, bottom up, every node above the deepest level that is left without children. */
  prune(): void {
    for (let depth = this.depth; depth >= 0; depth--) {
      this.levels[depth] = this.levels[depth].filter((node) => !node.deleted)
      if (depth < this.depth) this.levels[depth].filter((node) => node.children.length === 0).forEach((node) => this.remove(node))
      this.levels[depth] = this.levels[depth].filter((node) => !node.deleted)
    }
  }

  get isEmpty(): boolean {
    return this.overflow || this.levels[0].length === 0
  }

  /** §6.1.5 (g)(iii): keeps only what the user's initial policy set accepts. */
  intersect(initial: Set<string>): void {
    if (initial.has(ANY_POLICY)) return
    const n = this.depth
    const validSet = this.levels.flat().filter((node) => node.parent?.policy === ANY_POLICY && !node.deleted)
    for (const node of validSet) if (node.policy !== ANY_POLICY && !initial.has(node.policy)) this.remove(node)
    const leafAny = this.levels[n].find((node) => node.policy === ANY_POLICY && !node.deleted)
    if (leafAny?.parent) {
      const present = new Set(validSet.filter((node) => !node.deleted).map((node) => node.policy))
      for (const policy of initial) if (!present.has(policy)) this.add(leafAny.parent, policy, new Set([policy]), n)
      this.remove(leafAny)
    }
    this.prune()
  }
}
