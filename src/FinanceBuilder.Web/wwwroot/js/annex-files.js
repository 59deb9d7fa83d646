// FinanceBuilder annex files: shows each upload's progress and refuses a file over the limit
// before sending it. The page works without this script (plain multipart posts); with it, the
// same post is sent by XMLHttpRequest and the page the server answers — the page after the
// redirect when the files were kept, the page with its reasons when not — replaces this one.
(function () {
  'use strict';

  if (!document.querySelector('[data-upload-texts]') || !window.FormData || !window.XMLHttpRequest) return;

  function texts() { return document.querySelector('[data-upload-texts]').dataset; }
  function format(template, value) { return template.replace('{0}', value); }

  function show(form, message, problem) {
    var status = form.querySelector('.upload-status');
    if (!status) {
      status = document.createElement('p');
      status.className = 'upload-status';
      form.appendChild(status);
    }
    status.setAttribute('role', problem ? 'alert' : 'status');
    status.textContent = message;
    status.classList.toggle('problem', !!problem);
    return status;
  }

  function tooLarge(form) {
    var max = Number(form.dataset.maxBytes);
    var files = form.querySelectorAll('input[type=file]');
    for (var i = 0; i < files.length; i++) {
      for (var j = 0; j < files[i].files.length; j++) {
        var file = files[i].files[j];
        if (file.size > max) return file;
      }
    }
    return null;
  }

  function send(form) {
    var t = texts();
    var button = form.querySelector('button[type=submit]');
    if (button) button.disabled = true;
    var progress = document.createElement('progress');
    progress.max = 100;
    progress.value = 0;
    progress.className = 'upload-progress';
    form.appendChild(progress);
    var status = show(form, format(t.progress, '0'), false);

    function fail() {
      progress.remove();
      if (button) button.disabled = false;
      show(form, t.failed, true);
    }

    var request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.responseType = 'document';
    request.upload.addEventListener('progress', function (e) {
      if (!e.lengthComputable) return;
      var percent = Math.floor(e.loaded * 100 / e.total);
      progress.value = percent;
      status.textContent = format(t.progress, percent);
    });
    request.addEventListener('load', function () {
      var answered = request.response && request.response.querySelector('main');
      if (request.status >= 400 || !answered) { fail(); return; }
      document.title = request.response.title;
      document.querySelector('main').replaceWith(answered);
      bind(answered);
      // Kept: the address becomes the one the server sent the browser to, at the row changed.
      if (request.responseURL && request.responseURL !== form.action) {
        var annex = form.querySelector('input[name=annex]');
        var place = !annex ? '' : annex.value ? '#annex-' + encodeURIComponent(annex.value) : '#other';
        history.replaceState(null, '', request.responseURL + place);
        var row = place && document.getElementById(place.slice(1));
        if (row) row.scrollIntoView();
      }
      var focus = answered.querySelector('[data-focus]') || answered.querySelector('.notice');
      if (focus) { focus.setAttribute('tabindex', '-1'); focus.focus(); }
    });
    request.addEventListener('error', fail);
    request.addEventListener('abort', fail);
    request.addEventListener('timeout', fail);
    request.send(new FormData(form));
  }

  function bind(root) {
    root.querySelectorAll('form[data-upload]').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        var file = tooLarge(form);
        if (file) {
          var t = texts();
          show(form, file.name + ' — ' + format(t.tooLarge, (file.size / 1048576).toFixed(1) + '\u00a0' + t.megabyte), true);
          return;
        }
        send(form);
      });
    });
  }

  bind(document);
})();
