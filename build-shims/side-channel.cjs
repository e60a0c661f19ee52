'use strict'
// A browser-sized stand-in for the `side-channel` package, aliased in vite.config.ts for the app
// build only. `qs` (a dependency of @livechat/accounts-sdk) uses it to detect cyclic objects while
// stringifying. The real package and its helpers (object-inspect, get-intrinsic, call-bind, …)
// exist to polyfill environments without WeakMap and to format error messages, and weigh about
// 15 KB gzip; every browser the app supports has WeakMap and Map. Same API: get, set, has,
// delete and assert, for object and primitive keys alike.
module.exports = function getSideChannel() {
  var objects = new WeakMap()
  var primitives = new Map()
  var store = function (key) {
    return (typeof key === 'object' && key !== null) || typeof key === 'function'
      ? objects
      : primitives
  }
  return {
    assert: function (key) {
      if (!store(key).has(key)) throw new TypeError('Side channel does not contain the key')
    },
    delete: function (key) {
      return store(key).delete(key)
    },
    get: function (key) {
      return store(key).get(key)
    },
    has: function (key) {
      return store(key).has(key)
    },
    set: function (key, value) {
      store(key).set(key, value)
    },
  }
}
