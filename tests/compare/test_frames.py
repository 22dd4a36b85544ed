"""Compare reads every text as NFC without outer spaces, whatever form the rows came in."""

import unicodedata

import pandas as pd

from pipeline.compare.frames import prepare


def test_decomposed_padded_and_missing_cells_become_nfc_text():
    nfd = unicodedata.normalize("NFD", "Sở Nội vụ")
    rows = pd.DataFrame({"doc_id": ["a", "b", "c"], "body": [f" {nfd} ", None, "Sở Y tế"],
                         "role": ["lead", "lead", "lead"]}, dtype="str")
    body = prepare({"responsibilities": rows})["responsibilities"].body
    assert list(body) == ["Sở Nội vụ", "", "Sở Y tế"]
    assert unicodedata.is_normalized("NFC", body[0])


def test_a_column_already_clean_is_read_as_it_is():
    rows = pd.DataFrame({"doc_id": ["a", "b"], "body": ["Sở Nội vụ", "Sở Y tế"],
                         "role": ["lead", "assigned"]}, dtype="str")
    assert list(prepare({"responsibilities": rows})["responsibilities"].body) == ["Sở Nội vụ", "Sở Y tế"]
