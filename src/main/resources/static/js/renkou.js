// htmx requests carry the CSRF token that Spring Security expects on every change.
document.addEventListener('htmx:configRequest', function (e) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) { e.detail.headers[header.content] = token.content; }
});

// Keyboard-only forms: Enter on a select marked data-enter-submits submits its form (a clinic day's result entry).
document.addEventListener('keydown', function (e) {
  if (e.key === 'Enter' && e.target.matches && e.target.matches('select[data-enter-submits]')) {
    e.preventDefault();
    e.target.form.requestSubmit();
  }
});

// A form, or the button that sends it, marked data-confirm asks before it is sent (the policy allows no inline
// onsubmit handlers); a button's question is for its own step only (remove a section, not save it).
document.addEventListener('submit', function (e) {
  var message = (e.submitter && e.submitter.dataset.confirm) || (e.target.dataset && e.target.dataset.confirm);
  if (message && !window.confirm(message)) { e.preventDefault(); }
});

// The review of a duplicate: choosing the record to keep makes it the source of every value not chosen by hand.
document.addEventListener('change', function (e) {
  var input = e.target;
  if (!input.form || input.form.id !== 'merge-form' || input.type !== 'radio') { return; }
  if (input.name === 'survivorId') {
    input.form.querySelectorAll('input[type=radio][name^="value."]:not([data-touched])').forEach(function (r) {
      r.checked = r.dataset.side === input.dataset.side;
    });
  } else {
    input.form.querySelectorAll('input[name="' + input.name + '"]').forEach(function (r) { r.dataset.touched = 'true'; });
  }
});
