"""Clean-up of extracted text: repeats go, recurring short pieces of the article stay."""

from __future__ import annotations

from enduse.ingest.boilerplate import clean_text

PARAGRAPH = "The ministry confirmed that the howitzers reached the brigade in the east last week."


def test_a_repeated_sentence_is_kept_once() -> None:
    text = clean_text(f"{PARAGRAPH}\n\nA second paragraph follows here.\n\n{PARAGRAPH}", extracted=True).text
    assert text.count(PARAGRAPH) == 1


def test_list_entries_that_start_alike_are_all_kept() -> None:
    # Sentence splitting cuts after "1." and "Dr.": their fragments are no evidence of a repeat.
    lists = "1. Choose the right pot.\n\n2. Water it well.\n\nSecond season:\n\n1. Cut the old stems."
    text = clean_text(f"{PARAGRAPH}\n\n{lists}", extracted=True).text
    assert "1. Choose the right pot" in text and "1. Cut the old stems" in text
    rows = "| 1 Pck. | Dr. Oetker Backin |\n\n| 1 Pck. | Dr. Oetker Vanillin-Zucker |"
    assert "Dr. Oetker Vanillin-Zucker" in clean_text(f"{PARAGRAPH}\n\n{rows}", extracted=True).text


def test_a_recurring_short_label_stays_once_in_extracted_text_and_goes_from_scraped_text() -> None:
    lines = [PARAGRAPH, "Repeat Chorus", "Another verse of the song goes on for a while here.", "Repeat Chorus"]
    extracted = clean_text("\n".join(lines), extracted=True).text
    assert extracted.count("Repeat Chorus") == 1
    assert "Repeat Chorus" not in clean_text("\n".join(lines)).text
