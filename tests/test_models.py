from __future__ import annotations

import datetime as dt
import pickle

from checker.models import DateClaim, Figure, Granularity


def _date(line: int) -> DateClaim:
    return DateClaim(
        path="a.md", line=line, column=1, text="The bridge opened in 1911.", surface="in 1911",
        date=dt.date(1911, 1, 1), end=dt.date(1911, 12, 31), granularity=Granularity.YEAR,
        event="bridge opened",
    )  # fmt: skip


def test_unpickled_claims_of_one_shape_share_their_field_names() -> None:
    claims = pickle.loads(pickle.dumps([_date(1), _date(2), _date(3)]))
    assert claims == [_date(1), _date(2), _date(3)]
    names = {id(claim.__pydantic_fields_set__) for claim in claims}
    assert len(names) == 1


def test_a_copy_with_changes_leaves_the_shared_names_alone() -> None:
    first, second = pickle.loads(pickle.dumps([_date(1), _date(2)]))
    copy = first.model_copy(update={"participants": ("Dolna",)})
    assert "participants" in copy.model_fields_set
    assert "participants" not in first.model_fields_set
    assert "participants" not in second.model_fields_set
    assert first.model_dump(exclude_unset=True) == _date(1).model_dump(exclude_unset=True)


def test_claims_of_another_shape_keep_their_own_names() -> None:
    figure = Figure(path="a.md", line=1, column=1, text="Some 40 people came.", value=40.0)
    date, back = pickle.loads(pickle.dumps([_date(1), figure]))
    assert back == figure
    assert back.model_fields_set == figure.model_fields_set != date.model_fields_set
