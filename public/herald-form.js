/* Herald signup form embed. Usage on any website:
 *   <div data-herald-form="FORM_DOCUMENT_ID"></div>
 *   <script src="https://HERALD_HOST/herald-form.js" async></script>
 * It reads the form's definition from Herald, renders labelled inputs, and posts with fetch (no cookies).
 * Text is set with textContent only: nothing from the server is ever parsed as HTML. */
(function () {
  'use strict';
  var script = document.currentScript;
  var origin = script ? new URL(script.src).origin : window.location.origin;
  var count = 0;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      node.setAttribute(k, attrs[k]);
    });
    if (text) node.textContent = text;
    return node;
  }

  function labelText(field) {
    return field.label + (field.required ? ' *' : '');
  }

  function inputName(field) {
    return field.custom ? 'fields[' + field.key + ']' : field.key;
  }

  function renderField(field, prefix) {
    var id = prefix + field.key;
    var wrap = el('div', { class: 'herald-field' });
    if (field.type === 'multiselect') {
      var set = el('fieldset');
      set.appendChild(el('legend', {}, labelText(field)));
      field.options.forEach(function (option, i) {
        var label = el('label', { for: id + '-' + i });
        label.appendChild(el('input', { type: 'checkbox', id: id + '-' + i, name: inputName(field), value: option }));
        label.appendChild(document.createTextNode(' ' + option));
        set.appendChild(label);
      });
      wrap.appendChild(set);
      return wrap;
    }
    if (field.type === 'boolean') {
      var check = el('label', { for: id });
      check.appendChild(el('input', { type: 'checkbox', id: id, name: inputName(field), value: 'true' }));
      check.appendChild(document.createTextNode(' ' + labelText(field)));
      wrap.appendChild(check);
      return wrap;
    }
    wrap.appendChild(el('label', { for: id }, labelText(field)));
    var input;
    if (field.type === 'select') {
      input = el('select', { id: id, name: inputName(field) });
      input.appendChild(el('option', { value: '' }, 'Choose…'));
      field.options.forEach(function (option) {
        input.appendChild(el('option', { value: option }, option));
      });
    } else {
      input = el('input', { id: id, name: inputName(field), type: { number: 'number', date: 'date' }[field.type] || 'text' });
    }
    if (field.required) input.setAttribute('aria-required', 'true');
    wrap.appendChild(input);
    return wrap;
  }

  function showErrors(status, problems, message) {
    status.textContent = '';
    status.appendChild(el('p', {}, message));
    if (problems.length) {
      var list = el('ul');
      problems.forEach(function (p) {
        list.appendChild(el('li', {}, p.path.join('.') + ' ' + p.message));
      });
      status.appendChild(list);
    }
  }

  function render(container, form) {
    var prefix = 'herald-' + ++count + '-';
    var node = el('form', { class: 'herald-form', novalidate: '' });
    node.appendChild(el('label', { for: prefix + 'email' }, 'Email *'));
    node.appendChild(el('input', { type: 'email', id: prefix + 'email', name: 'email', autocomplete: 'email', 'aria-required': 'true' }));
    form.fields.forEach(function (field) {
      node.appendChild(renderField(field, prefix));
    });
    var trap = el('div', { 'aria-hidden': 'true', style: 'position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden' });
    trap.appendChild(el('input', { type: 'text', name: 'website', tabindex: '-1', autocomplete: 'off' }));
    node.appendChild(trap);
    var consent = el('label', { for: prefix + 'consent' });
    consent.appendChild(el('input', { type: 'checkbox', id: prefix + 'consent', name: 'consent', value: 'true' }));
    consent.appendChild(document.createTextNode(' ' + form.consent.text));
    node.appendChild(consent);
    node.appendChild(el('button', { type: 'submit' }, 'Subscribe'));
    var status = el('div', { role: 'alert' });
    node.appendChild(status);
    node.addEventListener('submit', function (event) {
      event.preventDefault();
      // URL-encoded, not JSON: a "simple" cross-origin request needs no preflight.
      var body = new URLSearchParams(new FormData(node));
      fetch(form.submitUrl, { method: 'POST', body: body, headers: { Accept: 'application/json' }, credentials: 'omit' })
        .then(function (res) {
          return res.json().then(function (json) {
            if (res.ok) {
              if (json.data.redirectUrl) window.location.assign(json.data.redirectUrl);
              else {
                node.replaceChildren(el('p', { role: 'status' }, json.data.message));
              }
            } else {
              showErrors(status, (json.error.details && json.error.details.errors) || [], json.error.message);
            }
          });
        })
        .catch(function () {
          showErrors(status, [], 'The form could not be sent. Please try again.');
        });
    });
    container.replaceChildren(node);
  }

  document.querySelectorAll('[data-herald-form]').forEach(function (container) {
    var id = encodeURIComponent(container.getAttribute('data-herald-form'));
    fetch(origin + '/api/audience/forms/' + id + '/definition', { credentials: 'omit' })
      .then(function (res) {
        return res.json();
      })
      .then(function (json) {
        if (json.data) render(container, json.data);
      });
  });
})();
