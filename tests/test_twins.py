from checker.models import Frame
from checker.twins import (
    about_two_things,
    count_numbers,
    long_enough,
    mask_dates,
    mask_names,
    mask_numbers,
    twins,
)


def test_masks_keep_the_words_and_hide_what_may_change() -> None:
    one = "Inspectors visited at least 42 schools, the office said."
    other = "Inspectors visited at least 24 schools, the office said."
    assert (
        mask_numbers(one)
        == mask_numbers(other)
        == ("inspectors visited at least # schools the office said")
    )
    assert mask_dates("The plan failed on March 15.") == mask_dates("The plan failed on Sept. 8.")
    assert (
        mask_names("Rain is due, according to Reuters.", ["Reuters"]) == "rain is due according to"
    )
    assert count_numbers("two boats and 3,500 tonnes") == 2
    assert not long_enough("too short", "Too short.")


def test_a_name_masks_with_the_article_before_it() -> None:
    # the source reader may keep "The" in one outlet's name and not in another's
    kept = mask_names("The Valley Post, citing the agency, reported it.", ["The Valley Post"])
    dropped = mask_names(
        "The Harbour Courier, citing the agency, reported it.", ["Harbour Courier"]
    )
    assert kept == dropped == "citing the agency reported it"


def test_a_twin_names_something_or_is_long() -> None:
    formula = "Sales rose 7% to $412 million from $385 million."
    assert not long_enough(mask_numbers(formula), formula)
    unnamed = "In fiscal 2023, the company earned $41.2 million on revenue of $610 million."
    assert not long_enough(mask_numbers(unnamed), unnamed)
    named = "In fiscal 2023, Halden Works earned $41.2 million on revenue of $610 million."
    assert long_enough(mask_numbers(named), named)
    long = "Officials in the region hope to call up between 170,000 and 200,000 men in the spring."
    assert long_enough(mask_numbers(long), long)


def test_twins_need_two_articles() -> None:
    class Item:
        def __init__(self, path: str, key: str) -> None:
            self.path, self.key = path, key

    items = [Item("a.md", "x"), Item("a.md", "x"), Item("b.md", "y"), Item("c.md", "y")]
    groups = list(twins(items, lambda item: item.key))
    assert [[i.path for i in group] for group in groups] == [["b.md", "c.md"]]


def test_twins_about_two_things_their_words_leave_unsaid() -> None:
    # "The treaty was signed ..." in the articles "Treaty of Orsk" and "Treaty of Delm"
    orsk = Frame(anchor=("Treaty of Orsk",), anchor_from="subject", predicate="sign")
    delm = Frame(anchor=("Treaty of Delm",), anchor_from="subject", predicate="sign")
    assert about_two_things(orsk, delm)
    assert not about_two_things(orsk, orsk)
    # a frame with no primary name, or none at all, tells nothing apart
    clause = Frame(anchor=("Orsk",), anchor_from="clause", predicate="sign")
    assert not about_two_things(orsk, clause)
    assert not about_two_things(orsk, None)
