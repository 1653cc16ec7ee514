// The grid worker's phone app (入户核查). The worklist of one round and one grid or village is kept in IndexedDB
// (through the vendored `idb` library); visits are recorded there first, each with an id chosen here, and sent
// to the API when the phone is online (a resend is never applied twice: the server knows the id). A visit the
// server refuses comes back to the worker with the reason and the current record. The page itself is served
// offline by the service worker (sw.js), which caches the app shell only, never an API answer.
(function () {
  'use strict';

  var root = document.getElementById('phone');
  var API = root.dataset.api;
  var PERSONS_API = root.dataset.personsApi;
  var USER = root.dataset.user;
  var BATCH = 50;
  var RETRY_SECONDS = [5, 15, 30, 60];

  var texts = {};
  document.querySelectorAll('#texts [data-key]').forEach(function (e) { texts[e.dataset.key] = e.textContent; });
  var codes = { MARITAL: [], RELATION: [], SEX: [] };
  document.querySelectorAll('#codes [data-kind]').forEach(function (e) {
    codes[e.dataset.kind].push({ code: e.dataset.code, name: e.textContent });
  });

  /** A text of the page's language with {0}, {1}... filled in. */
  function t(key) {
    var args = Array.prototype.slice.call(arguments, 1);
    return (texts[key] || key).replace(/\{(\d)\}/g, function (m, i) { return args[i] === undefined ? m : args[i]; });
  }

  function codeName(kind, code) {
    var c = codes[kind].find(function (x) { return x.code === code; });
    return c ? c.name : (code || '');
  }

  /** Builds an element: el('button', {class: 'x', onclick: f}, 'text', child...). Text is never parsed as HTML. */
  function el(tag, attrs) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) { return; }
      if (k.indexOf('on') === 0) { e.addEventListener(k.substring(2), v); }
      else if (k === 'dataset') { Object.keys(v).forEach(function (d) { e.dataset[d] = v[d]; }); }
      else { e.setAttribute(k, v === true ? '' : v); }
    });
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined || c === false) { continue; }
      (Array.isArray(c) ? c : [c]).forEach(function (x) { e.append(x instanceof Node ? x : String(x)); });
    }
    return e;
  }

  function $(id) { return document.getElementById(id); }

  /**
   * Headers of every API call. The API answers in the browser's language unless the page's language was chosen,
   * and a phone set to English shows this page in Chinese: the reasons of a refused visit must be the page's.
   */
  function apiHeaders(more) {
    return Object.assign({ 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest',
      'Accept-Language': document.documentElement.lang || 'zh-CN' }, more);
  }

  /** A version 4 UUID; plain http on a LAN has no crypto.randomUUID, but every browser has getRandomValues. */
  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).substring(1); }).join('');
    return h.substring(0, 8) + '-' + h.substring(8, 12) + '-' + h.substring(12, 16) + '-' + h.substring(16, 20) + '-' + h.substring(20);
  }

  /** Today in the township's time zone (the phone's own zone may be anything). */
  function today() {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
        .format(new Date());
  }

  function clock(iso) {
    var d = new Date(iso);
    return new Intl.DateTimeFormat(document.documentElement.lang, {
      timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit'
    }).format(d);
  }

  var byAddress = new Intl.Collator('zh-CN', { numeric: true }).compare;

  // ---- storage ----------------------------------------------------------------------------------------------

  var dbPromise = idb.openDB('renkou-verification', 1, {
    upgrade: function (db) {
      db.createObjectStore('meta');
      db.createObjectStore('households', { keyPath: 'householdNo' }).createIndex('seq', 'seq');
      db.createObjectStore('visits', { keyPath: 'clientId' }).createIndex('state', 'state');
    }
  });

  /**
   * Another user's worklist never shows here (the phone may have changed hands). Their unsent visits stay,
   * unseen, until they sign in again: only they can send them.
   */
  function claimForUser(db) {
    return db.get('meta', 'owner').then(function (owner) {
      if (owner === USER) { return; }
      var tx = db.transaction(['meta', 'households'], 'readwrite');
      tx.objectStore('meta').clear();
      tx.objectStore('households').clear();
      tx.objectStore('meta').put(USER, 'owner');
      return tx.done;
    });
  }

  /** The user's own visits in a state (PENDING or REJECTED). */
  function visits(db, state) {
    return db.getAllFromIndex('visits', 'state', state).then(function (rows) {
      return rows.filter(function (v) { return v.owner === USER; });
    });
  }

  // ---- state ------------------------------------------------------------------------------------------------

  var chosen = { round: null, roundName: null, area: null, areaName: null };
  var filter = 'todo';
  var current = null; // the household being visited: {household, outcome, persons: {personId: answer}, found: [...]}
  var retry = { timer: null, attempt: 0 };
  var syncing = false;

  function show(view) {
    ['view-setup', 'view-list', 'view-household'].forEach(function (v) { $(v).hidden = v !== view; });
    window.scrollTo(0, 0);
  }

  function message(text, kind) {
    var m = $('message');
    m.textContent = text;
    m.className = kind || 'notice';
    m.hidden = !text;
  }

  function select(group, button) {
    group.querySelectorAll('[role="radio"]').forEach(function (b) { b.setAttribute('aria-checked', String(b === button)); });
  }

  // ---- status bar -------------------------------------------------------------------------------------------

  function showNetwork() {
    var net = $('net');
    net.dataset.online = String(navigator.onLine);
    net.textContent = navigator.onLine ? t('online') : t('offline');
  }

  function refreshStatus() {
    return dbPromise.then(function (db) {
      return Promise.all([visits(db, 'PENDING'), db.get('meta', 'lastSync')]);
    }).then(function (r) {
      var pending = $('pending');
      pending.textContent = t('pending', r[0].length);
      pending.dataset.count = r[0].length;
      $('last-sync').textContent = r[1] ? t('lastSync', clock(r[1])) : t('never');
      return renderRejected();
    });
  }

  // ---- choosing and downloading the worklist ---------------------------------------------------------------

  function setupChoices() {
    $('rounds').addEventListener('click', function (e) {
      var b = e.target.closest('[data-round]');
      if (!b) { return; }
      select($('rounds'), b);
      chosen.round = b.dataset.round;
      chosen.roundName = b.dataset.name;
      $('download').disabled = !(chosen.round && chosen.area);
    });
    $('areas').addEventListener('click', function (e) {
      var b = e.target.closest('[data-area]');
      if (!b) { return; }
      select($('areas'), b);
      chosen.area = b.dataset.area;
      chosen.areaName = b.dataset.name;
      $('download').disabled = !(chosen.round && chosen.area);
    });
    // one choice of each is chosen for the worker when there is only one
    ['rounds', 'areas'].forEach(function (id) {
      var only = $(id).querySelectorAll('[role="radio"]');
      if (only.length === 1) { only[0].click(); }
    });
    $('download').addEventListener('click', download);
  }

  /**
   * Fetches the worklist and stores it in one transaction. The times it took are kept on the page
   * (data-download-ms, data-store-ms) for the benchmark.
   */
  function download() {
    var button = $('download');
    button.disabled = true;
    message(t('downloading'));
    var started = performance.now();
    var fetched;
    fetch(API + '/' + encodeURIComponent(chosen.round) + '/worklist?area=' + encodeURIComponent(chosen.area), {
      credentials: 'same-origin', headers: apiHeaders({})
    }).then(function (r) {
      if (r.status === 401) { signInAgain(); }
      if (!r.ok) { return problem(r).then(function (detail) { throw new Error(detail); }); }
      return r.json();
    }).then(function (households) {
      fetched = performance.now();
      households.sort(function (a, b) { return byAddress(a.address || '', b.address || ''); });
      return dbPromise.then(function (db) {
        var tx = db.transaction(['households', 'meta'], 'readwrite');
        var store = tx.objectStore('households');
        store.clear();
        var persons = 0;
        households.forEach(function (h, i) {
          persons += h.persons.length;
          store.put(Object.assign({}, h, { seq: i, state: 'NEW' }));
        });
        var list = { roundId: chosen.round, roundName: chosen.roundName, areaCode: chosen.area, areaName: chosen.areaName,
          households: households.length, persons: persons, downloadedAt: new Date().toISOString() };
        tx.objectStore('meta').put(list, 'worklist');
        return tx.done.then(function () { return list; });
      });
    }).then(function (list) {
      var stored = performance.now();
      root.dataset.downloadMs = Math.round(fetched - started);
      root.dataset.storeMs = Math.round(stored - fetched);
      root.dataset.totalMs = Math.round(stored - started);
      message(t('downloaded', list.households, list.persons));
      return openList();
    }).catch(function (e) {
      message(t('downloadFailed') + (e && e.message && e.message !== 'Failed to fetch' ? ' ' + e.message : ''), 'error');
    }).then(function () { button.disabled = !(chosen.round && chosen.area); });
  }

  /** The problem detail's text (RFC 9457), or the status when the answer is not one. */
  function problem(response) {
    return response.json().then(function (p) {
      var errors = (p.errors || []).map(function (x) { return x.message; }).join('；');
      return errors || p.detail || p.title || String(response.status);
    }, function () { return String(response.status); });
  }

  function showStored() {
    return dbPromise.then(function (db) { return db.get('meta', 'worklist'); }).then(function (list) {
      $('stored').hidden = !list;
      if (list) { $('stored-what').textContent = t('storedWhat', list.roundName, list.areaName, list.households); }
      return list;
    });
  }

  // ---- the list of households ------------------------------------------------------------------------------

  function openList() {
    return dbPromise.then(function (db) {
      return Promise.all([db.get('meta', 'worklist'), db.getAllFromIndex('households', 'seq')]);
    }).then(function (r) {
      var list = r[0];
      var households = r[1];
      if (!list) { show('view-setup'); return; }
      $('list-title').textContent = list.roundName + ' · ' + list.areaName;
      var visited = households.filter(function (h) { return h.state === 'VISITED' || h.state === 'REFUSED'; }).length;
      $('list-progress').textContent = t('progress', visited, households.length);
      $('tab-todo').setAttribute('aria-selected', String(filter === 'todo'));
      $('tab-all').setAttribute('aria-selected', String(filter === 'all'));
      var shown = households.filter(function (h) { return filter === 'all' || todo(h); });
      var ol = $('households');
      ol.replaceChildren();
      shown.forEach(function (h) {
        ol.append(el('li', {},
          el('button', { type: 'button', id: 'hh-' + h.householdNo, dataset: { household: h.householdNo } },
            el('span', { class: 'addr' }, h.address || h.householdNo),
            el('span', { class: 'badge', dataset: { state: h.state } }, t('state.' + h.state)),
            el('span', { class: 'meta' }, t('householdNo', h.householdNo) + ' · ' + t('personsCount', h.persons.length)
                + ' · ' + h.persons.map(function (p) { return p.name; }).slice(0, 4).join('、')))));
      });
      if (!shown.length) { ol.append(el('li', { class: 'notice' }, t('allDone'))); }
      show('view-list');
    });
  }

  /** Households still to be visited: never visited, nobody home last time, or sent back by the server. */
  function todo(h) {
    return h.state === 'NEW' || h.state === 'NOBODY_HOME' || h.state === 'REJECTED';
  }

  // ---- one household ---------------------------------------------------------------------------------------

  function openHousehold(householdNo) {
    return dbPromise.then(function (db) { return db.get('households', householdNo); }).then(function (h) {
      current = { household: h, outcome: null, answers: {}, found: [] };
      $('hh-address').textContent = h.address || h.householdNo;
      $('hh-no').textContent = t('householdNo', h.householdNo);
      select($('outcomes'), null);
      $('hh-error').hidden = true;
      renderPersons();
      show('view-household');
    });
  }

  function chooseOutcome(outcome, button) {
    current.outcome = outcome;
    select($('outcomes'), button);
    renderPersons();
  }

  function renderPersons() {
    var visited = current.outcome === 'VISITED';
    $('hh-persons').hidden = !visited;
    $('save').disabled = !current.outcome;
    var ol = $('persons');
    ol.replaceChildren();
    if (!visited) { return; }
    current.household.persons.forEach(function (p) { ol.append(personCard(p)); });
    current.found.forEach(function (f) { ol.append(foundCard(f)); });
  }

  function segments(options, value, onChoose, idPrefix) {
    var group = el('div', { class: 'segments', role: 'radiogroup' });
    options.forEach(function (o) {
      group.append(el('button', {
        type: 'button', class: 'choice', role: 'radio', 'aria-checked': String(o.value === value),
        id: idPrefix ? idPrefix + '-' + o.value : null,
        onclick: function (e) { select(group, e.currentTarget); onChoose(o.value); }
      }, o.label));
    });
    return group;
  }

  function codeSelect(kind, value, onChange, id) {
    var s = el('select', { id: id, onchange: function (e) { onChange(e.target.value); } }, el('option', { value: '' }, '—'));
    codes[kind].forEach(function (c) { s.append(el('option', { value: c.code, selected: c.code === value }, c.name)); });
    return s;
  }

  function field(label, input) {
    return el('label', {}, label, input);
  }

  /** One registered person: four results; a correction edits the fields in place. */
  function personCard(p) {
    var a = current.answers[p.personId];
    var id = 'p' + p.personId;
    var card = el('li', { class: 'person', id: id, dataset: a ? { result: a.result } : {} },
      el('div', { class: 'who' }, p.name + '（' + codeName('SEX', p.sex) + '，' + (p.birthDate || '') + '）'),
      el('div', { class: 'facts' }, [codeName('RELATION', p.relation), p.idNumber, p.phone].filter(Boolean).join(' · ')));
    var results = el('div', { class: 'results', role: 'radiogroup' });
    ['CORRECT', 'CORRECTED', 'NOT_LIVING_HERE', 'DECEASED'].forEach(function (r) {
      results.append(el('button', {
        type: 'button', class: 'choice', role: 'radio', id: id + '-' + r, 'aria-checked': String(!!a && a.result === r),
        onclick: function () { answer(p, r); }
      }, t('result.' + r)));
    });
    card.append(results);
    if (a && a.result === 'CORRECTED') { card.append(correctionFields(p, a, id)); }
    if (a && a.result === 'NOT_LIVING_HERE') { card.append(movedFields(a, id)); }
    if (a && a.result === 'DECEASED') {
      card.append(el('div', { class: 'fields' }, field(t('diedOn'), el('input', {
        type: 'date', id: id + '-diedOn', value: a.corrections.diedOn, max: today(),
        onchange: function (e) { a.corrections.diedOn = e.target.value; }
      }))));
    }
    return card;
  }

  function answer(p, result) {
    var corrections = {};
    if (result === 'DECEASED') { corrections.diedOn = today(); }
    if (result === 'NOT_LIVING_HERE') { corrections.moved = 'WITHIN_TOWN'; }
    current.answers[p.personId] = { result: result, corrections: corrections, person: p };
    var old = $('p' + p.personId);
    old.replaceWith(personCard(p));
  }

  /** The register's values to start from; only what the worker changes is sent as a correction. */
  function correctionFields(p, a, id) {
    var values = { phone: p.phone || '', maritalStatus: p.maritalStatus || '', relation: p.relation || '',
      address: current.household.address || '' };
    function change(name, value) {
      if (value === values[name]) { delete a.corrections[name]; } else { a.corrections[name] = value; }
    }
    function shown(name) { return a.corrections[name] !== undefined ? a.corrections[name] : values[name]; }
    return el('div', { class: 'fields' },
      field(t('phone'), el('input', { type: 'tel', inputmode: 'tel', id: id + '-phone', value: shown('phone'),
        oninput: function (e) { change('phone', e.target.value.trim()); } })),
      field(t('maritalStatus'), codeSelect('MARITAL', shown('maritalStatus'), function (v) { change('maritalStatus', v); }, id + '-maritalStatus')),
      field(t('relation'), codeSelect('RELATION', shown('relation'), function (v) { change('relation', v); }, id + '-relation')),
      field(t('address'), el('input', { type: 'text', id: id + '-address', value: shown('address'),
        oninput: function (e) { change('address', e.target.value.trim()); } })));
  }

  function movedFields(a, id) {
    var box = el('div', { class: 'fields' });
    function render() {
      box.replaceChildren(segments([{ value: 'WITHIN_TOWN', label: t('movedWithinTown') }, { value: 'OUT', label: t('movedOut') }],
        a.corrections.moved, function (v) {
          a.corrections.moved = v;
          if (v !== 'OUT') { delete a.corrections.destination; }
          render();
        }, id + '-moved'));
      if (a.corrections.moved === 'OUT') {
        box.append(field(t('destination'), el('input', { type: 'text', id: id + '-destination', value: a.corrections.destination || '',
          oninput: function (e) { a.corrections.destination = e.target.value.trim(); } })));
      }
    }
    render();
    return box;
  }

  /** A person found in the household who is not in the register. */
  function foundCard(f) {
    var id = 'new' + f.key;
    var p = f.person;
    function set(name) { return function (e) { p[name] = e.target.value.trim(); }; }
    return el('li', { class: 'person', id: id, dataset: { result: 'NEW' } },
      el('div', { class: 'who' }, t('newPerson')),
      el('div', { class: 'fields' },
        field(t('name'), el('input', { type: 'text', id: id + '-name', value: p.name, autocomplete: 'off', oninput: set('name') })),
        field(t('sex'), segments(codes.SEX.filter(function (c) { return c.code === '1' || c.code === '2'; })
          .map(function (c) { return { value: c.code, label: c.name }; }), p.sex, function (v) { p.sex = v; }, id + '-sex')),
        field(t('birthDate'), el('input', { type: 'date', id: id + '-birthDate', value: p.birthDate, max: today(), onchange: set('birthDate') })),
        field(t('relation'), codeSelect('RELATION', p.relation, function (v) { p.relation = v; }, id + '-relation')),
        field(t('status'), segments([{ value: 'REGISTERED', label: t('newKind.REGISTERED') }, { value: 'INFLOW', label: t('newKind.INFLOW') }],
          p.status, function (v) { p.status = v; }, id + '-status')),
        field(t('idNumber'), el('input', { type: 'text', inputmode: 'numeric', id: id + '-idNumber', value: p.idNumber,
          autocomplete: 'off', oninput: set('idNumber') })),
        field(t('phone'), el('input', { type: 'tel', inputmode: 'tel', id: id + '-phone', value: p.phone, oninput: set('phone') })),
        el('button', { type: 'button', class: 'danger small', id: id + '-remove', onclick: function () {
          current.found = current.found.filter(function (x) { return x !== f; });
          renderPersons();
        } }, t('remove'))));
  }

  function addFound() {
    var list = current.household;
    current.found.push({ key: current.found.length + '-' + Date.now(), person: {
      name: '', sex: '', birthDate: '', relation: '', status: 'REGISTERED', idNumber: '', phone: '',
      householdNo: list.householdNo, address: list.address || '' } });
    renderPersons();
    var last = $('persons').lastElementChild;
    last.scrollIntoView({ block: 'start' });
    last.querySelector('input').focus();
  }

  /** What is still missing before the household can be saved, in the worker's words; empty when complete. */
  function missing() {
    if (current.outcome !== 'VISITED') { return ''; }
    var unanswered = current.household.persons.filter(function (p) { return !current.answers[p.personId]; }).length;
    if (unanswered) { return t('unanswered', unanswered); }
    for (var i = 0; i < current.found.length; i++) {
      var p = current.found[i].person;
      var empty = ['name', 'sex', 'birthDate', 'relation'].filter(function (k) { return !p[k]; });
      if (empty.length) { return t('missing', empty.map(function (k) { return t(k); }).join('、')); }
    }
    return '';
  }

  /** The visit as API.md takes it; corrections carry only the changed fields, every person their version. */
  function visitOf(c, worklist) {
    var visit = { clientId: uuid(), householdNo: c.household.householdNo, visitedOn: today(), outcome: c.outcome, persons: [] };
    if (c.outcome !== 'VISITED') { return visit; }
    c.household.persons.forEach(function (p) {
      var a = c.answers[p.personId];
      // NOT_LIVING_HERE and DECEASED carry their facts beside the corrections (movedTo, destination, diedOn)
      var r = { personId: p.personId, version: p.version, result: a.result };
      if (a.result === 'CORRECTED') { r.corrections = a.corrections; }
      if (a.result === 'NOT_LIVING_HERE') { r.movedTo = a.corrections.moved; r.destination = a.corrections.destination || null; }
      if (a.result === 'DECEASED') { r.diedOn = a.corrections.diedOn; }
      visit.persons.push(r);
    });
    var area = worklist.areaCode;
    c.found.forEach(function (f) {
      var p = Object.assign({ ethnicity: '01', villageCode: area.substring(0, 12), gridCode: area.length >= 15 ? area : null },
        f.person);
      Object.keys(p).forEach(function (k) { if (p[k] === '') { p[k] = null; } });
      if (p.status === 'INFLOW') { p.arrivedOn = visit.visitedOn; }
      visit.persons.push({ result: 'NEW', person: p });
    });
    return visit;
  }

  function save() {
    var gap = missing();
    if (gap) {
      $('hh-error').textContent = gap;
      $('hh-error').hidden = false;
      return;
    }
    var c = current;
    dbPromise.then(function (db) {
      return db.get('meta', 'worklist').then(function (list) {
        var visit = visitOf(c, list);
        var tx = db.transaction(['visits', 'households'], 'readwrite');
        tx.objectStore('visits').put({ clientId: visit.clientId, owner: USER, roundId: list.roundId, householdNo: visit.householdNo,
          address: c.household.address, state: 'PENDING', recordedAt: new Date().toISOString(), visit: visit });
        tx.objectStore('households').put(Object.assign({}, c.household, { state: c.outcome }));
        return tx.done;
      });
    }).then(function () {
      current = null;
      message(t('saved'));
      return refreshStatus();
    }).then(openList).then(sync);
  }

  // ---- sending ---------------------------------------------------------------------------------------------

  function signInAgain() {
    $('sign-in').hidden = false;
  }

  /** Sends every waiting visit, 50 at a time per round; on failure tries again later (and when back online). */
  function sync() {
    if (syncing) { return Promise.resolve(); }
    syncing = true;
    clearTimeout(retry.timer);
    var sent = 0;
    return dbPromise.then(function (db) {
      return visits(db, 'PENDING').then(function (pending) {
        if (!pending.length) { return; }
        $('pending').textContent = t('syncing');
        pending.sort(function (a, b) { return a.recordedAt < b.recordedAt ? -1 : 1; });
        var batches = [];
        pending.forEach(function (v) {
          var last = batches[batches.length - 1];
          if (last && last.roundId === v.roundId && last.rows.length < BATCH) { last.rows.push(v); }
          else { batches.push({ roundId: v.roundId, rows: [v] }); }
        });
        return batches.reduce(function (chain, batch) {
          return chain.then(function () { return send(db, batch); }).then(function (n) { sent += n; });
        }, Promise.resolve()).then(function () {
          retry.attempt = 0;
          $('sign-in').hidden = true;
          message(t('sent', sent));
          return db.put('meta', new Date().toISOString(), 'lastSync');
        });
      });
    }).catch(function (e) {
      if (!(e && e.signIn)) {
        var wait = RETRY_SECONDS[Math.min(retry.attempt++, RETRY_SECONDS.length - 1)];
        retry.timer = setTimeout(sync, wait * 1000);
        if (navigator.onLine) { message(t('sendFailed'), 'warning'); }
      }
    }).then(function () {
      syncing = false;
      return refreshStatus();
    }).then(function () {
      return $('view-list').hidden ? null : openList();
    });
  }

  function send(db, batch) {
    return fetch(API + '/' + encodeURIComponent(batch.roundId) + '/visits', {
      method: 'POST', credentials: 'same-origin',
      headers: apiHeaders({ 'Content-Type': 'application/json' }),
      body: JSON.stringify(batch.rows.map(function (v) { return v.visit; }))
    }).then(function (r) {
      if (r.status === 401) {
        signInAgain();
        throw { signIn: true };
      }
      if (!r.ok) { throw new Error(String(r.status)); }
      return r.json();
    }).then(function (answers) {
      var byId = {};
      batch.rows.forEach(function (v) { byId[v.clientId] = v; });
      return Promise.all(answers.map(function (a) {
        var v = byId[a.clientId];
        if (!v) { return null; }
        if (a.state === 'REJECTED') { return rejected(db, v, a.errors || []); }
        return db.delete('visits', v.clientId);
      })).then(function () { return answers.filter(function (a) { return a.state !== 'REJECTED'; }).length; });
    });
  }

  /** A refused visit is kept, with the reason and the persons' current records, until the worker acts on it. */
  function rejected(db, v, errors) {
    var ids = v.visit.persons.filter(function (p) { return p.personId; }).map(function (p) { return p.personId; });
    return Promise.all(ids.map(function (id) {
      return fetch(PERSONS_API + '/' + encodeURIComponent(id), {
        credentials: 'same-origin', headers: apiHeaders({})
      }).then(function (r) { return r.ok ? r.json() : null; }, function () { return null; });
    })).then(function (records) {
      v.state = 'REJECTED';
      v.errors = errors;
      v.current = records.filter(Boolean);
      return db.put('visits', v).then(function () {
        return db.get('households', v.householdNo);
      }).then(function (h) {
        return h ? db.put('households', Object.assign(h, { state: 'REJECTED' })) : null;
      });
    });
  }

  function renderRejected() {
    return dbPromise.then(function (db) { return visits(db, 'REJECTED'); }).then(function (rows) {
      $('rejected').hidden = !rows.length;
      var list = $('rejected-list');
      list.replaceChildren();
      rows.forEach(function (v) {
        var reasons = (v.errors || []).map(function (e) { return e.message || e.rule || e.field; });
        list.append(el('div', { class: 'card', id: 'rejected-' + v.visit.householdNo },
          el('strong', {}, v.address || v.householdNo),
          el('p', { class: 'reason' }, reasons.join('；')),
          el('div', { class: 'muted' }, v.current.length ? t('current') : t('currentGone')),
          el('ul', {}, v.current.map(function (p) {
            return el('li', {}, [p.name, codeName('SEX', p.sex), p.birthDate, codeName('RELATION', p.relation),
              codeName('MARITAL', p.maritalStatus), p.phone, p.address, p.status && t('personStatus.' + p.status),
              t('version', p.version)]
              .filter(Boolean).join(' · '));
          })),
          el('div', { class: 'actions' },
            el('button', { type: 'button', id: 'redo-' + v.visit.householdNo, onclick: function () { redo(v); } }, t('redo')),
            el('button', { type: 'button', class: 'secondary', onclick: function () { dismiss(v); } }, t('dismiss')))));
      });
    });
  }

  /** The worker checks the household again against the current records (their versions included). */
  function redo(v) {
    dbPromise.then(function (db) {
      return db.get('households', v.householdNo).then(function (h) {
        if (h) {
          var now = {};
          v.current.forEach(function (p) { now[p.id] = p; });
          h.persons = h.persons.map(function (p) {
            var c = now[p.personId];
            return c ? Object.assign({}, p, { name: c.name, sex: c.sex, birthDate: c.birthDate, relation: c.relation,
              status: c.status, phone: c.phone, maritalStatus: c.maritalStatus, version: c.version }) : p;
          });
          h.state = 'NEW';
        }
        var tx = db.transaction(['visits', 'households'], 'readwrite');
        tx.objectStore('visits').delete(v.clientId);
        if (h) { tx.objectStore('households').put(h); }
        return tx.done.then(function () { return h; });
      });
    }).then(function (h) {
      return refreshStatus().then(function () { return h ? openHousehold(h.householdNo) : openList(); });
    });
  }

  function dismiss(v) {
    dbPromise.then(function (db) {
      return db.delete('visits', v.clientId).then(function () { return db.get('households', v.householdNo); })
        .then(function (h) { return h ? db.put('households', Object.assign(h, { state: 'NEW' })) : null; });
    }).then(refreshStatus).then(function () { return $('view-list').hidden ? null : openList(); });
  }

  // ---- signing out -----------------------------------------------------------------------------------------

  /** Signing out removes the worklist and the cached pages from the phone; unsent visits are only lost if confirmed. */
  function logout(e) {
    e.preventDefault();
    var form = e.target;
    dbPromise.then(function (db) { return visits(db, 'PENDING'); }).then(function (pending) {
      if (pending.length && !window.confirm(t('logoutPending', pending.length))) { return; }
      return dbPromise.then(function (db) {
        return visits(db, 'REJECTED').then(function (sentBack) {
          var tx = db.transaction(['meta', 'households', 'visits'], 'readwrite');
          tx.objectStore('meta').clear();
          tx.objectStore('households').clear();
          pending.concat(sentBack).forEach(function (v) { tx.objectStore('visits').delete(v.clientId); });
          return tx.done;
        });
      }).then(function () {
        return window.caches ? caches.keys().then(function (keys) {
          return Promise.all(keys.filter(function (k) { return k.indexOf('renkou-phone') === 0; })
            .map(function (k) { return caches.delete(k); }));
        }) : null;
      }).then(function () { return freshToken(form); }).then(function (login) {
        if (login) { window.location.href = login; } else { form.submit(); }
      });
    });
  }

  /**
   * The page may be the phone's cached copy, whose CSRF token died with the session it came from (the worker has
   * signed in again since): the sign-out form takes the token of the page as the server makes it now. Answers the
   * login page's address when the sign-in has lapsed (nothing to sign out of); offline the old token is all there is.
   */
  function freshToken(form) {
    return fetch(root.dataset.scope, { credentials: 'same-origin', cache: 'no-store' }).then(function (r) {
      if (r.redirected) { return r.url; }
      return r.text().then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('#phone-logout input[name="_csrf"]');
        var mine = form.querySelector('input[name="_csrf"]');
        if (fresh && mine) { mine.value = fresh.value; }
        return null;
      });
    }, function () { return null; });
  }

  // ---- start -----------------------------------------------------------------------------------------------

  function start() {
    setupChoices();
    $('outcomes').addEventListener('click', function (e) {
      var b = e.target.closest('[data-outcome]');
      if (b) { chooseOutcome(b.dataset.outcome, b); }
    });
    $('households').addEventListener('click', function (e) {
      var b = e.target.closest('[data-household]');
      if (b) { openHousehold(b.dataset.household); }
    });
    $('tab-todo').addEventListener('click', function () { filter = 'todo'; openList(); });
    $('tab-all').addEventListener('click', function () { filter = 'all'; openList(); });
    $('change-list').addEventListener('click', function () { showStored().then(function () { show('view-setup'); }); });
    $('continue').addEventListener('click', openList);
    $('back').addEventListener('click', function () { current = null; openList(); });
    $('add-person').addEventListener('click', addFound);
    $('save').addEventListener('click', save);
    $('sync-now').addEventListener('click', sync);
    $('phone-logout').addEventListener('submit', logout);
    window.addEventListener('online', function () { showNetwork(); sync(); });
    window.addEventListener('offline', showNetwork);
    showNetwork();

    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.register(root.dataset.sw, { scope: root.dataset.scope }).catch(function () {
        // no offline shell (plain http outside localhost): the page still works while online
      });
    }
    dbPromise.then(claimForUser).then(refreshStatus).then(showStored).then(function (list) {
      root.dataset.ready = 'true';
      return list ? openList() : show('view-setup');
    }).then(sync);
  }

  start();
})();
