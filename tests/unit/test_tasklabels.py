"""Task-list checkboxes get their item's text as accessible name."""

from __future__ import annotations

import markdown
import pytest

from govportal.pages.tasklabels import label_task_checkboxes

SOURCE = """\
- [ ] Tell the "employee" & <b>the team</b> [which data](x.md) you see
- [x] Done
    - [ ] Nested item

Between lists.

- [ ] Loose item

- [X] Second loose item
"""


def render(**tasklist: bool) -> str:
    return markdown.markdown(
        SOURCE, extensions=["pymdownx.tasklist", "govportal.pages.tasklabels"],
        extension_configs={"pymdownx.tasklist": tasklist})


@pytest.mark.parametrize("options", [
    {"custom_checkbox": True, "clickable_checkbox": True},
    {"custom_checkbox": True},
    {},
])
def test_every_checkbox_is_named_after_its_item(options: dict) -> None:
    html = render(**options)
    assert html.count('type="checkbox"') == 5
    assert html.count("aria-label=") == 5
    assert 'aria-label="Tell the &quot;employee&quot; &amp; the team which data you see"' in html
    for name in ("Done", "Nested item", "Loose item", "Second loose item"):
        assert f'aria-label="{name}"' in html


def test_a_named_checkbox_is_left_alone() -> None:
    html = ('<li class="task-list-item"><input type="checkbox" aria-label="Kept"/> '
            "Other text</li>")
    assert label_task_checkboxes(html) == html


def test_other_inputs_are_left_alone() -> None:
    html = '<li class="task-list-item"><input type="text"/> Text</li><input type="checkbox"/>'
    assert label_task_checkboxes(html) == html


def test_the_item_text_sits_in_the_boxs_label_so_it_toggles_the_box() -> None:
    html = render(custom_checkbox=True, clickable_checkbox=True)
    assert ('<span class="task-list-indicator"></span><span class="task-list-text">Done</span>'
            "</label>") in html
    assert '<span class="task-list-text">Loose item</span></label>' in html
    # an item with a link keeps its text outside the label: a tap on the link follows it
    assert '<span class="task-list-indicator"></span></label> Tell the' in html


def test_without_custom_checkbox_the_text_stays_where_it_was() -> None:
    assert "task-list-text" not in render()
