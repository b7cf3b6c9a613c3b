"""A project's template overrides are as untrusted as its data (a pull request can change
them): the page environment is Jinja's immutable sandbox, and its shortcuts (verdicts kept
per type and attribute, plain values read without the format-method check) keep every
refusal the sandbox makes."""

from __future__ import annotations

import datetime as dt

import jinja2.sandbox
import pytest

from govportal.data import model as m
from govportal.pages.environment import environment


class Holder:
    """A template-visible object with a text, a method and a list."""

    def __init__(self) -> None:
        self.title = "Coaching tips"
        self.pattern = "{0.__class__.__mro__}"  # texts a project could hold
        self.named = "{h.__class__.__mro__}"
        self.items = ["a", "b"]
        self.when = dt.date(2026, 12, 1)

    def shout(self) -> str:
        return self.title.upper()


@pytest.mark.parametrize("source", [
    "{{ h.__class__ }}",
    "{{ h.title.__class__.__mro__ }}",
    "{{ h.shout.__globals__ }}",
    "{{ h.pattern.format(h) }}",
    "{{ h.named.format_map({'h': h}) }}",
    "{{ '{0.__init__.__globals__}'.format(h) }}",
    "{{ h.items.append('c') }}",
    "{{ h.when.__class__.__subclasses__() }}",
])
def test_a_template_cannot_reach_past_the_sandbox(source: str) -> None:
    env = environment()
    with pytest.raises(jinja2.sandbox.SecurityError):
        env.from_string(source).render(h=Holder())


def test_plain_values_and_safe_methods_are_read_as_before() -> None:
    env = environment()
    out = env.from_string("{{ h.title }} {{ h.items | length }} {{ h.shout() }} "
                          "{{ h.when.year }} {{ '{}-{}'.format(h.title, 1) }}").render(h=Holder())
    assert out == "Coaching tips 2 COACHING TIPS 2026 Coaching tips-1"


def test_a_data_model_attribute_is_read_through_the_sandbox() -> None:
    env = environment()
    omission = m.WordingOmission(omit="We sell no personal information.")
    assert env.from_string("{{ w.omit }}").render(w=omission) == \
        "We sell no personal information."
    for source in ("{{ w.__dict__ }}", "{{ w.__class__ }}", "{{ w.__pydantic_validator__ }}",
                   "{{ w.omit.__class__ }}"):
        with pytest.raises(jinja2.sandbox.SecurityError):
            env.from_string(source).render(w=omission)
