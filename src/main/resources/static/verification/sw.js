// The phone app's service worker: serves the app shell (page, script, styles, icons) from its cache when the
// phone is offline. It never caches an API answer: households and persons live in IndexedDB only, and the page
// removes them (and this cache) when the worker signs out. Paths are relative to this script (/verification/).
'use strict';

var CACHE = 'renkou-phone-v2';
var PAGE = new URL('phone', self.location).href;
var ASSETS = ['phone.js', 'phone.css', 'vendor/idb-8.0.4.umd.js', 'manifest.json', 'icons/icon-192.png',
  'icons/icon-512.png', '../css/renkou.css'].map(function (p) { return new URL(p, self.location).href; });
var NETWORK_WAIT_MS = 4000; // poor signal: after this the cached page is shown, the network answer refreshes the cache

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll(ASSETS).then(function () {
      return fetch(PAGE, { credentials: 'same-origin' }).then(function (r) { return keepPage(cache, r); });
    });
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf('renkou-phone') === 0 && k !== CACHE; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

/** Only the signed-in page itself is kept (not the login page a lapsed session is sent to). */
function keepPage(cache, response) {
  if (response.ok && !response.redirected && response.type === 'basic') {
    return cache.put(PAGE, response.clone()).then(function () { return response; });
  }
  return Promise.resolve(response);
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') { return; }
  var url = new URL(request.url);
  if (request.mode === 'navigate' && url.origin === self.location.origin && url.pathname === new URL(PAGE).pathname) {
    event.respondWith(page(request));
  } else if (ASSETS.indexOf(url.origin + url.pathname) >= 0) {
    event.respondWith(asset(request, url.origin + url.pathname));
  }
  // everything else (the API above all) goes to the network untouched
});

/** Network first, so a new version or a lapsed sign-in shows at once; the cached page when there is no network. */
function page(request) {
  return caches.open(CACHE).then(function (cache) {
    return networkFirst(cache, fetch(request).then(function (r) { return keepPage(cache, r); }), PAGE);
  });
}

/**
 * The script, styles and icons network first as well: served from the cache first, a new phone.js would never
 * reach a phone that has this worker (the worker itself is unchanged), and would not match a new page.
 */
function asset(request, key) {
  return caches.open(CACHE).then(function (cache) {
    return networkFirst(cache, fetch(request).then(function (r) {
      return r.ok ? cache.put(key, r.clone()).then(function () { return r; }) : r;
    }), key);
  });
}

/** The network's answer, or the cached one when the network fails or takes longer than NETWORK_WAIT_MS. */
function networkFirst(cache, network, key) {
  var fallback = new Promise(function (resolve) {
    setTimeout(function () { resolve(cache.match(key)); }, NETWORK_WAIT_MS);
  });
  return Promise.race([network, fallback.then(function (hit) { return hit || network; })]).catch(function () {
    return cache.match(key).then(function (hit) { return hit || Response.error(); });
  });
}
