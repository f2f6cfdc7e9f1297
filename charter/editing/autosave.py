"""The autosave's pace, shared by the forms' htmx attributes and ``bench/load_edits.py``.

Free of models so that the bench can read it before Django is set up.
"""

# Seconds after the last keystroke before long text saves itself: at most one autosave per
# editor and second.
AUTOSAVE_DELAY_SECONDS = 1
