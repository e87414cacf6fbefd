import checker


def test_all_is_sorted_and_exported() -> None:
    assert checker.__all__ == sorted(checker.__all__)
    for name in checker.__all__:
        assert hasattr(checker, name)
