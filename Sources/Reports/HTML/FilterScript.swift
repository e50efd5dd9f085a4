/// The only script of the report pages: filters the elements with class `filterable` inside the container of
/// a `form.filters` by the form's `select` elements (each compares its value with the element's `data-NAME`,
/// NAME being the select's name; an empty value matches all) and an optional text box `q` (case-insensitive
/// search in the element's text). The form starts hidden and is shown by the script, so a page without
/// scripts shows everything and no dead controls. It writes no HTML: only `hidden` flags and a count.
enum FilterScript {
    static let source = """
        (function () {
          var forms = document.querySelectorAll('form.filters');
          Array.prototype.forEach.call(forms, function (form) {
            var target = document.getElementById(form.getAttribute('data-target'));
            if (!target) { return; }
            var items = target.querySelectorAll('.filterable');
            var count = form.querySelector('.filter-count');
            var selects = form.querySelectorAll('select');
            var query = form.querySelector('input[name="q"]');
            function apply() {
              var needle = query ? query.value.trim().toLowerCase() : '';
              var shown = 0;
              Array.prototype.forEach.call(items, function (item) {
                var ok = true;
                Array.prototype.forEach.call(selects, function (select) {
                  if (select.value !== '' && item.getAttribute('data-' + select.name) !== select.value) { ok = false; }
                });
                if (ok && needle !== '' && item.textContent.toLowerCase().indexOf(needle) < 0) { ok = false; }
                item.hidden = !ok;
                if (ok) { shown += 1; }
              });
              if (count) { count.textContent = shown + ' of ' + items.length + ' shown'; }
            }
            form.addEventListener('input', apply);
            form.addEventListener('change', apply);
            form.addEventListener('submit', function (event) { event.preventDefault(); });
            form.hidden = false;
            apply();
          });
        })();
        """
}
