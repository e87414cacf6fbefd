from checker.extract.sentences import split_sentences


def test_sentences_skip_furniture() -> None:
    body = "Category\nLatest news\n\n2 min read\nThe army grew. It shrank later.\n"
    sentences = split_sentences(body, tuple(range(1, 7)))
    assert [s.text for s in sentences] == ["The army grew.", "It shrank later."]
    assert sentences[1].line == 5 and sentences[1].column == 16
