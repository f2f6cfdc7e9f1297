"""A model choice field that reads its choices in one query per form, however often shown."""

from django import forms
from django.forms.models import ModelChoiceIterator


class OneQueryChoiceIterator(ModelChoiceIterator):
    """The field's queryset, evaluated once and kept for every later render.

    Django's own iterator reads it through ``QuerySet.iterator()`` at each render: a fresh
    query, on PostgreSQL a server-side cursor (declare, fetch, close) every time.
    """

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        rows = self.field.loaded_rows
        for obj in self.queryset if rows is None else rows:
            yield self.choice(obj)


class OneQueryModelChoiceField(forms.ModelChoiceField):
    """``loaded_rows``, when set, are the queryset's rows the view has already read: the
    choices list them without a query (a submitted value is still checked by the queryset)."""

    iterator = OneQueryChoiceIterator
    loaded_rows: list | None = None
