"""The Over time and by segment page on the example lays out what the library computed
(the numbers are checked in tests/engine/test_trend.py, tests/engine/test_segments.py and
tests/sample/test_planted_changes.py), in English and in Finnish."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parents[2]
APP = REPO / "app.py"


def test_the_page_shows_the_planted_changes():
    at = AppTest.from_file(str(APP), default_timeout=180).run()
    at.switch_page("audit/ui/pages/trend.py").run()
    assert not at.exception
    assert at.title[0].value == "Over time"
    # case attributes, then the channel and org unit; not the NPS answers
    assert at.selectbox[0].options == ["claim_type", "first_contact", "channel", "org_unit"]
    at.selectbox[0].set_value("channel").run()
    channels = at.dataframe[1].value
    # the first channel of each case is how the claim came in: web, phone, e-mail, letter
    assert set(channels["segment"]) == {"web", "phone", "e-mail", "letter"}
    at.selectbox[0].set_value("first_contact").run()
    tables = [frame.value for frame in at.dataframe]
    changes, segments, differences = tables
    assert set(changes["stage"]) == {"Assessment"}  # the ping-pong fixed from September
    assert "ping-pong share" in set(changes["measure"])
    # the app pseudonymises attribute values by default: four channels, named id-…
    assert segments["segment"].nunique() == 4
    assert set(differences["stage"]) == {"Provide documents"}  # the letters' extra requests
    assert "Grey points: a stage in a period with fewer than 30 cases, too few to trust." in [
        c.value for c in at.caption
    ]
    at.sidebar.segmented_control[0].set_value("fi").run()
    assert not at.exception
    assert at.title[0].value == "Ajan mittaan"
