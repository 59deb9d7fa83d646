// FinanceBuilder annex files: shows each upload's progress and refuses a file over the limit
// before sending it. The page works without this script (plain multipart posts); with it, the
// same post is sent by XMLHttpRequest and the page the server answers is shown as it would be.
(function () {
  'use strict';

  var texts = document.querySelector('[data-upload-texts]');
  if (!texts || !window.FormData || !window.XMLHttpRequest) return;

  function format(template, value) { return template.replace('{0}', value); }
  function megabytes(bytes) { return (bytes / 1048576).toFixed(1); }

  function show(form, message, problem) {
    var status = form.querySelector('.upload-status');
    if (!status) {
      status = document.createElement('p');
      status.className = 'upload-status';
      status.setAttribute('role', problem ? 'alert' : 'status');
      form.appendChild(status);
    }
    status.textContent = message;
    status.classList.toggle('problem', !!problem);
    return status;
  }

  function bind(root) {
  root.querySelectorAll('form[data-upload]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      var max = Number(form.dataset.maxBytes);
      var inputs = form.querySelectorAll('input[type=file]');
      for (var i = 0; i < inputs.length; i++) {
        for (var j = 0; j < inputs[i].files.length; j++) {
          var file = inputs[i].files[j];
          if (file.size > max) {
            event.preventDefault();
            show(form, file.name + ' — ' + format(texts.dataset.tooLarge, megabytes(file.size)), true);
            return;
          }
        }
      }
      event.preventDefault();
      var button = form.querySelector('button[type=submit]');
      if (button) button.disabled = true;
      var progress = document.createElement('progress');
      progress.max = 100;
      progress.value = 0;
      progress.className = 'upload-progress';
      form.appendChild(progress);
      var status = show(form, format(texts.dataset.progress, '0'), false);

      var request = new XMLHttpRequest();
      request.open('POST', form.action);
      request.responseType = 'document';
      request.upload.addEventListener('progress', function (e) {
        if (!e.lengthComputable) return;
        var percent = Math.floor(e.loaded * 100 / e.total);
        progress.value = percent;
        status.textContent = format(texts.dataset.progress, percent);
      });
      request.addEventListener('load', function () {
        // Done: the server redirected to the page that says what was attached.
        if (request.responseURL && request.responseURL.indexOf('handler=') < 0) {
          var annex = form.querySelector('input[name=annex]');
          var place = !annex ? '' : annex.value ? '#annex-' + encodeURIComponent(annex.value) : '#other';
          window.location.assign(request.responseURL + place);
          return;
        }
        // Refused: the page the server answered, in place of this one.
        var answered = request.response && request.response.querySelector('main');
        if (answered) {
          document.title = request.response.title;
          document.querySelector('main').replaceWith(answered);
          bind(answered);
          var focus = document.querySelector('[data-focus]');
          if (focus) focus.focus();
        } else {
          fail();
        }
      });
      request.addEventListener('error', fail);
      function fail() {
        progress.remove();
        if (button) button.disabled = false;
        show(form, texts.dataset.failed, true);
      }
      request.send(new FormData(form));
    });
  });
  }
  bind(document);
})();
