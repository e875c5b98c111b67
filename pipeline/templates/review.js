// Hover a card (or one of its values) to light its evidence in the text; click to pin it
// (the page address then names it, so that a link opens the page with it pinned).
(function () {
  function evidence(el) {
    var record = '.text [data-record="' + el.dataset.record + '"]';
    var own = el.dataset.attr ? document.querySelectorAll(record + '[data-attr="' + el.dataset.attr + '"]') : [];
    return own.length ? own : document.querySelectorAll(record);
  }
  function light(el, name, on) {
    evidence(el).forEach(function (mark) { mark.classList.toggle(name, on); });
  }
  function pin(el) {
    var again = el.classList.contains('pinned');
    document.querySelectorAll('.pinned').forEach(function (old) { old.classList.remove('pinned'); });
    if (again) return false;
    el.classList.add('pinned');
    light(el, 'pinned', true);
    var first = evidence(el)[0];
    if (first) first.scrollIntoView({block: 'center'});
    return true;
  }
  document.querySelectorAll('.cards [data-record]').forEach(function (el) {
    var name = el.classList.contains('card') ? 'lit' : 'focus';
    el.addEventListener('mouseenter', function () { light(el, name, true); });
    el.addEventListener('mouseleave', function () { light(el, name, false); });
    el.addEventListener('click', function (event) {
      event.stopPropagation();
      var address = pin(el) ? '#' + el.id : location.pathname + location.search;
      try { history.replaceState(null, '', address); } catch (error) { /* file: pages may refuse */ }
    });
  });
  var wanted = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (wanted) pin(wanted);
})();
