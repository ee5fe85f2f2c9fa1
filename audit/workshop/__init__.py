"""Workshop rooms: the room guesses which journey stages cause the most friction, then the
data's answer is revealed beside the room's, with each participant's distance and the
stages where the room and the data disagree most (the understanding gap).

No Streamlit here: the app's Workshop page only lays out what these modules keep and
compute, so the rules can be tested without a browser.
"""
