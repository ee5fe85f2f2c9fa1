"""Journey Audit app: `streamlit run app.py` opens the built-in example's audit.

`streamlit run` finds the `st.App` below and serves it: its start-up imports the app and
audits the example (audit.ui.startup) before the first page is asked for. For every visit
Streamlit then runs this same file as the page script, under the name "__main__", which
draws the app.
"""

import streamlit as st

from audit.ui.startup import lifespan

if __name__ == "__main__":
    from audit.ui.main import main

    main()
else:
    app = st.App(__file__, lifespan=lifespan)
