from checker.twins import count_numbers, long_enough, mask_dates, mask_names, mask_numbers, twins


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
    assert not long_enough("too short")


def test_twins_need_two_articles() -> None:
    class Item:
        def __init__(self, path: str, key: str) -> None:
            self.path, self.key = path, key

    items = [Item("a.md", "x"), Item("a.md", "x"), Item("b.md", "y"), Item("c.md", "y")]
    groups = list(twins(items, lambda item: item.key))
    assert [[i.path for i in group] for group in groups] == [["b.md", "c.md"]]
