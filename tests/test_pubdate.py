import datetime as dt

from checker.pubdate import infer_date


def test_complete_date_wins() -> None:
    body = "On March 3 the council met.\nA caption from 4 February 2026.\nIt happened in 2025."
    assert infer_date(body) == dt.date(2026, 2, 4)


def test_yearless_day_takes_the_latest_past_year() -> None:
    body = "The agency said on May 12 that stocks fell.\nOutput was weak in 2024 and in 2025."
    assert infer_date(body) == dt.date(2025, 5, 12)


def test_future_years_do_not_date_an_article() -> None:
    body = "The plan for 2030 was signed on May 12.\nA 2031 budget is due."
    assert infer_date(body) is None


def test_month_and_year_is_the_last_resort() -> None:
    body = "Figures released in December 2024 showed a rise."
    assert infer_date(body) == dt.date(2024, 12, 31)
