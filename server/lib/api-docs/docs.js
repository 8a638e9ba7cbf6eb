// The API document browser (/api/docs): reads /api/openapi.json and lists its operations by tag. Plain
// browser script, no framework and no build step, so the server serves it as it is and the SPA stays untouched.
// It builds the page with DOM calls only (never innerHTML): every text goes in as text.
'use strict'
;(function () {
  /** h('p', { class: 'x' }, 'text', child) → an element; attributes, then children (strings become text). */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag)
    for (const [name, value] of Object.entries(attrs || {})) {
      if (name === 'class') el.className = value
      else el.setAttribute(name, value)
    }
    el.append(...children.filter((c) => c !== null && c !== undefined && c !== false))
    return el
  }

  const refName = (ref) => ref.split('/').pop()

  /** One line for a schema: its type and the limits a caller must keep. */
  function typeText(s) {
    if (!s || Object.keys(s).length === 0) return 'any'
    if (s.$ref) return refName(s.$ref)
    const alternatives = s.oneOf || s.anyOf
    if (alternatives) return alternatives.map(typeText).join(' | ')
    const parts = []
    if ('const' in s) parts.push(JSON.stringify(s.const))
    else if (s.enum) parts.push(s.enum.map((v) => JSON.stringify(v)).join(' | '))
    else if (s.type === 'array') parts.push(`array of ${typeText(s.items)}`)
    else parts.push([].concat(s.type || 'any').join(' | ') + (s.format ? ` (${s.format})` : ''))
    if (s.minLength !== undefined || s.maxLength !== undefined) parts.push(`length ${s.minLength ?? 0}–${s.maxLength ?? '∞'}`)
    if (s.minItems !== undefined || s.maxItems !== undefined) parts.push(`items ${s.minItems ?? 0}–${s.maxItems ?? '∞'}`)
    if (s.minimum !== undefined) parts.push(`≥ ${s.minimum}`)
    if (s.exclusiveMinimum !== undefined) parts.push(`> ${s.exclusiveMinimum}`)
    if (s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER) parts.push(`≤ ${s.maximum}`)
    if (s.pattern) parts.push(`pattern ${s.pattern}`)
    if (s.default !== undefined) parts.push(`default ${JSON.stringify(s.default)}`)
    return parts.join(', ')
  }

  /** The fields of an object schema as a nested list; alternatives of objects (a union) one after another. */
  function schemaTree(s) {
    const alternatives = s.oneOf || s.anyOf
    if (alternatives && alternatives.some((a) => a.properties)) {
      return h('ul', { class: 'schema' }, ...alternatives.map((a, i) => h('li', {}, `One of ${alternatives.length}, shape ${i + 1}:`, schemaTree(a))))
    }
    if (s.type === 'array' && s.items && s.items.properties) return h('div', {}, `array (${typeText({ ...s, items: {} })}) of:`, schemaTree(s.items))
    if (!s.properties) return h('span', { class: 'type' }, typeText(s))
    const required = new Set(s.required || [])
    return h(
      'ul',
      { class: 'schema' },
      ...Object.entries(s.properties).map(([name, prop]) =>
        h(
          'li',
          {},
          h('code', {}, name),
          required.has(name) ? h('span', { class: 'required', title: 'required' }, ' *') : null,
          ': ',
          prop.properties || (prop.items && prop.items.properties) || (prop.oneOf || prop.anyOf || []).some((a) => a.properties)
            ? schemaTree(prop)
            : h('span', { class: 'type' }, typeText(prop)),
          prop.description ? h('div', { class: 'type' }, prop.description) : null,
        ),
      ),
    )
  }

  function parametersTable(parameters) {
    const rows = parameters.map((p) =>
      h('tr', {}, h('td', {}, h('code', {}, p.name)), h('td', {}, p.in), h('td', {}, p.required ? 'yes' : 'no'), h('td', { class: 'type' }, typeText(p.schema))),
    )
    const head = h('tr', {}, ...['Name', 'In', 'Required', 'Schema'].map((t) => h('th', { scope: 'col' }, t)))
    return h('table', {}, h('thead', {}, head), h('tbody', {}, ...rows))
  }

  function operationView(path, method, op) {
    const security = op.security.length === 0 ? 'none (public)' : op.security.map((req) => Object.keys(req).join(' + ')).join(' or ')
    const body = op.requestBody
      ? Object.entries(op.requestBody.content).map(([type, media]) =>
          h('div', {}, h('h3', {}, `Request body (${type})`), schemaTree(media.schema), h('details', {}, h('summary', {}, 'JSON Schema'), h('pre', {}, JSON.stringify(media.schema, null, 2)))),
        )
      : []
    const responses = Object.entries(op.responses)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([status, r]) => h('li', {}, h('code', {}, status), ' ', r.description))
    const view = h(
      'details',
      { class: 'op', id: `op-${op.operationId}` },
      h('summary', {}, h('span', { class: `method ${method}` }, method.toUpperCase()), h('code', {}, path), h('span', { class: 'summary' }, op.summary)),
      h(
        'div',
        { class: 'op-body' },
        h('p', {}, 'Access: ', ...op['x-certdesk-access'].map((a) => h('span', { class: 'role' }, a)), ` · Security: ${security} · operationId `, h('code', {}, op.operationId)),
        op.parameters.length ? h('h3', {}, 'Parameters') : null,
        op.parameters.length ? parametersTable(op.parameters) : null,
        ...body,
        h('h3', {}, 'Responses'),
        h('ul', {}, ...responses),
      ),
    )
    const search = [method, path, op.summary, op.tags.join(' '), op['x-certdesk-access'].join(' ')].join(' ').toLowerCase()
    return { view, search }
  }

  function errorTable(codes) {
    const rows = Object.entries(codes).map(([code, e]) => h('tr', {}, h('td', {}, h('code', {}, code)), h('td', {}, String(e.status)), h('td', {}, e.message)))
    return h('table', {}, h('thead', {}, h('tr', {}, ...['Code', 'Status', 'Message'].map((t) => h('th', { scope: 'col' }, t)))), h('tbody', {}, ...rows))
  }

  function render(doc) {
    document.getElementById('title').textContent = doc.info.title
    const meta = document.getElementById('meta')
    meta.textContent = `Version ${doc.info.version} · OpenAPI ${doc.openapi} · `
    meta.append(h('a', { href: '/api/openapi.json' }, 'openapi.json'))
    const main = document.getElementById('content')
    const general = h('section', { id: 'general' }, h('h2', {}, 'About this API'), ...doc.info.description.split('\n\n').map((p) => h('p', {}, p)))
    general.append(
      h('h3', {}, 'Security'),
      h('ul', {}, ...Object.entries(doc.components.securitySchemes).map(([name, s]) => h('li', {}, h('code', {}, name), ` — ${s.in} ${s.name}: ${s.description}`))),
      h('h3', {}, 'Errors'),
      schemaTree(doc.components.schemas.Error),
      errorTable(doc.components['x-certdesk-error-codes']),
    )
    main.append(general)
    const sections = []
    for (const { name } of doc.tags) {
      const ops = []
      for (const [path, item] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(item)) if (op.tags.includes(name)) ops.push(operationView(path, method, op))
      }
      const section = h('section', { id: `tag-${name}` }, h('h2', {}, name), ...ops.map((o) => o.view))
      sections.push({ section, ops })
      main.append(section)
    }
    document.getElementById('tags').append(h('ul', {}, ...doc.tags.map(({ name }) => h('li', {}, h('a', { href: `#tag-${name}` }, name)))))
    document.getElementById('filter').addEventListener('input', (event) => {
      const term = event.target.value.trim().toLowerCase()
      for (const { section, ops } of sections) {
        let shown = 0
        for (const op of ops) {
          op.view.hidden = !op.search.includes(term)
          if (!op.view.hidden) shown += 1
        }
        section.hidden = shown === 0
      }
    })
    // A link to one operation (#op-<operationId>) opens it.
    const linked = location.hash.startsWith('#op-') && document.getElementById(location.hash.slice(1))
    if (linked) linked.open = true
  }

  fetch('/api/openapi.json', { headers: { accept: 'application/json' } })
    .then((res) => (res.ok ? res.json() : Promise.reject(new Error(`HTTP ${res.status}`))))
    .then(render)
    .catch((err) => {
      document.getElementById('meta').textContent = `Could not read /api/openapi.json: ${err.message}`
    })
})()
