"""The reader's UI language: chosen in the header, remembered on their account."""
