// Budget grid: a block copied from a spreadsheet (cells separated by tabs, rows by line breaks)
// pasted into any cell of the grid goes to the "paste rows" box, which the server reads and
// checks like any paste (nothing is saved unless every cell is valid). Without JavaScript the
// box itself does the same.
(function () {
  'use strict';
  var grid = document.querySelector('.budget-grid');
  var box = document.getElementById('f-budget-paste');
  if (!box) return;
  var button = box.form && box.form.querySelector('button[name="action"][value="budget-paste"]');
  function onPaste(event) {
    var target = event.target;
    if (!target || target.tagName !== 'INPUT' || !event.clipboardData) return;
    var text = event.clipboardData.getData('text/plain');
    if (!text || (text.indexOf('\t') < 0 && text.replace(/\r?\n$/, '').indexOf('\n') < 0)) return;
    event.preventDefault();
    box.value = text;
    var details = document.getElementById('budget-paste');
    if (details) details.open = true;
    if (button) {
      if (typeof box.form.requestSubmit === 'function') box.form.requestSubmit(button);
      else button.click();
    }
  }
  if (grid) grid.addEventListener('paste', onPaste);
})();
