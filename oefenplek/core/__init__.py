"""The domain of oefenplek, in plain Python: lessons, the lesson engine, progress.

Nothing here imports Qt or SQLAlchemy, so it is quick to load and easy to test.
"""
