"""Main text from HTML: when the fast path's text is checked against trafilatura's full cascade."""

from __future__ import annotations

from enduse.ingest.html import _fast_path_fell_short, extract_main_text, paragraph_chars, parse_html


def _page(paragraphs: int) -> str:
    sentence = "This paragraph of the page says something at some length. "
    body = "".join(f"<p>{i}. {sentence * 4}</p>" for i in range(paragraphs))
    return f"<html><body><nav><a href='/'>Home</a></nav><div>{body}</div></body></html>"


def test_a_short_text_from_a_page_with_much_more_paragraph_text_falls_back() -> None:
    tree = parse_html(_page(30))
    assert paragraph_chars(tree) > 5000
    assert _fast_path_fell_short("x" * 600, tree)


def test_a_short_text_that_is_most_of_the_page_is_kept() -> None:
    tree = parse_html(_page(3))
    assert _fast_path_fell_short("x" * 100, tree)  # below the floor: always checked
    assert not _fast_path_fell_short("x" * 600, tree)
    assert not _fast_path_fell_short("x" * 1200, parse_html(_page(30)))  # long enough on its own


def _article_with(extra: str) -> str:
    sentence = "The ministry confirmed the delivery of the equipment to the brigade in the east. "
    body = "".join(f"<p>{sentence * 3}</p>" for _ in range(6))
    return f"<html><body><article><h1>Deliveries</h1>{body}{extra}{body}</article></body></html>"


def test_a_table_inside_the_article_is_article_text() -> None:
    table = "<table><tr><th>System</th><th>Units</th></tr><tr><td>Gepard turret</td><td>34</td></tr></table>"
    text = extract_main_text(_article_with(table)).text
    assert "Gepard turret" in text
    assert "34" in text


def test_a_page_with_control_characters_still_yields_its_text() -> None:
    # Some CMSs leave bell or backspace characters in footnotes; lxml keeps them in the tree
    # and trafilatura then fails on it and returns nothing.
    text = extract_main_text(_article_with("<p>Source: WWF\x07 (2020):\x07 Living Planet Report.</p>")).text
    assert "The ministry confirmed the delivery" in text
    assert "Living Planet Report" in text


def test_an_end_tag_without_its_bracket_cuts_no_more_than_its_script() -> None:
    # "</script" followed by a comment: browsers close the tag at the next ">"; a pattern that
    # waits for "</script>" would cut everything up to the next script, article included.
    page = _article_with("")
    broken = page.replace("<body>", "<body><script src='a.js'></script\n <!-- plugin -->", 1)
    broken = broken.replace("</article>", "</article><script>var x = 1;</script>", 1)
    assert "The ministry confirmed the delivery" in extract_main_text(broken).text
