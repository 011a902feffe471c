"""The pathway plan as plain Python: dataclasses, vocabularies, validation and dates.

Nothing here imports Qt or SQLAlchemy (a test guards it).
"""
