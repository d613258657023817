"""Filter-form fields of list pages: rendered in Python, their reference choices kept.

Every list page shows a filter form above its rows. Rendered with crispy-forms, its five
fields cost ~3 ms a request (a template per field and per option), more than the rows; for
the plain widgets a filter uses, the same Bootstrap markup is written here directly. A field
with errors, help text or any other widget goes through crispy as before, so what the user
sees does not change.
"""

from django import forms
from django.forms.models import ModelChoiceIterator, ModelChoiceIteratorValue

from lpse_portal.baris import gabung, html
from lpse_portal.halaman_tersimpan import pantau_model
from lpse_portal.tersimpan import simpanan

# Widget class -> the class crispy's Bootstrap 5 pack gives the element.
_KELAS = {
    forms.TextInput: "textinput form-control",
    forms.NumberInput: "numberinput form-control",
    forms.DateInput: "dateinput form-control",
    forms.EmailInput: "emailinput form-control",
    forms.Select: "select form-select",
    forms.CheckboxInput: "checkboxinput form-check-input",
}


_SELECTED = html(" {}", "selected")
_CHECKED = html(" {}", "checked")
_WAJIB = html('<span class="asteriskField">{}</span>', "*")


def _atribut(attrs: dict) -> str:
    """Attributes in their own order (Django's flatatt sorts them; crispy does not)."""
    return gabung(
        "",
        (
            html(' {}="{}"', k, v) if v is not True else html(" {}", k)
            for k, v in attrs.items()
            if v not in (False, None)
        ),
    )


def bisa_cepat(bound) -> bool:
    widget = bound.field.widget
    return (
        type(widget) in _KELAS
        and not getattr(widget, "allow_multiple_selected", False)
        and not bound.errors
        and not bound.help_text
        and not widget.is_hidden
    )


def _opsi(widget, nilai) -> str | None:
    """The <option>s of a plain Select, as Select.optgroups() and its option template write
    them (the first matching value is selected), without building a dict per option; None
    when the choices have groups."""
    nilai = set(widget.format_value(nilai))
    opsi, dipilih = [], False
    for v, label in widget.choices:
        if isinstance(label, (list, tuple)):
            return None
        v = "" if v is None else v
        pilih = not dipilih and str(v) in nilai
        dipilih |= pilih
        opsi.append(html('<option value="{}"{}>{}</option>', v, _SELECTED if pilih else "", label))
    return gabung("", opsi)


def _elemen(bound) -> str | None:
    widget = bound.field.widget
    attrs = bound.build_widget_attrs({"id": bound.auto_id} if bound.auto_id else {})
    if isinstance(widget, forms.Select):
        opsi = _opsi(widget, bound.value())
        if opsi is None:
            return None
        konteks = {"name": bound.html_name, "attrs": widget.build_attrs(widget.attrs, attrs)}
    else:
        konteks = widget.get_context(bound.html_name, bound.value(), attrs)["widget"]
    attrs = dict(konteks["attrs"])
    kelas = _KELAS[type(widget)].split()
    kelas += [k for k in attrs.pop("class", "").split() if k not in kelas]
    # Order as crispy writes it: the widget's own attributes, then class, id last.
    id_ = attrs.pop("id", None)
    attrs["class"] = " ".join(kelas)
    if isinstance(widget, forms.Select):
        return html(
            '<select name="{}"{}{}>{}</select>',
            konteks["name"],
            _atribut(attrs),
            _atribut({"id": id_}) if id_ else "",
            opsi,
        )
    if isinstance(widget, forms.CheckboxInput):
        dicentang = attrs.pop("checked", False)
        return html(
            '<input type="checkbox" name="{}"{}{}{}>',
            konteks["name"],
            _atribut(attrs),
            _atribut({"id": id_}) if id_ else "",
            _CHECKED if dicentang else "",
        )
    nilai = konteks["value"]
    return html(
        '<input type="{}" name="{}"{}{}{}>',
        konteks["type"],
        konteks["name"],
        html(' value="{}"', nilai) if nilai not in (None, "") else "",
        _atribut(attrs),
        _atribut({"id": id_}) if id_ else "",
    )


def render_bidang(bound) -> str | None:
    """`<div class="mb-3"><label …>…</label><input …></div>`, as crispy's as_crispy_field;
    None for a select with option groups (crispy writes those)."""
    elemen = _elemen(bound)
    if elemen is None:
        return None
    if isinstance(bound.field.widget, forms.CheckboxInput):
        return html(
            '<div class="mb-3"><div id="div_{}" class="form-check">{}'
            '<label for="{}" class="form-check-label">{}</label></div></div>',
            bound.auto_id,
            elemen,
            bound.id_for_label,
            bound.label,
        )
    label = ""
    if bound.label:
        label = html(
            '<label for="{}" class="form-label">{}{}</label>',
            bound.id_for_label,
            bound.label,
            _WAJIB if bound.field.required else "",
        )
    return html('<div id="div_{}" class="mb-3">{}{}</div>', bound.auto_id, label, elemen)


class _PilihanTersimpan(ModelChoiceIterator):
    def _daftar(self):
        model = self.queryset.model
        return simpanan(
            f"pilihan:{model._meta.label_lower}",
            (model,),
            lambda: [(self.field.prepare_value(o), self.field.label_from_instance(o)) for o in self.queryset],
        )

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for nilai, label in self._daftar():
            yield ModelChoiceIteratorValue(nilai, None), label

    def __len__(self):
        return len(self._daftar()) + (1 if self.field.empty_label is not None else 0)

    def __bool__(self):
        return self.field.empty_label is not None or bool(self._daftar())


class PilihanSaring(forms.ModelChoiceField):
    """A filter's choice of a small reference table (form of business, unit, category): the
    options are kept per process until the table changes (lpse_portal.tersimpan), instead of a
    query — a server-side cursor, three round trips — on every list page. Checking a chosen
    value still reads the database."""

    iterator = _PilihanTersimpan

    def __init__(self, queryset, **kwargs):
        # The whole table in its default order: the kept list is per model, not per query.
        assert not queryset.query.where and not queryset.query.order_by, "PilihanSaring: hanya Model.objects.all()"
        super().__init__(queryset, **kwargs)
        pantau_model(queryset.model)
