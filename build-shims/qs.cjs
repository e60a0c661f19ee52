'use strict'
// A browser-sized stand-in for `qs`, aliased in vite.config.ts (dev server, build and unit tests
// alike). The accounts SDK (its one user in the app) calls qs.stringify on its authorize
// parameters and on the app's own URL parameters it restores after a redirect, and qs.parse on
// the answer in the fragment or query. qs itself (with side-channel and its helpers) is about 7 KB gzip of the
// SDK's chunk, for nesting, array formats, charsets and options the SDK never uses. This keeps
// what the SDK relies on, with qs's defaults: RFC 3986 encoding, undefined skipped, null as
// empty, nested values as `a[b]=` / `a[0]=`, '+' decoded as a space, repeated keys as an array,
// a malformed escape kept as written, and keys that would shadow Object.prototype dropped.
// Unlike qs, a bracketed key stays flat when parsed (`a[b]` is one key), which stringifies back
// to the same text: the SDK only reads flat answers and round-trips the app's own parameters.
// tests/unit/build/qs-stand-in.test.ts holds it to the real qs on the SDK's inputs.
var has = Object.prototype.hasOwnProperty

function encode(text) {
  return encodeURIComponent(text).replace(/[!'()*]/g, function (c) {
    return '%' + c.charCodeAt(0).toString(16).toUpperCase()
  })
}

function decode(text) {
  var spaced = text.replace(/\+/g, ' ')
  try {
    return decodeURIComponent(spaced)
  } catch {
    return spaced
  }
}

// qs drops a key whose name, or any of its [segments], is an Object.prototype property.
function shadowsPrototype(key) {
  return key.split(/[[\]]/).some(function (part) {
    return part !== '' && has.call(Object.prototype, part)
  })
}

function pairs(key, value, out) {
  if (value === undefined) return
  if (value instanceof Date) value = value.toISOString()
  if (value !== null && typeof value === 'object') {
    Object.keys(value).forEach(function (k) {
      pairs(key + '[' + k + ']', value[k], out)
    })
    return
  }
  out.push(encode(key) + '=' + encode(value === null ? '' : String(value)))
}

function stringify(object) {
  var out = []
  if (object !== null && typeof object === 'object') {
    Object.keys(object).forEach(function (key) {
      pairs(key, object[key], out)
    })
  }
  return out.join('&')
}

function parse(text, options) {
  var result = {}
  if (typeof text !== 'string' || text === '') return result
  var query = options && options.ignoreQueryPrefix ? text.replace(/^\?/, '') : text
  query.split('&').forEach(function (part) {
    if (part === '') return
    var at = part.indexOf('=')
    var key = decode(at === -1 ? part : part.slice(0, at))
    var value = at === -1 ? '' : decode(part.slice(at + 1))
    if (key === '' || shadowsPrototype(key)) return
    if (!has.call(result, key)) result[key] = value
    else result[key] = [].concat(result[key], value)
  })
  return result
}

module.exports = { parse: parse, stringify: stringify }
