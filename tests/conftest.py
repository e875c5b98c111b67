import pytest


@pytest.fixture(scope="session")
def nlp():
    from pipeline.nlp import shared_nlp
    return shared_nlp()


def parse_marked(marked: str):
    """'ОЭЗ «[Алабуга]» в [Татарстане]' → (text, [(start, end), …]) of the bracketed pieces."""
    text, spans, start = "", [], None
    for char in marked:
        if char == "[":
            start = len(text)
        elif char == "]":
            spans.append((start, len(text)))
        else:
            text += char
    return text, spans
