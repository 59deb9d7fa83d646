// FinanceBuilder wizard: autosave, drafts kept in the browser, live word counts.
// Every page works without this script (plain form posts); it only saves sooner and keeps
// typed text safe when the connection or the session fails (design D9).
(function () {
  'use strict';

  var focusTarget = document.querySelector('[data-focus]');
  if (focusTarget) focusTarget.focus();

  var form = document.querySelector('form[data-autosave]');
  if (!form) return;
  var status = document.querySelector('[data-autosave-status]');
  var text = status.dataset;
  // The page's address names the proposal, the step and the page of a long list.
  var draftKey = 'fb-draft:' + form.dataset.autosave;
  var DELAY = 3000;
  var timer = null, saving = false, again = false, dirty = false, retried = false, retryDelay = 15000;
  // A form post in progress: no autosave may race it (it would make the post look stale).
  var submitting = false, submitPending = false, pendingSubmitter = null;

  function format(template) {
    var args = Array.prototype.slice.call(arguments, 1);
    return template.replace(/\{(\d+)\}/g, function (_, i) { return args[+i]; });
  }
  function setStatus(message, problem) {
    status.textContent = message || '';
    status.classList.toggle('problem', !!problem);
  }
  function versionInput() { return form.querySelector('input[name="version"]'); }
  function tokenInput() { return form.querySelector('input[name="__RequestVerificationToken"]'); }

  // ---- drafts: what was typed and not yet saved, kept in this browser -------------------
  function values() {
    var list = [];
    new FormData(form).forEach(function (value, name) {
      if (typeof value === 'string' && name !== 'action' && name !== '__RequestVerificationToken') list.push([name, value]);
    });
    return list;
  }
  function controls() {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== 'action' && el.type !== 'hidden' && el.type !== 'submit' && el.type !== 'file';
    });
  }
  function storeDraft() {
    // The names say which questions the draft covers, unticked boxes included.
    var names = controls().map(function (el) { return el.name; }).filter(function (n, i, all) { return all.indexOf(n) === i; });
    try { localStorage.setItem(draftKey, JSON.stringify({ version: versionInput().value, values: values(), names: names })); } catch (e) { /* storage full or off */ }
  }
  function clearDraft(key) { try { localStorage.removeItem(key || draftKey); } catch (e) { /* ignore */ } }
  function restoreDraft() {
    var draft;
    try { draft = JSON.parse(localStorage.getItem(draftKey) || 'null'); } catch (e) { draft = null; }
    if (!draft || !draft.values || !draft.names) { clearDraft(); return; }
    var byName = {}, seen = {};
    draft.values.forEach(function (pair) { (byName[pair[0]] = byName[pair[0]] || []).push(pair[1]); });
    var changed = false;
    controls().forEach(function (el) {
      if (draft.names.indexOf(el.name) < 0) return; // a question the draft did not cover
      var wanted = byName[el.name] || [];
      if (el.type === 'checkbox' || el.type === 'radio') {
        var on = wanted.indexOf(el.value) >= 0;
        if (el.checked !== on) { el.checked = on; changed = true; }
      } else {
        // Same-named fields (the list of countries) are put back in their order.
        var i = seen[el.name] || 0;
        seen[el.name] = i + 1;
        var value = i < wanted.length ? wanted[i] : '';
        if (el.value !== value) { el.value = value; changed = true; }
      }
    });
    if (!changed) { clearDraft(); return; }
    // Keep the version the text was typed on: if the proposal changed since, saving shows
    // both versions instead of writing over the other person's answers.
    versionInput().value = draft.version;
    setStatus(text.restored, true);
    dirty = true;
    schedule();
  }

  // A form post that comes back without errors saved the draft: forget it then.
  var submitted = sessionStorage.getItem('fb-submitted');
  sessionStorage.removeItem('fb-submitted');
  if (new URLSearchParams(location.search).get('discard') === '1') clearDraft();
  if (submitted && (submitted !== draftKey || !document.querySelector('.error-summary, .conflict, .notice--warning'))) clearDraft(submitted);
  else if (!submitted) restoreDraft();

  form.addEventListener('submit', function (e) {
    clearTimeout(timer);
    if (e.submitter) {
      // A button says what to do: forget an action a refreshing question set earlier.
      Array.prototype.forEach.call(form.querySelectorAll('input[data-js-action]'), function (el) { el.remove(); });
    }
    if (saving) {
      // An autosave is on its way: send the form once it has answered, with the new version.
      e.preventDefault();
      pendingSubmitter = e.submitter || null;
      submitPending = true;
      again = false;
      return;
    }
    submitting = true;
    dirty = false;
    storeDraft();
    sessionStorage.setItem('fb-submitted', draftKey);
  });

  // ---- autosave ---------------------------------------------------------------------------
  function schedule() {
    dirty = true;
    storeDraft();
    clearTimeout(timer);
    // The form may ask for another pause (the browser tests use a short one).
    timer = setTimeout(save, +form.dataset.autosaveDelay || DELAY);
  }
  form.addEventListener('input', function (e) { updateWords(e.target); schedule(); });
  form.addEventListener('change', function (e) {
    if (e.target.hasAttribute('data-refresh')) {
      // The answer decides which questions follow: save the page and show it again.
      var action = document.createElement('input');
      action.type = 'hidden'; action.name = 'action'; action.value = 'save';
      action.setAttribute('data-js-action', '');
      form.appendChild(action);
      clearTimeout(timer);
      if (saving) { submitPending = true; return; }
      submitting = true;
      dirty = false;
      storeDraft();
      sessionStorage.setItem('fb-submitted', draftKey);
      form.submit();
      return;
    }
    schedule();
  });
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden' && dirty) save(true);
  });
  window.addEventListener('online', function () { if (dirty) save(); });

  function save(leaving) {
    clearTimeout(timer);
    if (submitting) return;
    if (saving) { again = true; return; }
    if (!dirty) return;
    saving = true;
    dirty = false;
    setStatus(text.saving);
    var body = new URLSearchParams();
    new FormData(form).forEach(function (value, name) { if (typeof value === 'string' && name !== 'action') body.append(name, value); });
    var url = form.dataset.autosave + (form.dataset.autosave.indexOf('?') < 0 ? '?' : '&') + 'handler=Autosave';
    fetch(url, { method: 'POST', body: body, credentials: 'same-origin', keepalive: !!leaving && body.toString().length < 60000,
                 headers: { 'Accept': 'application/json' } })
      .then(function (response) {
        var json = (response.headers.get('Content-Type') || '').indexOf('json') >= 0;
        if (json && (response.ok || response.status === 400)) return response.json();
        throw { status: response.status };
      })
      .then(function (reply) { retryDelay = 15000; handle(reply); })
      .catch(function (problem) {
        dirty = true;
        if (problem && problem.status === 404) {
          // The page no longer applies (an answer changed elsewhere): nothing to retry.
          setStatus(text.gone, true);
          return;
        }
        if (problem && problem.status === 401) {
          // Signed out (here, in another tab, or the session ended): the draft keeps the text;
          // signing in again in another tab lets the next try save it.
          signedOut();
          timer = setTimeout(save, retryDelay);
          return;
        }
        setStatus(text.offline, true);
        timer = setTimeout(save, retryDelay);
        retryDelay = Math.min(retryDelay * 2, 120000);
      })
      .then(function () {
        saving = false;
        if (pendingSubmitter !== null || submitPending) {
          var submitter = pendingSubmitter;
          pendingSubmitter = null;
          submitPending = false;
          if (submitter) form.requestSubmit(submitter); else form.requestSubmit();
        } else if (again) { again = false; save(); }
      });
  }

  function handle(reply) {
    if (reply.status === 'saved' || reply.status === 'invalid') {
      // The reply carries every part of the page that depends on the answers, drawn as a
      // reload would draw it: the page takes them all, so it never contradicts what was saved.
      showLive(reply.live || {}, reply.invalid || []);
    }
    if (reply.status === 'saved') {
      versionInput().value = reply.version;
      retried = false;
      var time = new Date().toLocaleTimeString(document.documentElement.lang, { hour: '2-digit', minute: '2-digit' });
      // Typed since this save left: not everything on the page is saved yet, so say so.
      if (dirty) setStatus(text.saving);
      else { clearDraft(); setStatus(format(text.savedAt, time)); }
    } else if (reply.status === 'invalid') {
      dirty = true;
      setStatus(reply.message, true);
    } else if (reply.status === 'expired' && reply.token && !retried) {
      // The antiforgery token expired: take the new one and try once more.
      retried = true;
      tokenInput().value = reply.token;
      dirty = true;
      again = true;
    } else if (reply.status === 'expired') {
      // A fresh token was refused too: the page must be reloaded; the draft keeps the text.
      dirty = true;
      setStatus(text.expired, true);
    } else if (reply.status === 'conflict') {
      dirty = true;
      status.textContent = reply.message + ' ';
      status.classList.add('problem');
      var compare = document.createElement('button');
      compare.type = 'submit'; compare.name = 'action'; compare.value = 'save';
      compare.className = 'button button--secondary';
      compare.textContent = text.compare;
      status.appendChild(compare);
    }
  }

  // Each live box keeps its place; only what is inside it changes, so the control being typed
  // in keeps its focus and caret. A question's error decides its red border and aria marks.
  function showLive(live, invalid) {
    Array.prototype.forEach.call(document.querySelectorAll('[data-live]'), function (box) {
      var html = live[box.getAttribute('data-live')];
      if (html !== undefined && box.innerHTML !== html) box.innerHTML = html;
    });
    Array.prototype.forEach.call(form.querySelectorAll('[data-field]'), function (field) {
      var id = field.getAttribute('data-field');
      var box = field.querySelector('[data-live="error:' + CSS.escape(id) + '"]');
      var hasError = !!(box && box.children.length);
      field.classList.toggle('field--error', hasError);
      var described = field.querySelector('.field-set[aria-describedby], .field-set') || document.getElementById(id);
      if (described) describe(described, id + '-error', hasError);
    });
    Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid]'), function (el) { el.removeAttribute('aria-invalid'); });
    invalid.forEach(function (id) {
      var el = document.getElementById(id);
      if (el) el.setAttribute('aria-invalid', 'true');
    });
  }
  function describe(el, id, on) {
    var ids = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(function (x) { return x && x !== id; });
    if (on) {
      // The error comes after the hint, as the page writes it.
      ids.push(id);
    }
    if (ids.length) el.setAttribute('aria-describedby', ids.join(' ')); else el.removeAttribute('aria-describedby');
  }

  function signedOut() {
    // Older pages without the signed-out texts say what they said for an expired session.
    setStatus(text.signedOut || text.expired, true);
    if (!text.signedOut || !text.signIn) return;
    status.appendChild(document.createTextNode(' '));
    var link = document.createElement('a');
    link.href = '/account/sign-in';
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = text.signIn;
    status.appendChild(link);
  }

  // ---- word counts, as the server counts them (words separated by white space) ----------
  function updateWords(field) {
    var counter = field && field.id && document.getElementById(field.id + '-words');
    if (!counter) return;
    var words = field.value.trim() ? field.value.trim().split(/\s+/).length : 0;
    var limit = +counter.dataset.wordLimit || 0;
    var n = words.toLocaleString(document.documentElement.lang);
    counter.textContent = limit ? format(words > limit ? text.wordsOver : text.wordsOf, n, limit.toLocaleString(document.documentElement.lang)) : format(new Intl.PluralRules(document.documentElement.lang).select(words) === 'one' ? text.wordsOne : text.words, n);
    counter.classList.toggle('over', limit > 0 && words > limit);
  }
})();
