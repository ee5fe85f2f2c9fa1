"""The server's start (audit.ui.startup): `streamlit run app.py` finds the st.App whose
start-up audits the example, and the first visit then draws the example from the caches,
reading and auditing nothing itself."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest
from streamlit.web.server.app_discovery import discover_asgi_app

from audit.ui import loading, startup

APP = Path(__file__).resolve().parents[2] / "app.py"


def test_streamlit_run_serves_the_app_with_its_start_up():
    found = discover_asgi_app(APP)
    assert found.is_asgi_app
    assert found.import_string == "app:app"


def test_the_first_visit_draws_the_example_audited_at_start(monkeypatch):
    st.cache_resource.clear()
    startup.warm_example()

    def again(*_args, **_kwargs):
        raise AssertionError("the first visit read or audited the example itself")

    monkeypatch.setattr(loading, "read_log", again)
    monkeypatch.setattr(loading, "run_audit", again)
    at = AppTest.from_file(str(APP), default_timeout=120).run()
    assert not at.exception
    assert at.title[0].value == "Friction map"
    assert len(at.metric) >= 7  # the key figures of the audit


def test_without_the_warm_start_the_first_visit_audits(monkeypatch):
    """The check above can fail: with nothing warmed, the visit audits the example."""
    st.cache_resource.clear()
    audits: list[str] = []
    run_audit = loading.run_audit

    def counted(log, **options):
        audits.append(log.source)
        return run_audit(log, **options)

    monkeypatch.setattr(loading, "run_audit", counted)
    at = AppTest.from_file(str(APP), default_timeout=120).run()
    assert not at.exception
    assert audits == ["insurance_claims.csv"]
