"""Journey Audit app: `streamlit run app.py` opens the built-in example's audit."""

from audit.ui.main import main

main()
